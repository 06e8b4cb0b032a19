//! The browser's localStorage as a library backend: the only code that touches browser storage.
//! A quota error becomes `BackendError::Full`; the browser keeps the old value then.
//!
//! web-sys directly rather than gloo-storage: gloo's `LocalStorage::raw()` panics where storage is
//! disabled (we must fall back to memory instead), and its typed API would JSON-encode our JSON again.
//!
//! Where storage is blocked, the library lives in the page's memory ([`LocalBackend::in_page`]): one
//! map on `window`, so the tools module (a second wasm module with its own memory) reads and writes
//! the same assessments as the app, and exporting them, the one way to keep them, still works.

use crate::core::library::{BackendError, KeyValue};
use wasm_bindgen::{JsCast, JsValue};

/// Where the page keeps the library when storage is blocked (a `Map` of key to value on `window`).
const PAGE_STORE: &str = "raiPageStore";

/// This origin's localStorage, or the page's memory where storage is blocked.
pub struct LocalBackend {
    store: Store,
}

enum Store {
    Local(web_sys::Storage),
    Page(js_sys::Map),
}

impl LocalBackend {
    /// localStorage, proved to work with a write (the app's choice, once, as it starts); `Err` when it
    /// is disabled or blocked, in which case the app runs on [`LocalBackend::in_page`] and says that
    /// nothing will survive a reload. A full one is opened: what it holds can be read and exported,
    /// and each save says it did not fit.
    pub fn open() -> Result<LocalBackend, BackendError> {
        let mut backend = LocalBackend { store: Store::Local(local()?) };
        match backend.set("rai.probe", "1") {
            Ok(()) => backend.remove("rai.probe")?,
            Err(BackendError::Full) => {}
            Err(e) => return Err(e),
        }
        Ok(backend)
    }

    /// The storage the app chose (the tools module's way in): the page's memory if the app fell back
    /// to it, otherwise localStorage, without a test write, so a full storage can still be read (and
    /// exported from, the way out of it).
    pub fn attach() -> Result<LocalBackend, BackendError> {
        let window = web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
        let page = js_sys::Reflect::get(&window, &JsValue::from_str(PAGE_STORE));
        if let Ok(map) = page.and_then(|v| v.dyn_into::<js_sys::Map>()) {
            return Ok(LocalBackend { store: Store::Page(map) });
        }
        Ok(LocalBackend { store: Store::Local(local()?) })
    }

    /// The page's memory, made the library's storage for this page's life (the tools module's
    /// `attach` returns it from now on). Nothing in it survives a reload.
    pub fn in_page() -> LocalBackend {
        let map = js_sys::Map::new();
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str(PAGE_STORE), &map);
        }
        LocalBackend { store: Store::Page(map) }
    }
}

/// This origin's localStorage, if the browser gives it.
fn local() -> Result<web_sys::Storage, BackendError> {
    // gloo's `raw()` panics when storage is unavailable, so ask the window first.
    web_sys::window()
        .ok_or_else(|| BackendError::Unavailable("no window".into()))?
        .local_storage()
        .map_err(|e| BackendError::Unavailable(js_error_name(&e)))?
        .ok_or_else(|| BackendError::Unavailable("localStorage is not provided".into()))
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_else(|| "unknown error".into())
}

fn to_backend_error(e: wasm_bindgen::JsValue) -> BackendError {
    match e.dyn_ref::<web_sys::DomException>() {
        // Chromium and Firefox name it differently; legacy code 22 covers old engines.
        Some(d)
            if d.name() == "QuotaExceededError"
                || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || d.code() == 22 =>
        {
            BackendError::Full
        }
        _ => BackendError::Unavailable(js_error_name(&e)),
    }
}

impl KeyValue for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match &self.store {
            Store::Local(s) => s.get_item(key).map_err(to_backend_error),
            Store::Page(map) => Ok(map.get(&JsValue::from_str(key)).as_string()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match &self.store {
            Store::Local(s) => s.set_item(key, value).map_err(to_backend_error),
            Store::Page(map) => {
                map.set(&JsValue::from_str(key), &JsValue::from_str(value));
                Ok(())
            }
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        match &self.store {
            Store::Local(s) => s.remove_item(key).map_err(to_backend_error),
            Store::Page(map) => {
                map.delete(&JsValue::from_str(key));
                Ok(())
            }
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = match &self.store {
            Store::Local(s) => s,
            Store::Page(map) => {
                return Ok(js_sys::Array::from(&map.keys()).iter().filter_map(|k| k.as_string()).collect())
            }
        };
        let n = storage.length().map_err(to_backend_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = storage.key(i).map_err(to_backend_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Asks the browser to keep this origin's storage under storage pressure (it may decide alone).
/// Resolves to whether storage is persistent.
pub async fn request_persistence() -> bool {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else { return false };
    let Ok(promise) = manager.persist() else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}
