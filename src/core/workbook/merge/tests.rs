use super::*;
use crate::core::answer_file::read_stored;
use crate::core::assessment::{Answer, ContentRef, Kind, NewAssessment, Respondent};
use crate::core::content::pack;
use crate::core::workbook::{Condition, Verdict};

fn respondent(name: &str) -> Assessment {
    let details = NewAssessment {
        title: format!("{name}'s workbook"),
        subject: String::new(),
        respondent: Respondent { name: name.into(), role: String::new() },
    };
    Assessment::new(name.into(), Kind::Workbook, details, ContentRef::of(pack()), 0)
}

fn recorded(id: &str, stage: &str, date: &str, at: i64, why: &str) -> Entry {
    Entry {
        id: id.into(),
        stage: stage.into(),
        verdict: Some(Verdict::Go),
        date: date.into(),
        by: "A. Chief".into(),
        rationale: why.into(),
        recorded: Some(at),
        ..Entry::default()
    }
}

/// The decision both files hold, with a condition Ben has since completed.
fn shared(status: Status) -> Entry {
    let condition =
        Condition { text: "DPIA signed".into(), owner: "DPO".into(), due: "2026-05-01".into(), status };
    Entry {
        verdict: Some(Verdict::GoWithConditions),
        conditions: vec![condition],
        ..recorded("D1", "decide", "2026-03-10", 100, "Need shown.")
    }
}

fn pair() -> (Assessment, Assessment) {
    let (mut ana, mut ben) = (respondent("Ana"), respondent("Ben"));
    ana.workbook.route = Some(Route::Buy);
    ben.workbook.route = Some(Route::Build);
    ana.workbook.owners.insert("W1.C1".into(), "Legal adviser".into());
    ben.workbook.owners.insert("W1.C1".into(), "Head of legal".into());
    ben.workbook.owners.insert("W1.C2".into(), "DPO".into());
    let ana_d2 = Entry {
        supersedes: "D1".into(),
        ..recorded("D2", "decide", "2026-04-02", 200, "Review brought forward.")
    };
    let draft = Entry { recorded: None, date: String::new(), ..recorded("D3", "procure", "", 0, "Waiting.") };
    ana.workbook.log = vec![shared(Status::InProgress), ana_d2, draft];
    let ben_d2 =
        Entry { supersedes: "D1".into(), ..recorded("D2", "decide", "2026-03-20", 150, "Stop the pilot.") };
    let ben_d3 = recorded("D3", "deploy", "2026-02-01", 50, "Earlier deployment note.");
    ben.workbook.log = vec![shared(Status::Done), ben_d2, ben_d3];
    (ana, ben)
}

fn merged(list: &[&Assessment]) -> WorkbookRecord {
    merge_records(pack(), list, list[0])
}

#[test]
fn logs_merge_as_a_union_saying_where_each_entry_came_from() {
    let (ana, ben) = pair();
    let log = merged(&[&ana, &ben]).log;
    let ids: Vec<(&str, &str, &str)> =
        log.iter().map(|e| (e.id.as_str(), e.rationale.as_str(), e.from.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("D4", "Earlier deployment note.", "Ben, D3"),
            ("D1", "Need shown.", ""),
            ("D5", "Stop the pilot.", "Ben, D2"),
            ("D2", "Review brought forward.", "Ana, D2, replacing D1 there"),
            ("D3", "Waiting.", "Ana, D3"),
        ],
        "the first file's entries keep their ids, the others are numbered after them, all by date"
    );
    assert_eq!(
        log[1].conditions[0].status,
        Status::Done,
        "a condition's progress is the furthest either file records"
    );
    // Both files replaced D1: Ben's replacement came first, so Ana's later one replaces it.
    assert_eq!((log[2].supersedes.as_str(), log[3].supersedes.as_str()), ("D1", "D5"));
}

#[test]
fn a_merged_workbook_passes_the_checks_of_a_stored_record() {
    let (ana, ben) = pair();
    let mut out = ana.clone();
    out.workbook = merged(&[&ana, &ben]);
    let value = serde_json::to_value(&out).expect("json");
    let back = read_stored(value).expect("a merged workbook is a valid record");
    assert_eq!(back.workbook, out.workbook);
}

#[test]
fn differing_routes_owners_and_overrides_are_all_kept() {
    let (mut ana, mut ben) = pair();
    ana.workbook.overrides =
        vec![Override { stage: "decide".into(), by: "A. Chief".into(), why: "DPIA opened.".into() }];
    ben.workbook.overrides =
        vec![Override { stage: "decide".into(), by: "B. Ode".into(), why: "Legal advice given.".into() }];
    let out = merged(&[&ana, &ben]);
    assert_eq!(out.route, Some(Route::Hybrid), "where the routes differ, every stage stays");
    assert_eq!(out.owners["W1.C1"], "Ana: Legal adviser; Ben: Head of legal");
    assert_eq!(out.owners["W1.C2"], "DPO");
    assert_eq!(out.overrides[0].by, "Ana: A. Chief; Ben: B. Ode");
    assert_eq!(out.overrides[0].why, "Ana: DPIA opened.\n\nBen: Legal advice given.");
}

#[test]
fn a_stage_is_complete_only_where_every_file_says_so_and_its_rule_holds() {
    let (mut ana, mut ben) = pair();
    ana.workbook.complete = vec!["decide".into(), "procure".into()];
    ben.workbook.complete = vec!["decide".into()];
    let given = Override { stage: "decide".into(), by: "A. Chief".into(), why: "DPIA opened.".into() };
    ana.workbook.overrides = vec![given];
    assert_eq!(merged(&[&ana, &ben]).complete, ["decide"], "procure was complete in one file only");

    // Without any override, decide's open blocking checks keep it from being complete.
    ana.workbook.overrides.clear();
    assert!(merged(&[&ana, &ben]).complete.is_empty());
    let decide = pack().workbook.stages.iter().find(|s| s.stage == "decide").expect("decide");
    let mut settled = ana.clone();
    for c in decide.checks.iter().filter(|c| c.blocking) {
        settled.answers.insert(c.id.to_string(), Answer::Choice("done".into()));
    }
    assert_eq!(merge_records(pack(), &[&ana, &ben], &settled).complete, ["decide"]);
}

#[test]
fn merging_a_workbook_with_itself_changes_nothing() {
    let (mut ana, _) = pair();
    ana.workbook.complete = vec!["procure".into()];
    ana.workbook.overrides =
        vec![Override { stage: "procure".into(), by: "A. Chief".into(), why: "Signed off.".into() }];
    assert_eq!(merged(&[&ana, &ana]), ana.workbook);
    assert_eq!(merged(&[&ana]), ana.workbook);
}

#[test]
fn merging_the_same_file_in_again_adds_nothing() {
    let (ana, ben) = pair();
    let mut once = ana.clone();
    once.workbook = merged(&[&ana, &ben]);
    assert_eq!(merged(&[&once, &ben]).log, once.workbook.log);
}

#[test]
fn a_check_respondents_disagree_on_is_suggested_unsettled_and_written_answers_are_all_kept() {
    use crate::core::merge::compare;
    use crate::core::questionnaire::workbook;
    let (mut ana, mut ben) = pair();
    ana.answers.insert("W1.C3".into(), Answer::Choice("done".into()));
    ben.answers.insert("W1.C3".into(), Answer::Choice("not_done".into()));
    ana.answers.insert("W1.1".into(), Answer::Text("Days lost.".into()));
    ben.answers.insert("W1.1".into(), Answer::Text("Reviewers overwhelmed.".into()));
    let rows = compare(&workbook(pack()), &[&ana, &ben]);
    let row = |id: &str| rows.iter().find(|r| r.id == id).expect("row").suggestion.clone();
    assert_eq!(row("W1.C3"), Some(Answer::Choice("not_done".into())), "nobody's sign-off is invented");
    assert_eq!(row("W1.1"), Some(Answer::Text("Ana: Days lost.\n\nBen: Reviewers overwhelmed.".into())));
}
