//! The guidance explorer's interactive widgets, mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use rai_assess::{pack, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

async fn mount_at(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
    window().location().set_hash(hash).expect("set hash");
    settle().await;
    let doc = window().document().expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&host).expect("append");
    let handle = leptos::mount::mount_to(host.clone(), App);
    settle().await;
    (host, handle)
}

/// Types into an input the way the browser reports it: set the value, fire `input`.
async fn type_into(host: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement =
        host.query_selector(selector).expect("selector").expect("input").unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    settle().await;
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).expect("selector").length()
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector).expect("selector").and_then(|e| e.text_content()).unwrap_or_default()
}

// Every word must match, and the status line announces the count that is listed.
#[wasm_bindgen_test]
async fn search_lists_hits_and_announces_their_count() {
    let (host, handle) = mount_at("#/guidance").await;
    assert_eq!(count(&host, ".hits li"), 0, "nothing before typing");
    type_into(&host, "#guidance-search", "automation bias").await;
    let hits = count(&host, ".hits li");
    assert!(hits >= 1);
    let status = text_of(&host, ".search-status");
    assert!(status.starts_with(&hits.to_string()) || (hits == 1 && status == "1 result"), "{status}");
    type_into(&host, "#guidance-search", "automation bias qqqzzz").await;
    assert_eq!(count(&host, ".hits li"), 0);
    assert!(text_of(&host, ".search-status").starts_with("Nothing matches"));
    type_into(&host, "#guidance-search", "").await;
    assert_eq!(text_of(&host, ".search-status"), "");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn glossary_filter_hides_terms_and_shows_the_count() {
    let (host, handle) = mount_at("#/guidance/glossary").await;
    let total = pack().vocabulary.terms.len() as u32;
    assert_eq!(count(&host, ".glossary .term:not([hidden])"), total);
    type_into(&host, "#glossary-filter", "hallucination").await;
    let shown = count(&host, ".glossary .term:not([hidden])");
    assert!(shown >= 1 && shown < total, "{shown} of {total}");
    assert_eq!(text_of(&host, ".filter .search-status"), format!("{shown} of {total} terms shown"));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_principle_page_lists_its_screening_questions_with_tags() {
    let (host, handle) = mount_at("#/guidance/principles/P2.3").await;
    assert_eq!(text_of(&host, "main h1"), "P2.3 Accuracy");
    let expected = pack().risk.screening.iter().filter(|s| s.principle == "P2.3").count() as u32;
    let listed = host.query_selector_all(".related-item .item-id").expect("selector").length();
    assert!(listed >= expected);
    assert!(count(&host, ".related-item a.tag") >= expected, "every item links to its principles");
    drop(handle);
    host.remove();
}
