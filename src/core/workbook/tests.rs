use super::control::{Action, CheckField, Control, StageField};
use super::edit::{apply, EditError, EntryText, Save};
use super::event::{handle, Input, WorkbookView};
use super::*;
use crate::core::assessment::{ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::register::Status;
use edit::Edit;

fn book() -> Assessment {
    Assessment::new(
        "w-1".into(),
        Kind::Workbook,
        NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        0,
    )
}

fn decide() -> &'static WorkbookStage {
    pack().workbook.stages.iter().find(|s| s.stage == "decide").expect("decide stage")
}

fn ok(a: &mut Assessment, edit: Edit) {
    apply(pack(), a, &edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
}

fn text(entry: &str, field: EntryText, text: &str) -> Edit {
    Edit::EntryText { entry: entry.into(), field, text: text.into() }
}

/// A draft entry in `decide` with everything recording needs.
fn ready_entry(a: &mut Assessment) -> String {
    ok(a, Edit::AddEntry { stage: "decide".into(), today: "2026-03-10".into() });
    let id = a.workbook.log.last().expect("entry").id.clone();
    ok(a, Edit::Verdict { entry: id.clone(), verdict: Some(Verdict::Go) });
    ok(a, text(&id, EntryText::By, "A. Chief"));
    ok(a, text(&id, EntryText::Rationale, "The need is shown."));
    id
}

#[test]
fn the_content_marks_blocking_checks_in_every_stage() {
    for s in pack().workbook.stages.iter() {
        assert!(s.checks.iter().any(|c| c.blocking), "{}", s.stage);
        assert!(s.checks.iter().all(|c| !c.evidence.is_empty() && !c.owner.is_empty()), "{}", s.stage);
    }
    assert!(pack().workbook.stages.iter().any(|s| s.stage == "retire"));
}

#[test]
fn a_stage_with_an_open_blocking_check_completes_only_with_a_recorded_override() {
    let mut a = book();
    let complete = Edit::Complete { stage: "decide".into(), on: true };
    let open: Vec<String> = open_blocking(&a, decide()).iter().map(|c| c.id.to_string()).collect();
    assert_eq!(apply(pack(), &mut a, &complete), Err(EditError::Blocked(open)));
    let over = |field, text: &str| Edit::Override { stage: "decide".into(), field, text: text.into() };
    ok(&mut a, over(StageField::By, "A. Chief, Deputy Chief Constable"));
    assert!(
        matches!(apply(pack(), &mut a, &complete), Err(EditError::Blocked(_))),
        "a name alone is not enough"
    );
    ok(&mut a, over(StageField::Why, "The DPO signs off before procurement ends."));
    ok(&mut a, complete);
    assert!(progress(&a, decide()).complete);
}

#[test]
fn settled_blocking_checks_let_a_stage_complete_and_not_applicable_needs_a_reason() {
    let mut a = book();
    let blocking: Vec<String> =
        decide().checks.iter().filter(|c| c.blocking).map(|c| c.id.to_string()).collect();
    for id in &blocking {
        ok(&mut a, Edit::Check { check: id.clone(), state: Some(CheckState::Done) });
    }
    let last = blocking.last().expect("a blocking check").clone();
    ok(&mut a, Edit::Check { check: last.clone(), state: Some(CheckState::NotApplicable) });
    assert_eq!(open_blocking(&a, decide()).len(), 1, "not applicable without a reason is open");
    ok(
        &mut a,
        Edit::CheckText {
            check: last,
            field: CheckField::Note,
            text: "Covered by the force's policy".into(),
        },
    );
    assert!(open_blocking(&a, decide()).is_empty());
    ok(&mut a, Edit::Complete { stage: "decide".into(), on: true });
    let p = progress(&a, decide());
    assert_eq!((p.settled, p.checks, p.complete), (blocking.len(), decide().checks.len(), true));
}

#[test]
fn a_decision_is_recorded_only_when_complete_and_is_then_locked() {
    let mut a = book();
    ok(&mut a, Edit::AddEntry { stage: "decide".into(), today: "2026-03-10".into() });
    let record = Edit::Record { entry: "D1".into(), now: 5 };
    assert_eq!(
        apply(pack(), &mut a, &record),
        Err(EditError::Incomplete(
            "D1".into(),
            vec!["errors.missing_verdict", "errors.missing_by", "errors.missing_rationale"]
        ))
    );
    ok(&mut a, Edit::Verdict { entry: "D1".into(), verdict: Some(Verdict::GoWithConditions) });
    ok(&mut a, text("D1", EntryText::By, "A. Chief"));
    ok(&mut a, text("D1", EntryText::Rationale, "The need is shown."));
    assert_eq!(
        apply(pack(), &mut a, &record),
        Err(EditError::Incomplete("D1".into(), vec!["errors.missing_condition"]))
    );
    ok(&mut a, Edit::AddCondition { entry: "D1".into() });
    let cond =
        |field, text: &str| Edit::ConditionText { entry: "D1".into(), index: 0, field, text: text.into() };
    ok(&mut a, cond(edit::ConditionText::Text, "DPIA signed off"));
    ok(&mut a, record);
    assert_eq!(a.workbook.log[0].recorded, Some(5));
    assert_eq!(
        apply(pack(), &mut a, &text("D1", EntryText::Rationale, "changed")),
        Err(EditError::Locked("D1".into()))
    );
    assert_eq!(
        apply(pack(), &mut a, &Edit::AddCondition { entry: "D1".into() }),
        Err(EditError::Locked("D1".into()))
    );
    // Following a condition up is not changing the decision.
    ok(&mut a, Edit::ConditionStatus { entry: "D1".into(), index: 0, status: Status::Done });
    assert_eq!(a.workbook.log[0].rationale, "The need is shown.");
}

#[test]
fn superseding_keeps_both_entries_and_only_a_recorded_successor_counts() {
    let mut a = book();
    let first = ready_entry(&mut a);
    ok(&mut a, Edit::Record { entry: first.clone(), now: 1 });
    ok(&mut a, Edit::Supersede { entry: first.clone(), today: "2026-04-02".into() });
    let next = a.workbook.log.last().expect("successor").clone();
    assert_eq!(
        (next.supersedes.as_str(), next.recorded, next.date.as_str()),
        (first.as_str(), None, "2026-04-02")
    );
    assert_eq!(next.rationale, "The need is shown.", "the draft starts from the decision it replaces");
    assert!(superseded_by(&a, &first).is_none(), "a draft supersedes nothing yet");
    let again = Edit::Supersede { entry: first.clone(), today: "2026-04-03".into() };
    assert_eq!(apply(pack(), &mut a, &again), Err(EditError::AlreadySuperseded(first.clone())));
    ok(&mut a, Edit::Record { entry: next.id.clone(), now: 2 });
    assert_eq!(superseded_by(&a, &first).map(|e| e.id.as_str()), Some(next.id.as_str()));
    assert_eq!(a.workbook.log.len(), 2);
    assert_eq!(apply(pack(), &mut a, &again), Err(EditError::AlreadySuperseded(first)));
}

#[test]
fn a_draft_is_deleted_only_once_the_question_is_answered() {
    let mut a = book();
    let id = ready_entry(&mut a);
    let mut view = WorkbookView::default();
    let delete = Input::Clicked(Action::Delete(id.clone()));
    let refused = handle(pack(), &mut a, &mut view, delete.clone(), "2026-01-01", 0).expect_err("not asked");
    assert_eq!(refused.problem, EditError::NotConfirmed);
    handle(pack(), &mut a, &mut view, Input::Clicked(Action::AskDelete(id.clone())), "2026-01-01", 0)
        .expect("asked");
    assert_eq!(view.confirm.as_deref(), Some(id.as_str()));
    handle(pack(), &mut a, &mut view, delete, "2026-01-01", 0).expect("deleted");
    assert!(a.workbook.log.is_empty());
    ok(&mut a, Edit::AddEntry { stage: "decide".into(), today: "2026-01-02".into() });
    assert_eq!(a.workbook.log[0].id, "D1", "ids start again only when the whole log is empty");
}

#[test]
fn the_route_chooses_the_stages_and_keeps_answers_of_the_others_aside() {
    let mut a = book();
    assert_eq!(stages(pack(), &a).len(), pack().workbook.stages.len());
    ok(&mut a, Edit::Prompt { prompt: "W2.1".into(), text: "Our own data".into() });
    ok(&mut a, Edit::Route(Some(Route::Buy)));
    let shown: Vec<&str> = stages(pack(), &a).iter().map(|s| s.stage.as_ref()).collect();
    assert!(shown.contains(&"procure") && !shown.contains(&"design"));
    assert_eq!(set_aside(pack(), &a), 1);
    ok(&mut a, Edit::Route(Some(Route::Hybrid)));
    assert_eq!((stages(pack(), &a).len(), set_aside(pack(), &a)), (pack().workbook.stages.len(), 0));
}

#[test]
fn conditions_overdue_or_without_owner_need_attention_until_done_or_superseded() {
    let mut a = book();
    let id = ready_entry(&mut a);
    ok(&mut a, Edit::AddCondition { entry: id.clone() });
    ok(&mut a, Edit::AddCondition { entry: id.clone() });
    let cond =
        |k, field, text: &str| Edit::ConditionText { entry: id.clone(), index: k, field, text: text.into() };
    ok(&mut a, cond(0, edit::ConditionText::Text, "DPIA"));
    ok(&mut a, cond(0, edit::ConditionText::Owner, "DPO"));
    ok(&mut a, cond(0, edit::ConditionText::Due, "2026-05-01"));
    ok(&mut a, cond(1, edit::ConditionText::Text, "Training"));
    assert!(attention(&a, "2026-06-01").is_empty(), "a draft's conditions bind nobody yet");
    ok(&mut a, Edit::Record { entry: id.clone(), now: 1 });
    assert_eq!(attention(&a, "2026-04-01").len(), 1, "only the one without an owner");
    assert_eq!(attention(&a, "2026-06-01").len(), 2, "and the overdue one");
    ok(&mut a, Edit::ConditionStatus { entry: id.clone(), index: 0, status: Status::Done });
    assert_eq!(attention(&a, "2026-06-01").len(), 1);
}

#[test]
fn dates_and_lengths_are_checked_before_anything_changes() {
    let mut a = book();
    let id = ready_entry(&mut a);
    let before = a.clone();
    assert_eq!(
        apply(pack(), &mut a, &text(&id, EntryText::Date, "10/03/2026")),
        Err(EditError::NotADate("10/03/2026".into()))
    );
    let long = "x".repeat(crate::core::limits::MAX_LINE + 1);
    assert!(matches!(apply(pack(), &mut a, &text(&id, EntryText::By, &long)), Err(EditError::TooLong(_))));
    assert!(matches!(
        apply(pack(), &mut a, &Edit::Check { check: "W9.C9".into(), state: None }),
        Err(EditError::Unknown("errors.what_check", _))
    ));
    assert_eq!(a, before);
}

#[test]
fn the_timeline_orders_decisions_by_date_with_drafts_last() {
    let mut a = book();
    let first = ready_entry(&mut a);
    ok(&mut a, text(&first, EntryText::Date, "2026-05-01"));
    ok(&mut a, Edit::Record { entry: first.clone(), now: 2 });
    let second = ready_entry(&mut a);
    ok(&mut a, text(&second, EntryText::Date, "2026-01-01"));
    ok(&mut a, Edit::Record { entry: second.clone(), now: 3 });
    ok(&mut a, Edit::AddEntry { stage: "deploy".into(), today: "2025-01-01".into() });
    let order: Vec<&str> = timeline(&a).iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order, vec![second.as_str(), first.as_str(), "D3"]);
}

#[test]
fn a_complete_stage_whose_blocking_check_opens_again_is_no_longer_complete() {
    let mut a = book();
    for c in decide().checks.iter().filter(|c| c.blocking) {
        ok(&mut a, Edit::Check { check: c.id.to_string(), state: Some(CheckState::Done) });
    }
    ok(&mut a, Edit::Complete { stage: "decide".into(), on: true });
    let first = decide().checks.iter().find(|c| c.blocking).expect("blocking").id.to_string();
    let done =
        apply(pack(), &mut a, &Edit::Check { check: first, state: Some(CheckState::NotDone) }).expect("edit");
    assert_eq!(done.draw, edit::Draw::Stage("decide".into()));
    assert!(!progress(&a, decide()).complete, "the mark comes off with the rule");
}

#[test]
fn the_answer_file_reader_refuses_a_recorded_entry_the_editor_would_not_record() {
    let mut a = book();
    let id = ready_entry(&mut a);
    ok(&mut a, Edit::Record { entry: id, now: 1 });
    let file = |a: &Assessment| crate::core::answer_file::write(&[a], &ContentRef::of(pack()), 0);
    assert!(crate::core::answer_file::open(file(&a).as_bytes()).is_ok());
    a.workbook.log[0].rationale.clear();
    let e = crate::core::answer_file::open(file(&a).as_bytes()).expect_err("refused");
    assert!(e.to_string().contains("expected a recorded entry to have rationale"), "{e}");
    a.workbook.log[0].rationale = "Shown".into();
    a.workbook.log[0].supersedes = a.workbook.log[0].id.clone();
    let e = crate::core::answer_file::open(file(&a).as_bytes()).expect_err("refused");
    assert!(e.to_string().contains("supersedes"), "{e}");
}

#[test]
fn a_prompt_edit_takes_only_a_prompt_and_an_owner_only_a_line() {
    let mut a = book();
    assert!(matches!(
        apply(pack(), &mut a, &Edit::Prompt { prompt: "W1.C3".into(), text: "x".into() }),
        Err(EditError::Unknown("errors.what_prompt", _))
    ));
    let long = "x".repeat(crate::core::limits::MAX_LINE + 1);
    let owner = Edit::CheckText { check: "W1.C3".into(), field: CheckField::Owner, text: long };
    assert!(matches!(apply(pack(), &mut a, &owner), Err(EditError::TooLong(_))));
}

#[test]
fn a_risk_assessment_is_linked_from_the_library_and_only_from_it() {
    let mut a = book();
    let mut view = WorkbookView::default();
    view.link.library = vec![link::Linkable { id: "r-1".into(), title: "Face search risks".into() }];
    let choose = |value: &str| Input::Changed { control: Control::Link, value: value.into(), checked: false };
    let done = handle(pack(), &mut a, &mut view, choose("r-1"), "2026-01-01", 0).expect("linked");
    assert_eq!(a.workbook.linked, Some(Linked { id: "r-1".into(), title: "Face search risks".into() }));
    assert_eq!((done.save, done.draw), (Some(Save::Now), edit::Draw::All));
    let refused =
        handle(pack(), &mut a, &mut view, choose("r-9"), "2026-01-01", 0).expect_err("not in the library");
    assert_eq!(refused.problem, EditError::Unknown("errors.what_risk_assessment", "r-9".into()));
    assert!(a.workbook.linked.is_some(), "a refused link changes nothing");
    handle(pack(), &mut a, &mut view, choose(""), "2026-01-01", 0).expect("unlinked");
    assert_eq!(a.workbook.linked, None);
    view.link.readiness = vec![link::Linkable { id: "rd-1".into(), title: "Readiness 2026".into() }];
    let readiness = Input::Changed { control: Control::LinkReadiness, value: "rd-1".into(), checked: false };
    handle(pack(), &mut a, &mut view, readiness, "2026-01-01", 0).expect("linked");
    assert_eq!(a.workbook.readiness.map(|l| l.title), Some("Readiness 2026".to_string()));
}

#[test]
fn every_drawing_the_app_is_told_of_reads_back_the_same() {
    for d in [
        edit::Draw::Nothing,
        edit::Draw::All,
        edit::Draw::Stage("decide".into()),
        edit::Draw::Summary("retire".into()),
        edit::Draw::Check("decide".into(), "W1.C3".into()),
        edit::Draw::Cited("D4".into()),
    ] {
        assert_eq!(edit::Draw::from_wire(&d.wire()), Some(d.clone()), "{d:?}");
    }
}

#[test]
fn dates_outside_plausible_years_are_refused_with_the_range() {
    let mut a = book();
    let id = ready_entry(&mut a);
    for bad in ["0202-03-01", "20260-03-01", "2026-13-01"] {
        let e = apply(pack(), &mut a, &text(&id, EntryText::Date, bad)).expect_err(bad);
        assert!(e.to_string().contains("between 1900-01-01 and 2199-12-31"), "{e}");
    }
    ok(&mut a, text(&id, EntryText::Date, "2026-03-01"));
}
