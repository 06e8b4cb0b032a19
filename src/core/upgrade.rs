//! Carries an assessment answered against an earlier version of the content to the pack's version,
//! by `changes.toml`: an id with one successor hands it its answer and note, unless that item already
//! has its own; everything else stays under its old id, kept aside (never dropped), and `kept_aside`
//! lists it for the results and the report.

use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{version_key, IdChange, Pack};

/// Brings `a` to the pack's version; false when there was nothing to do (same or later version, or
/// another pack). Running it twice changes nothing more.
pub fn upgrade(pack: &Pack, a: &mut Assessment) -> bool {
    let (Some(from), Some(to)) = (version_key(&a.content.version), version_key(&pack.info.version)) else {
        return false;
    };
    // An empty pack (the app before its content file arrives) would move the version and nothing else.
    if a.content.id != pack.info.id || from >= to || pack.readiness.dimensions.is_empty() {
        return false;
    }
    for ch in pack.changes.iter().filter(|ch| version_key(&ch.since).is_some_and(|v| v > from && v <= to)) {
        let [target] = ch.now.as_ref() else { continue };
        let (id, target) = (ch.id.as_ref(), target.as_ref());
        // Comments on the question, and its restricted mark, follow it to its new id.
        if let Some(list) = a.review.0.get_mut("comments").and_then(|l| l.as_array_mut()) {
            for c in list.iter_mut().filter(|c| c["on"] == id) {
                c["on"] = target.into();
            }
        }
        if let Some(marks) = a.review.0.get_mut("restricted").and_then(|l| l.as_array_mut()) {
            if marks.iter().any(|m| m == id) && !marks.iter().any(|m| m == target) {
                marks.push(target.into());
            }
        }
        let has = |a: &Assessment, k: &str| a.answers.contains_key(k) || a.notes.contains_key(k);
        if !has(a, id) || has(a, target) {
            continue;
        }
        if let Some(answer) = a.answers.remove(id) {
            a.answers.insert(target.to_string(), renamed(ch, answer));
        }
        // A profile field has no notes of its own: there the note stays aside, shown with the results.
        let takes_notes = !pack.risk.profile_fields.iter().any(|f| f.id == target);
        if let Some(note) = a.notes.remove(id) {
            a.notes.insert(if takes_notes { target } else { id }.to_string(), note);
        }
    }
    a.content.version = pack.info.version.to_string();
    true
}

fn renamed(ch: &IdChange, answer: Answer) -> Answer {
    match answer {
        Answer::Choice(v) => {
            Answer::Choice(ch.values.iter().find(|m| m.from == v).map_or(v, |m| m.to.to_string()))
        }
        other => other,
    }
}

/// One item kept aside: an id this pack does not ask, with what `a` holds for it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAside<'p> {
    pub id: String,
    /// How the question read, when the pack knows the id from an earlier version.
    pub change: Option<&'p IdChange>,
    pub answer: Option<Answer>,
    pub note: Option<String>,
}

/// The answers and notes of `a` under ids its tool does not have in this pack, in id order.
pub fn kept_aside<'p>(pack: &'p Pack, a: &Assessment) -> Vec<KeptAside<'p>> {
    crate::core::answer_file::unknown_items(pack, a)
        .into_iter()
        .map(|id| KeptAside {
            change: pack.changes.iter().find(|ch| ch.id == id),
            answer: a.answers.get(&id).cloned(),
            note: a.notes.get(&id).cloned(),
            id,
        })
        .collect()
}

// Host only: they read the fixtures from disk and use proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
