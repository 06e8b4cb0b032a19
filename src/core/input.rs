//! One input from a page the tools module drew, as the app reads it, and what an editor's handler
//! answers: the words both sides of `core::editor` share, with no rules of their own.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How a control was used, as the app saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// A keystroke in a text field.
    Typed,
    /// A choice made, a box ticked.
    Chosen,
    /// A text field left after typing.
    Left,
    Clicked,
}

/// One input as the app reads it from the page: a control's name (or a button's action) and its
/// value, not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Raw {
    pub name: String,
    pub value: String,
    pub checked: bool,
    pub how: How,
}

/// When the change should reach storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    /// Typing: after a pause, and at once when the field is left.
    Soon,
    /// A choice or a button: now.
    Now,
}

/// What a tool's handler answers: (save, draw as wire, focus) or (problem, focus).
pub type Handled = Result<(Option<Save>, String, Option<String>), (String, Option<String>)>;

/// A name that is not one of the editor's: the whole string, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName(pub String);

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::core::content::t_with("errors.unknown_control", &[("name", &self.0)]))
    }
}
