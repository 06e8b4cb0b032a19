//! Several respondents' workbooks as one. Prompts, checks and notes merge like any tool's answers
//! (`core::merge`); this is the rest of the record: the route, check owners, overrides, which stages
//! are complete, and the decision log as the union of every file's entries.
//!
//! Merging a workbook with itself changes nothing: an entry every file holds is kept as it is, under
//! its id. An entry only some files hold says whose file it came from and its id there, and entries
//! the first file lacks get fresh ids after its own. Recorded entries are never rewritten, except
//! where two files each replaced the same decision: the replacements are then chained by date (the
//! later replaces the earlier), and the provenance of each one moved says what it replaced.

use super::{open_blocking, Entry, Override, Route, WorkbookRecord};
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::merge::label;
use crate::core::register::Status;
use std::collections::{BTreeMap, BTreeSet};

/// The merged record of `list`, for `merged`, which already holds the merged answers and notes (a
/// stage stays complete only while its blocking checks allow it there).
pub fn merge_records(pack: &Pack, list: &[&Assessment], merged: &Assessment) -> WorkbookRecord {
    let records: Vec<&WorkbookRecord> = list.iter().map(|a| &a.workbook).collect();
    let labels: Vec<String> = list.iter().map(|a| label(a)).collect();
    let mut out = WorkbookRecord {
        route: route(&records),
        owners: owners(&records, &labels),
        complete: Vec::new(),
        overrides: overrides(&records, &labels),
        log: log(&records, &labels).0,
        // The first file's links to other assessments, else the first given.
        linked: records.iter().find_map(|r| r.linked.clone()),
        readiness: records.iter().find_map(|r| r.readiness.clone()),
    };
    let mut probe = merged.clone();
    probe.workbook = out.clone();
    let allowed = |stage: &str| match pack.workbook.stages.iter().find(|s| s.stage == stage) {
        Some(st) => {
            open_blocking(&probe, st).is_empty() || out.override_of(stage).is_some_and(Override::given)
        }
        None => true,
    };
    // A stage is complete only where every file said so: nobody's sign-off is invented.
    out.complete = records
        .first()
        .map(|first| {
            first
                .complete
                .iter()
                .filter(|s| records.iter().all(|r| r.is_complete(s)) && allowed(s))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    out
}

/// The route everyone chose; where they differ, both (no stage is set aside).
fn route(records: &[&WorkbookRecord]) -> Option<Route> {
    let given: BTreeSet<&str> = records.iter().filter_map(|r| r.route).map(Route::id).collect();
    match given.len() {
        0 => None,
        1 => records.iter().find_map(|r| r.route),
        _ => Some(Route::Hybrid),
    }
}

/// Differing texts, each after its respondent's label, in file order.
fn labelled<'a>(given: &[(&'a str, &'a str)], sep: &str) -> String {
    let distinct: BTreeSet<&str> = given.iter().map(|(_, t)| *t).collect();
    if distinct.len() == 1 {
        return given[0].1.to_string();
    }
    given.iter().map(|(who, t)| format!("{who}: {t}")).collect::<Vec<_>>().join(sep)
}

fn owners(records: &[&WorkbookRecord], labels: &[String]) -> BTreeMap<String, String> {
    let keys: BTreeSet<&String> = records.iter().flat_map(|r| r.owners.keys()).collect();
    keys.into_iter()
        .map(|k| {
            let all: Vec<(&str, &str)> = records
                .iter()
                .zip(labels)
                .filter_map(|(r, who)| r.owners.get(k).map(|o| (who.as_str(), o.as_str())))
                .collect();
            let given: Vec<(&str, &str)> =
                all.iter().filter(|(_, o)| !o.trim().is_empty()).copied().collect();
            // Blank owners say nothing, unless nobody said more.
            let text = if given.is_empty() { all[0].1.to_string() } else { labelled(&given, "; ") };
            (k.clone(), text)
        })
        .collect()
}

fn overrides(records: &[&WorkbookRecord], labels: &[String]) -> Vec<Override> {
    let mut stages: Vec<&str> = Vec::new();
    for o in records.iter().flat_map(|r| &r.overrides) {
        if !stages.contains(&o.stage.as_str()) {
            stages.push(&o.stage);
        }
    }
    stages
        .into_iter()
        .map(|stage| {
            let given: Vec<(&str, &Override)> = records
                .iter()
                .zip(labels)
                .filter_map(|(r, who)| r.override_of(stage).map(|o| (who.as_str(), o)))
                .collect();
            let by: Vec<(&str, &str)> = given.iter().map(|(w, o)| (*w, o.by.as_str())).collect();
            let why: Vec<(&str, &str)> = given.iter().map(|(w, o)| (*w, o.why.as_str())).collect();
            Override { stage: stage.to_string(), by: labelled(&by, "; "), why: labelled(&why, "\n\n") }
        })
        .collect()
}

/// What makes two entries the same decision: everything but their ids, provenance, the entry they
/// replace (a merge may have chained it afresh, see [`chain`]) and their conditions' progress.
fn fingerprint(e: &Entry) -> String {
    let mut c = e.clone();
    c.supersedes.clear();
    c.id.clear();
    c.from.clear();
    for k in &mut c.conditions {
        k.status = Status::Planned;
    }
    format!("{c:?}")
}

fn rank(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The id each file's decisions take in the merged log ([`merge_records`]), per file: old to new, so
/// what pointed at a decision (a comment, a restricted mark) still does.
pub fn entry_ids(list: &[&Assessment]) -> Vec<BTreeMap<String, String>> {
    let records: Vec<&WorkbookRecord> = list.iter().map(|a| &a.workbook).collect();
    let labels: Vec<String> = list.iter().map(|a| label(a)).collect();
    log(&records, &labels).1
}

/// The union of the logs: the first file's entries under their ids, the others numbered after them;
/// in date order (drafts last) when other files added any, else in the first file's order. With
/// each file's ids as the merged log has them (see [`entry_ids`]).
fn log(records: &[&WorkbookRecord], labels: &[String]) -> (Vec<Entry>, Vec<BTreeMap<String, String>>) {
    // Every distinct entry once, with the files (and ids there) that hold it.
    let mut order: Vec<String> = Vec::new();
    let mut holders: BTreeMap<String, Vec<(usize, &Entry)>> = BTreeMap::new();
    let mut key_of: BTreeMap<(usize, &str), String> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        // Two entries alike in one file are two decisions: the nth of them matches the nth elsewhere.
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for e in &r.log {
            let mut key = fingerprint(e);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            key = format!("{key}#{n}");
            key_of.insert((i, e.id.as_str()), key.clone());
            let held = holders.entry(key.clone()).or_default();
            if held.is_empty() {
                order.push(key);
            }
            if !held.iter().any(|(j, _)| *j == i) {
                held.push((i, e));
            }
        }
    }
    let (mut firsts, mut rest): (Vec<&String>, Vec<&String>) =
        order.iter().partition(|k| holders[*k][0].0 == 0);
    crate::core::sort::by(&mut rest, |x, y| {
        let key = |k: &String| {
            let e = holders[k][0].1;
            (e.recorded.is_none(), e.date.clone(), e.recorded.unwrap_or(0))
        };
        key(x).cmp(&key(y))
    });
    firsts.append(&mut rest);

    let mut used: BTreeSet<String> =
        records.first().map(|r| r.log.iter().map(|e| e.id.clone()).collect()).unwrap_or_default();
    let used_first = used.clone();
    // Fresh ids after the first file's highest, never filling a gap it left.
    let mut next =
        used.iter().filter_map(|id| id.strip_prefix('D')?.parse::<usize>().ok()).max().unwrap_or(0) + 1;
    let mut id_of: BTreeMap<&String, String> = BTreeMap::new();
    for key in &firsts {
        let (i, e) = holders[*key][0];
        let id = if i == 0 {
            e.id.clone()
        } else {
            while used.contains(&format!("D{next}")) {
                next += 1;
            }
            format!("D{next}")
        };
        used.insert(id.clone());
        id_of.insert(*key, id);
    }
    let mut ids = vec![BTreeMap::new(); records.len()];
    for ((i, old), key) in &key_of {
        if let Some(new) = id_of.get(key) {
            ids[*i].insert(old.to_string(), new.clone());
        }
    }

    let mut out: Vec<Entry> = Vec::new();
    // What each entry replaced in its own file, for saying so where the merge chains it afresh.
    let mut own: Vec<String> = Vec::new();
    for key in firsts {
        let held = &holders[key];
        let (i, e) = held[0];
        let mut entry = e.clone();
        entry.id.clone_from(&id_of[key]);
        for (n, c) in entry.conditions.iter_mut().enumerate() {
            c.status = held
                .iter()
                .filter_map(|(_, x)| x.conditions.get(n).map(|k| k.status))
                .max_by_key(|s| rank(*s))
                .unwrap_or(c.status);
        }
        if entry.from.is_empty() && held.len() < records.len() {
            entry.from =
                held.iter().map(|(j, x)| format!("{}, {}", labels[*j], x.id)).collect::<Vec<_>>().join("; ");
        }
        if !e.supersedes.is_empty() {
            let target = key_of.get(&(i, e.supersedes.as_str())).and_then(|k| id_of.get(k));
            entry.supersedes = target.cloned().unwrap_or_else(|| e.supersedes.clone());
        }
        own.push(e.supersedes.clone());
        out.push(entry);
    }
    let before: Vec<String> = out.iter().map(|e| e.supersedes.clone()).collect();
    chain(&mut out);
    for ((e, was), own) in out.iter_mut().zip(before).zip(own) {
        if e.supersedes != was {
            let note = format!("replacing {own} there");
            e.from = if e.from.is_empty() { note } else { format!("{}, {note}", e.from) };
        }
    }
    // With decisions from other files, the log reads in date order (drafts last); ids stay.
    if out.iter().any(|e| !used_first.contains(&e.id)) {
        crate::core::sort::by_key(&mut out, |e| {
            (e.recorded.is_none(), e.date.clone(), e.recorded.unwrap_or(0))
        });
    }
    (out, ids)
}

/// Where several recorded entries replace the same decision (each file replaced it in its own way),
/// chains them by date: the earliest replaces the decision, each later one the one before it. A
/// file's log never has two. Each pass moves an entry further down a chain, so it ends; the bound
/// only guards against a log that is not a tree.
fn chain(log: &mut [Entry]) {
    let when = |e: &Entry| (e.date.clone(), e.recorded.unwrap_or(0), e.id.clone());
    for _ in 0..=log.len() * log.len() {
        let mut by_target: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, e) in log.iter().enumerate().filter(|(_, e)| e.recorded.is_some() && !e.supersedes.is_empty())
        {
            by_target.entry(e.supersedes.clone()).or_default().push(k);
        }
        let Some((target, mut rivals)) = by_target.into_iter().find(|(_, v)| v.len() > 1) else { return };
        crate::core::sort::by_key(&mut rivals, |k| when(&log[*k]));
        let mut before = target.clone();
        for k in rivals {
            log[k].supersedes.clone_from(&before);
            before.clone_from(&log[k].id);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
