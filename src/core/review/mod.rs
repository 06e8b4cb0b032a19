//! Review and sign-off of one assessment: a request for review, approvals that each keep the content
//! they approved, a mark that the assessment is superseded, and the status that follows from them.
//!
//! The status is derived, never stored: an assessment is approved while its content is the content of
//! its latest approval, so any later edit, by any path (the editor, an import that replaces it, another
//! tab), makes it a draft that has "changed since approval" without anyone having to say so. An
//! approved version cannot be edited: it is a copy inside its approval, and nothing writes to it.
//!
//! An assessment carries its review as JSON ([`Stored`]): the app's first load keeps it, lists its
//! status ([`standing`]) and never loses an approval or a comment ([`keep_review`]) without a reader for it;
//! the tools module checks it where a record or a file enters it ([`read::read`], the answer-file
//! reader's rules) and reads it into a [`Review`] ([`Review::of`]) to edit, show and print it. See docs/architecture.md.

pub mod changes;
pub mod comments;
pub mod control;
pub mod edit;
pub mod event;
pub mod history;
pub mod public;
pub mod read;
pub mod since;

use crate::core::assessment::Assessment;
use serde::Serialize;
use serde_json::Value;

/// The most approvals one assessment keeps (each holds a copy of the content it approved): a record
/// stays well within the browser's storage. Approving once more drops the oldest copy's content
/// (its sign-off and fingerprint stay); see [`edit::apply`].
pub const MAX_APPROVALS: usize = 20;

/// Who did something, and when (milliseconds since the epoch).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub by: String,
    pub role: String,
    pub at: i64,
}

/// One approval: the approver's sign-off and the content it approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    /// 1 for the first approval, then 2, 3…: never reused.
    pub version: u32,
    pub by: String,
    pub role: String,
    /// The date of the sign-off as the approver gives it (`YYYY-MM-DD`).
    pub date: String,
    pub statement: String,
    /// Conditions attached to the approval; empty when none.
    pub conditions: String,
    /// When it was recorded in the app.
    pub recorded: i64,
    /// The fingerprint of the approved content (`sha256:…`, see `answer_file::fingerprint`).
    pub fingerprint: String,
    /// The approved content as it was, with no review of its own; `None` once dropped for
    /// [`MAX_APPROVALS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Box<Assessment>>,
}

/// An assessment's review: asked for, approved, superseded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    /// Review asked for and not yet answered by an approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<Stamp>,
    /// Changes asked for by a reviewer (on the items its open comments are on), until review is
    /// asked for again or it is approved: the assessment is a draft meanwhile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Stamp>,
    /// Oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<Approval>,
    /// No longer in force (replaced by another assessment, or the system withdrawn), and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Superseded>,
    /// Oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<comments::Comment>,
    /// When to review it again: a date, events, or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Next>,
    /// The ids of the notes, written answers, risks and decisions left out of the public version
    /// (see [`public`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted: Vec<String>,
    /// This is a public version (see [`public`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<Public>,
    /// What changed, oldest first (see [`history`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<history::Entry>,
    /// The older entries, summarised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<history::Summary>,
}

/// What makes a copy a public version: how many restricted items it left out, and where the full
/// version stood when it was made ([`Standing::code`]), which the copy's own status is (its
/// approvals keep no approved copies to compare with).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Public {
    pub left_out: u64,
    pub standing: String,
}

/// When an assessment is to be reviewed again: by a date (`YYYY-MM-DD`, empty for none), and on any
/// of these events, whichever comes first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Next {
    pub date: String,
    pub events: Vec<crate::core::logbook::Trigger>,
}

/// A review as an assessment carries it: its JSON, exactly as an answer file writes it.
pub use crate::core::assessment::StoredReview as Stored;

impl From<&Review> for Stored {
    fn from(r: &Review) -> Stored {
        if r.is_empty() {
            return Stored::default();
        }
        Stored(serde_json::to_value(r).unwrap_or_default())
    }
}

/// Why an assessment is no longer in force.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Superseded {
    pub by: String,
    pub role: String,
    pub at: i64,
    pub note: String,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.requested.is_none()
            && self.changes.is_none()
            && self.approvals.is_empty()
            && self.superseded.is_none()
            && self.comments.is_empty()
            && self.next.is_none()
            && self.restricted.is_empty()
            && self.public.is_none()
            && self.history.is_empty()
            && self.summary.is_none()
    }

    /// How many comments are open.
    pub fn open_comments(&self) -> usize {
        self.comments.iter().filter(|c| c.is_open()).count()
    }

    /// The review `a` carries, for a record whose review was checked where it entered the tools
    /// module ([`read::read`]); empty if it cannot be read.
    pub fn of(a: &Assessment) -> Review {
        read::read(&a.review.0, &a.id, a.kind, "review").unwrap_or_default()
    }

    /// The approval of `version`.
    pub fn approval(&self, version: u32) -> Option<&Approval> {
        self.approvals.iter().find(|a| a.version == version)
    }
}

/// Where an assessment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Approved,
    Superseded,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::InReview, Status::Approved, Status::Superseded];

    /// Stable id, used in UI-string keys (`review.status_<id>`) and the library's filter.
    pub fn id(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Approved => "approved",
            Status::Superseded => "superseded",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The UI-string key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "review.status_draft",
            Status::InReview => "review.status_in_review",
            Status::Approved => "review.status_approved",
            Status::Superseded => "review.status_superseded",
        }
    }
}

/// The status with what qualifies it: the latest approved version, and whether the content changed
/// since it was approved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Standing {
    pub status: Status,
    /// The latest approval's version, if any.
    pub approved: Option<u32>,
    /// The content is not the latest approval's.
    pub changed: bool,
    /// How many comments are open.
    pub open: usize,
    /// The date of the next review (`YYYY-MM-DD`), if one is set: the review's own, or a workbook's
    /// earliest decision review, whichever comes first.
    pub due: Option<String>,
}

impl Standing {
    /// A short code for the library's summaries: `approved:2`, `draft:2*` (changed since version 2),
    /// `in_review`, `superseded:1`; then `#3` when 3 comments are open, and `@` with the date of the
    /// next review, if any (`approved:2#3@2027-03-01`, `draft@`).
    pub fn code(&self) -> String {
        let mut out = self.status.id().to_string();
        if let Some(v) = self.approved {
            out.push_str(&format!(":{v}"));
        }
        if self.changed {
            out.push('*');
        }
        if self.open > 0 {
            out.push_str(&format!("#{}", self.open));
        }
        // Always there (empty for no date), so a summary written before due dates is told apart.
        out.push('@');
        if let Some(due) = &self.due {
            out.push_str(due);
        }
        out
    }

    /// Whether the next review's date is before `today` (`YYYY-MM-DD`; dates compare as text).
    pub fn is_due(&self, today: &str) -> bool {
        self.due.as_deref().is_some_and(|d| d < today)
    }

    /// Reads [`Standing::code`]; anything else is a draft.
    pub fn from_code(code: &str) -> Standing {
        let (code, due) = code.split_once('@').unwrap_or((code, ""));
        let due = Some(due.to_string()).filter(|d| !d.is_empty());
        let (code, open) = code.split_once('#').unwrap_or((code, ""));
        let open = open.parse().unwrap_or_default();
        let changed = code.ends_with('*');
        let code = code.trim_end_matches('*');
        let (status, version) = code.split_once(':').unwrap_or((code, ""));
        Standing {
            status: Status::from_id(status).unwrap_or_default(),
            approved: version.parse().ok(),
            changed,
            open,
            due,
        }
    }
}

/// Whether the approved copy `copy` (as JSON) holds `a`'s content: everything a fingerprint covers
/// but the time of the last save, the storage state, the review and the content pack's version.
fn content_matches(copy: &Value, a: &Assessment) -> bool {
    current_json(copy, a).is_some_and(|v| &v == copy)
}

/// `a`'s content as JSON, in the form of the approved copy `copy`: with its time of the last save
/// and its content pack's version (a new version of the content alone is no edit; an answer it moves
/// to another item is), and no storage state or review.
fn current_json(copy: &Value, a: &Assessment) -> Option<Value> {
    let current = Assessment {
        updated: copy["updated"].as_i64().unwrap_or(a.updated),
        revision: 0,
        deleted: None,
        review: Stored::default(),
        ..a.clone()
    };
    // Through text, whose writer and reader the app has: compared as JSON values, key order aside.
    let text = serde_json::to_string(&current).ok()?;
    let mut value = serde_json::from_str::<Value>(&text).ok()?;
    value["content"] = copy["content"].clone();
    Some(value)
}

/// Where `a` stands (see the module's comment), read from its stored review; a public version
/// stands where its full version stood.
pub fn standing(a: &Assessment) -> Standing {
    let r = &a.review.0;
    if let Some(code) = r["public"]["standing"].as_str() {
        return Standing::from_code(code);
    }
    let latest = r["approvals"].as_array().and_then(|l| l.last());
    let changed = latest.is_some_and(|p| !content_matches(&p["content"], a));
    let status = if !r["superseded"].is_null() {
        Status::Superseded
    } else if latest.is_some() && !changed {
        Status::Approved
    } else if !r["requested"].is_null() {
        Status::InReview
    } else {
        Status::Draft
    };
    let approved = latest.and_then(|p| p["version"].as_u64()).map(|v| v as u32);
    // The earliest of the review's own date and a workbook's next decision review.
    let own = r["next"]["date"].as_str().filter(|d| !d.is_empty());
    let book = a.workbook.next_review().map(|(_, d)| d);
    let due = match (own, book) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    Standing { status, approved, changed, open: comments::open_in(r), due: due.map(String::from) }
}

/// Keeps at most [`MAX_APPROVALS`] copies: the oldest ones' content goes, their sign-off stays.
pub(crate) fn bound_copies(review: &mut Review) {
    let kept = review.approvals.iter().filter(|p| p.content.is_some()).count();
    let drop = kept.saturating_sub(MAX_APPROVALS);
    for p in review.approvals.iter_mut().filter(|p| p.content.is_some()).take(drop) {
        p.content = None;
    }
}

/// Approvals and comments are never lost or changed when a record is replaced (by an imported copy,
/// or by another tab's version kept over this one): every approval stored here stays as it is, with
/// its number; the incoming copy's approvals that are not among them (the same fingerprint recorded
/// at the same time) join after, a number already taken moving to the next free one. The comments
/// are the union of both ([`comments::union`]). The request for review and the superseded mark are
/// the incoming copy's. Works on the stored JSON, as the app's first load holds it. Returns how many
/// of the stored approvals the incoming copy lacked.
pub fn keep_review(stored: &Stored, incoming: &mut Stored) -> usize {
    // What is restricted here stays restricted: the marks of both.
    if let Some(mine) = stored.0["restricted"].as_array().filter(|l| !l.is_empty()) {
        if !incoming.0.is_object() {
            incoming.0 = Value::Object(Default::default());
        }
        let mut marks = incoming.0["restricted"].as_array().cloned().unwrap_or_default();
        add_marks(&mut marks, mine);
        incoming.0["restricted"] = Value::Array(marks);
    }
    if !stored.0["history"].is_null() || !stored.0["summary"].is_null() {
        history::union(&mut incoming.0, &stored.0);
    }
    let mine = &stored.0["comments"];
    if mine.as_array().is_some_and(|l| !l.is_empty()) {
        let all = comments::union(mine, &incoming.0["comments"]);
        if !incoming.0.is_object() {
            incoming.0 = Value::Object(Default::default());
        }
        incoming.0["comments"] = all;
    }
    let key = |p: &Value| (p["fingerprint"].clone(), p["recorded"].as_i64().unwrap_or_default());
    let Some(kept) = stored.0["approvals"].as_array().filter(|l| !l.is_empty()) else { return 0 };
    let theirs: Vec<Value> = incoming.0["approvals"].as_array().cloned().unwrap_or_default();
    let lacked = kept.iter().filter(|p| !theirs.iter().any(|q| key(q) == key(p))).count();
    let mut list = kept.clone();
    let mut last = list.iter().filter_map(|p| p["version"].as_u64()).max().unwrap_or_default();
    for mut p in theirs.into_iter().filter(|q| !kept.iter().any(|p| key(p) == key(q))) {
        last += 1;
        p["version"] = last.into();
        list.push(p);
    }
    // At most MAX_APPROVALS copies: the oldest go first, their sign-off stays.
    let mut copies = list.iter().filter(|p| !p["content"].is_null()).count();
    for p in list.iter_mut() {
        if copies > MAX_APPROVALS && !p["content"].is_null() {
            if let Some(m) = p.as_object_mut() {
                m.remove("content");
            }
            copies -= 1;
        }
    }
    if !incoming.0.is_object() {
        incoming.0 = Value::Object(Default::default());
    }
    incoming.0["approvals"] = Value::Array(list);
    lacked
}

/// Adds to `marks` (restricted ids) those of `more` it does not hold: the marks of both copies.
fn add_marks(marks: &mut Vec<Value>, more: &[Value]) {
    for m in more {
        if !marks.contains(m) {
            marks.push(m.clone());
        }
    }
}

/// The comments and restricted marks of these reviews combined ([`comments::union`]), as a review
/// of their own: for a copy kept beside the original ("keep both"), or an assessment merged from
/// several, which take those but neither the approvals (copies of another assessment) nor the
/// request or superseded mark. A merge renames what they point at first ([`renamed`]).
pub fn comments_of<'s>(reviews: impl IntoIterator<Item = &'s Stored>) -> Stored {
    let mut all = Value::Null;
    let mut marks: Vec<Value> = Vec::new();
    for r in reviews {
        all = comments::union(&all, &r.0["comments"]);
        add_marks(&mut marks, r.0["restricted"].as_array().map_or(&[][..], Vec::as_slice));
    }
    let mut review = Value::Object(Default::default());
    if all.as_array().is_some_and(|l| !l.is_empty()) {
        review["comments"] = all;
    }
    if !marks.is_empty() {
        review["restricted"] = Value::Array(marks);
    }
    if review.as_object().is_some_and(|m| m.is_empty()) {
        return Stored::default();
    }
    Stored(review)
}

/// `review`, the `source`th of a merge, with the items its comments and restricted marks point at
/// renamed by `ids` (old to new): for an assessment merged from several, whose risks and decisions
/// are numbered afresh ([`crate::core::merge::risk_ids`]). A risk or decision no longer there (its
/// comments kept, its number never reused in its own file) must not land on another's new number:
/// its comments point at `K4.gone-2` (shown as another item), its restricted mark goes.
pub fn renamed(review: &Stored, ids: &std::collections::BTreeMap<String, String>, source: usize) -> Stored {
    let numbered = |id: &str| {
        id.strip_prefix(['K', 'D']).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let name = |old: &str| match ids.get(old) {
        Some(new) => Some(new.clone()),
        None if numbered(old) => None,
        None => Some(old.to_string()),
    };
    let mut r = review.clone();
    for c in r.0["comments"].as_array_mut().into_iter().flatten() {
        if let Some(old) = c["on"].as_str().map(String::from) {
            c["on"] = Value::String(name(&old).unwrap_or_else(|| format!("{old}.gone-{}", source + 1)));
        }
    }
    if let Some(marks) = r.0["restricted"].as_array_mut() {
        let kept = marks.iter().filter_map(|m| name(m.as_str()?)).map(Value::String).collect();
        *marks = kept;
    }
    r
}

/// The copy of `a` as approved in `version`: its content then, with the approvals up to that one
/// (so it reads as approved), for the approved version's report and file. `None` when there is no
/// such approval or its content was dropped.
pub fn as_approved(a: &Assessment, version: u32) -> Option<Assessment> {
    let review = Review::of(a);
    let at = review.approvals.iter().position(|p| p.version == version)?;
    let mut copy = review.approvals[at].content.as_deref()?.clone();
    let approvals = review.approvals[..=at].to_vec();
    copy.review = Stored::from(&Review { approvals, ..Review::default() });
    copy.revision = a.revision;
    copy.deleted = None;
    Some(copy)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod comment_tests;
