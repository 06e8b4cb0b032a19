//! Comments: written, resolved, reopened, counted, visited in turn and combined with another copy's.

use super::comments::{grouped, is_open, union, MAX_COMMENT};
use super::edit::{apply, Edit, EditError, Field};
use super::event::{raw, ReviewView};
use super::*;
use crate::core::assessment::{Answer, ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::input::{How, Raw, Save};

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "cm-1".into(),
        Kind::Readiness,
        NewAssessment { title: "Northshire readiness".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    a.answers.insert("R1.1".into(), Answer::Level(3));
    a
}

fn comment(on: &str, text: &str) -> Edit {
    Edit::Comment { on: on.into(), text: text.into(), by: "C. Reviewer".into(), role: "Legal".into() }
}

/// An approver's sign-off of 2026-12-06.
fn signoff() -> super::edit::Signoff {
    super::edit::Signoff {
        by: "C".into(),
        role: "Legal".into(),
        date: "2026-12-06".into(),
        statement: "Fit.".into(),
        conditions: String::new(),
    }
}

fn who() -> (String, String) {
    ("A. Okafor".into(), "Analyst".into())
}

#[test]
fn a_comment_is_open_until_resolved_and_open_again_when_reopened() {
    let mut a = sample();
    apply(&mut a, comment("R1.1", "Which policy says this?"), 10).expect("written");
    let id = Review::of(&a).comments[0].id.clone();
    assert_eq!((Review::of(&a).open_comments(), standing(&a).open), (1, 1));
    let (by, role) = who();
    apply(&mut a, Edit::Resolve { id: id.clone(), by: by.clone(), role: role.clone() }, 20)
        .expect("resolved");
    assert_eq!(standing(&a).open, 0);
    let c = &Review::of(&a).comments[0];
    assert_eq!(c.resolved.as_ref().map(|r| (r.by.as_str(), r.at)), Some(("A. Okafor", 20)));
    assert_eq!(
        apply(&mut a, Edit::Resolve { id: id.clone(), by: by.clone(), role: role.clone() }, 21),
        Err(EditError::AlreadyResolved)
    );
    // Reopened in the same millisecond (or by a browser whose clock is behind): still later.
    apply(&mut a, Edit::Reopen { id: id.clone(), by, role }, 5).expect("reopened");
    assert!(Review::of(&a).comments[0].is_open());
    assert_eq!(standing(&a).open, 1);
}

#[test]
fn comments_are_not_content_an_approved_assessment_stays_approved_with_its_fingerprint() {
    let mut a = sample();
    let signoff = signoff();
    apply(&mut a, Edit::Approve { signoff, fingerprint: "sha256:x".into() }, 1).expect("approved");
    let print = crate::core::answer_file::fingerprint::of(&a);
    apply(&mut a, comment("R1.1", "Noted for next year."), 2).expect("written");
    let id = Review::of(&a).comments[0].id.clone();
    let (by, role) = who();
    apply(&mut a, Edit::Resolve { id, by, role }, 3).expect("resolved");
    assert_eq!(standing(&a).status, Status::Approved);
    assert_eq!(crate::core::answer_file::fingerprint::of(&a), print);
}

#[test]
fn a_comment_only_goes_on_an_item_the_assessment_has() {
    let mut a = sample();
    let mut v = ReviewView {
        by: "C".into(),
        role: "Legal".into(),
        on: "K9".into(),
        comment: "Why?".into(),
        ..ReviewView::default()
    };
    let print = |_: &Assessment| "sha256:0".to_string();
    let (problem, focus) =
        raw(pack(), &mut a, &mut v, click("rv.add-comment"), &print, "2026-12-06", 1).expect_err("refused");
    assert_eq!(
        (problem.as_str(), focus.as_deref()),
        (crate::core::content::t("review.no_item"), Some("rv.on"))
    );
    assert_eq!(apply(&mut a, comment("R1.1\" onclick=\"x", "Why?"), 1), Err(EditError::NoItem));
    assert!(Review::of(&a).comments.is_empty());
}

#[test]
fn a_comment_needs_a_name_a_role_and_words_within_the_limit() {
    let mut a = sample();
    let edit = |by: &str, text: &str| Edit::Comment {
        on: String::new(),
        text: text.into(),
        by: by.into(),
        role: "Legal".into(),
    };
    assert_eq!(apply(&mut a, edit("", "Why?"), 1), Err(EditError::Missing(Field::By)));
    assert_eq!(apply(&mut a, edit("C", "  "), 1), Err(EditError::Missing(Field::Comment)));
    let long = "x".repeat(MAX_COMMENT + 1);
    assert!(matches!(apply(&mut a, edit("C", &long), 1), Err(EditError::TooLong(Field::Comment, _))));
    assert!(Review::of(&a).comments.is_empty(), "nothing refused is kept");
    let (by, role) = who();
    assert_eq!(apply(&mut a, Edit::Resolve { id: "c1-0".into(), by, role }, 2), Err(EditError::NoComment));
}

fn click(name: &str) -> Raw {
    Raw { name: name.into(), value: String::new(), checked: false, how: How::Clicked }
}

fn typed(name: &str, value: &str) -> Raw {
    Raw { name: name.into(), value: value.into(), checked: false, how: How::Typed }
}

#[test]
fn the_panel_adds_a_comment_on_the_item_chosen_and_goes_to_each_open_one_in_turn() {
    let mut a = sample();
    let mut v = ReviewView { by: "C. Reviewer".into(), role: "Legal".into(), ..ReviewView::default() };
    let print = |_: &Assessment| "sha256:0".to_string();
    let go = |a: &mut Assessment, v: &mut ReviewView, r: Raw, now: i64| {
        raw(pack(), a, v, r, &print, "2026-12-06", now)
    };
    // On R1.2, then on the whole assessment, then on R1.1.
    for (on, text, now) in
        [("R1.2", "Evidence?", 1), ("", "Add the DPIA reference.", 2), ("R1.1", "Why 3?", 3)]
    {
        go(&mut a, &mut v, typed("rv.on", on), now).expect("chosen");
        go(&mut a, &mut v, typed("rv.comment", text), now).expect("typed");
        let done = go(&mut a, &mut v, click("rv.add-comment"), now).expect("added");
        let id = Review::of(&a).comments.iter().find(|c| c.text == text).map(|c| c.id.clone()).expect("kept");
        assert_eq!((done.0, done.2), (Some(Save::Now), Some(format!("cm.{id}"))), "focus on the new comment");
        assert!(v.comment.is_empty(), "the box is ready for the next one");
    }
    let ids: Vec<String> = Review::of(&a).comments.iter().map(|c| c.id.clone()).collect();
    // In the panel's order: the whole assessment first, then R1.1 before R1.2 (the questionnaire's).
    let order = [&ids[1], &ids[2], &ids[0]];
    let (by, role) = who();
    apply(&mut a, Edit::Resolve { id: ids[2].clone(), by, role }, 4).expect("resolved");
    let mut seen = Vec::new();
    for _ in 0..3 {
        let done = go(&mut a, &mut v, click("rv.next-open"), 5).expect("next");
        assert_eq!(done.0, None, "visiting saves nothing");
        seen.push(done.2.expect("focus"));
    }
    let cm = |id: &String| format!("cm.{id}");
    assert_eq!(
        seen,
        [cm(order[0]), cm(order[2]), cm(order[0])],
        "the resolved one is skipped, round to the first"
    );
    let review = Review::of(&a);
    let groups = grouped(pack(), &a, &review.comments);
    assert_eq!(groups.len(), 2, "the assessment, then the dimension of R1.1 and R1.2");
}

#[test]
fn next_open_comment_says_when_none_is_open() {
    let mut a = sample();
    let mut v = ReviewView::default();
    let print = |_: &Assessment| "sha256:0".to_string();
    let (problem, _) =
        raw(pack(), &mut a, &mut v, click("rv.next-open"), &print, "2026-12-06", 1).expect_err("none");
    assert_eq!(problem, crate::core::content::t("review.none_open"));
}

#[test]
fn open_means_reopened_after_the_latest_resolution() {
    assert!(is_open(None, None));
    assert!(is_open(None, Some(3)));
    assert!(!is_open(Some(3), None));
    assert!(!is_open(Some(3), Some(3)));
    assert!(is_open(Some(3), Some(4)));
}

#[test]
fn replacing_a_record_combines_both_copies_comments() {
    // The reviewer's copy: two comments. The respondent's, sent back: one of them resolved, and a
    // reply of their own.
    let mut reviewer = sample();
    apply(&mut reviewer, comment("R1.1", "Why 3?"), 10).expect("written");
    apply(&mut reviewer, comment("R1.2", "Evidence?"), 11).expect("written");
    let mut respondent = reviewer.clone();
    let first = Review::of(&reviewer).comments[0].id.clone();
    let (by, role) = who();
    apply(&mut respondent, Edit::Resolve { id: first.clone(), by, role: role.clone() }, 20)
        .expect("resolved");
    let reply = Edit::Comment { on: "R1.2".into(), text: "Attached.".into(), by: "A. Okafor".into(), role };
    apply(&mut respondent, reply, 21).expect("written");
    // The reviewer replaces their copy with the respondent's: all three, the first resolved.
    let mut incoming = respondent.review.clone();
    keep_review(&reviewer.review, &mut incoming);
    let combined = Review::of(&Assessment { review: incoming.clone(), ..reviewer.clone() });
    assert_eq!(combined.comments.len(), 3);
    assert_eq!(combined.open_comments(), 2);
    assert!(!combined.comments.iter().find(|c| c.id == first).expect("kept").is_open());
    // The other way round (the respondent's copy kept, the reviewer's coming in) gives the same.
    let mut back = reviewer.review.clone();
    keep_review(&respondent.review, &mut back);
    assert_eq!(union(&back.0["comments"], &serde_json::Value::Null), incoming.0["comments"]);
}

#[test]
fn the_next_review_is_a_date_and_events_and_the_library_sees_it_due_once_passed() {
    use crate::core::logbook::Trigger;
    let mut a = sample();
    let schedule = |date: &str, events: Vec<Trigger>| Edit::Schedule { date: date.into(), events };
    assert_eq!(apply(&mut a, schedule("2027-02-30", vec![]), 1), Err(EditError::BadNextDate));
    let events = vec![Trigger::Incident, Trigger::NewModel, Trigger::Incident];
    apply(&mut a, schedule("2027-03-01", events), 1).expect("set");
    let next = Review::of(&a).next.expect("kept");
    assert_eq!(next.events, [Trigger::NewModel, Trigger::Incident], "each once, in the app's order");
    let here = standing(&a);
    assert_eq!(here.due.as_deref(), Some("2027-03-01"));
    assert!(!here.is_due("2027-03-01") && here.is_due("2027-03-02"));
    assert_eq!(Standing::from_code(&here.code()), here);
    // Nothing left: no next review at all.
    apply(&mut a, schedule("", vec![]), 2).expect("cleared");
    assert_eq!(Review::of(&a).next, None);
    assert_eq!(standing(&a).due, None);
}

#[test]
fn a_workbook_decision_review_that_comes_first_is_the_one_due() {
    use crate::core::logbook::Entry;
    let mut a = Assessment::new(
        "wb-1".into(),
        Kind::Workbook,
        NewAssessment { title: "Face search workbook".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1,
    );
    a.workbook.log.push(Entry {
        id: "D1".into(),
        review_date: "2027-01-15".into(),
        recorded: Some(5),
        ..Entry::default()
    });
    assert_eq!(standing(&a).due.as_deref(), Some("2027-01-15"));
    apply(&mut a, Edit::Schedule { date: "2027-06-30".into(), events: vec![] }, 1).expect("set");
    assert_eq!(standing(&a).due.as_deref(), Some("2027-01-15"), "the earlier date counts");
    apply(&mut a, Edit::Schedule { date: "2026-12-31".into(), events: vec![] }, 1).expect("set");
    assert_eq!(standing(&a).due.as_deref(), Some("2026-12-31"));
}

#[test]
fn a_standing_with_comments_and_a_due_date_reads_back_from_its_code() {
    let s = Standing {
        status: Status::Approved,
        approved: Some(2),
        changed: true,
        open: 3,
        due: Some("2027-03-01".into()),
    };
    assert_eq!(s.code(), "approved:2*#3@2027-03-01");
    assert_eq!(Standing::from_code(&s.code()), s);
}

#[test]
fn a_kept_copy_or_a_merged_assessment_takes_the_comments_and_nothing_else_of_a_review() {
    let mut a = sample();
    apply(&mut a, comment("R1.1", "Why 3?"), 1).expect("written");
    apply(&mut a, Edit::Request { by: "A".into(), role: "Analyst".into() }, 2).expect("asked");
    let mut b = sample();
    apply(&mut b, comment("R1.2", "Evidence?"), 3).expect("written");
    let both = comments_of([&a.review, &b.review, &a.review]);
    let review = Review::of(&Assessment { review: both, ..sample() });
    assert_eq!(review.comments.len(), 2);
    assert!(review.requested.is_none() && review.approvals.is_empty());
    assert_eq!(comments_of([&sample().review]), Stored::default(), "none: no review at all");
}

#[test]
fn a_comment_follows_its_question_to_a_new_id() {
    // The content's `changes` move an answer from an old id to its one successor; a comment on it
    // moves too, answered or not.
    let p = pack();
    let ch = p.changes.iter().find(|c| c.now.len() == 1).expect("a renamed item in the pack");
    let (old, new): (&str, &str) = (ch.id.as_ref(), ch.now[0].as_ref());
    let mut a = sample();
    a.kind = Kind::Risk;
    a.content.version = "1.0.0".into();
    a.answers.clear();
    let review = serde_json::json!({ "comments": [{ "id": "c1-0", "on": old, "by": "C", "role": "L", "at": 1, "text": "Why?" }] });
    a.review = Stored(review);
    assert!(crate::core::upgrade::upgrade(p, &mut a));
    assert_eq!(a.review.0["comments"][0]["on"], new);
}

#[test]
fn a_restricted_decision_stays_in_the_public_log_as_a_placeholder() {
    use crate::core::logbook::Entry;
    let mut a = sample();
    a.kind = Kind::Workbook;
    a.answers.clear();
    a.workbook.log = vec![
        Entry {
            id: "D1".into(),
            rationale: "Vendor X contract terms".into(),
            recorded: Some(1),
            ..Entry::default()
        },
        Entry {
            id: "D2".into(),
            rationale: "Go ahead".into(),
            supersedes: "D1".into(),
            recorded: Some(2),
            ..Entry::default()
        },
    ];
    apply(&mut a, Edit::Restrict { id: "D1".into(), restricted: true }, 3).expect("marked");
    let public = super::public::public_copy(&a);
    assert_eq!(public.workbook.log.len(), 2, "the log keeps its shape");
    assert_eq!(public.workbook.log[0].rationale, crate::core::content::t("review.restricted_decision"));
    assert_eq!(public.workbook.log[1].supersedes, "D1");
    let file = crate::core::answer_file::write(&[&public], &a.content, 0);
    assert!(!file.contains("Vendor X"));
}

#[test]
fn replacing_or_keeping_a_copy_keeps_every_restricted_mark() {
    let mut a = sample();
    apply(&mut a, Edit::Restrict { id: "R1.1".into(), restricted: true }, 1).expect("marked");
    // The incoming copy has no marks: the one here stays.
    let mut incoming = sample().review;
    keep_review(&a.review, &mut incoming);
    assert_eq!(Review::of(&Assessment { review: incoming, ..sample() }).restricted, ["R1.1"]);
    let kept = comments_of([&a.review]);
    assert_eq!(Review::of(&Assessment { review: kept, ..sample() }).restricted, ["R1.1"]);
}

#[test]
fn approving_clears_a_next_review_date_it_passed_and_keeps_the_events() {
    use crate::core::logbook::Trigger;
    let mut a = sample();
    apply(&mut a, Edit::Schedule { date: "2026-01-31".into(), events: vec![Trigger::Incident] }, 1)
        .expect("set");
    let signoff = signoff();
    apply(&mut a, Edit::Approve { signoff, fingerprint: "sha256:x".into() }, 2).expect("approved");
    let next = Review::of(&a).next.expect("events kept");
    assert_eq!((next.date.as_str(), next.events.as_slice()), ("", &[Trigger::Incident][..]));
    assert_eq!(standing(&a).due, None);
}
