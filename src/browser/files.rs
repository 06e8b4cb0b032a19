//! Reading files the user picked or dropped, refusing large ones before reading a byte.

use crate::core::answer_file::MAX_BYTES;
use wasm_bindgen_futures::JsFuture;

/// The files of a file input's or a drop's list, taken at once: the list empties when the input is reset.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default()
}

/// A file's bytes, or `Err(size)` when it is over `MAX_BYTES` and was not read, or `Err(0)` when the
/// browser could not read it.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, u64> {
    let size = file.size() as u64;
    if size > MAX_BYTES {
        return Err(size);
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(0),
    }
}
