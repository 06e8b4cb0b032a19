//! Reads a content pack from its TOML files on disk and validates it.
//!
//! Host only: `build.rs` uses it to embed the pack, and tests use it on broken copies. It may only use
//! `super::model`, `super::validate`, `super::translation`, std and the `toml` crate, because
//! `build.rs` compiles it too.

use super::model::{Changes, Pack, PackInfo, Readiness, Risk, StringTable, Vocabulary, Workbook};
use super::translation;
use super::validate::translated::{self, Reference};
use super::validate::{validate_pack, validate_pack_in, validate_strings, Problem};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A pack read from disk and found valid, with its UI strings by language.
#[derive(Debug, Clone)]
pub struct LoadedPack {
    /// The pack in English, the reference language.
    pub pack: Pack,
    pub strings: BTreeMap<String, StringTable>,
    /// The pack in each other language of `pack.info.languages`.
    pub translations: BTreeMap<String, Pack>,
    /// Translations made from an English text that has changed since (see `validate::translated`).
    pub stale: Vec<Problem>,
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
    let texts: [Option<String>; 6] = [
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
    let english = Sources {
        info: &info,
        vocabulary: &vocabulary,
        readiness: &readiness,
        risk: &risk,
        workbook: &workbook,
        changes: &changes,
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
    let mut keep = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut translations = BTreeMap::new();
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
        if lang == "en" {
            continue;
        }
        let kept = read_keep(dir, lang).unwrap_or_else(|p| {
            problems.push(p);
            BTreeSet::new()
        });
        let marks = read_sources(dir, lang).unwrap_or_else(|p| {
            problems.push(p);
            BTreeMap::new()
        });
        if let Some(pack) = &pack {
            let reference = Reference { keep: &kept, sources: &marks };
            match translate(dir, lang, &english, pack, &reference, &mut problems) {
                Ok(translated) => {
                    problems.extend(validate_pack_in(&translated, lang).into_iter().map(|mut p| {
                        p.file = format!("lang/{lang}/{}", p.file);
                        p
                    }));
                    translations.insert(lang.clone(), translated);
                }
                Err(found) => problems.extend(found),
            }
        }
        keep.insert(lang.clone(), kept);
        sources.insert(lang.clone(), marks);
    }

    if let Some(pack) = &pack {
        problems.extend(validate_pack(pack));
    }
    problems.extend(validate_strings("en", &strings, &keep, &sources));
    let (stale, problems): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| p.message == translated::STALE);
    match pack {
        Some(pack) if problems.is_empty() => Ok(LoadedPack { pack, strings, translations, stale }),
        _ => Err(problems),
    }
}

/// The English texts of the translated files.
struct Sources<'a> {
    info: &'a str,
    vocabulary: &'a str,
    readiness: &'a str,
    risk: &'a str,
    workbook: &'a str,
    changes: &'a str,
}

/// The keys (UI strings and content paths) that `terminology/<lang>.toml` allows to stay in English.
fn read_keep(dir: &Path, lang: &str) -> Result<BTreeSet<String>, Problem> {
    let file = format!("terminology/{lang}.toml");
    let table: toml::Table = parse(&file, &read(dir, &file)?)?;
    let keys = table.get("keep").and_then(|k| k.get("keys")).and_then(|k| k.as_array());
    let keys = keys.ok_or_else(|| problem(&file, "needs a [keep] table with `keys = [...]`"))?;
    keys.iter()
        .map(|k| k.as_str().map(str::to_string).ok_or_else(|| problem(&file, "`keep.keys` must be strings")))
        .collect()
}

/// The marks of the English texts each translation of `lang` was made from (`lang/<lang>/sources.toml`,
/// written by `cargo run --example content-texts -- --record <lang>`), by `<file>:<path>`.
fn read_sources(dir: &Path, lang: &str) -> Result<BTreeMap<String, String>, Problem> {
    let file = format!("lang/{lang}/sources.toml");
    if !dir.join(&file).exists() {
        // Nothing recorded yet: every translation is reported as stale, which a test refuses.
        return Ok(BTreeMap::new());
    }
    let table: toml::Table = parse(&file, &read(dir, &file)?)?;
    table
        .into_iter()
        .map(|(k, v)| match v {
            toml::Value::String(mark) => Ok((k, mark)),
            _ => Err(problem(&file, format!("`{k}` must be a string"))),
        })
        .collect()
}

/// `pack` with the texts of `lang/<lang>/` in place of the English ones.
fn translate(
    dir: &Path,
    lang: &str,
    english: &Sources,
    pack: &Pack,
    reference: &Reference,
    stale: &mut Vec<Problem>,
) -> Result<Pack, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut one = |file: &str, text: &str| -> Option<toml::Table> {
        let name = format!("lang/{lang}/{file}");
        let mut table: toml::Table = parse(file, text).map_err(|p| problems.push(p)).ok()?;
        let overlay: toml::Table =
            read(dir, &name).and_then(|t| parse(&name, &t)).map_err(|p| problems.push(p)).ok()?;
        for p in translation::apply(&name, &mut table, &overlay, reference) {
            // A stale translation still makes the pack (a test refuses it, not the build).
            if p.message == translated::STALE {
                stale.push(p)
            } else {
                problems.push(p)
            }
        }
        Some(table)
    };
    let [info, vocabulary, readiness, risk, workbook, changes] = translation::FILES;
    let tables = [
        one(info, english.info),
        one(vocabulary, english.vocabulary),
        one(readiness, english.readiness),
        one(risk, english.risk),
        one(workbook, english.workbook),
        one(changes, english.changes),
    ];
    let [Some(info), Some(vocabulary), Some(readiness), Some(risk), Some(workbook), Some(changes)] = tables
    else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    fn typed<T: serde::de::DeserializeOwned>(name: String, table: toml::Table) -> Result<T, Problem> {
        toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| {
            problem(&name, format!("not valid for this format: {}", e.to_string().trim()))
        })
    }
    let name = |file: &str| format!("lang/{lang}/{file}");
    let results = (
        typed::<PackInfo>(name("pack.toml"), info),
        typed::<Vocabulary>(name("vocabulary.toml"), vocabulary),
        typed::<Readiness>(name("readiness.toml"), readiness),
        typed::<Risk>(name("risk.toml"), risk),
        typed::<Workbook>(name("workbook.toml"), workbook),
        typed::<Changes>(name("changes.toml"), changes),
    );
    match results {
        (Ok(info), Ok(vocabulary), Ok(readiness), Ok(risk), Ok(workbook), Ok(changes)) => {
            // Only texts differ: the identity (id, version, languages) is the English pack's.
            let same = info.id == pack.info.id && info.version == pack.info.version;
            debug_assert!(same, "ids and versions are not texts");
            Ok(Pack { info, vocabulary, readiness, risk, workbook, changes: changes.changes })
        }
        (a, b, c, d, e, f) => {
            Err([a.err(), b.err(), c.err(), d.err(), e.err(), f.err()].into_iter().flatten().collect())
        }
    }
}
