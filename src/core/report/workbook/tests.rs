use super::*;
use crate::core::answer_file::{self, Opened};
use crate::core::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::register::Status;
use crate::core::register::{Decision, Risk};
use crate::core::report::tags::tags;
use crate::core::report::{report_document, report_markdown, results_html, ReportMeta};
use crate::core::workbook::control::{Action, Control};
use crate::core::workbook::event::WorkbookView;
use crate::core::workbook::link::{LinkContext, Linkable};
use crate::core::workbook::{Condition, Entry, Linked, Route, Verdict};
use std::collections::BTreeSet;

fn entry(id: &str, stage: &str, date: &str, recorded: Option<i64>) -> Entry {
    Entry {
        id: id.into(),
        stage: stage.into(),
        verdict: Some(Verdict::GoWithConditions),
        date: date.into(),
        by: "A. Chief".into(),
        role: "Deputy Chief Constable".into(),
        rationale: "The need is shown <and> lawful.".into(),
        recorded,
        ..Entry::default()
    }
}

/// The face-search pilot, bought: a decision with a condition, superseded by a second; a draft.
fn sample() -> Assessment {
    let mut a = Assessment::new(
        "w-1".into(),
        Kind::Workbook,
        NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        0,
    );
    a.workbook.route = Some(Route::Buy);
    a.answers.insert("W1.1".into(), Answer::Text("Missing children take days to find.".into()));
    a.answers.insert("W1.C3".into(), Answer::Choice("done".into()));
    a.answers.insert("W1.C5".into(), Answer::Choice("na".into()));
    a.answers.insert("W2.1".into(), Answer::Text("Kept aside: we buy.".into()));
    a.notes.insert("W1.C3".into(), "Legal opinion LO-14".into());
    let mut d1 = entry("D1", "decide", "2026-03-10", Some(1));
    d1.conditions = vec![Condition {
        text: "DPIA signed off".into(),
        owner: "DPO".into(),
        due: "2026-05-01".into(),
        status: Status::Planned,
    }];
    let mut d2 = entry("D2", "decide", "2026-04-02", Some(2));
    d2.supersedes = "D1".into();
    d2.conditions = vec![Condition { text: "Train every user".into(), ..Condition::default() }];
    let d3 = Entry { verdict: None, ..entry("D3", "procure", "2026-04-20", None) };
    a.workbook.log = vec![d1, d2, d3];
    a
}

fn meta() -> ReportMeta {
    ReportMeta { generated: "2026-06-01 10:00".into(), updated: "2026-05-30 09:00".into(), now: 7 }
}

#[test]
fn every_control_and_button_of_the_editor_is_one_the_dispatcher_reads() {
    let a = sample();
    let view = WorkbookView { confirm: Some("D3".into()), ..WorkbookView::default() };
    let html = workbook_html(pack(), &a, &view);
    let mut ids = BTreeSet::new();
    for tag in ["input", "textarea", "select"] {
        for t in tags(&html, tag) {
            let name = t.get("name").expect("every control has a name");
            assert!(name.parse::<Control>().is_ok(), "{name}");
            let id = t.get("id").expect("every control has an id");
            assert!(ids.insert(id.to_string()), "id {id} twice");
            assert!(
                html.contains(&format!("for=\"{id}\""))
                    || matches!(t.get("type"), Some(&"radio" | &"checkbox")),
                "{id} has a label"
            );
        }
    }
    for t in tags(&html, "button") {
        let act = t.get("data-act").expect("every button acts");
        assert!(act.parse::<Action>().is_ok(), "{act}");
    }
    assert!(!html.contains("ws.design"), "a bought system has no design stage");
    assert!(html.contains("id=\"ws.procure\""));
    assert!(html.contains("&lt;and&gt;"), "user text is escaped");
}

#[test]
fn a_recorded_entry_shows_no_field_to_change_and_a_superseded_one_says_by_what() {
    let html = workbook_html(pack(), &sample(), &WorkbookView::default());
    let names: Vec<String> = ["input", "textarea", "select"]
        .iter()
        .flat_map(|t| tags(&html, t).into_iter().filter_map(|m| m.get("name").map(|n| n.to_string())))
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("we.D1.") || n.starts_with("we.D2.")),
        "recorded entries are locked"
    );
    assert!(names.iter().any(|n| n == "wk.D2.0.status"), "a current decision's condition can move on");
    assert!(!names.iter().any(|n| n.starts_with("wk.D1.")), "a superseded one's cannot");
    assert!(names.iter().any(|n| n == "we.D3.rationale"), "a draft can be edited");
    assert!(html.contains("Superseded by D2"));
    assert!(html.contains("data-act=\"wsup.D2\"") && !html.contains("data-act=\"wsup.D1\""));
}

#[test]
fn the_results_show_completion_decisions_in_order_and_conditions_needing_attention() {
    let html = results_html(pack(), &sample(), "2026-06-01").expect("results");
    let stages = crate::core::workbook::stages(pack(), &sample()).len();
    let completion = &html[html.find("wb-completion").expect("completion table")..];
    let completion = &completion[..completion.find("</table>").expect("end")];
    assert_eq!(completion.matches("<tr").count(), stages + 1, "a row per stage on the route");
    let d1 = html.find(">D1<").expect("D1");
    let d3 = html.find(">D3<").expect("D3");
    assert!(d1 < d3, "by date, the draft last");
    let attention = &html[html.find("wb-attention").expect("attention table")..];
    assert!(attention.contains("Train every user") && attention.contains("No owner"));
    assert!(!attention.contains("DPIA signed off"), "a superseded decision's conditions no longer bind");
}

#[test]
fn the_report_carries_every_stage_and_the_whole_log_and_imports_back() {
    let a = sample();
    let md = report_markdown(pack(), &a, &meta()).expect("markdown");
    for text in [
        "D1 · Go with conditions",
        "D2 · Go with conditions",
        "Superseded by D2",
        "Missing children take days",
        "Legal opinion LO",
        "Retirement",
    ] {
        assert!(md.contains(text), "{text}\n{md}");
    }
    assert!(!md.contains("Kept aside: we buy."), "a stage off the route is not reported");
    let doc = report_document(pack(), &a, &meta(), true).expect("document");
    match answer_file::open(doc.as_bytes()) {
        Ok(Opened::Plain(file)) => assert_eq!(file.assessments[0].workbook, a.workbook),
        other => panic!("{other:?}"),
    }
}

/// The sample linked to its risk assessment, and the library holding that assessment: K1 open at the
/// decision stage, K2 accepted, K3 open and tied to no stage. D1's evidence cites K1 and K7.
fn linked() -> (Assessment, WorkbookView) {
    let mut a = sample();
    a.workbook.linked = Some(Linked { id: "r-1".into(), title: "Face search risks".into() });
    a.workbook.log[0].evidence = "LO-14\nK1, K7".into();
    let risk = |id: &str, title: &str, stage: &str| Risk {
        id: id.into(),
        title: title.into(),
        stage: stage.into(),
        likelihood: 5,
        severity: 5,
        ..Risk::default()
    };
    let register = vec![
        risk("K1", "Biased matches", "decide"),
        Risk { decision: Some(Decision::Accept), ..risk("K2", "Stale watchlist", "decide") },
        risk("K3", "Reviewer fatigue", ""),
    ];
    let library = vec![Linkable { id: "r-1".into(), title: "Face search risks".into() }];
    (
        a,
        WorkbookView {
            link: LinkContext {
                library,
                register: Some(register),
                answers: [("S1.1.1".to_string(), Answer::Choice("no".into()))].into(),
                ..LinkContext::default()
            },
            ..WorkbookView::default()
        },
    )
}

#[test]
fn a_linked_risk_assessment_shows_its_open_risks_in_their_stage() {
    let (a, view) = linked();
    let html = workbook_html(pack(), &a, &view);
    assert!(html.contains("<option value=\"r-1\" selected>Face search risks</option>"));
    assert!(
        html.contains("has 2 open risk(s)") && html.contains("1 of them are tied to no life-cycle stage"),
        "{html}"
    );
    let decide = stage_html(pack(), &a, &view, "decide").expect("decide");
    let risks = &decide[decide.find("wb-risks").expect("the stage's risks")..];
    let risks = &risks[..risks.find("</div>").expect("end")];
    assert!(risks.contains("K1") && risks.contains("Biased matches"));
    assert!(!risks.contains("K2") && !risks.contains("K3"), "accepted, or tied to no stage");
    let deploy = stage_html(pack(), &a, &view, "deploy").expect("deploy");
    assert!(deploy.contains("None of its open risks is tied to this stage."));
}

#[test]
fn at_deployment_a_high_risk_system_shows_its_deployer_duties_from_the_linked_assessment() {
    let (a, mut view) = linked();
    let deploy = stage_html(pack(), &a, &view, "deploy").expect("deploy");
    assert!(!deploy.contains("wb-duties"), "not high-risk: no duties");
    let choices = |v: &[&str]| Answer::Choices(v.iter().map(|s| s.to_string()).collect());
    view.link.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    view.link.answers.insert("high_risk_uses".into(), choices(&["victim-risk"]));
    view.link.answers.insert("deployer_duties".into(), choices(&["fria"]));
    let deploy = stage_html(pack(), &a, &view, "deploy").expect("deploy");
    let duties = &deploy[deploy.find("wb-duties").expect("the duties")..];
    let duties = &duties[..duties.find("</div>").expect("end")];
    assert!(duties.contains("AI Act deployer duties, from “Face search risks”"), "{duties}");
    assert!(duties.contains("<strong>Open:</strong> The system is used as the provider"), "{duties}");
    assert!(
        duties.contains("<strong>Recorded as met:</strong> A fundamental-rights impact assessment"),
        "{duties}"
    );
    assert!(duties.find("Open:") < duties.find("Recorded as met:"), "open ones first");
    assert!(!duties.contains("likely prohibited"), "{duties}");
    assert!(
        stage_html(pack(), &a, &view, "monitor").expect("monitor").contains("wb-duties"),
        "during use too"
    );
    let decide = stage_html(pack(), &a, &view, "decide").expect("decide");
    assert!(!decide.contains("wb-duties"), "only where the system is in use");
    // A prohibited practice as well: the duties do not read as a way to go live.
    view.link.answers.insert("prohibited_practices".into(), choices(&["emotion-workplace"]));
    let deploy = stage_html(pack(), &a, &view, "deploy").expect("deploy");
    assert!(
        deploy
            .contains("While the finding \"likely prohibited\" stands, the system must not be used this way"),
        "{deploy}"
    );
}

#[test]
fn a_decision_citing_a_risk_the_register_lost_shows_it_struck_through() {
    let (a, view) = linked();
    let decide = stage_html(pack(), &a, &view, "decide").expect("decide");
    let cited = &decide[decide.find("wb-cited").expect("cited risks")..];
    let cited = &cited[..cited.find("</div>").expect("end")];
    assert!(cited.contains("K1</span> Biased matches"));
    assert!(cited.contains("<s>K7</s> is not in the register of “Face search risks”: removed, renumbered by a merge, or mistyped."), "{cited}");
}

#[test]
fn a_linked_assessment_missing_from_this_browser_is_named_not_an_error() {
    let (a, _) = linked();
    let html = workbook_html(pack(), &a, &WorkbookView::default());
    assert!(
        html.contains("<option value=\"r-1\" selected>“Face search risks” (not in this browser)</option>")
    );
    assert!(html.contains("The linked risk assessment “Face search risks” is not in this browser's library"));
    assert!(
        !html.contains("Risks this decision cites") && !html.contains("wb-risks"),
        "nothing of a register it does not have"
    );
}

#[test]
fn a_current_decisions_condition_past_its_due_date_is_flagged_until_done() {
    let mut a = sample();
    a.workbook.log[1].conditions[0].due = "2026-05-15".into();
    let view = WorkbookView { today: "2026-06-01".into(), ..WorkbookView::default() };
    let flagged = |a: &Assessment| {
        workbook_html(pack(), a, &view).contains("It was due on 15 May 2026 and is not done.")
    };
    assert!(flagged(&a));
    a.workbook.log[1].conditions[0].status = Status::Done;
    assert!(!flagged(&a));
    assert!(
        !workbook_html(pack(), &sample(), &view).contains("It was due on 1 May 2026"),
        "a superseded decision's conditions are not flagged"
    );
}

#[test]
fn the_report_names_the_linked_risk_assessment() {
    let (a, _) = linked();
    let md = report_markdown(pack(), &a, &meta()).expect("markdown");
    assert!(md.contains("**Risk assessment of this system: **Face search risks"), "{md}");
}

#[test]
fn a_prompt_shows_the_questions_that_ask_the_same_fact_with_the_linked_answers() {
    let (a, view) = linked();
    let decide = stage_html(pack(), &a, &view, "decide").expect("decide");
    let prompt = &decide[decide.find("id=\"wp.W1.3\"").expect("W1.3")..];
    let related = &prompt[prompt.find("wb-related").expect("related questions")..];
    let related = &related[..related.find("</div>").expect("end")];
    assert!(related.contains(">S1.1.1</span>") && related.contains("(risk screening)"), "{related}");
    assert!(related.contains("Answer in “Face search risks”: <strong>No</strong>"), "{related}");
    assert!(related.contains("not answered there yet"), "S1.1.6 is not answered");
    let unlinked = stage_html(pack(), &sample(), &WorkbookView::default(), "decide").expect("decide");
    assert!(
        unlinked.contains(">S1.1.1</span>") && !unlinked.contains("Answer in"),
        "no answers without a link"
    );
}

#[test]
fn a_linked_readiness_assessment_answers_the_readiness_questions_a_prompt_names() {
    let (mut a, mut view) = linked();
    a.workbook.readiness = Some(Linked { id: "rd-1".into(), title: "Readiness 2026".into() });
    view.link.readiness = vec![Linkable { id: "rd-1".into(), title: "Readiness 2026".into() }];
    view.link.readiness_answers = Some([("R3.1".to_string(), Answer::Level(2))].into());
    let html = workbook_html(pack(), &a, &view);
    assert!(html.contains("<option value=\"rd-1\" selected>Readiness 2026</option>"));
    let prompt = &html[html.find("id=\"wp.W1.3.related\"").expect("W1.3's related questions")..];
    let prompt = &prompt[..prompt.find("</div>").expect("end")];
    assert!(prompt.contains("Answer in “Readiness 2026”: <strong>2 · "), "{prompt}");
    view.link.readiness_answers = None;
    let html = workbook_html(pack(), &a, &view);
    assert!(html.contains("The linked readiness assessment “Readiness 2026” is not in this browser"));
}
