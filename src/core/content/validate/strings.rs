//! The UI strings of every language: the reference language's keys exactly, finished, translated and
//! with the reference's placeholders.

use super::super::model::StringTable;
use super::{markers, translated, Checker, Problem};
use std::collections::{BTreeMap, BTreeSet};

/// Checks that every language has exactly the keys of the reference language, with finished text,
/// translated (but the keys in its `keep` list) and with the reference's placeholders.
pub fn validate_strings(
    reference_lang: &str,
    tables: &BTreeMap<String, StringTable>,
    keep: &BTreeMap<String, BTreeSet<String>>,
    sources: &BTreeMap<String, BTreeMap<String, String>>,
) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new(), markers: markers(reference_lang) };
    let Some(reference) = tables.get(reference_lang) else {
        c.report("strings", reference_lang, "the reference language file is missing");
        return c.problems;
    };
    for (lang, table) in tables {
        let file = format!("strings/{lang}.toml");
        c.markers = markers(lang);
        let (no_keep, no_sources) = (BTreeSet::new(), BTreeMap::new());
        let reference_of = translated::Reference {
            keep: keep.get(lang).unwrap_or(&no_keep),
            sources: sources.get(lang).unwrap_or(&no_sources),
        };
        for (key, value) in table {
            c.text(&file, key, "value", value);
            match reference.get(key) {
                None => c.report(&file, key, format!("key is not in strings/{reference_lang}.toml")),
                Some(english) if lang != reference_lang => {
                    let source = format!("strings:{key}");
                    c.problems.extend(translated::check_text(
                        &file,
                        key,
                        &source,
                        english,
                        value,
                        &reference_of,
                    ))
                }
                Some(_) => {}
            }
            // A list in one string ("January|February|…"): as many parts as the reference's, none
            // empty or padded, so that no name moves into another's place.
            if let Some(count) = reference.get(key).filter(|e| e.contains('|')).map(|e| e.split('|').count())
            {
                let parts: Vec<&str> = value.split('|').collect();
                if parts.len() != count || parts.iter().any(|p| p.is_empty() || p.trim() != *p) {
                    c.report(
                        &file,
                        key,
                        format!("expected {count} parts between \"|\", none empty or padded"),
                    );
                }
            }
        }
        for key in reference.keys() {
            if !table.contains_key(key) {
                c.report(&file, key, "key is missing");
            }
        }
    }
    c.problems
}
