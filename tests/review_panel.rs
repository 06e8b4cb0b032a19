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
    let signoff = rai_assess::review::edit::Signoff {
        by: "C".into(),
        role: "Legal".into(),
        date: "2026-12-06".into(),
        statement: "Fit.".into(),
        conditions: String::new(),
    };
    apply(&mut a, Edit::Approve { signoff, fingerprint: "sha256:x".into() }, 2).expect("approved");
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
