//! Every UI-string key the code names exists in the reference language. A missing key would show
//! on screen as the key itself (`content::t` falls back to it), in every language at once.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The keys named in `text`: the first argument of a lookup (`t("…")`, `s("…")`, `t_with("…"`,
/// `fill("…"`) and the message keys passed around as data (`"errors.…"`).
fn keys_named(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["t(\"", "s(\"", "t_with(\"", "fill(\"", "\"errors."] {
        let mut rest = text;
        while let Some(at) = rest.find(call) {
            let before = rest[..at].chars().next_back();
            let start = at + call.len();
            rest = &rest[start..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let end = rest.find('"').unwrap_or(0);
            let key = if call == "\"errors." {
                format!("errors.{}", &rest[..end])
            } else {
                rest[..end].to_string()
            };
            // A prefix completed at run time ("errors.missing_" + field) is not a key.
            let shaped = key.split_once('.').is_some_and(|(section, name)| {
                !section.is_empty()
                    && section.chars().all(|c| c.is_ascii_lowercase())
                    && !name.is_empty()
                    && !name.ends_with('_')
                    && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
            if shaped {
                keys.push(key);
            }
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
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut named = 0;
    let mut missing = Vec::new();
    for (file, text) in &files {
        for key in keys_named(text) {
            named += 1;
            if !english.contains_key(&key) {
                missing.push(format!("{file}: {key}"));
            }
        }
    }
    assert!(named > 500, "the scan finds the code's keys ({named} found)");
    assert!(missing.is_empty(), "keys not in content/strings/en.toml:\n{}", missing.join("\n"));
}

#[test]
fn the_scan_finds_lookups_and_message_keys_but_not_other_names() {
    let text = r#"t("a.b") t_with("c.d", &[]) fill("e.f", x) Unknown("errors.what_risk") but("g.h") t("x.y_") "report.html""#;
    assert_eq!(keys_named(text), ["a.b", "c.d", "e.f", "errors.what_risk"]);
}
