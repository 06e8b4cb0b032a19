//! Restricted items and the public version of an assessment. A note (or a workbook prompt's written
//! answer), a risk of the register or a decision of the log can be marked restricted; the public
//! version leaves them out, with the review's comments and request, for transparency registers and
//! publication. The full version stays the default everywhere.
//!
//! Marks are part of the review, not of the content: marking changes no fingerprint and no status.

use super::{Review, Stored};
use crate::core::assessment::{Answer, Assessment, GENERAL_NOTES};
use crate::core::content::model::Pack;
use crate::core::content::t;
use crate::core::logbook::Entry;
use serde_json::Value;

/// What can be marked restricted in `a`, in the order the assessment shows it: (id, words that name
/// it). The general notes (`_general`); each note or written answer, of the items the content asks
/// (profile fields included) and then any other (kept aside after a content upgrade); each risk;
/// each decision.
pub fn restrictable(pack: &'static Pack, a: &Assessment) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let first_words = |text: &str| {
        let words: String = text.chars().take(60).collect();
        if words.len() < text.len() {
            format!("{}…", words.trim_end())
        } else {
            words
        }
    };
    if a.notes.get(GENERAL_NOTES).is_some_and(|n| !n.trim().is_empty()) {
        out.push((GENERAL_NOTES.to_string(), t("report.general_notes").to_string()));
    }
    let written = |id: &str| {
        let note = a.notes.get(id).filter(|n| !n.trim().is_empty());
        let text = match a.answers.get(id) {
            Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text),
            _ => None,
        };
        note.or(text)
    };
    let asked = a.kind.item_ids(pack);
    let others = a.notes.keys().chain(a.answers.keys()).map(String::as_str);
    let mut seen = std::collections::BTreeSet::new();
    for id in asked.into_iter().chain(others) {
        if id == GENERAL_NOTES || !seen.insert(id) {
            continue;
        }
        if let Some(text) = written(id) {
            out.push((id.to_string(), format!("{id} · {}", first_words(text))));
        }
    }
    for r in &a.risk.register {
        out.push((r.id.clone(), format!("{} · {}", r.id, r.title)));
    }
    for e in &a.workbook.log {
        let what = if e.rationale.trim().is_empty() { e.date.clone() } else { first_words(&e.rationale) };
        out.push((e.id.clone(), format!("{} · {what}", e.id)));
    }
    out
}

/// The ids marked restricted in a stored review.
pub fn restricted(review: &Value) -> Vec<String> {
    review["restricted"]
        .as_array()
        .map(|l| l.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// `a`'s content without what `ids` name: those notes and written answers, risks (in the register
/// and its snapshots); a restricted decision stays as a placeholder (its id, stage, date and place
/// in the log, so what it supersedes and what supersedes it still read right) without its words.
/// Returns the copy and how many marked items it left out.
fn without(a: &Assessment, ids: &[String]) -> (Assessment, usize) {
    let gone = |id: &str| ids.iter().any(|x| x == id);
    // Marks on what is no longer there (a risk deleted) leave nothing out: not counted.
    let present = |id: &str| {
        a.notes.contains_key(id)
            || matches!(a.answers.get(id), Some(Answer::Text(_)))
            || a.risk.register.iter().any(|r| r.id == id)
            || a.workbook.log.iter().any(|e| e.id == id)
    };
    let left_out = ids.iter().filter(|id| present(id)).count();
    let mut copy = a.clone();
    copy.notes.retain(|id, _| !gone(id));
    copy.answers.retain(|id, answer| !(gone(id) && matches!(answer, Answer::Text(_))));
    copy.risk.register.retain(|r| !gone(&r.id));
    for s in &mut copy.risk.snapshots {
        s.register.retain(|r| !gone(&r.id));
    }
    for e in copy.workbook.log.iter_mut().filter(|e| gone(&e.id)) {
        *e = Entry {
            id: e.id.clone(),
            stage: e.stage.clone(),
            date: e.date.clone(),
            recorded: e.recorded,
            supersedes: e.supersedes.clone(),
            rationale: t("review.restricted_decision").to_string(),
            ..Entry::default()
        };
    }
    (copy, left_out)
}

/// The id of the public version of the assessment `id`: another assessment, so importing it where
/// the full one is never offers to replace the full one (within the answer file's 64 characters).
pub fn public_id(id: &str) -> String {
    let kept: String = id.chars().take(57).collect();
    format!("{kept}-public")
}

/// The public version of `a`: its content without the restricted items, under its own id
/// ([`public_id`]). Its review keeps the sign-offs but not the approved copies (which hold the full
/// content), nor the comments or marks; it carries the full version's standing and how many items
/// were left out, which its status and title page say (see [`super::standing`]).
pub fn public_copy(a: &Assessment) -> Assessment {
    let ids = restricted(&a.review.0);
    let full = Review::of(a);
    let (content, left_out) = without(a, &ids);
    let approvals = full.approvals.into_iter().map(|p| super::Approval { content: None, ..p }).collect();
    let review = Review {
        requested: full.requested,
        approvals,
        superseded: full.superseded,
        next: full.next,
        public: Some(super::Public { left_out: left_out as u64, standing: super::standing(a).code() }),
        ..Review::default()
    };
    Assessment { id: public_id(&a.id), review: Stored::from(&review), ..content }
}

/// How many items the public version `a` left out, if it is one.
pub fn left_out(a: &Assessment) -> Option<u64> {
    a.review.0["public"]["left_out"].as_u64()
}
