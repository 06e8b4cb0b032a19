//! The browser's localStorage as a library backend: the only code that touches browser storage.
//! A quota error becomes `BackendError::Full`; the browser keeps the old value then.
//!
//! web-sys directly rather than gloo-storage: gloo's `LocalStorage::raw()` panics where storage is
//! disabled (we must fall back to memory instead), and its typed API would JSON-encode our JSON again.

use crate::core::library::{BackendError, KeyValue};
use wasm_bindgen::JsCast;

/// localStorage of this origin.
pub struct LocalBackend {
    storage: web_sys::Storage,
}

impl LocalBackend {
    /// Opens localStorage, proving it works with a write; `Err` when it is disabled or blocked, in
    /// which case the app runs on memory and says that nothing will survive a reload.
    pub fn open() -> Result<LocalBackend, BackendError> {
        // gloo's `raw()` panics when storage is unavailable, so ask the window first.
        let storage = web_sys::window()
            .ok_or_else(|| BackendError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| BackendError::Unavailable(js_error_name(&e)))?
            .ok_or_else(|| BackendError::Unavailable("localStorage is not provided".into()))?;
        let mut backend = LocalBackend { storage };
        backend.set("rai.probe", "1")?;
        backend.remove("rai.probe")?;
        Ok(backend)
    }
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
        self.storage.get_item(key).map_err(to_backend_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(to_backend_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(to_backend_error)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let n = self.storage.length().map_err(to_backend_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(to_backend_error)? {
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
