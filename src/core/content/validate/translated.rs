//! Checks of a translated text against its English: finished, translated, same placeholders.

use super::Problem;
use std::collections::BTreeSet;

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(i, _)| {
            let rest = &text[i + 1..];
            let end = rest.find('}')?;
            let name = &rest[..end];
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(name)
        })
        .collect();
    out.sort_unstable();
    out
}

/// Whether a translation may be the English text unchanged: listed in the language's `keep`, or with
/// no letters outside its placeholders (a number, a code, "{who}, {date}").
pub fn may_stay_english(key: &str, english: &str, keep: &BTreeSet<String>) -> bool {
    let mut bare = english.to_string();
    for name in placeholders(english) {
        bare = bare.replace(&format!("{{{name}}}"), "");
    }
    keep.contains(key) || !bare.chars().any(|c| c.is_alphabetic())
}

/// Problems of one translated text against its English, named by `file` and `key`.
pub fn check_text(file: &str, key: &str, english: &str, text: &str, keep: &BTreeSet<String>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |message: String| problems.push(Problem { file: file.into(), id: key.into(), message });
    if text.trim().is_empty() {
        report("the translation is empty".into());
    } else if text == english && !may_stay_english(key, english, keep) {
        report("left in English (list the key under [keep] in the terminology file if that is right)".into());
    }
    if placeholders(text) != placeholders(english) {
        report(format!(
            "placeholders {:?} differ from the English {:?}",
            placeholders(text),
            placeholders(english)
        ));
    }
    problems
}
