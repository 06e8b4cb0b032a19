//! Comments on an assessment under review: on the assessment as a whole or on one item (a question,
//! a workbook prompt or check, a risk of the register, a decision of the log), each with its author,
//! time and text, open until someone resolves it (and open again if someone reopens it).
//!
//! Comments travel in answer files inside the review. Two copies of an assessment (a reviewer's and
//! a respondent's) combine as a union ([`union`]): every comment either holds, each with its own
//! author, and for one comment both hold, the later resolution and the later reopening. So combining
//! copies of the same comments gives the same in any order, combining twice changes nothing, and no
//! comment is ever lost. (Two copies whose words differ under one id, which the app never writes,
//! keep the words of the copy already stored.)

use super::Stamp;
use crate::core::assessment::{Assessment, Kind};
use crate::core::content::model::Pack;
use crate::core::content::t;
use crate::core::questionnaire;
use serde::Serialize;
use serde_json::Value;

/// The most comments one assessment keeps: adding one more is refused, with the reason.
pub const MAX_COMMENTS: usize = 1_000;
/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;

/// One comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// Made when it is written, from its time and words; the same in every copy.
    pub id: String,
    /// The item it is on (`R3.2`, `K3`, `D2`); empty for the assessment as a whole.
    pub on: String,
    pub by: String,
    pub role: String,
    pub at: i64,
    pub text: String,
    /// The latest resolution, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Stamp>,
    /// The latest reopening, if any: open again when later than the resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopened: Option<Stamp>,
}

impl Comment {
    pub fn is_open(&self) -> bool {
        is_open(self.resolved.as_ref().map(|s| s.at), self.reopened.as_ref().map(|s| s.at))
    }
}

/// Whether `id` can name a comment: 1 to 40 letters, digits, `-` or `_` (the app makes `c…-…`).
pub fn is_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `on` can name what a comment is on: empty (the assessment as a whole), or an item's id of
/// at most 64 letters, digits, `.`, `-` or `_` (`R3.2`, `S1.1.1`, `K3`, `D2`, `application_type`).
pub fn is_target(on: &str) -> bool {
    on.len() <= 64 && on.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
}

/// Whether a comment resolved at `resolved` and reopened at `reopened` (if ever) is open: one rule
/// for the typed comment and for the stored JSON the library counts.
pub fn is_open(resolved: Option<i64>, reopened: Option<i64>) -> bool {
    match (resolved, reopened) {
        (None, _) => true,
        (Some(r), Some(o)) => o > r,
        (Some(_), None) => false,
    }
}

/// How many comments of a stored review (JSON) are open.
pub fn open_in(review: &Value) -> usize {
    let at = |c: &Value, k: &str| c[k]["at"].as_i64();
    review["comments"]
        .as_array()
        .map_or(0, |l| l.iter().filter(|c| is_open(at(c, "resolved"), at(c, "reopened"))).count())
}

/// An id for a comment written at `at` (milliseconds) with these words: its time and a short hash
/// of the rest, so two people commenting in the same millisecond still differ.
pub fn new_id(at: i64, by: &str, on: &str, text: &str) -> String {
    // FNV-1a, 64 bits: enough to tell comments apart, not a fingerprint.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in [by, "\u{1f}", on, "\u{1f}", text].concat().bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("c{at:x}-{:08x}", h as u32)
}

/// The union of two stored lists of comments (JSON), as [`keep_review`](super::keep_review) combines
/// a stored review with an incoming one: every comment of either, by id; for one comment both hold,
/// its words as `mine` has them, with the later resolution and the later reopening of the two.
/// Ordered by time, then id, so the result does not depend on the order of the lists.
pub fn union(mine: &Value, theirs: &Value) -> Value {
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let key =
        |v: &Value| (v["at"].as_i64().unwrap_or_default(), v["id"].as_str().unwrap_or_default().to_string());
    // Each put in its place as it comes: no sort, whose code the app's first load would carry.
    let mut out: Vec<Value> = Vec::new();
    for c in list(mine).into_iter().chain(list(theirs)) {
        match out.iter_mut().find(|m| m["id"] == c["id"]) {
            Some(m) => {
                for k in ["resolved", "reopened"] {
                    if later(&c[k], &m[k]) {
                        m[k] = c[k].clone();
                    }
                }
            }
            None => {
                let at = out.partition_point(|m| key(m) < key(&c));
                out.insert(at, c);
            }
        }
    }
    Value::Array(out)
}

/// Whether stamp `a` (JSON, maybe null) is later than `b`; equal times are ordered by who, so the
/// choice never depends on which copy came first.
fn later(a: &Value, b: &Value) -> bool {
    if a.is_null() {
        return false;
    }
    if b.is_null() {
        return true;
    }
    let key = |s: &Value| {
        (
            s["at"].as_i64().unwrap_or_default(),
            s["by"].as_str().unwrap_or_default().to_string(),
            s["role"].as_str().unwrap_or_default().to_string(),
        )
    };
    key(a) > key(b)
}

/// Where a comment can be put: the assessment as a whole, then each group of items as the
/// assessment shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub title: String,
    /// (id, words that name it).
    pub items: Vec<(String, String)>,
}

/// What `a` can be commented on, in order: the assessment as a whole (id ""), its questions by
/// section (a workbook's prompts and checks by stage), and a risk assessment's register or a
/// workbook's decision log.
pub fn targets(pack: &'static Pack, a: &Assessment) -> Vec<Group> {
    let whole = t("review.on_whole").to_string();
    let mut out =
        vec![Group { title: t("review.on_general").to_string(), items: vec![(String::new(), whole)] }];
    for s in questionnaire::compared(pack, a.kind).sections {
        let title = if s.title.is_empty() { s.id.to_string() } else { format!("{} · {}", s.id, s.title) };
        let items = s.items.iter().map(|i| (i.id.to_string(), format!("{} · {}", i.id, i.text))).collect();
        out.push(Group { title, items });
    }
    let named = |id: &str, name: &str| {
        (id.to_string(), if name.is_empty() { id.to_string() } else { format!("{id} · {name}") })
    };
    match a.kind {
        Kind::Risk if !a.risk.register.is_empty() => out.push(Group {
            title: t("review.on_register").to_string(),
            items: a.risk.register.iter().map(|r| named(&r.id, &r.title)).collect(),
        }),
        Kind::Workbook if !a.workbook.log.is_empty() => {
            let stage =
                |id: &str| pack.vocabulary.stages.iter().find(|v| v.id == id).map_or("", |v| v.name.as_ref());
            out.push(Group {
                title: t("review.on_log").to_string(),
                items: a.workbook.log.iter().map(|e| named(&e.id, stage(&e.stage))).collect(),
            })
        }
        _ => {}
    }
    out
}

/// `comments` in the groups of [`targets`] that have any, each group's oldest first; comments on an
/// item the assessment no longer has (a risk taken out) come last, under "Other items".
pub fn grouped<'c>(
    pack: &'static Pack,
    a: &Assessment,
    comments: &'c [Comment],
) -> Vec<(Group, Vec<&'c Comment>)> {
    let groups = targets(pack, a);
    let mut out: Vec<(Group, Vec<&Comment>)> = Vec::new();
    // Oldest first whatever order the copies came in (browsers' clocks differ), then by id.
    let mut comments: Vec<&'c Comment> = comments.iter().collect();
    crate::core::sort::by_key(&mut comments, |c| (c.at, c.id.clone()));
    for g in &groups {
        let list: Vec<&Comment> =
            comments.iter().copied().filter(|c| g.items.iter().any(|(id, _)| *id == c.on)).collect();
        if !list.is_empty() {
            out.push((g.clone(), list));
        }
    }
    let known = |c: &Comment| groups.iter().any(|g| g.items.iter().any(|(id, _)| *id == c.on));
    let other: Vec<&Comment> = comments.iter().copied().filter(|c| !known(c)).collect();
    if !other.is_empty() {
        let items = other.iter().map(|c| (c.on.clone(), c.on.clone())).collect();
        out.push((Group { title: t("review.on_other").to_string(), items }, other));
    }
    out
}
