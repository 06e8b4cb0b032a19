//! The page around the app: address fragment, document title, focus and scroll, readiness mark.

use wasm_bindgen::JsCast;

/// The current `location.hash`, or an empty string when there is none.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets the document title shown in the tab and announced by screen readers on navigation.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to the main region and scrolls to the top, as a real page
/// load would; without this, a keyboard user stays on the link they just followed.
pub fn focus_main() {
    let Some(window) = web_sys::window() else { return };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let target = window.document().and_then(|d| d.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Marks the app as mounted and interactive: `data-ready` on `<html>` for tests, and a
/// `performance.mark("app-ready")` for the benchmark.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else { return };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-ready", "true");
    }
    if let Some(perf) = window.performance() {
        let _ = perf.mark("app-ready");
    }
}

/// Scrolls the element with this id into view and focuses it (it needs `tabindex="-1"`), after the
/// browser has laid out the current render and after the route's own focus move.
pub fn reveal(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || {
        let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(el) = el {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Opens the browser's print dialog (which also saves as PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The name and value of every `<select>` inside the element with this id, in document order.
pub fn select_values(container: &str) -> Vec<(String, String)> {
    let Some(root) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(container))
    else {
        return Vec::new();
    };
    let Ok(list) = root.query_selector_all("select") else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| (s.name(), s.value()))
        .collect()
}

/// Goes to another view of the app.
pub fn go(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// The id of the element that has focus, if it has one.
pub fn active_id() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    Some(doc.active_element()?.id()).filter(|id| !id.is_empty())
}

/// Focuses the element with this id, if there is one, scrolling only as far as needed.
pub fn focus_id(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The content of `<meta name="…">` in the page, if there is one.
pub fn meta(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector(&format!("meta[name=\"{name}\"]")).ok()??.get_attribute("content")
}

/// The element with this id, if there is one.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Shows each "changed since approval" mark (`[data-since]`) inside `root` whose item `changed`
/// holds, and hides the others.
pub fn show_marks(root: &web_sys::Element, changed: impl Fn(&str) -> bool) {
    let Ok(list) = root.query_selector_all("[data-since]") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        el.set_hidden(!el.get_attribute("data-since").is_some_and(|id| changed(&id)));
    }
}
