//! Snapshots as the register view lists them, and what changed between two registers.

use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::register::{diff, Risk, Snapshot};
use crate::core::report::document::{self, Block, Line, Part};
use crate::core::report::risk::rated;
use crate::core::report::{fill, s};
use crate::core::risk::level;
use crate::core::risk::view::ViewState;

/// A snapshot as listed: its label and date.
pub fn snapshot_name(snap: &Snapshot) -> String {
    let date = crate::core::dates::day_in_words(snap.taken);
    if snap.label.trim().is_empty() {
        date
    } else {
        format!("{} ({date})", snap.label.trim())
    }
}

/// The compared registers: as chosen, or by default the latest snapshot against the current register.
pub(super) fn compare_pair(a: &Assessment, view: &ViewState) -> (String, String) {
    let latest = a.risk.snapshots.last().map_or("current".to_string(), |x| x.taken.to_string());
    let pick = |v: &str, default: String| if v.is_empty() { default } else { v.to_string() };
    (pick(&view.compare.0, latest), pick(&view.compare.1, "current".into()))
}

fn register_of<'a>(a: &'a Assessment, key: &str) -> &'a [Risk] {
    a.risk.snapshots.iter().find(|x| x.taken.to_string() == key).map_or(&a.risk.register, |x| &x.register)
}

/// What changed between the registers compared now, or nothing when there is no snapshot: drawn
/// again with a card, since a re-rating changes it.
pub fn current_changes(pack: &'static Pack, a: &Assessment, view: &ViewState) -> Option<String> {
    if a.risk.snapshots.is_empty() {
        return None;
    }
    let (from, to) = compare_pair(a, view);
    Some(changes_html(pack, a, &from, &to))
}

/// What changed from one register to another, as HTML for the register view: read out when it
/// changes.
pub fn changes_html(pack: &'static Pack, a: &Assessment, from: &str, to: &str) -> String {
    document::html(&[Block::Part(Part::Status, Some("changes"), changes(pack, a, from, to))])
}

/// What changed from one register to another: new, closed and re-rated risks.
pub fn changes(pack: &'static Pack, a: &Assessment, from: &str, to: &str) -> Vec<Block> {
    let (before, after) = (register_of(a, from), register_of(a, to));
    let c = diff(before, after);
    let named = |list: &[Risk], id: &str| {
        let title = list.iter().find(|r| r.id == id).map(|r| r.title.as_str()).unwrap_or_default();
        format!("{id} {title}")
    };
    let mut out = Vec::new();
    if c.new.is_empty() && c.closed.is_empty() && c.rerated.is_empty() {
        out.push(Block::p(s("risk.no_changes")));
    }
    for (key, ids, list) in [("risk.new_risks", &c.new, after), ("risk.closed_risks", &c.closed, before)] {
        if !ids.is_empty() {
            out.push(Block::h(4, s(key)));
            out.push(Block::List {
                ordered: false,
                items: ids.iter().map(|id| Line::text(named(list, id))).collect(),
            });
        }
    }
    if !c.rerated.is_empty() {
        let word = |l: u8, sev: u8| level(pack, l, sev).map_or(s("risk.not_rated"), |x| x.label.as_ref());
        let items = c
            .rerated
            .iter()
            .map(|(id, old, new)| {
                let line = fill(
                    "risk.rerated_line",
                    &[
                        ("before", &rated(pack, old[0], old[1])),
                        ("after", &rated(pack, new[0], new[1])),
                        ("rbefore", word(old[2], old[3])),
                        ("rafter", word(new[2], new[3])),
                    ],
                );
                Line::text(format!("{}: {line}", named(after, id)))
            })
            .collect();
        out.push(Block::h(4, s("risk.rerated")));
        out.push(Block::List { ordered: false, items });
    }
    out
}
