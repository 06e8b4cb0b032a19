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

    // A note is saved shortly after typing stops, and does not count as an answer. Its field is drawn
    // when asked for.
    assert!(host.query_selector("[id=\"n-R1.2\"]").expect("selector").is_none());
    let add: web_sys::HtmlElement = host
        .query_selector("fieldset[id=\"q-R1.2\"] .q-add-notes button")
        .expect("selector")
        .expect("add notes button")
        .unchecked_into();
    add.click();
    settle().await;
    let asked = add.parent_element().expect("its line").unchecked_into::<web_sys::HtmlElement>();
    assert!(asked.hidden(), "the button goes once the field is drawn");
    let notes = host.query_selector("[id=\"n-R1.2\"]").expect("selector").expect("notes field");
    js_sys::Reflect::set(&notes, &"value".into(), &"Signed policy, 3 March.".into()).expect("value");
    notes.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    stored_when("engine-1", |a| a.notes.get("R1.2").map(String::as_str) == Some("Signed policy, 3 March."))
        .await;
    assert!(text_of(&host, ".q-overall").contains(&format!("0 of {total}")));
    // Emptied, the field stays while the view is open.
    js_sys::Reflect::set(&notes, &"value".into(), &"".into()).expect("value");
    notes.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    stored_when("engine-1", |a| !a.notes.contains_key("R1.2")).await;
    assert!(host.query_selector("[id=\"n-R1.2\"]").expect("selector").is_some(), "the emptied field stays");
    host.remove();
}

/// A questionnaire longer than its first screen draws the rest after the view is up (`aria-busy`
/// meanwhile); "Next unanswered question" reaches an item not drawn yet, drawing everything first.
#[wasm_bindgen_test]
async fn next_unanswered_reaches_an_item_not_yet_drawn() {
    fresh("engine-2", Kind::Readiness, "Slices");
    let mut a = stored("engine-2");
    let ids: Vec<String> = pack()
        .readiness
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter().map(|q| q.id.to_string()))
        .collect();
    let last = ids.last().expect("questions").clone();
    for id in &ids[..ids.len() - 1] {
        a.answers.insert(id.clone(), Answer::Level(2));
    }
    library().save(&a, 1, pack()).expect("saved");

    // Mounted without waiting for the slices: the first screen only, and the list says it is busy.
    window().location().set_hash("#/assessments/engine-2").expect("hash");
    let doc = window().document().expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&host).expect("append");
    let _app = leptos::mount::mount_to(host.clone(), rai_assess::App);
    let drawn = count(&host, "fieldset.question") as usize;
    assert!(drawn > 0 && drawn < ids.len(), "{drawn} of {} drawn at first", ids.len());
    assert_eq!(count(&host, ".q-sections[aria-busy=\"true\"]"), 1);
    assert!(host.query_selector(&format!("[id=\"q-{last}\"]")).expect("selector").is_none());

    let next = host.query_selector(".q-toolbar .actions button").expect("selector").expect("next button");
    next.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(count(&host, "fieldset.question") as usize, ids.len(), "everything drawn at once");
    settle().await;
    assert_eq!(count(&host, ".q-sections[aria-busy]"), 0);
    let focused = doc.active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, format!("q-{last}-0"));
    // In page order, each section's items after its heading.
    let order: Vec<String> = (0..ids.len())
        .map(|k| {
            host.query_selector_all("fieldset.question")
                .expect("all")
                .item(k as u32)
                .expect("item")
                .unchecked_into::<web_sys::Element>()
                .id()
        })
        .collect();
    assert_eq!(order, ids.iter().map(|id| format!("q-{id}")).collect::<Vec<_>>());
    host.remove();
}

/// Going from one assessment straight to another of the same kind reuses the view in place: the
/// items drawn by hand for the first go with it, so each question is there once.
#[wasm_bindgen_test]
async fn another_assessment_opened_in_place_shows_each_question_once() {
    fresh("engine-3", Kind::Readiness, "First");
    let mut b = stored("engine-3");
    b.id = "engine-4".into();
    b.title = "Second".into();
    library().create(b, pack()).expect("created");
    let total: usize = pack().readiness.dimensions.iter().map(|d| d.questions.len()).sum();

    let (host, _app) = mount_at("#/assessments/engine-3").await;
    assert_eq!(count(&host, "fieldset.question") as usize, total);
    window().location().set_hash("#/assessments/engine-4").expect("hash");
    settle().await;
    assert!(text_of(&host, "h1").contains("Second"));
    assert_eq!(count(&host, "fieldset.question") as usize, total);
    assert_eq!(count(&host, "[id=\"q-R1.1\"]"), 1);
    host.remove();
}
