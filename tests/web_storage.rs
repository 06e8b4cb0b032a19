//! The browser's localStorage backend passes the same conformance suite as the in-memory one, in
//! headless Chromium; and a real quota error leaves the last save intact.
#![cfg(target_arch = "wasm32")]

mod common;

use common::pack;
use rai_assess::library::{conformance, KeyValue};
use rai_assess::storage::LocalBackend;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// localStorage emptied of everything this app and these tests write.
fn fresh() -> LocalBackend {
    let mut backend = LocalBackend::open().expect("localStorage works in the test browser");
    for key in backend.keys().expect("keys") {
        if key.starts_with("rai.") {
            backend.remove(&key).expect("remove");
        }
    }
    backend
}

/// The conformance suite on localStorage, one test per behaviour, each on emptied storage.
mod local_storage {
    use super::{fresh, pack};
    use wasm_bindgen_test::*;
    rai_assess::storage_tests!(wasm_bindgen_test, fresh, pack());
}

/// Fills the origin's real quota (about 5 MB in Chromium) with 256 KB chunks, then frees the first
/// and puts back `refill` bytes: the room left is 256 KB less that.
fn fill(backend: &mut LocalBackend, refill: usize) {
    let chunk = "f".repeat(256 * 1024);
    let mut i = 0;
    while backend.set(&format!("rai.fill.{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "storage never filled up");
    }
    backend.remove("rai.fill.0").expect("remove");
    backend.set("rai.fill.0", &"f".repeat(refill)).expect("refill");
}

// Fill the origin's quota, then try to save more: the browser throws QuotaExceededError, the library
// reports Full, and the previous save is intact.
#[wasm_bindgen_test]
fn a_full_local_storage_keeps_the_last_save() {
    // A little room, less than the next save needs.
    conformance::full_storage_keeps_what_was_saved(fresh(), |b| fill(b, 200 * 1024), pack());
    fresh();
}

// The same filled origin: an import bigger than the room left is removed again, whole.
#[wasm_bindgen_test]
fn a_full_local_storage_import_leaves_nothing_behind() {
    // Room for part of the import.
    conformance::a_full_storage_import_leaves_nothing_behind(fresh(), |b| fill(b, 0), pack());
    fresh();
}
