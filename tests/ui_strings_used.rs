//! Every UI-string key the code names exists in the reference language. A missing key would show
//! on screen as the key itself (`content::t` falls back to it), in every language at once.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

/// Literals shaped like a key whose first part is a strings table, but which are not keys: paths in an
/// answer file, file names.
const NOT_KEYS: [&str; 9] = [
    "assessment.revision",
    "assessment.deleted",
    "content.id",
    "content.version",
    "report.html",
    "report.md",
    "report.docx",
    "risk.toml",
    "workbook.toml",
];

/// The keys named in `text`: every string literal shaped as `table.name` whose table is one of
/// `tables` (lookups, and keys chosen in a `match` or passed as data alike).
fn keys_named(text: &str, tables: &BTreeSet<&str>) -> Vec<String> {
    let mut keys = Vec::new();
    // Quotes that do not open or close a literal (escaped, or a char) would put the scan out of step.
    let text = text.replace("\\\\", "").replace("\\\"", "").replace("'\"'", "");
    for literal in text.split('"').skip(1).step_by(2) {
        let Some((table, name)) = literal.split_once('.') else { continue };
        // A prefix completed at run time ("errors.missing_" + field) is not a key.
        let shaped = tables.contains(table)
            && !name.is_empty()
            && !name.ends_with('_')
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if shaped && !NOT_KEYS.contains(&literal) {
            keys.push(literal.to_string());
        }
    }
    keys
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("source file")));
        }
    }
}

#[test]
fn every_key_the_code_names_is_in_the_english_strings() {
    let loaded = rai_assess::source::load_dir(Path::new("content")).expect("content loads");
    let english = &loaded.strings["en"];
    let tables: BTreeSet<&str> = english.keys().filter_map(|k| k.split_once('.')).map(|(t, _)| t).collect();
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut named = 0;
    let mut missing = Vec::new();
    for (file, text) in &files {
        for key in keys_named(text, &tables) {
            named += 1;
            if !english.contains_key(&key) {
                missing.push(format!("{file}: {key}"));
            }
        }
    }
    assert!(named > 1000, "the scan finds the code's keys ({named} found)");
    assert!(missing.is_empty(), "keys not in content/strings/en.toml:\n{}", missing.join("\n"));
}

#[test]
fn the_scan_finds_keys_wherever_they_are_named_but_not_other_names() {
    let tables = BTreeSet::from(["a", "c", "e", "errors"]);
    let text = r#"t("a.b") match x { 1 => "c.d", _ => "e.f" } Unknown("errors.what_risk", "R1.2") "g.h" "errors.missing_" "report.html" "a.B" "x \"y\" z" '"' t("e.f")"#;
    assert_eq!(keys_named(text, &tables), ["a.b", "c.d", "e.f", "errors.what_risk", "e.f"]);
}
