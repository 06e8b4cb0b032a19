//! The review's typed edits and the one function that applies them. Every rule of sign-off lives
//! here: what an approval needs, that an approved version is never changed, the bound on copies kept.

use super::comments::{is_target, new_id, Comment, MAX_COMMENT, MAX_COMMENTS};
use super::{standing, Approval, Next, Review, Stamp, Status, Stored, Superseded};
use crate::core::answer_file::MAX_TIME;
use crate::core::assessment::Assessment;
use crate::core::dates::days_since_epoch;
use crate::core::limits::{self, TooLong};
use crate::core::logbook::Trigger;
use std::fmt;

/// What the approver gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signoff {
    pub by: String,
    pub role: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub statement: String,
    pub conditions: String,
}

/// One change to an assessment's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Ask for review, as `by` in `role`.
    Request { by: String, role: String },
    /// Take the request back.
    Withdraw,
    /// As the reviewer `by` in `role`: send it back for the changes the open comments ask for.
    AskChanges { by: String, role: String },
    /// Approve the content as it is now; `fingerprint` is its fingerprint (the caller computes it).
    Approve { signoff: Signoff, fingerprint: String },
    /// Mark it no longer in force, and why.
    Supersede { by: String, role: String, note: String },
    /// Take the mark back: it is in force again.
    Reinstate,
    /// Comment on the item `on` (empty: the assessment as a whole).
    Comment { on: String, text: String, by: String, role: String },
    /// Mark the comment `id` resolved.
    Resolve { id: String, by: String, role: String },
    /// Open the resolved comment `id` again.
    Reopen { id: String, by: String, role: String },
    /// Review it again on `date` (`YYYY-MM-DD`; empty for no date) or on any of `events`.
    Schedule { date: String, events: Vec<Trigger> },
    /// Leave the note, written answer, risk or decision `id` out of the public version, or not.
    Restrict { id: String, restricted: bool },
}

/// Why an edit was not made; the field to put it right is named where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A required field left empty.
    Missing(Field),
    /// The date of an approval is not a day that exists.
    BadDate,
    /// The date of the next review is not a day that exists.
    BadNextDate,
    TooLong(Field, TooLong),
    /// This content is already the latest approved version.
    AlreadyApproved(u32),
    AlreadyRequested,
    NotRequested,
    /// Changes are asked for by commenting on what to change first.
    NothingToChange,
    AlreadySuperseded,
    NotSuperseded,
    /// No comment has this id (the panel showed another copy of the assessment).
    NoComment,
    /// What the comment is on is not an item of this assessment.
    NoItem,
    AlreadyResolved,
    AlreadyOpen,
    /// [`MAX_COMMENTS`] already.
    TooManyComments,
}

/// The review's form fields, to name in a problem and to focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    By,
    Role,
    Date,
    Statement,
    Conditions,
    Note,
    Comment,
    /// The date of the next review.
    Next,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::content::{t as s, t_with};
        match self {
            EditError::Missing(field) => f.write_str(s(match field {
                Field::By => "review.need_by",
                Field::Role => "review.need_role",
                Field::Date => "review.need_date",
                Field::Statement => "review.need_statement",
                Field::Conditions | Field::Note => "review.need_note",
                Field::Comment => "review.need_comment",
                Field::Next => "review.bad_next_date",
            })),
            EditError::BadDate => f.write_str(s("review.bad_date")),
            EditError::BadNextDate => f.write_str(s("review.bad_next_date")),
            EditError::TooLong(_, e) => e.fmt(f),
            EditError::AlreadyApproved(v) => {
                f.write_str(&t_with("review.already_approved", &[("version", &v.to_string())]))
            }
            EditError::AlreadyRequested => f.write_str(s("review.already_requested")),
            EditError::NotRequested => f.write_str(s("review.not_requested")),
            EditError::NothingToChange => f.write_str(s("review.nothing_to_change")),
            EditError::AlreadySuperseded => f.write_str(s("review.already_superseded")),
            EditError::NotSuperseded => f.write_str(s("review.not_superseded")),
            EditError::NoComment => f.write_str(s("review.no_comment")),
            EditError::NoItem => f.write_str(s("review.no_item")),
            EditError::AlreadyResolved => f.write_str(s("review.already_resolved")),
            EditError::AlreadyOpen => f.write_str(s("review.already_open")),
            EditError::TooManyComments => {
                f.write_str(&t_with("review.too_many_comments", &[("count", &MAX_COMMENTS.to_string())]))
            }
        }
    }
}

impl EditError {
    /// The field to put it right in, if one.
    pub fn field(&self) -> Option<Field> {
        match self {
            EditError::Missing(f) | EditError::TooLong(f, _) => Some(*f),
            EditError::BadDate => Some(Field::Date),
            EditError::BadNextDate => Some(Field::Next),
            // Said by commenting on what to change: the comment box.
            EditError::NothingToChange => Some(Field::Comment),
            _ => None,
        }
    }
}

fn required(field: Field, text: &str) -> Result<String, EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EditError::Missing(field));
    }
    limits::line(text).map_err(|e| EditError::TooLong(field, e))?;
    Ok(text.to_string())
}

fn long(field: Field, text: &str, needed: bool) -> Result<String, EditError> {
    let text = text.trim();
    if needed && text.is_empty() {
        return Err(EditError::Missing(field));
    }
    limits::text(text).map_err(|e| EditError::TooLong(field, e))?;
    Ok(text.to_string())
}

/// Applies `edit` to `a`'s review at `now`, or says why not (and changes nothing).
pub fn apply(a: &mut Assessment, edit: Edit, now: i64) -> Result<(), EditError> {
    let mut review = Review::of(a);
    match edit {
        Edit::Request { by, role } => {
            if review.requested.is_some() {
                return Err(EditError::AlreadyRequested);
            }
            let stamp = Stamp { by: required(Field::By, &by)?, role: required(Field::Role, &role)?, at: now };
            review.requested = Some(stamp);
            review.changes = None;
        }
        Edit::AskChanges { by, role } => {
            if review.requested.is_none() {
                return Err(EditError::NotRequested);
            }
            if review.open_comments() == 0 {
                return Err(EditError::NothingToChange);
            }
            let stamp = Stamp { by: required(Field::By, &by)?, role: required(Field::Role, &role)?, at: now };
            review.changes = Some(stamp);
            review.requested = None;
        }
        Edit::Withdraw => {
            if review.requested.take().is_none() {
                return Err(EditError::NotRequested);
            }
        }
        Edit::Approve { signoff, fingerprint } => {
            let here = standing(a);
            if here.status == Status::Approved {
                return Err(EditError::AlreadyApproved(here.approved.unwrap_or_default()));
            }
            let by = required(Field::By, &signoff.by)?;
            let role = required(Field::Role, &signoff.role)?;
            let date = signoff.date.trim();
            if date.is_empty() {
                return Err(EditError::Missing(Field::Date));
            }
            if days_since_epoch(date).is_none() {
                return Err(EditError::BadDate);
            }
            let statement = long(Field::Statement, &signoff.statement, true)?;
            let conditions = long(Field::Conditions, &signoff.conditions, false)?;
            let content = Assessment { review: Stored::default(), revision: 0, deleted: None, ..a.clone() };
            let version = review.approvals.iter().map(|p| p.version).max().unwrap_or(0) + 1;
            review.approvals.push(Approval {
                version,
                by,
                role,
                date: date.to_string(),
                statement,
                conditions,
                recorded: now,
                fingerprint,
                content: Some(Box::new(content)),
            });
            review.requested = None;
            review.changes = None;
            // The review that was due is this one: a date it passed is cleared (events stay).
            if let Some(next) = review.next.as_mut().filter(|n| !n.date.is_empty() && n.date.as_str() <= date)
            {
                next.date.clear();
            }
            review.next = review.next.take().filter(|n| !n.date.is_empty() || !n.events.is_empty());
            super::bound_copies(&mut review);
        }
        Edit::Supersede { by, role, note } => {
            if review.superseded.is_some() {
                return Err(EditError::AlreadySuperseded);
            }
            let by = required(Field::By, &by)?;
            let role = required(Field::Role, &role)?;
            let note = long(Field::Note, &note, true)?;
            review.superseded = Some(Superseded { by, role, at: now, note });
        }
        Edit::Reinstate => {
            if review.superseded.take().is_none() {
                return Err(EditError::NotSuperseded);
            }
        }
        Edit::Comment { on, text, by, role } => {
            if review.comments.len() >= MAX_COMMENTS {
                return Err(EditError::TooManyComments);
            }
            let by = required(Field::By, &by)?;
            let role = required(Field::Role, &role)?;
            let text = text.trim();
            if text.is_empty() {
                return Err(EditError::Missing(Field::Comment));
            }
            if text.chars().count() > MAX_COMMENT {
                return Err(EditError::TooLong(Field::Comment, TooLong(MAX_COMMENT)));
            }
            let on = on.trim().to_string();
            if !is_target(&on) {
                return Err(EditError::NoItem);
            }
            let id = new_id(now, &by, &on, text);
            // The same words by the same person in the same millisecond: one comment, not two.
            if !review.comments.iter().any(|c| c.id == id) {
                let text = text.to_string();
                review.comments.push(Comment {
                    id,
                    on,
                    by,
                    role,
                    at: now,
                    text,
                    resolved: None,
                    reopened: None,
                });
            }
        }
        Edit::Resolve { id, by, role } => {
            let stamp = Stamp { by: required(Field::By, &by)?, role: required(Field::Role, &role)?, at: now };
            let c = review.comments.iter_mut().find(|c| c.id == id).ok_or(EditError::NoComment)?;
            if !c.is_open() {
                return Err(EditError::AlreadyResolved);
            }
            // Later than its reopening, whatever the clocks of the browsers it went through say.
            let after = c.reopened.as_ref().map_or(i64::MIN, |o| o.at + 1);
            c.resolved = Some(Stamp { at: stamp.at.max(after).min(MAX_TIME), ..stamp });
        }
        Edit::Reopen { id, by, role } => {
            let stamp = Stamp { by: required(Field::By, &by)?, role: required(Field::Role, &role)?, at: now };
            let c = review.comments.iter_mut().find(|c| c.id == id).ok_or(EditError::NoComment)?;
            if c.is_open() {
                return Err(EditError::AlreadyOpen);
            }
            let after = c.resolved.as_ref().map_or(i64::MIN, |r| r.at + 1);
            c.reopened = Some(Stamp { at: stamp.at.max(after).min(MAX_TIME), ..stamp });
        }
        Edit::Schedule { date, mut events } => {
            let date = date.trim().to_string();
            if !date.is_empty() && days_since_epoch(&date).is_none() {
                return Err(EditError::BadNextDate);
            }
            // Each event once, in the order the app lists them.
            events = Trigger::ALL.into_iter().filter(|t| events.contains(t)).collect();
            review.next = Some(Next { date, events }).filter(|n| !n.date.is_empty() || !n.events.is_empty());
        }
        Edit::Restrict { id, restricted } => {
            if id.is_empty() || !is_target(&id) {
                return Err(EditError::NoItem);
            }
            review.restricted.retain(|x| *x != id);
            if restricted {
                review.restricted.push(id);
            }
        }
    }
    a.review = Stored::from(&review);
    Ok(())
}
