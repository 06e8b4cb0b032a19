//! Translations of the pack's texts.
//!
//! English is the reference: `content/<file>.toml` holds the structure (ids, scores, tags) and the
//! English texts. A translation, `content/lang/<lang>/<file>.toml`, maps the path of every translatable
//! text (`dimension[D1].question[R1.1].why`) to its translation, and nothing else: ids and structure
//! cannot drift between languages, and a missing, extra or untranslated text is a build error.
//!
//! Host only, like `source`: it may use `super::validate`, std and the `toml` crate alone.

use super::validate::translated::{check_text, Reference};
use super::validate::Problem;
use std::collections::BTreeSet;

/// The pack files whose texts are translated: all of them.
pub const FILES: [&str; 6] =
    ["pack.toml", "vocabulary.toml", "readiness.toml", "risk.toml", "workbook.toml", "changes.toml"];

/// Keys whose string value is text a reader sees; every other string is an id, a tag or a code.
const TEXT_FIELDS: [&str; 23] = [
    "name",
    "toolkit_edition",
    "was",
    "intro",
    "method",
    "matrix_rationale",
    "label",
    "description",
    "text",
    "why",
    "summary",
    "in_policing",
    "purpose",
    "term",
    "definition",
    "title",
    "help",
    "evidence",
    "owner",
    "decision_guidance",
    "decision_go",
    "decision_change",
    "decision_stop",
];

/// Keys whose value is a list of texts.
const TEXT_LISTS: [&str; 8] = [
    "red_flags",
    "key_questions",
    "examples",
    "typical_concerns",
    "levels",
    "steps",
    "mitigations",
    "affected_groups",
];

/// The keys that name an entry of a list of tables, in order of preference.
const ENTRY_KEYS: [&str; 4] = ["id", "value", "stage", "band"];

fn is_text(key: &str) -> bool {
    TEXT_FIELDS.contains(&key) || TEXT_LISTS.contains(&key)
}

/// The name of a table in a list: its id (or value, stage, band), else its position.
fn entry_name(table: &toml::Table, index: usize) -> String {
    ENTRY_KEYS
        .iter()
        .find_map(|k| match table.get(*k) {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(toml::Value::Integer(n)) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| index.to_string())
}

/// Calls `f` with the path and value of every translatable text under `table`, in a stable order.
fn walk(prefix: &str, table: &mut toml::Table, f: &mut dyn FnMut(String, &mut String)) {
    for (key, value) in table.iter_mut() {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::String(s) if is_text(key) => f(path, s),
            toml::Value::Table(t) => walk(&path, t, f),
            toml::Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    match item {
                        toml::Value::String(s) if is_text(key) => f(format!("{path}[{i}]"), s),
                        toml::Value::Table(t) => {
                            let name = entry_name(t, i);
                            walk(&format!("{path}[{name}]"), t, f)
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every translatable text of a source file: (path, English text).
pub fn texts(table: &toml::Table) -> Vec<(String, String)> {
    let mut copy = table.clone();
    let mut out = Vec::new();
    walk("", &mut copy, &mut |path, text| out.push((path, text.clone())));
    out
}

/// Replaces every translatable text of `table` (the English source `file`) by its translation in
/// `overlay`, and returns every problem: a text with no translation, a translation of no text, a
/// translation left in English, with other placeholders, or made from an English text since changed.
pub fn apply(
    file: &str,
    table: &mut toml::Table,
    overlay: &toml::Table,
    reference: &Reference,
) -> Vec<Problem> {
    let base = file.rsplit('/').next().unwrap_or(file);
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    walk("", table, &mut |path, text| match overlay.get(&path) {
        Some(toml::Value::String(t)) => {
            problems.extend(check_text(file, &path, &format!("{base}:{path}"), text, t, reference));
            *text = t.clone();
            used.insert(path);
        }
        Some(_) => problems.push(Problem { file: file.into(), id: path, message: "must be a string".into() }),
        None => problems.push(Problem { file: file.into(), id: path, message: "has no translation".into() }),
    });
    for key in overlay.keys().filter(|k| !used.contains(*k)) {
        problems.push(Problem {
            file: file.into(),
            id: key.clone(),
            message: "translates no text of the English file".into(),
        });
    }
    problems
}

/// A translation file's text for `texts`: one `"path" = "text"` line each, under a comment.
pub fn to_toml(header: &str, texts: &[(String, String)]) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    for (path, text) in texts {
        out.push_str(&quote(path));
        out.push_str(" = ");
        out.push_str(&quote(text));
        out.push('\n');
    }
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table(s: &str) -> toml::Table {
        toml::from_str(s).expect("test toml")
    }

    /// The marks of English texts of `risk.toml`, as `sources.toml` records them.
    fn recorded(texts: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
        texts
            .iter()
            .map(|(p, e)| (format!("risk.toml:{p}"), super::super::validate::translated::source_mark(e)))
            .collect()
    }

    #[test]
    fn a_translation_made_from_another_english_is_stale() {
        let mut t = table("name = \"Risk register\"\n");
        let (keep, sources) = (BTreeSet::new(), recorded(&[("name", "Risk")]));
        let problems = apply(
            "lang/fr/risk.toml",
            &mut t,
            &table("name = \"Risque\"\n"),
            &Reference { keep: &keep, sources: &sources },
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, super::super::validate::translated::STALE);
        assert_eq!(t["name"].as_str(), Some("Risque"), "still applied: stale is for a test to refuse");
    }

    #[test]
    fn texts_are_named_by_the_ids_of_their_entries_and_ids_are_not_texts() {
        let t = table(
            "name = \"A\"\n[[dimension]]\nid = \"D1\"\nname = \"Gov\"\n[[dimension.question]]\nid = \"R1.1\"\n\
             text = \"Q\"\nprinciples = [\"P1\"]\nlevels = [\"l0\", \"l1\"]\n",
        );
        let paths: Vec<String> = texts(&t).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "dimension[D1].name",
                "dimension[D1].question[R1.1].levels[0]",
                "dimension[D1].question[R1.1].levels[1]",
                "dimension[D1].question[R1.1].text",
                "name"
            ]
        );
    }

    #[test]
    fn a_translation_replaces_every_text_and_names_what_is_missing_extra_or_english() {
        let mut t = table("name = \"Risk\"\nintro = \"Hello\"\nmethod = \"Way {n}\"\n");
        let overlay = table("name = \"Risque\"\nintro = \"Hello\"\nmethod = \"Voie\"\nother = \"x\"\n");
        let keep = BTreeSet::new();
        let sources = recorded(&[("name", "Risk"), ("intro", "Hello"), ("method", "Way {n}")]);
        let problems = apply("risk.toml", &mut t, &overlay, &Reference { keep: &keep, sources: &sources });
        let said: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.id, p.message)).collect();
        assert_eq!(t["name"].as_str(), Some("Risque"));
        assert!(said.iter().any(|s| s.starts_with("intro: left in English")), "{said:?}");
        assert!(said.iter().any(|s| s.starts_with("method: placeholders")), "{said:?}");
        assert!(said.iter().any(|s| s.starts_with("other: translates no text")), "{said:?}");
        let mut t = table("name = \"Risk\"\nintro = \"Hello\"\n");
        let reference = Reference { keep: &keep, sources: &sources };
        let problems = apply("risk.toml", &mut t, &table("name = \"Risque\"\n"), &reference);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "has no translation");
    }

    #[test]
    fn the_written_file_reads_back_to_the_same_texts() {
        let texts = vec![("a[x].b".to_string(), "say \"hi\"\\ \n".to_string())];
        let back = table(&to_toml("header", &texts));
        assert_eq!(back["a[x].b"].as_str(), Some("say \"hi\"\\ \n"));
    }
}
