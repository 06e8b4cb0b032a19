//! Fetching the content pack file that `build.rs` published next to `index.html`, and the other data
//! files published beside it (the samples).

use crate::core::content::{file_name, install, language, t_with};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches the pack file of the page's language (same origin, relative to the page, so any sub-path
/// works) and installs it. The error is a sentence for the user.
pub async fn load() -> Result<(), String> {
    let name = file_name(language()).or_else(|| file_name("en")).unwrap_or_default();
    let bytes = fetch_bytes(name).await?;
    install(&bytes).map_err(|e| e.to_string())?;
    // Kept for the tools module, which installs the same pack when it starts.
    BYTES.with(|b| *b.borrow_mut() = Some(std::rc::Rc::new(bytes)));
    Ok(())
}

thread_local! {
    static BYTES: std::cell::RefCell<Option<std::rc::Rc<Vec<u8>>>> = const { std::cell::RefCell::new(None) };
}

/// The pack file's bytes, once loaded.
#[cfg_attr(not(feature = "lazy-tools"), allow(dead_code))]
pub fn bytes() -> Option<std::rc::Rc<Vec<u8>>> {
    BYTES.with(|b| b.borrow().clone())
}

/// A file published beside the app (same origin, relative to the page). The error is a sentence.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    // The page's loader (boot.js, scripts/externalize-loader.mjs) makes this fetch check the pack's
    // SHA-256, so a changed pack fails here.
    let unreachable = || t_with("content.not_downloaded", &[("file", url)]);
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| unreachable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    if !response.ok() {
        let status = response.status().to_string();
        return Err(t_with("content.server_answered", &[("status", &status), ("file", url)]));
    }
    let buffer = response.array_buffer().map_err(|_| unreachable())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| unreachable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
