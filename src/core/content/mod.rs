//! The content pack: its model, its validation, and the copy embedded in the app at build time.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

use model::{Pack, StringTable};
use std::sync::OnceLock;

/// The pack as `build.rs` validated and wrote it.
const PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));
const STRINGS_EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/strings-en.json"));

/// The embedded content pack, parsed once on first use.
pub fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    // The JSON was produced by serialising this very type in build.rs, so parsing cannot fail.
    PACK.get_or_init(|| serde_json::from_str(PACK_JSON).expect("embedded pack matches its model"))
}

/// The embedded UI strings of the reference language.
pub fn strings_en() -> &'static StringTable {
    static STRINGS: OnceLock<StringTable> = OnceLock::new();
    STRINGS.get_or_init(|| serde_json::from_str(STRINGS_EN_JSON).expect("embedded strings match their model"))
}
