//! UI strings by key, from the content pack's `strings/<lang>.toml`.

use crate::core::content::string;

/// The UI string for `key`. A missing key shows as the key itself (tests guarantee there are none),
/// which is easier to spot and report than an empty label.
pub fn t(key: &'static str) -> &'static str {
    string(key).unwrap_or(key)
}

/// The UI string for `key` with each `{name}` replaced by its value.
pub fn t_with(key: &'static str, values: &[(&str, &str)]) -> String {
    values.iter().fold(t(key).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}
