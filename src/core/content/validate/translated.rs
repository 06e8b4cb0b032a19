//! Checks of a translated text against its English: finished, translated, same placeholders.

use super::Problem;
use std::collections::{BTreeMap, BTreeSet};

/// The mark of the English text a translation was made from, recorded beside it in
/// `lang/<lang>/sources.toml` (`cargo run --example content-texts -- --record <lang>`): when the
/// English changes, its mark no longer matches and the build names the translation to check.
pub fn source_mark(english: &str) -> String {
    format!("{:016x}", super::super::digest::fnv1a64(english.as_bytes()))
}

/// What a translation made from another English text is told. It does not stop the build (the tool
/// that records marks is built with the pack), but a host test fails on it (`LoadedPack::stale`).
pub const STALE: &str =
    "the English text is new or changed since this was translated: check the translation, \
     then record it (cargo run --example content-texts -- --record <lang>)";

/// Whether `key`'s translation was made from this `english`, by the marks in `sources`.
fn is_current(sources: &BTreeMap<String, String>, key: &str, english: &str) -> bool {
    sources.get(key).is_some_and(|mark| *mark == source_mark(english))
}

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

/// What a translation is checked against: the keys allowed to stay in English, and the marks of the
/// English texts it was made from, by `<file>:<path>` (`strings:<key>` for UI strings).
pub struct Reference<'a> {
    pub keep: &'a BTreeSet<String>,
    pub sources: &'a BTreeMap<String, String>,
}

/// Problems of one translated text against its English, named by `file` and `key`; `source` is its
/// key in the language's `sources.toml`.
pub fn check_text(
    file: &str,
    key: &str,
    source: &str,
    english: &str,
    text: &str,
    r: &Reference,
) -> Vec<Problem> {
    let keep = r.keep;
    let mut problems = Vec::new();
    let mut report = |message: String| problems.push(Problem { file: file.into(), id: key.into(), message });
    if text.trim().is_empty() {
        report("the translation is empty".into());
    } else if text == english && !may_stay_english(key, english, keep) {
        report("left in English (list the key under [keep] in the terminology file if that is right)".into());
    }
    if !is_current(r.sources, source, english) {
        report(STALE.into());
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
