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
use crate::core::questionnaire;
use serde_json::Value;

/// What can be marked restricted in `a`, in the order the assessment shows it: (id, words that name
/// it). The general notes (`_general`), each item's note or written answer, each risk, each decision.
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
    for section in questionnaire::compared(pack, a.kind).sections {
        for item in section.items {
            let note = a.notes.get(item.id).filter(|n| !n.trim().is_empty());
            let written = match a.answers.get(item.id) {
                Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text),
                _ => None,
            };
            if let Some(text) = note.or(written) {
                out.push((item.id.to_string(), format!("{} · {}", item.id, first_words(text))));
            }
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
/// and its snapshots) and decisions.
fn without(a: &Assessment, ids: &[String]) -> Assessment {
    let gone = |id: &str| ids.iter().any(|x| x == id);
    let mut copy = a.clone();
    copy.notes.retain(|id, _| !gone(id));
    copy.answers.retain(|id, answer| !(gone(id) && matches!(answer, Answer::Text(_))));
    copy.risk.register.retain(|r| !gone(&r.id));
    for s in &mut copy.risk.snapshots {
        s.register.retain(|r| !gone(&r.id));
    }
    copy.workbook.log.retain(|e| !gone(&e.id));
    copy
}

/// The id of the public version of the assessment `id`: another assessment, so importing it where
/// the full one is never offers to replace the full one.
pub fn public_id(id: &str) -> String {
    format!("{id}-public")
}

/// The public version of `a`: its content and every approved copy without the restricted items,
/// under its own id ([`public_id`]); no comments, request or marks; the approvals' sign-offs kept,
/// so it reads as approved where the full version is (their fingerprints stay those of the full
/// content signed: a public copy does not match them, and says so on import). Its review records
/// how many items were left out (`public`), which the report's title page says.
pub fn public_copy(a: &Assessment) -> Assessment {
    let ids = restricted(&a.review.0);
    let full = Review::of(a);
    let public = |c: &Assessment| Assessment { id: public_id(&c.id), ..without(c, &ids) };
    let approvals = full
        .approvals
        .into_iter()
        .map(|mut p| {
            p.content = p.content.map(|c| Box::new(public(&c)));
            p
        })
        .collect();
    let review = Review {
        approvals,
        superseded: full.superseded,
        next: full.next,
        public: Some(ids.len() as u64),
        ..Review::default()
    };
    Assessment { review: Stored::from(&review), ..public(a) }
}

/// How many items the public version `a` left out, if it is one.
pub fn left_out(a: &Assessment) -> Option<u64> {
    a.review.0["public"].as_u64()
}
