//! The guidance explorer's interactive widgets, mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

// Every word must match, and the status line announces the count that is listed.
#[wasm_bindgen_test]
async fn search_lists_hits_and_announces_their_count() {
    let (host, handle) = mount_at("#/guidance").await;
    assert_eq!(count(&host, ".hits li"), 0, "nothing before typing");
    type_into(&host, "#guidance-search", "automation bias").await;
    let hits = count(&host, ".hits li");
    // Exactly the entries the search finds, in its order: none missing, none extra.
    let expected: Vec<String> = rai_assess::guidance::search_index()
        .search("automation bias")
        .iter()
        .map(|h| h.target.href())
        .collect();
    let listed = host.query_selector_all(".hits li a").expect("selector");
    let listed: Vec<String> = (0..listed.length())
        .filter_map(|i| listed.item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("href"))
        .collect();
    assert!(!expected.is_empty() && expected.len() <= 20, "{expected:?}");
    assert_eq!(listed, expected);
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
    let expected: Vec<String> =
        pack().risk.screening.iter().filter(|s| s.principle == "P2.3").map(|s| s.id.to_string()).collect();
    // The screening group is the one whose heading names it; its items are exactly these questions.
    let groups = host.query_selector_all(".related-group").expect("selector");
    let screening = (0..groups.length())
        .filter_map(|i| groups.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|g| g.text_content().unwrap_or_default().starts_with("Risk assessment screening questions"))
        .expect("a screening group");
    let ids = screening.query_selector_all(".item-id").expect("selector");
    let listed: Vec<String> =
        (0..ids.length()).filter_map(|i| ids.item(i)).filter_map(|n| n.text_content()).collect();
    assert_eq!(listed, expected);
    let tags = screening.query_selector_all("a.tag").expect("selector").length() as usize;
    assert_eq!(tags, expected.len(), "every question links to its principle");
    drop(handle);
    host.remove();
}
