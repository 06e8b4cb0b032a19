//! The value of one answer, whatever the tool asks: a maturity level, a choice, a text, a tick.

use serde::{Deserialize, Serialize};

/// One answer. "Don't know" and "Not applicable" are answers in their own right, never a zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    /// A maturity level, 0 to 4.
    Level(u8),
    DontKnow,
    NotApplicable,
    /// One option id (a profile choice, a screening answer).
    Choice(String),
    /// Several option ids (a multi-choice profile field).
    Choices(Vec<String>),
    /// Free text (a profile field, a workbook note).
    Text(String),
    /// A checklist item.
    Checked(bool),
}

impl Answer {
    /// Whether the answer says something: an empty text or an empty selection does not.
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Text(t) => !t.trim().is_empty(),
            Answer::Choices(c) => !c.is_empty(),
            Answer::Checked(c) => *c,
            _ => true,
        }
    }
}
