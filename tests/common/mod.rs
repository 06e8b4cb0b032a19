//! Helpers shared by the wasm-bindgen-test files: mounting the app at an address and reading the DOM.
#![allow(dead_code)] // each test file uses a different subset

use rai_assess::assessment::{Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::library::{KeyValue, Library};
use rai_assess::storage::LocalBackend;
use rai_assess::App;
use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Lets pending browser tasks (hashchange, input events) and Leptos effects (microtasks) run. A timer
/// rather than `leptos::task::tick`, which needs an executor that only exists once something is mounted.
/// Also waits while a questionnaire is still drawing its items (`aria-busy`), as a person would.
pub async fn settle() {
    for _ in 0..1000 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).expect("setTimeout");
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
        let doc = window().document().expect("document");
        if doc.query_selector(".q-sections[aria-busy=\"true\"]").expect("selector").is_none() {
            return;
        }
    }
    panic!("a questionnaire was still drawing its items after a thousand waits");
}

/// Installs the content pack as the app does once it has fetched the file (the test runner serves no
/// `dist/`, so the file is compiled into the test instead), and returns it.
pub fn pack() -> &'static rai_assess::model::Pack {
    rai_assess::install_pack(include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin")))
        .expect("the pack installs");
    rai_assess::pack()
}

/// Mounts the whole app in a fresh element at the given address fragment. Drop the handle and remove
/// the element at the end of the test.
pub async fn mount_at(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
    pack();
    window().location().set_hash(hash).expect("set hash");
    settle().await;
    let doc = window().document().expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&host).expect("append");
    let handle = leptos::mount::mount_to(host.clone(), App);
    settle().await;
    (host, handle)
}

/// The text of the first element matching `selector`; panics if there is none.
pub fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

pub fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).expect("selector").length()
}

/// Types into an input the way the browser reports it: set the value, fire `input`.
pub async fn type_into(host: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement =
        host.query_selector(selector).expect("selector").expect("input").unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
    settle().await;
}

/// The app's library on the browser's real localStorage.
pub fn library() -> Library<LocalBackend> {
    Library::new(LocalBackend::open().expect("localStorage"))
}

/// An assessment as stored now.
pub fn stored(id: &str) -> Assessment {
    library().load(id).expect("stored")
}

/// The stored assessment once `saved` holds of it: a choice is saved right after it is painted, so
/// the test waits for the condition (20 ms at a time, failing after 500 tries), never for a clock.
#[allow(dead_code)] // not every test file waits for a save
pub async fn stored_when(id: &str, saved: impl Fn(&Assessment) -> bool) -> Assessment {
    for _ in 0..500 {
        let now = stored(id);
        if saved(&now) {
            return now;
        }
        settle().await;
    }
    panic!("{id} was never stored as the test expects");
}

/// A library holding only a new, empty assessment of this kind and title.
pub fn fresh(id: &str, kind: Kind, title: &str) {
    let mut backend = LocalBackend::open().expect("localStorage");
    for key in backend.keys().expect("keys") {
        if key.starts_with("rai.") {
            backend.remove(&key).expect("remove");
        }
    }
    let details = NewAssessment { title: title.into(), ..NewAssessment::default() };
    let a = Assessment::new(id.into(), kind, details, ContentRef::of(pack()), 0);
    library().create(a, pack()).expect("created");
}

/// The element with this id under `host`; panics when there is none.
pub fn element(host: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    host.query_selector(&format!("[id=\"{id}\"]"))
        .expect("selector")
        .unwrap_or_else(|| panic!("no element {id}"))
        .unchecked_into()
}

/// A click the way a user makes one (a radio chosen, a button pressed): its input and change events
/// bubble to the view.
pub async fn click(host: &web_sys::HtmlElement, id: &str) {
    element(host, id).click();
    settle().await;
}
