//! Reads a content pack from its TOML files on disk and validates it.
//!
//! Host only: `build.rs` uses it to embed the pack, and tests use it on broken copies. It may only use
//! `super::model`, `super::validate`, std and the `toml` crate, because `build.rs` compiles it too.

use super::model::{Changes, Pack, PackInfo, Readiness, Risk, StringTable, Vocabulary, Workbook};
use super::validate::{validate_pack, validate_strings, Problem};
use std::collections::BTreeMap;
use std::path::Path;

/// A pack read from disk and found valid, with its UI strings by language.
#[derive(Debug, Clone)]
pub struct LoadedPack {
    pub pack: Pack,
    pub strings: BTreeMap<String, StringTable>,
}

fn problem(file: &str, message: impl Into<String>) -> Problem {
    Problem { file: file.into(), id: "-".into(), message: message.into() }
}

fn read(dir: &Path, file: &str) -> Result<String, Problem> {
    let path = dir.join(file);
    std::fs::read_to_string(&path).map_err(|e| problem(file, format!("cannot read {}: {e}", path.display())))
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    toml::from_str(text)
        .map_err(|e| problem(file, format!("not valid for this format: {}", e.to_string().trim())))
}

/// Flattens nested TOML tables into `a.b` keys; every leaf must be a string.
fn flatten(
    file: &str,
    prefix: &str,
    table: &toml::Table,
    out: &mut StringTable,
    problems: &mut Vec<Problem>,
) {
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::String(s) => {
                out.insert(full, s.clone());
            }
            toml::Value::Table(t) => flatten(file, &full, t, out, problems),
            _ => problems.push(Problem {
                file: file.into(),
                id: full,
                message: "value must be a string".into(),
            }),
        }
    }
}

/// Reads `dir` (a `content/` folder) and returns the pack, or every problem found in it.
pub fn load_dir(dir: &Path) -> Result<LoadedPack, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut take = |file: &str| read(dir, file).map_err(|p| problems.push(p)).ok();
    let texts = [
        take("pack.toml"),
        take("vocabulary.toml"),
        take("readiness.toml"),
        take("risk.toml"),
        take("workbook.toml"),
        take("changes.toml"),
    ];
    let [Some(info), Some(vocabulary), Some(readiness), Some(risk), Some(workbook), Some(changes)] = texts
    else {
        return Err(problems);
    };
    let info: Result<PackInfo, _> = parse("pack.toml", &info);
    let vocabulary: Result<Vocabulary, _> = parse("vocabulary.toml", &vocabulary);
    let readiness: Result<Readiness, _> = parse("readiness.toml", &readiness);
    let risk: Result<Risk, _> = parse("risk.toml", &risk);
    let workbook: Result<Workbook, _> = parse("workbook.toml", &workbook);
    let changes: Result<Changes, _> = parse("changes.toml", &changes);
    let pack = match (info, vocabulary, readiness, risk, workbook, changes) {
        (Ok(info), Ok(vocabulary), Ok(readiness), Ok(risk), Ok(workbook), Ok(changes)) => {
            Some(Pack { info, vocabulary, readiness, risk, workbook, changes: changes.changes })
        }
        (a, b, c, d, e, f) => {
            problems.extend([a.err(), b.err(), c.err(), d.err(), e.err(), f.err()].into_iter().flatten());
            None
        }
    };

    let mut strings = BTreeMap::new();
    let languages: Vec<String> = pack
        .as_ref()
        .map(|p| p.info.languages.iter().map(|l| l.to_string()).collect())
        .unwrap_or_else(|| vec!["en".into()]);
    for lang in languages.iter() {
        let file = format!("strings/{lang}.toml");
        let Ok(text) = read(dir, &file).map_err(|p| problems.push(p)) else { continue };
        match parse::<toml::Table>(&file, &text) {
            Ok(table) => {
                let mut flat = StringTable::new();
                flatten(&file, "", &table, &mut flat, &mut problems);
                strings.insert(lang.clone(), flat);
            }
            Err(p) => problems.push(p),
        }
    }

    if let Some(pack) = &pack {
        problems.extend(validate_pack(pack));
    }
    problems.extend(validate_strings("en", &strings));
    match pack {
        Some(pack) if problems.is_empty() => Ok(LoadedPack { pack, strings }),
        _ => Err(problems),
    }
}
