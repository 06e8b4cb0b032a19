//! Checks `changes.toml`: every old id is gone from the pack (ids are never reused), says when it went
//! and how it read, and points only at items the pack has.

use super::super::model::{version_key, IdChange, Pack};
use super::{Checker, Text};
use std::collections::BTreeSet;

const F: &str = "changes.toml";

pub(super) fn check_changes(c: &mut Checker, pack: &Pack) {
    let items: BTreeSet<&str> = item_ids(pack).collect();
    let current = version_key(&pack.info.version);
    let mut seen = BTreeSet::new();
    for ch in pack.changes.iter() {
        c.unique(F, &mut seen, &ch.id);
        if items.contains(ch.id.as_ref()) {
            c.report(F, &ch.id, "the pack still has this id: an id is never reused");
        }
        c.text(F, &ch.id, "was", &ch.was);
        match version_key(&ch.since) {
            None => c.report(F, &ch.id, "`since` must be a version like 1.2.0"),
            Some(v) if current.is_some_and(|cur| v > cur) => {
                c.report(F, &ch.id, "`since` is later than the pack's version")
            }
            Some(_) => {}
        }
        for to in ch.now.iter() {
            if !items.contains(to.as_ref()) {
                c.report(F, &ch.id, format!("`now` refers to unknown item \"{to}\""));
            }
        }
        check_values(c, pack, ch);
    }
}

/// Renamed values only make sense where the answer moves, and must be options of the field it moves to.
fn check_values(c: &mut Checker, pack: &Pack, ch: &IdChange) {
    if ch.values.is_empty() {
        return;
    }
    let [to] = ch.now.as_ref() else {
        c.report(F, &ch.id, "`values` needs exactly one item in `now`, where the answer moves");
        return;
    };
    let options: Option<BTreeSet<&Text>> = pack
        .risk
        .profile_fields
        .iter()
        .find(|f| f.id == *to)
        .map(|f| f.options.iter().map(|o| &o.id).collect());
    for v in ch.values.iter() {
        if options.as_ref().is_some_and(|o| !o.contains(&v.to)) {
            c.report(F, &ch.id, format!("`values` maps to \"{}\", which \"{to}\" does not offer", v.to));
        }
    }
}

/// Every item id of every tool: questions, profile fields, prompts, checks.
fn item_ids(pack: &Pack) -> impl Iterator<Item = &str> {
    let readiness = pack.readiness.dimensions.iter().flat_map(|d| d.questions.iter().map(|q| q.id.as_ref()));
    let fields = pack.risk.profile_fields.iter().map(|f| f.id.as_ref());
    let screening = pack.risk.screening.iter().map(|q| q.id.as_ref());
    let workbook =
        pack.workbook.stages.iter().flat_map(|s| {
            s.prompts.iter().map(|p| p.id.as_ref()).chain(s.checks.iter().map(|k| k.id.as_ref()))
        });
    readiness.chain(fields).chain(screening).chain(workbook)
}
