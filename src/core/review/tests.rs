use super::changes::between;
use super::edit::{apply, Edit, EditError, Field, Signoff};
use super::event::{raw, ReviewView};
use super::*;
use crate::core::assessment::{Answer, ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::input::{How, Raw, Save};

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "rv-1".into(),
        Kind::Readiness,
        NewAssessment { title: "Northshire readiness".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    a.answers.insert("R1.1".into(), Answer::Level(3));
    a
}

fn signoff() -> Signoff {
    Signoff {
        by: "C. Reviewer".into(),
        role: "Head of legal".into(),
        date: "2026-12-06".into(),
        statement: "Approved for the pilot.".into(),
        conditions: String::new(),
    }
}

fn approve(a: &mut Assessment) -> Result<(), EditError> {
    apply(a, Edit::Approve { signoff: signoff(), fingerprint: "sha256:x".into() }, 5)
}

#[test]
fn the_status_follows_requests_approvals_edits_and_the_superseded_mark() {
    let mut a = sample();
    assert_eq!(
        standing(&a),
        Standing { status: Status::Draft, approved: None, changed: false, open: 0, due: None }
    );
    apply(&mut a, Edit::Request { by: "A. Okafor".into(), role: "Analyst".into() }, 1).expect("asked");
    assert_eq!(standing(&a).status, Status::InReview);
    approve(&mut a).expect("approved");
    assert_eq!(
        standing(&a),
        Standing { status: Status::Approved, approved: Some(1), changed: false, open: 0, due: None }
    );
    assert!(Review::of(&a).requested.is_none(), "an approval answers the request");
    // Any later edit of the content makes a draft that has changed since approval.
    a.answers.insert("R1.1".into(), Answer::Level(1));
    assert_eq!(
        standing(&a),
        Standing { status: Status::Draft, approved: Some(1), changed: true, open: 0, due: None }
    );
    // Put back as approved, it is approved again: the status is the content's, not a flag.
    a.answers.insert("R1.1".into(), Answer::Level(3));
    assert_eq!(standing(&a).status, Status::Approved);
    a.notes.insert("R1.1".into(), "Checked".into());
    approve(&mut a).expect("a second version");
    assert_eq!(standing(&a).approved, Some(2));
    apply(
        &mut a,
        Edit::Supersede { by: "C".into(), role: "Head".into(), note: "Replaced by v2 of the system".into() },
        9,
    )
    .expect("marked");
    assert_eq!(standing(&a).status, Status::Superseded);
    apply(&mut a, Edit::Reinstate, 10).expect("in force again");
    assert_eq!(standing(&a).status, Status::Approved);
}

#[test]
fn an_approval_needs_a_signer_a_role_a_real_date_and_a_statement() {
    let mut a = sample();
    let with = |f: fn(&mut Signoff)| {
        let mut s = signoff();
        f(&mut s);
        Edit::Approve { signoff: s, fingerprint: "sha256:x".into() }
    };
    let before = a.clone();
    assert_eq!(apply(&mut a, with(|s| s.by = "  ".into()), 1), Err(EditError::Missing(Field::By)));
    assert_eq!(apply(&mut a, with(|s| s.role.clear()), 1), Err(EditError::Missing(Field::Role)));
    assert_eq!(apply(&mut a, with(|s| s.date = "2026-02-30".into()), 1), Err(EditError::BadDate));
    assert_eq!(apply(&mut a, with(|s| s.statement.clear()), 1), Err(EditError::Missing(Field::Statement)));
    assert_eq!(a, before, "nothing changed");
    approve(&mut a).expect("approved");
    assert_eq!(approve(&mut a), Err(EditError::AlreadyApproved(1)));
    assert!(EditError::AlreadyApproved(1).to_string().contains('1'));
}

#[test]
fn an_approved_version_stays_as_it_was_whatever_is_edited_after() {
    let mut a = sample();
    approve(&mut a).expect("approved");
    a.answers.insert("R1.1".into(), Answer::Level(0));
    a.title = "Renamed".into();
    let copy = as_approved(&a, 1).expect("version 1");
    assert_eq!(copy.answers.get("R1.1"), Some(&Answer::Level(3)));
    assert_eq!(copy.title, "Northshire readiness");
    assert_eq!(standing(&copy).status, Status::Approved, "its report reads as approved");
    assert!(Review::of(&copy).approvals[0].content.as_ref().is_some_and(|c| c.review.is_empty()));
    assert_eq!(as_approved(&a, 2), None);
}

#[test]
fn only_the_latest_copies_are_kept_and_every_sign_off_stays() {
    let mut a = sample();
    for i in 0..(MAX_APPROVALS + 5) {
        a.notes.insert("R1.1".into(), format!("round {i}"));
        approve(&mut a).expect("approved");
    }
    let review = Review::of(&a);
    assert_eq!(review.approvals.len(), MAX_APPROVALS + 5);
    let kept: Vec<u32> = review.approvals.iter().filter(|p| p.content.is_some()).map(|p| p.version).collect();
    assert_eq!(kept, (6..=(MAX_APPROVALS as u32 + 5)).collect::<Vec<_>>());
    assert_eq!(standing(&a).status, Status::Approved);
    assert_eq!(as_approved(&a, 1), None, "the oldest copy was dropped");
}

#[test]
fn the_changes_between_versions_name_each_item_with_before_and_after() {
    let mut a = sample();
    approve(&mut a).expect("approved");
    let before = as_approved(&a, 1).expect("v1");
    assert!(between(pack(), &before, &a).is_empty());
    a.answers.insert("R1.1".into(), Answer::Level(1));
    a.notes.insert("R1.2".into(), "New evidence".into());
    let list = between(pack(), &before, &a);
    let items: Vec<&str> = list.iter().map(|c| c.item.as_str()).collect();
    assert_eq!(items, ["R1.1", "R1.2 · note"]);
    assert!(!list[0].text.is_empty(), "the question's words");
    assert_ne!(list[0].before, list[0].after);
    assert_eq!((list[1].before.as_str(), list[1].after.as_str()), ("–", "New evidence"));
}

#[test]
fn risk_ratings_and_decisions_show_by_risk_id() {
    use crate::core::register::Risk;
    let mut a = sample();
    a.kind = Kind::Risk;
    a.answers.clear();
    a.risk.register.push(Risk {
        id: "K1".into(),
        title: "Misidentification".into(),
        likelihood: 2,
        ..Risk::default()
    });
    let before = a.clone();
    a.risk.register[0].likelihood = 4;
    let list = between(pack(), &before, &a);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        (list[0].item.as_str(), list[0].before.as_str(), list[0].after.as_str()),
        ("K1 · likelihood", "2", "4")
    );
}

#[test]
fn a_changed_due_date_reads_in_words_between_versions() {
    use crate::core::register::{Mitigation, Risk};
    let mut a = sample();
    a.kind = Kind::Risk;
    a.answers.clear();
    let due = |d: &str| Mitigation { action: "Audit".into(), due: d.into(), ..Mitigation::default() };
    a.risk.register.push(Risk { id: "K1".into(), mitigations: vec![due("2027-01-31")], ..Risk::default() });
    let before = a.clone();
    a.risk.register[0].mitigations[0] = due("2027-03-01");
    let list = between(pack(), &before, &a);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!((list[0].before.as_str(), list[0].after.as_str()), ("31 January 2027", "1 March 2027"));
}

fn click(name: &str) -> Raw {
    Raw { name: name.into(), value: String::new(), checked: false, how: How::Clicked }
}

fn typed(name: &str, value: &str) -> Raw {
    Raw { name: name.into(), value: value.into(), checked: false, how: How::Typed }
}

#[test]
fn the_panel_keeps_the_form_until_a_button_uses_it_and_names_what_is_missing() {
    let mut a = sample();
    let mut v = ReviewView::default();
    let print = |_: &Assessment| "sha256:0".to_string();
    for (name, value) in [("rv.by", "C. Reviewer"), ("rv.role", "Head of legal")] {
        let done = raw(pack(), &mut a, &mut v, typed(name, value), &print, "2026-12-06", 1).expect("typed");
        assert_eq!((done.0, done.1.as_str()), (None, "nothing"), "a form field is not saved");
    }
    let (problem, focus) =
        raw(pack(), &mut a, &mut v, click("rv.approve"), &print, "2026-12-06", 1).expect_err("refused");
    assert!(!problem.is_empty());
    assert_eq!(focus.as_deref(), Some("rv.statement"));
    raw(pack(), &mut a, &mut v, typed("rv.statement", "Fit for the pilot."), &print, "2026-12-06", 1)
        .expect("typed");
    let done = raw(pack(), &mut a, &mut v, click("rv.approve"), &print, "2026-12-06", 1).expect("approved");
    assert_eq!(
        (done.0, done.1.as_str(), done.2.as_deref()),
        (Some(Save::Now), "register", Some("rv-status"))
    );
    let review = Review::of(&a);
    let p = &review.approvals[0];
    assert_eq!(
        (p.date.as_str(), p.by.as_str(), p.fingerprint.as_str()),
        ("2026-12-06", "C. Reviewer", "sha256:0")
    );
    assert!(v.statement.is_empty() && v.by == "C. Reviewer", "the form is ready for the next version");
    let unknown =
        raw(pack(), &mut a, &mut v, click("rv.sign"), &print, "2026-12-06", 1).expect_err("unknown");
    assert!(unknown.0.contains("rv.sign"));
}

#[test]
fn a_standing_reads_back_from_its_code() {
    for s in [
        Standing::default(),
        Standing { status: Status::Approved, approved: Some(2), changed: false, open: 0, due: None },
        Standing { status: Status::Draft, approved: Some(12), changed: true, open: 0, due: None },
        Standing { status: Status::InReview, approved: None, changed: false, open: 0, due: None },
        Standing { status: Status::Superseded, approved: Some(1), changed: true, open: 0, due: None },
    ] {
        assert_eq!(Standing::from_code(&s.code()), s, "{}", s.code());
    }
    assert_eq!(Standing::from_code(""), Standing::default());
    assert_eq!(Standing::from_code("nonsense:x"), Standing::default());
}

#[test]
fn replacing_keeps_the_approvals_the_replaced_copy_had() {
    let mut a = sample();
    approve(&mut a).expect("approved");
    let stored = a.review.clone();
    let mut incoming = sample();
    assert_eq!(keep_review(&stored, &mut incoming.review), 1);
    assert_eq!(incoming.review, stored);
    assert_eq!(standing(&incoming).status, Status::Approved);
    assert_eq!(keep_review(&stored, &mut incoming.review), 0, "already there");
    // Another approval made elsewhere as version 1 too: the one here keeps its number, the other
    // joins as 2.
    let mut other = sample();
    other.notes.insert("R1.1".into(), "Elsewhere".into());
    apply(&mut other, Edit::Approve { signoff: signoff(), fingerprint: "sha256:y".into() }, 9)
        .expect("approved");
    assert_eq!(keep_review(&stored, &mut other.review), 1);
    let versions: Vec<(u32, String)> =
        Review::of(&other).approvals.iter().map(|p| (p.version, p.fingerprint.clone())).collect();
    assert_eq!(versions, [(1, "sha256:x".to_string()), (2, "sha256:y".to_string())]);
    // A file that altered the statement of an approval kept here does not change it.
    let mut forged = a.clone();
    let text =
        serde_json::to_string(&forged.review).expect("json").replace("Approved for the pilot.", "Approved.");
    forged.review = serde_json::from_str(&text).expect("json");
    keep_review(&stored, &mut forged.review);
    assert_eq!(Review::of(&forged).approvals[0].statement, "Approved for the pilot.");
    assert_eq!(Review::of(&forged).approvals.len(), 1);
}

#[test]
fn a_new_version_of_the_content_alone_leaves_it_approved() {
    let mut a = sample();
    approve(&mut a).expect("approved");
    a.content.version = "9.9.9".into();
    assert_eq!(standing(&a).status, Status::Approved);
}

#[test]
fn the_items_changed_since_the_latest_approval_are_named_and_only_those() {
    let mut a = sample();
    a.notes.insert("R1.2".into(), "Kept as is".into());
    assert_eq!(since::since(&a), None, "nothing approved, nothing to mark");
    approve(&mut a).expect("approved");
    assert_eq!(since::since(&a), Some(since::Since { version: 1, changed: false, items: vec![] }));
    // An answer changed, one given, a note cleared, the title and the general notes edited.
    a.answers.insert("R1.1".into(), Answer::Level(1));
    a.answers.insert("R2.1".into(), Answer::Level(2));
    a.notes.remove("R1.2");
    a.title = "Northshire readiness, revised".into();
    a.notes.insert(crate::core::assessment::GENERAL_NOTES.into(), "Context".into());
    let s = since::since(&a).expect("approved before");
    assert!(s.changed);
    let mut items = s.items.clone();
    items.sort();
    let mut expected = vec!["R1.1", "R1.2", "R2.1", "title", crate::core::assessment::GENERAL_NOTES];
    expected.sort();
    assert_eq!(items, expected);
    assert!(!s.has("R1.3") && !s.has("subject"));
    // Put back, nothing is marked; a risk alone changed leaves no question marked but counts.
    let mut back = sample();
    back.notes.insert("R1.2".into(), "Kept as is".into());
    back.review = a.review.clone();
    assert_eq!(since::since(&back).map(|s| (s.changed, s.items.len())), Some((false, 0)));
}

#[test]
fn a_dropped_approved_copy_leaves_nothing_to_mark() {
    let mut a = sample();
    approve(&mut a).expect("approved");
    let mut r = Review::of(&a);
    r.approvals[0].content = None;
    a.review = Stored::from(&r);
    a.title = "Other".into();
    assert_eq!(since::since(&a), None);
}
