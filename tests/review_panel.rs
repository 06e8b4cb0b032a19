//! The review panel and the public version through the app's boundaries: the request the app sends
//! the tools module (`render::render_json_for`, with the name and role a browser remembers), the
//! panel's markup, and the reports and files of a public version.
#![cfg(not(target_arch = "wasm32"))]

use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::input::{How, Raw};
use rai_assess::pack;
use rai_assess::review::edit::{apply, Edit};
use rai_assess::review::{standing, Status};

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

/// Approves `a` as C. Reviewer would, with this fingerprint, at `at`.
fn approve(
    a: &mut Assessment,
    fingerprint: &str,
    at: i64,
) -> Result<(), rai_assess::review::edit::EditError> {
    let signoff = rai_assess::review::edit::Signoff {
        by: "C. Reviewer".into(),
        role: "Legal".into(),
        date: "2026-12-06".into(),
        statement: "Fit for the pilot.".into(),
        conditions: String::new(),
    };
    apply(a, Edit::Approve { signoff, fingerprint: fingerprint.into() }, at)
}

fn typed(name: &str, value: &str) -> Raw {
    Raw { name: name.into(), value: value.into(), checked: false, how: How::Typed }
}

#[test]
fn markup_in_a_comment_stays_text_on_the_panel() {
    let mut a = sample();
    let edit = Edit::Comment {
        on: String::new(),
        text: "<script>alert(1)</script>".into(),
        by: "C <b>".into(),
        role: "Legal".into(),
    };
    apply(&mut a, edit, 3).expect("written");
    let view = rai_assess::review::event::ReviewView::default();
    let html = rai_assess::report::review::review_html(pack(), &a, &view, "2026-12-06");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"));
    assert!(html.contains("C &lt;b&gt;"));
}

#[test]
fn the_panel_starts_with_the_name_and_role_this_browser_remembers_and_remembers_new_ones() {
    use rai_assess::render::{render_json_for, Request};
    let record = serde_json::to_value(sample()).expect("json");
    let you = r#"{"by":"C. Reviewer","role":"Head of legal"}"#;
    let draw =
        Request::Review { record: record.clone(), view: serde_json::Value::Null, today: "2026-12-06".into() };
    let (html, remember) = render_json_for(&serde_json::to_string(&draw).expect("json"), Some(you));
    let html = html.expect("drawn").text;
    assert!(html.contains("value=\"C. Reviewer\"") && html.contains("value=\"Head of legal\""));
    assert_eq!(remember, None, "nothing new to remember");
    let edit = |name: &str, value: &str| Request::Edit {
        editor: rai_assess::editor::Editor::Review,
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

#[test]
fn the_public_version_leaves_out_what_is_restricted_everywhere_and_reads_as_the_full_one_does() {
    use rai_assess::register::{Risk, Snapshot};
    use rai_assess::review::public::{public_copy, public_id, restrictable};
    let mut a = sample();
    a.kind = Kind::Risk;
    a.answers.clear();
    a.notes.insert("S1.1.1".into(), "Informant Z supplied the list".into());
    a.notes.insert("S1.1.2".into(), "Published policy 12/2026".into());
    a.notes.insert(rai_assess::assessment::GENERAL_NOTES.into(), "Operation Nightjar".into());
    a.risk.register = vec![
        Risk { id: "K1".into(), title: "Covert watchlist".into(), ..Risk::default() },
        Risk { id: "K2".into(), title: "Stale data".into(), ..Risk::default() },
    ];
    a.risk.snapshots = vec![Snapshot { taken: 1, label: "Pilot".into(), register: a.risk.register.clone() }];
    apply(&mut a, comment("K2", "Internal: budget dispute"), 1).expect("written");
    approve(&mut a, "sha256:x", 2).expect("approved");
    let ids: Vec<String> = restrictable(pack(), &a).into_iter().map(|(id, _)| id).collect();
    for id in ["S1.1.1", "K1", "_general"] {
        assert!(ids.contains(&id.to_string()), "{id} can be marked");
        apply(&mut a, Edit::Restrict { id: id.into(), restricted: true }, 3).expect("marked");
    }
    // A mark on something that is not there (a risk deleted) leaves nothing out and is not counted.
    apply(&mut a, Edit::Restrict { id: "K9".into(), restricted: true }, 3).expect("marked");
    assert_eq!(standing(&a).status, Status::Approved, "marks are not content");

    let public = public_copy(&a);
    assert_eq!(public.id, public_id(&a.id));
    assert_eq!(standing(&public).status, Status::Approved, "approved where the full version is");
    let meta = rai_assess::report::ReportMeta { generated: "g".into(), updated: "u".into(), now: 0 };
    let html = rai_assess::report::report_html(pack(), &public, &meta).expect("report");
    let md = rai_assess::report::report_markdown(pack(), &public, &meta).expect("report");
    let file = rai_assess::answer_file::write(&[&public], &a.content, 0);
    for text in [&html, &md, &file] {
        for secret in ["Informant Z", "Covert watchlist", "budget dispute", "Operation Nightjar"] {
            assert!(!text.contains(secret), "{secret} left in the public version");
        }
        assert!(text.contains("Published policy 12/2026") && text.contains("Stale data"));
    }
    assert!(md.contains("Public version: 3 restricted item"), "the title page says what it is");
    // The full report is unchanged by the marks.
    let full = rai_assess::report::report_markdown(pack(), &a, &meta).expect("report");
    assert!(full.contains("Covert watchlist") && full.contains("Informant Z"));

    // Changed only in what is restricted: the public version says "changed since" as the full one.
    a.notes.insert("S1.1.1".into(), "Informant Z, second list".into());
    assert!(standing(&a).changed);
    assert!(standing(&public_copy(&a)).changed);
    // In review: so is the public version.
    apply(&mut a, Edit::Request { by: "A".into(), role: "Analyst".into() }, 4).expect("asked");
    assert_eq!(standing(&public_copy(&a)).status, Status::InReview);
}

/// A risk assessment with one rated risk, approved as version 1.
fn approved_risk() -> Assessment {
    let mut a = Assessment::new(
        "rk-1".into(),
        Kind::Risk,
        NewAssessment { title: "Face search".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    let risk = rai_assess::register::Risk {
        id: "K1".into(),
        title: "Misidentification".into(),
        likelihood: 3,
        severity: 4,
        ..Default::default()
    };
    a.risk.register.push(risk);
    approve(&mut a, "sha256:x", 5).expect("approved");
    a
}

const MARK: &str = "Changed since version 1 was approved";

/// How many marks `html` shows (each is written, hidden while its item is unchanged).
fn shown(html: &str) -> usize {
    html.matches("class=\"changed-mark\"").count() - html.matches("\" hidden><span").count()
}

#[test]
fn a_risk_changed_since_the_approval_is_marked_on_its_card_and_only_then() {
    use rai_assess::risk::view::ViewState;
    let mut a = approved_risk();
    let card = |a: &Assessment| {
        rai_assess::report::workspace::card_html(pack(), a, &ViewState::default(), "K1").expect("a card")
    };
    assert!(card(&a).contains(MARK), "written, for the app to show after a save");
    assert_eq!(shown(&card(&a)), 0);
    a.risk.register[0].likelihood = 5;
    assert_eq!(shown(&card(&a)), 1);
    assert!(card(&a).contains("data-since=\"K1\"><span class=\"visually-hidden\">, </span>Changed since"));
    a.risk.register[0].likelihood = 3;
    assert_eq!(shown(&card(&a)), 0, "put back as approved");
    // A risk added since is marked too.
    a.risk.register.push(rai_assess::register::Risk { id: "K2".into(), ..Default::default() });
    let register = rai_assess::report::workspace::register_html(pack(), &a, &ViewState::default());
    assert_eq!(shown(&register), 1);
    assert_eq!(rai_assess::review::since::since(&a).expect("approved").items, vec!["K2".to_string()]);
}

#[test]
fn a_risk_added_to_a_register_approved_empty_is_marked() {
    let mut a = approved_risk();
    a.risk.register.clear();
    approve(&mut a, "sha256:y", 6).expect("version 2");
    a.risk.register.push(rai_assess::register::Risk { id: "K3".into(), ..Default::default() });
    let s = rai_assess::review::since::since(&a).expect("approved");
    assert_eq!((s.version, s.changed, s.items), (2, true, vec!["K3".to_string()]));
}

#[test]
fn no_mark_is_written_where_nothing_was_approved() {
    use rai_assess::risk::view::ViewState;
    let mut a = approved_risk();
    a.review = Default::default();
    let html = rai_assess::report::workspace::register_html(pack(), &a, &ViewState::default());
    assert!(!html.contains("changed-mark"));
}

#[test]
fn a_workbook_marks_checks_prompts_and_decisions_changed_since_the_approval() {
    use rai_assess::report::workbook::{check_html, stage_html};
    use rai_assess::workbook::event::WorkbookView;
    let mut a = Assessment::new(
        "wb-1".into(),
        Kind::Workbook,
        NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    a.answers.insert("W1.1".into(), Answer::Text("Missing children".into()));
    approve(&mut a, "sha256:x", 5).expect("approved");
    let stage = |a: &Assessment| stage_html(pack(), a, &WorkbookView::default(), "decide").expect("a stage");
    assert_eq!(shown(&stage(&a)), 0, "nothing changed yet");
    // The prompt's mark is there, hidden, for the app to show after a save.
    assert!(stage(&a).contains("data-since=\"W1.1\" hidden>"));
    a.answers.insert("W1.C3".into(), Answer::Choice("done".into()));
    let check = check_html(pack(), &a, "W1.C3").expect("a check");
    assert_eq!(shown(&check), 1, "{check}");
    a.workbook.log.push(rai_assess::workbook::Entry {
        id: "D1".into(),
        stage: "decide".into(),
        ..Default::default()
    });
    let html = stage(&a);
    assert!(html.contains("<span class=\"changed-mark\" data-since=\"D1\"><span class=\"visually-hidden\">, </span>Changed since version 1 was approved</span></h4>"));
    assert_eq!(shown(&html), 2, "the check and the new decision");
}

#[test]
fn a_reviewer_asks_for_changes_and_it_is_a_draft_until_review_is_asked_for_again() {
    use rai_assess::review::edit::EditError;
    let mut a = sample();
    let ask = |a: &mut Assessment| {
        apply(a, Edit::AskChanges { by: "C. Reviewer".into(), role: "Legal".into() }, 20)
    };
    assert_eq!(ask(&mut a), Err(EditError::NotRequested), "only while in review");
    apply(&mut a, Edit::Request { by: "A. Okafor".into(), role: "Analyst".into() }, 10).expect("asked");
    assert_eq!(ask(&mut a), Err(EditError::NothingToChange), "say what to change first");
    apply(&mut a, comment("R1.1", "Cite the policy"), 15).expect("commented");
    ask(&mut a).expect("changes asked for");
    assert_eq!(standing(&a).status, Status::Draft);
    let line = rai_assess::report::review::status_line(&a);
    assert!(line.starts_with("Changes asked for on ") && line.contains("by C. Reviewer (Legal)"), "{line}");
    // It travels: the file's review reads back with it.
    assert!(rai_assess::review::Review::of(&a).changes.is_some());
    apply(&mut a, Edit::Request { by: "A. Okafor".into(), role: "Analyst".into() }, 30).expect("asked again");
    assert_eq!(standing(&a).status, Status::InReview);
    assert!(rai_assess::review::Review::of(&a).changes.is_none());
}

#[test]
fn the_panel_offers_ask_for_changes_only_while_in_review() {
    let view = rai_assess::review::event::ReviewView::default();
    let mut a = sample();
    let html = |a: &Assessment| rai_assess::report::review::review_html(pack(), a, &view, "2026-12-06");
    assert!(!html(&a).contains("Ask for changes"));
    apply(&mut a, Edit::Request { by: "A. Okafor".into(), role: "Analyst".into() }, 10).expect("asked");
    assert!(html(&a).contains("data-act=\"rv.ask-changes\""));
}

#[test]
fn what_changed_between_two_approved_versions_lists_only_their_differences() {
    let view = |from, to| rai_assess::review::event::ReviewView {
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let mut a = sample();
    approve(&mut a, "sha256:1", 1).expect("version 1");
    a.answers.insert("R1.1".into(), Answer::Level(1));
    approve(&mut a, "sha256:2", 2).expect("version 2");
    // Edited since version 2: "now" differs, but versions 1 and 2 differ only in R1.1.
    a.answers.insert("R1.2".into(), Answer::Level(2));
    let html = rai_assess::report::review::review_html(pack(), &a, &view(1, 2), "2026-12-06");
    let changes = &html[html.find("id=\"rv-changes\"").expect("what changed")..];
    assert!(changes.contains("1 change(s) from version 1 to version 2."), "{changes}");
    assert!(changes.contains("<th scope=\"row\">R1.1") || changes.contains(">R1.1<"), "{changes}");
    assert!(!changes.contains("R1.2"), "a change after version 2 is not between 1 and 2");
}

#[test]
fn once_changes_are_asked_for_the_panel_offers_asking_for_review_again() {
    let view = rai_assess::review::event::ReviewView::default();
    let mut a = sample();
    apply(&mut a, Edit::Request { by: "A. Okafor".into(), role: "Analyst".into() }, 10).expect("asked");
    apply(&mut a, comment("R1.1", "Cite the policy"), 15).expect("commented");
    apply(&mut a, Edit::AskChanges { by: "C. Reviewer".into(), role: "Legal".into() }, 20)
        .expect("sent back");
    let html = rai_assess::report::review::review_html(pack(), &a, &view, "2026-12-06");
    assert!(!html.contains("data-act=\"rv.ask-changes\"") && html.contains("data-act=\"rv.request\""));
    // With every comment resolved, the line says to ask for review again.
    let id = rai_assess::review::Review::of(&a).comments[0].id.clone();
    apply(&mut a, Edit::Resolve { id, by: "A. Okafor".into(), role: "Analyst".into() }, 25)
        .expect("resolved");
    assert!(rai_assess::report::review::status_line(&a)
        .contains("every comment is resolved: ask for review again"));
}

#[test]
fn a_risk_added_after_an_approved_one_was_removed_takes_a_new_number() {
    let mut a = approved_risk();
    a.risk.register.clear();
    assert_eq!(rai_assess::risk::edit::next_id(&a), "K2", "K1 is in the approved copy");
    // A comment on a removed risk keeps its number taken too.
    let mut b = approved_risk();
    apply(&mut b, comment("K7", "Why was this removed?"), 7).expect("commented");
    assert_eq!(rai_assess::risk::edit::next_id(&b), "K8");
}

#[test]
fn a_decision_added_after_an_approved_one_was_removed_takes_a_new_number() {
    let mut a =
        Assessment::new("wb-1".into(), Kind::Workbook, NewAssessment::default(), ContentRef::of(pack()), 0);
    a.workbook.log.push(rai_assess::workbook::Entry { id: "D1".into(), ..Default::default() });
    approve(&mut a, "sha256:w", 5).expect("approved");
    a.workbook.log.clear();
    assert_eq!(rai_assess::workbook::edit::next_id(&a), "D2");
}
