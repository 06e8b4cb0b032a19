//! The names of the workbook editor's controls, buttons and focus targets: one definition, printed by
//! the markup writer (`report::workbook`), parsed by the app's dispatcher (`workbook::event`).
//!
//! A form control's `name` is a [`Control`] (`wc.W1.C3.state`), a button's `data-act` an [`Action`]
//! (`wrec.D2`). Each prints and parses the same grammar; a string that does not parse is an error
//! the user sees, never an edit ignored.

use crate::core::input::UnknownName;
use std::fmt;
use std::str::FromStr;

macro_rules! fields {
    ($(#[$m:meta])* $name:ident { $($v:ident = $id:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            pub fn id(self) -> &'static str {
                match self { $($name::$v => $id),* }
            }

            fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|f| f.id() == s)
            }
        }
    };
}

fields!(
    /// A field of one check (`wc.{check}.{field}`).
    CheckField { State = "state", Note = "note", Owner = "owner" }
);
fields!(
    /// A field of one stage's sign-off (`ws.{stage}.{field}`).
    StageField { Complete = "complete", By = "by", Why = "why" }
);
fields!(
    /// A field of one decision-log entry (`we.{entry}.{field}`).
    EntryField {
        Verdict = "verdict",
        Date = "date",
        By = "by",
        Role = "role",
        Authority = "authority",
        Rationale = "rationale",
        Evidence = "evidence",
        Dissent = "dissent",
        ReviewDate = "review_date",
        ReviewEvent = "review_event",
    }
);
fields!(
    /// A field of one condition of an entry (`wk.{entry}.{index}.{field}`).
    ConditionField { Text = "text", Owner = "owner", Due = "due", Status = "status" }
);

/// The `name` (and, for fields with one value, the `id`) of a form control of the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    Route,
    /// The risk assessment linked (a select of the library's).
    Link,
    /// The readiness assessment linked (likewise).
    LinkReadiness,
    /// A prompt's answer, by prompt id.
    Prompt(String),
    Check(String, CheckField),
    Stage(String, StageField),
    Entry(String, EntryField),
    Condition(String, usize, ConditionField),
}

impl fmt::Display for Control {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Control::Route => f.write_str("wb.route"),
            Control::Link => f.write_str("wb.link"),
            Control::LinkReadiness => f.write_str("wb.readiness"),
            Control::Prompt(id) => write!(f, "wp.{id}"),
            Control::Check(id, x) => write!(f, "wc.{id}.{}", x.id()),
            Control::Stage(id, x) => write!(f, "ws.{id}.{}", x.id()),
            Control::Entry(id, x) => write!(f, "we.{id}.{}", x.id()),
            Control::Condition(id, k, x) => write!(f, "wk.{id}.{k}.{}", x.id()),
        }
    }
}

impl FromStr for Control {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnknownName(s.to_string());
        let (head, rest) = s.split_once('.').ok_or_else(bad)?;
        // The field is the last part: item ids (`W1.C3`) have dots of their own.
        let (id, last) = rest.rsplit_once('.').unwrap_or(("", rest));
        Ok(match head {
            "wb" if rest == "route" => Control::Route,
            "wb" if rest == "link" => Control::Link,
            "wb" if rest == "readiness" => Control::LinkReadiness,
            "wp" => Control::Prompt(item(rest).ok_or_else(bad)?),
            "wc" => Control::Check(item(id).ok_or_else(bad)?, CheckField::parse(last).ok_or_else(bad)?),
            "ws" => Control::Stage(word(id).ok_or_else(bad)?, StageField::parse(last).ok_or_else(bad)?),
            "we" => Control::Entry(word(id).ok_or_else(bad)?, EntryField::parse(last).ok_or_else(bad)?),
            "wk" => {
                let (entry, k) = id.split_once('.').ok_or_else(bad)?;
                let field = ConditionField::parse(last).ok_or_else(bad)?;
                Control::Condition(word(entry).ok_or_else(bad)?, index(k).ok_or_else(bad)?, field)
            }
            _ => return Err(bad()),
        })
    }
}

/// A button of the workbook (`data-act`); its element id is `b.` and the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A new draft entry in a stage's log.
    AddEntry(String),
    Record(String),
    /// A new draft that will replace a recorded entry once it is recorded itself.
    Supersede(String),
    /// Ask whether to delete a draft; `Keep` answers no, `Delete` yes.
    AskDelete(String),
    Keep(String),
    Delete(String),
    AddCondition(String),
    RemoveCondition(String, usize),
    /// Move to a stage from the overview.
    GoTo(String),
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::AddEntry(s) => write!(f, "wadd.{s}"),
            Action::Record(e) => write!(f, "wrec.{e}"),
            Action::Supersede(e) => write!(f, "wsup.{e}"),
            Action::AskDelete(e) => write!(f, "wask.{e}"),
            Action::Keep(e) => write!(f, "wkeep.{e}"),
            Action::Delete(e) => write!(f, "wdel.{e}"),
            Action::AddCondition(e) => write!(f, "wcond.{e}"),
            Action::RemoveCondition(e, k) => write!(f, "wuncond.{e}.{k}"),
            Action::GoTo(s) => write!(f, "wgoto.{s}"),
        }
    }
}

impl FromStr for Action {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnknownName(s.to_string());
        let (verb, arg) = s.split_once('.').ok_or_else(bad)?;
        if verb == "wuncond" {
            let (e, k) = arg.split_once('.').ok_or_else(bad)?;
            return Ok(Action::RemoveCondition(word(e).ok_or_else(bad)?, index(k).ok_or_else(bad)?));
        }
        let arg = word(arg).ok_or_else(bad)?;
        Ok(match verb {
            "wadd" => Action::AddEntry(arg),
            "wrec" => Action::Record(arg),
            "wsup" => Action::Supersede(arg),
            "wask" => Action::AskDelete(arg),
            "wkeep" => Action::Keep(arg),
            "wdel" => Action::Delete(arg),
            "wcond" => Action::AddCondition(arg),
            "wgoto" => Action::GoTo(arg),
            _ => return Err(bad()),
        })
    }
}

/// Where focus goes after an edit; its `Display` is the element id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Control(Control),
    /// One radio of a group: the control and the option's value (empty for "open").
    Option(Control, String),
    Button(Action),
    /// A stage's heading.
    Stage(String),
    /// A log entry's heading.
    Entry(String),
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Focus::Control(c) => c.fmt(f),
            Focus::Option(c, v) => write!(f, "{c}.{v}"),
            Focus::Button(a) => write!(f, "b.{a}"),
            Focus::Stage(s) => write!(f, "ws.{s}.h"),
            Focus::Entry(e) => write!(f, "we.{e}.h"),
        }
    }
}

/// A stage or entry id: letters, digits, `-` and `_`.
fn word(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= 32
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| s.to_string())
}

/// A prompt or check id: as a word, with dots.
fn item(s: &str) -> Option<String> {
    let ok =
        !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    ok.then(|| s.to_string())
}

/// A position in a list, written without sign or leading zeros so that it prints back the same.
fn index(s: &str) -> Option<usize> {
    if s.len() > 1 && s.starts_with('0') || s.starts_with('+') {
        return None;
    }
    s.parse().ok()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_name_prints_and_parses_the_same() {
        let controls = [
            Control::Route,
            Control::Link,
            Control::LinkReadiness,
            Control::Prompt("W1.1".into()),
            Control::Check("W1.C3".into(), CheckField::Note),
            Control::Stage("procure".into(), StageField::Why),
            Control::Entry("D2".into(), EntryField::ReviewEvent),
            Control::Condition("D2".into(), 10, ConditionField::Due),
        ];
        for c in controls {
            assert_eq!(c.to_string().parse::<Control>(), Ok(c.clone()), "{c}");
        }
        let actions = [
            Action::AddEntry("decide".into()),
            Action::Record("D1".into()),
            Action::Supersede("D1".into()),
            Action::AskDelete("D3".into()),
            Action::Keep("D3".into()),
            Action::Delete("D3".into()),
            Action::AddCondition("D1".into()),
            Action::RemoveCondition("D1".into(), 0),
            Action::GoTo("retire".into()),
        ];
        for a in actions {
            assert_eq!(a.to_string().parse::<Action>(), Ok(a.clone()), "{a}");
        }
    }

    #[test]
    fn names_that_are_not_the_workbooks_are_refused() {
        for bad in [
            "",
            "wb",
            "wb.title",
            "wc.W1.C3",
            "wc.W1.C3.colour",
            "wp.",
            "we.D 1.date",
            "wk.D1.01.due",
            "rk.K1.title",
        ] {
            assert!(bad.parse::<Control>().is_err(), "{bad}");
        }
        for bad in ["wrec", "wrec.", "wdel.D1.x", "wuncond.D1", "wuncond.D1.-1", "accept.T1"] {
            assert!(bad.parse::<Action>().is_err(), "{bad}");
        }
    }
}
