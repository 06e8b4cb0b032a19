//! Saving a file to the user's downloads: a Blob, an object URL and a temporary link.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `file_name`. Returns false if the browser refused.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    try_download(file_name, mime, contents).is_some()
}

fn try_download(file_name: &str, mime: &str, contents: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    doc.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
