//! UI strings by key, from the content pack's `strings/<lang>.toml`: one definition, in the core,
//! shared with the documents it writes.

pub use crate::core::content::{t, t_with};
