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
    // Comments are not content: the status and fingerprint do not see them.
    assert_eq!(standing(&a).status, Status::Draft);
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
    // Markup in a comment stays text on the panel.
    apply(&mut a, edit("C <b>", "<script>alert(1)</script>"), 3).expect("written");
    let html = crate::core::report::review::review_html(pack(), &a, &ReviewView::default(), "2026-12-06");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"));
    assert!(html.contains("C &lt;b&gt;"));
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
fn the_panel_starts_with_the_name_and_role_this_browser_remembers_and_remembers_new_ones() {
    use crate::core::render::{render_json_for, Request};
    let record = serde_json::to_value(sample()).expect("json");
    let you = r#"{"by":"C. Reviewer","role":"Head of legal"}"#;
    let draw =
        Request::Review { record: record.clone(), view: serde_json::Value::Null, today: "2026-12-06".into() };
    let (html, remember) = render_json_for(&serde_json::to_string(&draw).expect("json"), Some(you));
    let html = html.expect("drawn").text;
    assert!(html.contains("value=\"C. Reviewer\"") && html.contains("value=\"Head of legal\""));
    assert_eq!(remember, None, "nothing new to remember");
    let edit = |name: &str, value: &str| Request::Edit {
        editor: crate::core::editor::Editor::Review,
        record: record.clone(),
        view: serde_json::Value::Null,
        input: typed(name, value),
        today: "2026-12-06".into(),
        now: 1,
    };
    let json = |r: &Request<serde_json::Value>| serde_json::to_string(r).expect("json");
    let (step, remember) = render_json_for(&json(&edit("rv.role", "Legal adviser")), Some(you));
    let step: serde_json::Value = serde_json::from_str(&step.expect("step").text).expect("json");
    assert_eq!(
        (step["view"]["by"].as_str(), step["view"]["role"].as_str()),
        (Some("C. Reviewer"), Some("Legal adviser"))
    );
    assert_eq!(remember.as_deref(), Some(r#"{"by":"C. Reviewer","role":"Legal adviser"}"#));
    let (_, remember) = render_json_for(&json(&edit("rv.comment", "Why?")), Some(you));
    assert_eq!(remember, None, "other fields are not remembered");
    let (_, remember) = render_json_for(&json(&edit("rv.by", "A. Okafor")), None);
    assert_eq!(
        remember.as_deref(),
        Some(r#"{"by":"A. Okafor","role":""}"#),
        "a first name, in a browser that had none"
    );
}
