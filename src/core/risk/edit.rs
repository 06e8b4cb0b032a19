//! Every change a user makes to a risk assessment's profile, proposals, register, mitigations,
//! decisions and snapshots, as a typed value, and [`apply`], the one function that makes it on the
//! app's draft. It says what to save and draw; it never touches the view's transient state.

use super::control::{Action, Control, Focus, MitigationField, RiskField, Section};
use super::options;
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{FieldKind, Pack};
use crate::core::limits::{self, TooLong};
use crate::core::register::{Decision, Mitigation, Risk, Snapshot, Status};
use std::fmt;

/// A text field of a risk that takes any text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskText {
    Title,
    Description,
    /// Affected groups, one per line.
    Groups,
    Controls,
    DecidedBy,
    Rationale,
}

/// One of the four ratings of a risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Likelihood,
    Severity,
    ResidualLikelihood,
    ResidualSeverity,
}

/// One change to a risk assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A text profile field; empty text removes the answer.
    ProfileText {
        field: String,
        text: String,
    },
    ProfileChoice {
        field: String,
        option: String,
    },
    /// One option of a several-choices profile field ticked or not.
    ProfileToggle {
        field: String,
        option: String,
        on: bool,
    },
    Accept {
        template: String,
    },
    Dismiss {
        template: String,
        reason: String,
    },
    Undismiss {
        template: String,
    },
    AddRisk,
    RemoveRisk {
        risk: String,
    },
    RiskText {
        risk: String,
        field: RiskText,
        text: String,
    },
    Stage {
        risk: String,
        stage: String,
    },
    Decide {
        risk: String,
        decision: Option<Decision>,
    },
    /// A rating from 0 (not rated) to 5.
    Rate {
        risk: String,
        scale: Scale,
        value: u8,
    },
    Principle {
        risk: String,
        principle: String,
        on: bool,
    },
    Right {
        risk: String,
        right: String,
        on: bool,
    },
    AddMitigation {
        risk: String,
    },
    RemoveMitigation {
        risk: String,
        index: usize,
    },
    MitigationAction {
        risk: String,
        index: usize,
        text: String,
    },
    MitigationOwner {
        risk: String,
        index: usize,
        text: String,
    },
    /// A due date as `YYYY-MM-DD`, or empty for none.
    MitigationDue {
        risk: String,
        index: usize,
        date: String,
    },
    MitigationStatus {
        risk: String,
        index: usize,
        status: Status,
    },
    TakeSnapshot {
        label: String,
        taken: i64,
    },
    DeleteSnapshot {
        taken: i64,
    },
}

/// An edit that cannot be made, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A value no control of the workspace offers (the page and the app of two builds, or a tampered
    /// page): what kind of thing, and the value.
    Unknown(&'static str, String),
    /// A rating outside 0 to 5.
    Rating(u8),
    NotADate(String),
    ReasonNeeded,
    /// A removal or deletion whose question was not asked and answered.
    NotConfirmed,
    /// A proposal accepted twice, or dismissed once accepted: its risk is in the register already.
    AlreadyAccepted(String),
    /// A proposal accepted once dismissed (two clicks before the view was drawn again).
    AlreadyDismissed(String),
    /// Two snapshots cannot share a time (they are told apart by it).
    SnapshotTime(i64),
    TooLong(TooLong),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::content::{t, t_with};
        let text = match self {
            EditError::Unknown(what, x) => t_with("errors.unknown", &[("what", t(what)), ("value", x)]),
            EditError::Rating(n) => t_with("errors.rating", &[("value", &n.to_string())]),
            EditError::NotADate(x) => t_with("errors.not_a_date", &[("value", x)]),
            EditError::ReasonNeeded => t("errors.reason_needed").into(),
            EditError::NotConfirmed => t("errors.not_confirmed").into(),
            EditError::AlreadyAccepted(x) => t_with("errors.already_accepted", &[("value", x)]),
            EditError::AlreadyDismissed(x) => t_with("errors.already_dismissed", &[("value", x)]),
            EditError::SnapshotTime(time) => {
                t_with("errors.snapshot_time", &[("time", &crate::core::dates::time_in_words(*time))])
            }
            EditError::TooLong(e) => return e.fmt(f),
        };
        f.write_str(&text)
    }
}

impl From<TooLong> for EditError {
    fn from(e: TooLong) -> Self {
        EditError::TooLong(e)
    }
}

pub use crate::core::input::Save;

/// What to draw again after an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draw {
    /// Nothing: the control shows the change already (typing).
    Nothing,
    /// The profile (a choice shows or hides fields).
    Profile,
    /// One risk's card in place, and the comparison of snapshots (a rating, a mitigation).
    Card(String),
    /// A new risk's card after the others, and the register's contents.
    Appended(String),
    /// A risk's heading and the register's contents: after its title was typed and the field left.
    Heading(String),
    /// The whole register view.
    Register,
}

impl Draw {
    /// As the tools module tells the app: `nothing`, `profile`, `register`, `card:{id}`,
    /// `appended:{id}`, `heading:{id}`.
    pub fn wire(&self) -> String {
        match self {
            Draw::Nothing => "nothing".into(),
            Draw::Profile => "profile".into(),
            Draw::Register => "register".into(),
            Draw::Card(id) => format!("card:{id}"),
            Draw::Appended(id) => format!("appended:{id}"),
            Draw::Heading(id) => format!("heading:{id}"),
        }
    }

    pub fn from_wire(s: &str) -> Option<Draw> {
        Some(match s.split_once(':') {
            None if s == "nothing" => Draw::Nothing,
            None if s == "profile" => Draw::Profile,
            None if s == "register" => Draw::Register,
            Some(("card", id)) => Draw::Card(id.into()),
            Some(("appended", id)) => Draw::Appended(id.into()),
            Some(("heading", id)) => Draw::Heading(id.into()),
            _ => return None,
        })
    }
}

/// What the view does after an edit was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub save: Save,
    pub draw: Draw,
    /// Where focus goes, when not the control used.
    pub focus: Option<Focus>,
}

impl Applied {
    fn typed() -> Self {
        Applied { save: Save::Soon, draw: Draw::Nothing, focus: None }
    }

    fn chosen(draw: Draw) -> Self {
        Applied { save: Save::Now, draw, focus: None }
    }

    fn to(draw: Draw, focus: Focus) -> Self {
        Applied { save: Save::Now, draw, focus: Some(focus) }
    }
}

/// The next free risk id: `K` and one more than the highest number used, snapshots and the review
/// (approved copies, comments, restricted marks) included, so a removed risk's id is never given to
/// another.
pub fn next_id(a: &Assessment) -> String {
    let num = |r: &Risk| r.id.strip_prefix('K').and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
    let top = a
        .risk
        .register
        .iter()
        .chain(a.risk.snapshots.iter().flat_map(|x| x.register.iter()))
        .map(num)
        .max()
        .unwrap_or(0)
        .max(a.review.highest_id('K'));
    format!("K{}", top.saturating_add(1))
}

fn risk_mut<'a>(a: &'a mut Assessment, id: &str) -> Result<&'a mut Risk, EditError> {
    a.risk
        .register
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or_else(|| EditError::Unknown("errors.what_risk", id.to_string()))
}

fn mitigation_mut<'a>(
    a: &'a mut Assessment,
    id: &str,
    index: usize,
) -> Result<&'a mut Mitigation, EditError> {
    risk_mut(a, id)?.mitigations.get_mut(index).ok_or_else(|| {
        EditError::Unknown("errors.what_mitigation", format!("{id}.{}", index.saturating_add(1)))
    })
}

/// Applies one edit to the assessment; on an error nothing has changed.
pub fn apply(pack: &'static Pack, a: &mut Assessment, edit: &Edit) -> Result<Applied, EditError> {
    let card = |id: &str| Draw::Card(id.to_string());
    Ok(match edit {
        Edit::ProfileText { field, text } => {
            let f = profile_field(pack, field)?;
            if !matches!(f.kind, FieldKind::Text | FieldKind::Longtext) {
                return Err(EditError::Unknown("errors.what_profile_field", field.clone()));
            }
            limits::text(text)?;
            if text.is_empty() {
                a.answers.remove(field.as_str());
            } else {
                a.answers.insert(field.clone(), Answer::Text(text.clone()));
            }
            Applied::typed()
        }
        Edit::ProfileChoice { field, option } => {
            let f = profile_field(pack, field)?;
            known_option(pack, f, option)?;
            a.answers.insert(field.clone(), Answer::Choice(option.clone()));
            Applied::chosen(Draw::Profile)
        }
        Edit::ProfileToggle { field, option, on } => {
            let f = profile_field(pack, field)?;
            let order = known_option(pack, f, option)?;
            let list = match a.answers.remove(field.as_str()) {
                Some(Answer::Choices(c)) => c,
                _ => Vec::new(),
            };
            let list = toggled(order.iter().map(|(o, _)| *o), &list, option, *on);
            if !list.is_empty() {
                a.answers.insert(field.clone(), Answer::Choices(list));
            }
            Applied::chosen(Draw::Profile)
        }
        Edit::Accept { template } => {
            let t = pack
                .risk
                .templates
                .iter()
                .find(|t| t.id == template.as_str())
                .ok_or_else(|| EditError::Unknown("errors.what_proposed_risk", template.clone()))?;
            // A second click on a proposal drawn before the first was applied adds nothing.
            if a.risk.register.iter().any(|r| r.template == template.as_str()) {
                return Err(EditError::AlreadyAccepted(template.clone()));
            }
            if a.risk.dismissed.contains_key(template.as_str()) {
                return Err(EditError::AlreadyDismissed(template.clone()));
            }
            let id = next_id(a);
            let stage = match a.answers.get("stage") {
                Some(Answer::Choice(c)) => c.clone(),
                _ => String::new(),
            };
            a.risk.register.push(Risk {
                id: id.clone(),
                template: t.id.to_string(),
                title: t.title.to_string(),
                description: t.description.to_string(),
                principles: t.principles.iter().map(|x| x.to_string()).collect(),
                rights: t.rights.iter().map(|x| x.to_string()).collect(),
                affected_groups: t.affected_groups.iter().map(|x| x.to_string()).collect(),
                stage,
                mitigations: t
                    .mitigations
                    .iter()
                    .map(|m| Mitigation { action: m.to_string(), ..Mitigation::default() })
                    .collect(),
                ..Risk::default()
            });
            // The proposal leaves its section too: the whole view.
            Applied::to(Draw::Register, Focus::Control(Control::Risk(id, RiskField::Title)))
        }
        Edit::Dismiss { template, reason } => {
            if !pack.risk.templates.iter().any(|t| t.id == template.as_str()) {
                return Err(EditError::Unknown("errors.what_proposed_risk", template.clone()));
            }
            if a.risk.register.iter().any(|r| r.template == template.as_str()) {
                return Err(EditError::AlreadyAccepted(template.clone()));
            }
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(EditError::ReasonNeeded);
            }
            limits::text(reason)?;
            a.risk.dismissed.insert(template.clone(), reason.to_string());
            Applied::to(Draw::Register, Focus::Heading(Section::Proposals))
        }
        Edit::Undismiss { template } => {
            if a.risk.dismissed.remove(template.as_str()).is_none() {
                return Err(EditError::Unknown("errors.what_proposed_risk", template.clone()));
            }
            Applied::to(Draw::Register, Focus::Heading(Section::Proposals))
        }
        Edit::AddRisk => {
            let id = next_id(a);
            a.risk.register.push(Risk { id: id.clone(), ..Risk::default() });
            // The first risk replaces the "empty register" line: the whole view.
            let draw = if a.risk.register.len() == 1 { Draw::Register } else { Draw::Appended(id.clone()) };
            Applied::to(draw, Focus::Control(Control::Risk(id, RiskField::Title)))
        }
        Edit::RemoveRisk { risk } => {
            risk_mut(a, risk)?;
            a.risk.register.retain(|r| r.id != *risk);
            Applied::to(Draw::Register, Focus::Heading(Section::Register))
        }
        Edit::RiskText { risk, field, text } => {
            match field {
                RiskText::Title | RiskText::DecidedBy => limits::line(text)?,
                RiskText::Groups => text.lines().try_for_each(limits::line)?,
                _ => limits::text(text)?,
            }
            let r = risk_mut(a, risk)?;
            let slot = match field {
                RiskText::Title => &mut r.title,
                RiskText::Description => &mut r.description,
                RiskText::Controls => &mut r.controls,
                RiskText::DecidedBy => &mut r.decided_by,
                RiskText::Rationale => &mut r.rationale,
                RiskText::Groups => {
                    r.affected_groups =
                        text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
                    return Ok(Applied::typed());
                }
            };
            slot.clone_from(text);
            Applied::typed()
        }
        Edit::Stage { risk, stage } => {
            if !stage.is_empty() && !pack.vocabulary.stages.iter().any(|s| s.id == stage.as_str()) {
                return Err(EditError::Unknown("errors.what_stage", stage.clone()));
            }
            risk_mut(a, risk)?.stage.clone_from(stage);
            Applied::chosen(Draw::Nothing)
        }
        Edit::Decide { risk, decision } => {
            risk_mut(a, risk)?.decision = *decision;
            Applied::chosen(Draw::Nothing)
        }
        Edit::Rate { risk, scale, value } => {
            if *value > 5 {
                return Err(EditError::Rating(*value));
            }
            let r = risk_mut(a, risk)?;
            *match scale {
                Scale::Likelihood => &mut r.likelihood,
                Scale::Severity => &mut r.severity,
                Scale::ResidualLikelihood => &mut r.residual_likelihood,
                Scale::ResidualSeverity => &mut r.residual_severity,
            } = *value;
            // The level beside the scales and the comparison of snapshots change.
            Applied::chosen(card(risk))
        }
        Edit::Principle { risk, principle, on } => {
            let order: Vec<&str> = pack.vocabulary.principles.iter().map(|p| p.id.as_ref()).collect();
            if !order.contains(&principle.as_str()) {
                return Err(EditError::Unknown("errors.what_principle", principle.clone()));
            }
            let r = risk_mut(a, risk)?;
            r.principles = toggled(order.into_iter(), &r.principles, principle, *on);
            Applied::chosen(Draw::Nothing)
        }
        Edit::Right { risk, right, on } => {
            let order: Vec<&str> = pack.risk.rights.iter().map(|x| x.id.as_ref()).collect();
            if !order.contains(&right.as_str()) {
                return Err(EditError::Unknown("errors.what_right", right.clone()));
            }
            let r = risk_mut(a, risk)?;
            r.rights = toggled(order.into_iter(), &r.rights, right, *on);
            Applied::chosen(Draw::Nothing)
        }
        Edit::AddMitigation { risk } => {
            let r = risk_mut(a, risk)?;
            r.mitigations.push(Mitigation::default());
            let k = r.mitigations.len() - 1;
            let focus = Focus::Control(Control::Mitigation(risk.clone(), k, MitigationField::Action));
            Applied::to(card(risk), focus)
        }
        Edit::RemoveMitigation { risk, index } => {
            mitigation_mut(a, risk, *index)?;
            risk_mut(a, risk)?.mitigations.remove(*index);
            Applied::to(card(risk), Focus::Button(Action::AddMitigation(risk.clone())))
        }
        Edit::MitigationAction { risk, index, text } => {
            limits::text(text)?;
            mitigation_mut(a, risk, *index)?.action.clone_from(text);
            Applied::typed()
        }
        Edit::MitigationOwner { risk, index, text } => {
            limits::line(text)?;
            mitigation_mut(a, risk, *index)?.owner.clone_from(text);
            Applied::typed()
        }
        Edit::MitigationDue { risk, index, date } => {
            if !date.is_empty() && !crate::core::dates::is_date(date) {
                return Err(EditError::NotADate(date.clone()));
            }
            mitigation_mut(a, risk, *index)?.due.clone_from(date);
            Applied::typed()
        }
        Edit::MitigationStatus { risk, index, status } => {
            mitigation_mut(a, risk, *index)?.status = *status;
            Applied::chosen(Draw::Nothing)
        }
        Edit::TakeSnapshot { label, taken } => {
            if a.risk.snapshots.iter().any(|x| x.taken == *taken) {
                return Err(EditError::SnapshotTime(*taken));
            }
            let label = label.trim();
            limits::line(label)?;
            a.risk.snapshots.push(Snapshot {
                taken: *taken,
                label: label.to_string(),
                register: a.risk.register.clone(),
            });
            Applied::to(Draw::Register, Focus::Heading(Section::Snapshots))
        }
        Edit::DeleteSnapshot { taken } => {
            if !a.risk.snapshots.iter().any(|x| x.taken == *taken) {
                return Err(EditError::Unknown("errors.what_snapshot", taken.to_string()));
            }
            a.risk.snapshots.retain(|x| x.taken != *taken);
            Applied::to(Draw::Register, Focus::Heading(Section::Snapshots))
        }
    })
}

/// `current` with `item` ticked or not, in the order of `order` whatever the order of clicks; ids
/// the order does not know (from an older file) are kept, first.
fn toggled<'o>(
    order: impl Iterator<Item = &'o str> + Clone,
    current: &[String],
    item: &str,
    on: bool,
) -> Vec<String> {
    let mut out: Vec<String> =
        current.iter().filter(|c| !order.clone().any(|o| o == c.as_str())).cloned().collect();
    out.extend(
        order.filter(|o| if *o == item { on } else { current.iter().any(|c| c == o) }).map(String::from),
    );
    out
}

fn profile_field<'p>(
    pack: &'p Pack,
    field: &str,
) -> Result<&'p crate::core::content::model::ProfileField, EditError> {
    pack.risk
        .profile_fields
        .iter()
        .find(|f| f.id == field)
        .ok_or_else(|| EditError::Unknown("errors.what_profile_field", field.into()))
}

/// The field's options, when `option` is one of them.
fn known_option(
    pack: &'static Pack,
    f: &crate::core::content::model::ProfileField,
    option: &str,
) -> Result<Vec<(&'static str, &'static str)>, EditError> {
    let order = options(pack, f);
    if order.iter().any(|(o, _)| *o == option) {
        Ok(order)
    } else {
        Err(EditError::Unknown("errors.what_option", format!("{}: {option}", f.id)))
    }
}
