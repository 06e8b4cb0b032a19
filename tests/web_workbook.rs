//! The life-cycle workbook's view in headless Chromium, on real localStorage: a stage's check states
//! (a check that does not apply asks for its reason) and the decision-log entry form (refused until
//! complete, then recorded and locked), each drawn and saved.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use rai_assess::assessment::{Answer, Kind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn exists(host: &web_sys::HtmlElement, id: &str) -> bool {
    host.query_selector(&format!("[id=\"{id}\"]")).expect("selector").is_some()
}

/// Sets a field's value and fires what the browser fires, bubbling: `input`, then `change`.
async fn fill(host: &web_sys::HtmlElement, id: &str, value: &str) {
    let el = element(host, id);
    js_sys::Reflect::set(&el, &"value".into(), &value.into()).expect("value");
    for kind in ["input", "change"] {
        let event = window().document().expect("document").create_event("Event").expect("event");
        event.init_event_with_bubbles(kind, true);
        el.dispatch_event(&event).expect("dispatch");
    }
    settle().await;
}

/// A fresh workbook `id`, its editor drawn.
async fn open_workbook(id: &str) -> (web_sys::HtmlElement, impl Drop) {
    fresh(id, Kind::Workbook, "Workbook test");
    let opened = mount_at(&format!("#/assessments/{id}")).await;
    settle().await;
    opened
}

#[wasm_bindgen_test]
async fn a_checks_state_is_drawn_and_saved_and_not_applicable_asks_for_the_reason() {
    let (host, _app) = open_workbook("wb-1").await;
    click(&host, "wc.W1.C3.state.done").await;
    assert_eq!(stored("wb-1").answers.get("W1.C3"), Some(&Answer::Choice("done".into())));
    assert!(text_of(&host, "[id=\"ws.decide.p\"]").contains("1 of"), "the stage counts it");

    click(&host, "wc.W1.C5.state.na").await;
    let reason = "Give the reason this check does not apply";
    assert!(text_of(&host, "[id=\"wc.W1.C5\"]").contains(reason));
    fill(&host, "wc.W1.C5.note", "Covered by the 2025 consultation").await;
    assert!(!text_of(&host, "[id=\"ws.decide\"]").contains(reason), "settled once the reason is given");
    let saved = stored("wb-1");
    assert_eq!(saved.notes.get("W1.C5").map(String::as_str), Some("Covered by the 2025 consultation"));
    assert!(element(&host, "wc.W1.C5.state.na").unchecked_into::<web_sys::HtmlInputElement>().checked());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_decision_is_refused_until_complete_then_recorded_and_locked() {
    let (host, _app) = open_workbook("wb-2").await;
    click(&host, "b.wadd.decide").await;
    assert!(exists(&host, "we.D1.verdict"), "a draft entry's form");
    click(&host, "b.wrec.D1").await;
    assert!(host.text_content().unwrap_or_default().contains("Decision D1 cannot be recorded yet"));
    assert_eq!(stored("wb-2").workbook.log[0].recorded, None);

    fill(&host, "we.D1.verdict", "go").await;
    fill(&host, "we.D1.by", "A. Chief").await;
    fill(&host, "we.D1.rationale", "The need is shown.").await;
    click(&host, "b.wrec.D1").await;
    let saved = stored("wb-2");
    assert!(saved.workbook.log[0].recorded.is_some(), "recorded");
    assert_eq!(saved.workbook.log[0].rationale, "The need is shown.");
    assert!(text_of(&host, "[id=\"we.D1\"]").contains("Recorded"));
    assert!(!exists(&host, "we.D1.rationale"), "nothing left to change");
    host.remove();
}
