//! Reading files the user picked or dropped, refusing large ones before reading a byte.

use crate::core::answer_file::MAX_BYTES;
use wasm_bindgen_futures::JsFuture;

/// A file as the user gave it.
pub struct Picked {
    pub name: String,
    /// The bytes, or `Err(size)` when the file is over `MAX_BYTES` and was not read, or `Err(0)` when
    /// the browser could not read it.
    pub bytes: Result<Vec<u8>, u64>,
}

/// Every file of a file input's or a drop's list, read in order.
pub async fn read_all(list: Option<web_sys::FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.item(i) else { continue };
        let size = file.size() as u64;
        let bytes = if size > MAX_BYTES {
            Err(size)
        } else {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(0),
            }
        };
        out.push(Picked { name: file.name(), bytes });
    }
    out
}
