//! The questionnaire engine in headless Chromium: a readiness assessment stored in localStorage, opened
//! at its address; choosing, changing and clearing answers, typing notes, and what gets saved.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use rai_assess::assessment::{Answer, Kind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn radio(host: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    host.query_selector(&format!("[id=\"{id}\"]")).expect("selector").expect("radio").unchecked_into()
}

async fn choose(host: &web_sys::HtmlElement, id: &str) {
    let input = radio(host, id);
    input.set_checked(true);
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    settle().await;
}

#[wasm_bindgen_test]
async fn choosing_changing_clearing_and_noting_are_shown_and_saved() {
    fresh("engine-1", Kind::Readiness, "Engine test");

    let (host, _app) = mount_at("#/assessments/engine-1").await;
    let total: usize = pack().readiness.dimensions.iter().map(|d| d.questions.len()).sum();
    assert_eq!(count(&host, "fieldset.question") as usize, total);
    assert!(text_of(&host, "fieldset.question legend").starts_with("R1.1 "));
    assert_eq!(count(&host, "fieldset[id=\"q-R1.1\"] input[type=radio]"), 7);
    // Each question says who is usually best placed to answer it.
    assert_eq!(count(&host, "fieldset.question .q-who") as usize, total);
    assert_eq!(
        text_of(&host, "fieldset[id=\"q-R1.1\"] .q-who"),
        "Usually best answered by: Senior leadership"
    );
    assert!(text_of(&host, ".q-overall").contains(&format!("0 of {total} questions answered")));

    // A choice is shown, counted and saved at once.
    choose(&host, "q-R1.1-2").await;
    assert!(radio(&host, "q-R1.1-2").checked());
    assert!(text_of(&host, ".q-overall").contains(&format!("1 of {total}")));
    assert!(text_of(&host, "[id=\"s-R1\"] + .q-section-progress").contains("1 of 6"));
    assert_eq!(count(&host, "fieldset.question.answered"), 1);
    stored_when("engine-1", |a| a.answers.get("R1.1") == Some(&Answer::Level(2))).await;

    // Changing it replaces it; "Don't know" is an answer.
    choose(&host, "q-R1.1-5").await;
    assert!(!radio(&host, "q-R1.1-2").checked());
    stored_when("engine-1", |a| a.answers.get("R1.1") == Some(&Answer::DontKnow)).await;

    // Clearing removes it everywhere.
    let clear: web_sys::HtmlElement = host
        .query_selector("fieldset[id=\"q-R1.1\"] .q-actions button")
        .expect("selector")
        .expect("clear button")
        .unchecked_into();
    assert!(!clear.hidden());
    clear.click();
    settle().await;
    assert!(!radio(&host, "q-R1.1-5").checked());
    assert!(clear.hidden());
    assert!(text_of(&host, ".q-overall").contains(&format!("0 of {total}")));
    stored_when("engine-1", |a| !a.answers.contains_key("R1.1")).await;

    // A note is saved shortly after typing stops, and does not count as an answer.
    let notes = host.query_selector("[id=\"n-R1.2\"]").expect("selector").expect("notes field");
    js_sys::Reflect::set(&notes, &"value".into(), &"Signed policy, 3 March.".into()).expect("value");
    notes.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 500).expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.expect("timer");
    assert_eq!(stored("engine-1").notes.get("R1.2").map(String::as_str), Some("Signed policy, 3 March."));
    assert!(text_of(&host, ".q-overall").contains(&format!("0 of {total}")));
    host.remove();
}
