//! The content pack: its model, its validation, and the copy `build.rs` compiled into the app.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

use model::Pack;

/// What `build.rs` generated from `content/` after validating it.
mod embedded {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/pack.rs"));
    include!(concat!(env!("OUT_DIR"), "/strings.rs"));
}

/// The embedded content pack.
pub fn pack() -> &'static Pack {
    &embedded::PACK
}

/// The UI strings of the reference language, sorted by key.
pub fn strings_en() -> &'static [(&'static str, &'static str)] {
    embedded::STRINGS_EN
}

/// The UI string for `key`, if the pack has it.
pub fn string(key: &str) -> Option<&'static str> {
    let table = strings_en();
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
}
