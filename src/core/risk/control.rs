//! The names of the risk workspace's controls, buttons and focus targets: one definition, printed by
//! the markup writer (`workspace`), parsed by the app's dispatcher (`event`), used by the tests.
//!
//! A form control's `name` is a [`Control`] (`rk.K1.title`), a button's `data-act` an [`Action`]
//! (`removem.K1.0`), and where focus goes after an edit a [`Focus`]. Each prints and parses the same
//! grammar; a string that does not parse is an error the user sees, never an edit ignored.

use std::fmt;
use std::str::FromStr;

pub use crate::core::input::UnknownName;

/// A text or choice field of one risk (`rk.{risk}.{field}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskField {
    Title,
    Description,
    Groups,
    Controls,
    DecidedBy,
    Rationale,
    Stage,
    Decision,
    Principles,
    Rights,
    Likelihood,
    Severity,
    ResidualLikelihood,
    ResidualSeverity,
}

impl RiskField {
    pub const ALL: [RiskField; 14] = [
        RiskField::Title,
        RiskField::Description,
        RiskField::Groups,
        RiskField::Controls,
        RiskField::DecidedBy,
        RiskField::Rationale,
        RiskField::Stage,
        RiskField::Decision,
        RiskField::Principles,
        RiskField::Rights,
        RiskField::Likelihood,
        RiskField::Severity,
        RiskField::ResidualLikelihood,
        RiskField::ResidualSeverity,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RiskField::Title => "title",
            RiskField::Description => "description",
            RiskField::Groups => "groups",
            RiskField::Controls => "controls",
            RiskField::DecidedBy => "decided_by",
            RiskField::Rationale => "rationale",
            RiskField::Stage => "stage",
            RiskField::Decision => "decision",
            RiskField::Principles => "pr",
            RiskField::Rights => "rt",
            RiskField::Likelihood => "l",
            RiskField::Severity => "s",
            RiskField::ResidualLikelihood => "rl",
            RiskField::ResidualSeverity => "rs",
        }
    }
}

/// A field of one mitigation (`mt.{risk}.{index}.{field}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MitigationField {
    Action,
    Owner,
    Due,
    Status,
}

impl MitigationField {
    pub const ALL: [MitigationField; 4] =
        [MitigationField::Action, MitigationField::Owner, MitigationField::Due, MitigationField::Status];

    pub fn id(self) -> &'static str {
        match self {
            MitigationField::Action => "action",
            MitigationField::Owner => "owner",
            MitigationField::Due => "due",
            MitigationField::Status => "status",
        }
    }
}

/// The `name` (and, for fields with one value, the `id`) of a form control in the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// A profile field, by the pack's field id.
    Profile(String),
    /// The reason typed for dismissing a proposal, by template id.
    Reason(String),
    SnapshotLabel,
    CompareFrom,
    CompareTo,
    Risk(String, RiskField),
    Mitigation(String, usize, MitigationField),
}

impl fmt::Display for Control {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Control::Profile(field) => write!(f, "pf.{field}"),
            Control::Reason(template) => write!(f, "dr.{template}"),
            Control::SnapshotLabel => f.write_str("snap.label"),
            Control::CompareFrom => f.write_str("cmp.a"),
            Control::CompareTo => f.write_str("cmp.b"),
            Control::Risk(id, field) => write!(f, "rk.{id}.{}", field.id()),
            Control::Mitigation(id, k, field) => write!(f, "mt.{id}.{k}.{}", field.id()),
        }
    }
}

impl FromStr for Control {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnknownName(s.to_string());
        let (head, rest) = s.split_once('.').ok_or_else(bad)?;
        Ok(match (head, rest) {
            ("pf", field) if !field.is_empty() => Control::Profile(field.to_string()),
            ("dr", template) if !template.is_empty() => Control::Reason(template.to_string()),
            ("snap", "label") => Control::SnapshotLabel,
            ("cmp", "a") => Control::CompareFrom,
            ("cmp", "b") => Control::CompareTo,
            ("rk", rest) => {
                let (id, field) = rest.split_once('.').ok_or_else(bad)?;
                let field = RiskField::ALL.into_iter().find(|f| f.id() == field).ok_or_else(bad)?;
                Control::Risk(risk_id(id).ok_or_else(bad)?, field)
            }
            ("mt", rest) => {
                let mut parts = rest.splitn(3, '.');
                let (id, k, field) = (parts.next(), parts.next(), parts.next());
                let id = id.and_then(risk_id).ok_or_else(bad)?;
                let k = k.and_then(index).ok_or_else(bad)?;
                let field = field
                    .and_then(|x| MitigationField::ALL.into_iter().find(|f| f.id() == x))
                    .ok_or_else(bad)?;
                Control::Mitigation(id, k, field)
            }
            _ => return Err(bad()),
        })
    }
}

/// A button of the workspace (`data-act`); its element id is `b.` and the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Accept(String),
    Dismiss(String),
    Undismiss(String),
    AddRisk,
    /// Ask whether to remove a risk; `Keep` answers no, `Remove` yes.
    AskRemove(String),
    Keep(String),
    Remove(String),
    AddMitigation(String),
    RemoveMitigation(String, usize),
    TakeSnapshot,
    /// Ask whether to delete a snapshot (by the time it was taken); `KeepSnapshot` no, `DropSnapshot` yes.
    AskDeleteSnapshot(i64),
    KeepSnapshot(i64),
    DropSnapshot(i64),
    /// Move to a risk's card from the register's contents.
    GoTo(String),
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Accept(t) => write!(f, "accept.{t}"),
            Action::Dismiss(t) => write!(f, "dismiss.{t}"),
            Action::Undismiss(t) => write!(f, "undismiss.{t}"),
            Action::AddRisk => f.write_str("add"),
            Action::AskRemove(id) => write!(f, "ask.{id}"),
            Action::Keep(id) => write!(f, "keep.{id}"),
            Action::Remove(id) => write!(f, "remove.{id}"),
            Action::AddMitigation(id) => write!(f, "addm.{id}"),
            Action::RemoveMitigation(id, k) => write!(f, "removem.{id}.{k}"),
            Action::TakeSnapshot => f.write_str("snap"),
            Action::AskDeleteSnapshot(t) => write!(f, "unsnap.{t}"),
            Action::KeepSnapshot(t) => write!(f, "keepsnap.{t}"),
            Action::DropSnapshot(t) => write!(f, "dropsnap.{t}"),
            Action::GoTo(id) => write!(f, "goto.{id}"),
        }
    }
}

impl FromStr for Action {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnknownName(s.to_string());
        let (verb, arg) = s.split_once('.').unwrap_or((s, ""));
        let template = || Some(arg.to_string()).filter(|t| !t.is_empty()).ok_or_else(bad);
        let risk = || risk_id(arg).ok_or_else(bad);
        let taken = || time(arg).ok_or_else(bad);
        Ok(match verb {
            "accept" => Action::Accept(template()?),
            "dismiss" => Action::Dismiss(template()?),
            "undismiss" => Action::Undismiss(template()?),
            "add" if arg.is_empty() && !s.contains('.') => Action::AddRisk,
            "ask" => Action::AskRemove(risk()?),
            "keep" => Action::Keep(risk()?),
            "remove" => Action::Remove(risk()?),
            "addm" => Action::AddMitigation(risk()?),
            "removem" => {
                let (id, k) = arg.rsplit_once('.').ok_or_else(bad)?;
                Action::RemoveMitigation(risk_id(id).ok_or_else(bad)?, index(k).ok_or_else(bad)?)
            }
            "snap" if !s.contains('.') => Action::TakeSnapshot,
            "unsnap" => Action::AskDeleteSnapshot(taken()?),
            "keepsnap" => Action::KeepSnapshot(taken()?),
            "dropsnap" => Action::DropSnapshot(taken()?),
            "goto" => Action::GoTo(risk()?),
            _ => return Err(bad()),
        })
    }
}

/// A section of the register view, by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Proposals,
    Register,
    Snapshots,
}

impl Section {
    /// The heading's element id.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Proposals => "h-proposals",
            Section::Register => "h-register",
            Section::Snapshots => "h-snapshots",
        }
    }
}

/// Where focus goes after an edit; its `Display` is the element id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// A text field or a select, whose id is its name.
    Control(Control),
    Button(Action),
    Heading(Section),
    /// A risk card's heading.
    Risk(String),
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Focus::Control(c) => c.fmt(f),
            Focus::Button(a) => write!(f, "b.{a}"),
            Focus::Heading(s) => f.write_str(s.heading()),
            Focus::Risk(id) => write!(f, "rk.{id}.h"),
        }
    }
}

/// A risk id as names carry it: letters, digits, `-` and `_` (the answer-file reader refuses others).
fn risk_id(s: &str) -> Option<String> {
    let ok = !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| s.to_string())
}

/// A position in a list, written without sign or leading zeros so that it prints back the same.
fn index(s: &str) -> Option<usize> {
    if s.len() > 1 && s.starts_with('0') || s.starts_with('+') {
        return None;
    }
    s.parse().ok()
}

/// A snapshot's time in milliseconds, written as `i64` prints it.
fn time(s: &str) -> Option<i64> {
    s.parse::<i64>().ok().filter(|t| t.to_string() == s)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
