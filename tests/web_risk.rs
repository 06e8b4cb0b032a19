//! The risk tool's views in headless Chromium, on real localStorage: the profile deciding which
//! screening questions are asked, and the register's edits (accept, add, rate) drawn and saved. The
//! renderers are linked in here; the built app loads the same ones as its tools module.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use rai_assess::assessment::{Answer, Kind};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_profile_decides_which_screening_questions_are_asked() {
    fresh("risk-1", Kind::Risk, "Risk test");
    let (host, _app) = mount_at("#/assessments/risk-1").await;
    settle().await;
    assert!(element(&host, "q-S1.3.3").hidden(), "the watchlist question waits for a 1:N profile");
    assert!(!element(&host, "q-S1.1.1").hidden());
    click(&host, "pf.application_type.image").await;
    settle().await;
    assert!(!element(&host, "pf.face_mode.1ton")
        .closest("fieldset")
        .ok()
        .flatten()
        .map(|f| f.has_attribute("hidden"))
        .unwrap_or(true));
    click(&host, "pf.face_mode.1ton").await;
    settle().await;
    assert!(!element(&host, "q-S1.3.3").hidden(), "asked once the profile says 1:N");
    stored_when("risk-1", |a| a.answers.get("face_mode") == Some(&Answer::Choice("1ton".into()))).await;
    // Answered, then hidden again by a profile change: kept, set aside, and said so.
    click(&host, "q-S1.3.3-2").await;
    click(&host, "pf.application_type.text-speech").await;
    settle().await;
    assert!(element(&host, "q-S1.3.3").hidden());
    stored_when("risk-1", |a| a.answers.get("S1.3.3") == Some(&Answer::Choice("no".into()))).await;
    assert!(host.text_content().unwrap_or_default().contains("1 screening answers are set aside"));
    host.remove();
}

#[wasm_bindgen_test]
async fn register_edits_are_drawn_and_saved() {
    fresh("risk-2", Kind::Risk, "Risk test");
    let mut a = stored("risk-2");
    a.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    library().save(&a, 1, pack()).expect("saved");
    let (host, _app) = mount_at("#/assessments/risk-2/register").await;
    settle().await;
    element(&host, "b.accept.T-legal-basis").click();
    settle().await;
    let saved = stored("risk-2");
    assert_eq!(saved.risk.register.len(), 1);
    assert_eq!(saved.risk.register[0].template, "T-legal-basis");
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    assert_eq!(
        doc.active_element().map(|e| e.id()),
        Some("rk.K1.title".to_string()),
        "focus on the new risk"
    );

    element(&host, "b.add").click();
    settle().await;
    click(&host, "rk.K2.l.4").await;
    click(&host, "rk.K2.s.4").await;
    assert!(text_of(&host, "[id=\"rk.K2\"]").contains("Inherent level: High"));
    let saved = stored("risk-2");
    assert_eq!((saved.risk.register[1].likelihood, saved.risk.register[1].severity), (4, 4));
    host.remove();
}
