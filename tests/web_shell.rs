//! Components and browser adapters of the shell, mounted in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use rai_assess::{page, t, APP_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

#[wasm_bindgen_test]
async fn shell_shows_name_independence_and_navigation() {
    let (host, handle) = mount_at("#/").await;
    assert_eq!(text_of(&host, ".brand-name"), "RAI Assess");
    assert!(text_of(&host, ".independence").contains("not an official product of INTERPOL or UNICRI"));
    let links = host.query_selector_all("nav.main-nav a").expect("selector");
    let labels: Vec<String> =
        (0..links.length()).filter_map(|i| links.item(i)).filter_map(|n| n.text_content()).collect();
    assert_eq!(labels, ["Home", "Assessments", "Guidance", "About"]);
    assert_eq!(text_of(&host, "main h1"), t("home.title"));
    assert_eq!(text_of(&host, "nav a[aria-current=page]"), "Home");
    assert!(text_of(&host, "footer").contains(APP_VERSION));
    drop(handle);
    host.remove();
}

// The router follows the address fragment: changing it swaps the view and the current nav mark.
#[wasm_bindgen_test]
async fn changing_the_hash_changes_the_view() {
    let (host, handle) = mount_at("#/").await;
    window().location().set_hash("#/about").expect("set hash");
    settle().await;
    assert_eq!(text_of(&host, "main h1"), "About this app");
    assert_eq!(text_of(&host, "nav a[aria-current=page]"), "About");
    assert_eq!(window().document().expect("document").title(), "About this app · RAI Assess");
    window().location().set_hash("#/missing").expect("set hash");
    settle().await;
    assert_eq!(text_of(&host, "main h1"), "Page not found");
    assert_eq!(text_of(&host, ".asked-path"), "/missing");
    drop(handle);
    host.remove();
}

// The skip link must not put `#main` in the address, which would leave the current route.
#[wasm_bindgen_test]
async fn skip_link_focuses_main_without_changing_the_route() {
    let (host, handle) = mount_at("#/guidance").await;
    let skip: web_sys::HtmlElement =
        host.query_selector(".skip-link").expect("selector").expect("skip link").unchecked_into();
    skip.click();
    settle().await;
    assert_eq!(window().location().hash().expect("hash"), "#/guidance");
    let active = window().document().expect("document").active_element().expect("focus");
    assert_eq!(active.id(), "main");
    assert_eq!(text_of(&host, "main h1"), "Guidance");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn about_page_shows_versions_from_the_build() {
    let (host, handle) = mount_at("#/about").await;
    assert_eq!(text_of(&host, "#app-version"), APP_VERSION);
    assert_eq!(text_of(&host, "#content-version"), rai_assess::pack().info.version);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn page_adapter_reads_hash_sets_title_and_marks_ready() {
    window().location().set_hash("#/about").expect("set hash");
    assert_eq!(page::hash(), "#/about");
    page::set_title("Test title");
    assert_eq!(window().document().expect("document").title(), "Test title");
    let performance = window().performance().expect("performance");
    performance.clear_marks_with_mark_name("app-ready");
    assert_eq!(performance.get_entries_by_name("app-ready").length(), 0);
    page::mark_ready();
    let root = window().document().expect("document").document_element().expect("html");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    assert_eq!(performance.get_entries_by_name("app-ready").length(), 1, "marked once, when ready");
}
