//! The names of the review panel's controls and buttons: one definition, printed by the markup writer
//! (`report::review`) and parsed by the app's dispatcher (`review::event`). A name that does not
//! parse is an error the user sees, never an edit ignored.

use crate::core::input::UnknownName;
use std::fmt;
use std::str::FromStr;

/// A form control of the panel (`rv.by`): its `name` and its element `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    By,
    Role,
    Date,
    Statement,
    Conditions,
    Note,
    /// The approved version the changes are counted from.
    From,
    /// What they are counted to: an approved version, or the content now.
    To,
    /// The item a new comment is on.
    On,
    /// A new comment's words.
    Comment,
    /// The date of the next review.
    NextDate,
    /// An event that brings it back for review: a box each, its value the event's id.
    Event,
    /// Restricted, left out of the public version: a box each, its value the item's id.
    Restrict,
}

/// A button of the panel (`data-act`); its element id is `b.` and the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Request,
    Withdraw,
    /// Send it back for changes (`Edit::AskChanges`).
    AskChanges,
    Approve,
    Supersede,
    Reinstate,
    /// Add the comment typed.
    Comment,
    /// Move to the next open comment.
    NextOpen,
    /// Resolve the comment with this id (`rv.resolve.<id>`).
    Resolve(String),
    /// Open the comment with this id again (`rv.reopen.<id>`).
    Reopen(String),
}

impl Control {
    pub const ALL: [Control; 13] = [
        Control::By,
        Control::Role,
        Control::Date,
        Control::Statement,
        Control::Conditions,
        Control::Note,
        Control::From,
        Control::To,
        Control::On,
        Control::Comment,
        Control::NextDate,
        Control::Event,
        Control::Restrict,
    ];

    fn id(self) -> &'static str {
        match self {
            Control::By => "rv.by",
            Control::Role => "rv.role",
            Control::Date => "rv.date",
            Control::Statement => "rv.statement",
            Control::Conditions => "rv.conditions",
            Control::Note => "rv.note",
            Control::From => "rv.from",
            Control::To => "rv.to",
            Control::On => "rv.on",
            Control::Comment => "rv.comment",
            Control::NextDate => "rv.next-date",
            Control::Event => "rv.event",
            Control::Restrict => "rv.restrict",
        }
    }
}

/// The buttons that name a comment, before its id.
const RESOLVE: &str = "rv.resolve.";
const REOPEN: &str = "rv.reopen.";

impl Action {
    /// The buttons that name nothing.
    pub const FIXED: [Action; 8] = [
        Action::Request,
        Action::Withdraw,
        Action::AskChanges,
        Action::Approve,
        Action::Supersede,
        Action::Reinstate,
        Action::Comment,
        Action::NextOpen,
    ];

    fn id(&self) -> &'static str {
        match self {
            Action::Request => "rv.request",
            Action::Withdraw => "rv.withdraw",
            Action::AskChanges => "rv.ask-changes",
            Action::Approve => "rv.approve",
            Action::Supersede => "rv.supersede",
            Action::Reinstate => "rv.reinstate",
            Action::Comment => "rv.add-comment",
            Action::NextOpen => "rv.next-open",
            Action::Resolve(_) => RESOLVE,
            Action::Reopen(_) => REOPEN,
        }
    }
}

/// The element id of the comment `id` on the panel, which "next open comment" focuses.
pub fn comment_id(id: &str) -> String {
    format!("cm.{id}")
}

impl fmt::Display for Control {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())?;
        match self {
            Action::Resolve(id) | Action::Reopen(id) => f.write_str(id),
            _ => Ok(()),
        }
    }
}

impl FromStr for Control {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Control::ALL.into_iter().find(|c| c.id() == s).ok_or_else(|| UnknownName(s.to_string()))
    }
}

impl FromStr for Action {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let named = |prefix: &str| s.strip_prefix(prefix).filter(|id| !id.is_empty()).map(String::from);
        if let Some(id) = named(RESOLVE) {
            return Ok(Action::Resolve(id));
        }
        if let Some(id) = named(REOPEN) {
            return Ok(Action::Reopen(id));
        }
        Action::FIXED.into_iter().find(|a| a.id() == s).ok_or_else(|| UnknownName(s.to_string()))
    }
}

/// The element that takes focus after a change: the status line (after a sign-off), or a field.
pub const STATUS_ID: &str = "rv-status";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_prints_and_parses_the_same_and_others_are_refused() {
        for c in Control::ALL {
            assert_eq!(c.to_string().parse::<Control>(), Ok(c));
        }
        let named = [Action::Resolve("c19a-0f3e".into()), Action::Reopen("c19a-0f3e".into())];
        for a in Action::FIXED.into_iter().chain(named) {
            assert_eq!(a.to_string().parse::<Action>(), Ok(a));
        }
        for bad in ["", "rv", "rv.", "rv.approve ", "rv.by.x", "wc.W1.state", "rv.resolve.", "rv.reopen."] {
            assert_eq!(bad.parse::<Control>(), Err(UnknownName(bad.into())));
            assert_eq!(bad.parse::<Action>(), Err(UnknownName(bad.into())));
        }
    }
}
