//! What a user's input on the risk workspace means: a typed [`Edit`] for the draft, or a change of
//! the view alone (a reason typed, a question asked, the registers compared). The app parses the
//! control's name and calls [`handle`], which interprets the input and applies an edit with
//! `edit::apply`: one path from a keystroke to the draft, host-tested.

use super::control::{Action, Control, Focus, MitigationField, RiskField};
use super::edit::{apply, Draw, Edit, EditError, RiskText, Save, Scale};
use super::view::{Confirm, ViewState};
use crate::core::assessment::Assessment;
use crate::core::content::model::{FieldKind, Pack};
use crate::core::input::{Handled, How, Raw};
use crate::core::register::{Decision, Status};

/// One input on the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A form control's value changed (for a checkbox, whether it is now ticked).
    Changed {
        control: Control,
        value: String,
        checked: bool,
    },
    Clicked(Action),
}

/// What an input leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Apply this edit to the draft (`edit::apply` says what to save and draw).
    Edit(Edit),
    /// Only the view changed.
    View { draw: Draw, focus: Option<Focus> },
    /// Nothing changed: say why, and go where it can be put right.
    Refused { problem: EditError, focus: Option<Focus> },
}

/// What the view does after an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When to save the draft; `None` when only the view changed.
    pub save: Option<Save>,
    pub draw: Draw,
    /// Where focus goes, when not the control used.
    pub focus: Option<Focus>,
}

/// An input that changed nothing: why, and where it can be put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problem: EditError,
    pub focus: Option<Focus>,
}

/// Handles one input on the workspace: the view state and, for an edit, the draft change; on a
/// refusal neither the draft nor the view's saved text has changed.
pub fn handle(
    pack: &'static Pack,
    a: &mut Assessment,
    view: &mut ViewState,
    input: Input,
    now: i64,
) -> Result<Outcome, Refusal> {
    // On the view's copy, kept only when the input is accepted: a refused dismissal keeps its reason.
    let mut next = view.clone();
    let outcome = match interpret(pack, a, &mut next, input, now) {
        Step::Edit(edit) => match apply(pack, a, &edit) {
            Ok(done) => Outcome { save: Some(done.save), draw: done.draw, focus: done.focus },
            Err(problem) => return Err(Refusal { problem, focus: None }),
        },
        Step::View { draw, focus } => Outcome { save: None, draw, focus },
        Step::Refused { problem, focus } => return Err(Refusal { problem, focus }),
    };
    *view = next;
    Ok(outcome)
}

/// Reads one input. `now` stamps a snapshot (unique: one millisecond after the last one if needed).
pub fn interpret(pack: &'static Pack, a: &Assessment, view: &mut ViewState, input: Input, now: i64) -> Step {
    match input {
        Input::Clicked(action) => clicked(a, view, action, now),
        Input::Changed { control, value, checked } => changed(pack, a, view, control, value, checked),
    }
}

fn only(draw: Draw, focus: Option<Focus>) -> Step {
    Step::View { draw, focus }
}

fn clicked(a: &Assessment, view: &mut ViewState, action: Action, now: i64) -> Step {
    let edit = match action {
        Action::Accept(template) => Edit::Accept { template },
        Action::Dismiss(template) => {
            let reason = view.reasons.get(&template).cloned().unwrap_or_default();
            if reason.trim().is_empty() {
                let focus = Focus::Control(Control::Reason(template));
                return Step::Refused { problem: EditError::ReasonNeeded, focus: Some(focus) };
            }
            view.reasons.remove(&template);
            Edit::Dismiss { template, reason }
        }
        Action::Undismiss(template) => Edit::Undismiss { template },
        Action::AddRisk => Edit::AddRisk,
        // Asking or answering redraws the whole view: another card may still show an earlier question.
        Action::AskRemove(risk) => {
            view.confirm = Some(Confirm::RemoveRisk(risk.clone()));
            return only(Draw::Register, Some(Focus::Button(Action::Keep(risk))));
        }
        Action::Keep(risk) => {
            view.confirm = None;
            return only(Draw::Register, Some(Focus::Button(Action::AskRemove(risk))));
        }
        Action::Remove(risk) => {
            if view.confirm != Some(Confirm::RemoveRisk(risk.clone())) {
                return Step::Refused { problem: EditError::NotConfirmed, focus: None };
            }
            view.confirm = None;
            Edit::RemoveRisk { risk }
        }
        Action::AddMitigation(risk) => Edit::AddMitigation { risk },
        Action::RemoveMitigation(risk, index) => Edit::RemoveMitigation { risk, index },
        Action::TakeSnapshot => {
            let last = a.risk.snapshots.iter().map(|x| x.taken).max().unwrap_or(i64::MIN);
            let label = std::mem::take(&mut view.snapshot_label);
            view.compare = Default::default();
            Edit::TakeSnapshot { label, taken: now.max(last.saturating_add(1)) }
        }
        Action::AskDeleteSnapshot(taken) => {
            view.confirm = Some(Confirm::DeleteSnapshot(taken));
            return only(Draw::Register, Some(Focus::Button(Action::KeepSnapshot(taken))));
        }
        Action::KeepSnapshot(taken) => {
            view.confirm = None;
            return only(Draw::Register, Some(Focus::Button(Action::AskDeleteSnapshot(taken))));
        }
        Action::DropSnapshot(taken) => {
            if view.confirm != Some(Confirm::DeleteSnapshot(taken)) {
                return Step::Refused { problem: EditError::NotConfirmed, focus: None };
            }
            view.confirm = None;
            view.compare = Default::default();
            Edit::DeleteSnapshot { taken }
        }
        Action::GoTo(risk) => return only(Draw::Nothing, Some(Focus::Risk(risk))),
    };
    Step::Edit(edit)
}

fn changed(
    pack: &'static Pack,
    a: &Assessment,
    view: &mut ViewState,
    control: Control,
    value: String,
    checked: bool,
) -> Step {
    let edit = match control {
        Control::Reason(template) => {
            view.reasons.insert(template, value);
            return only(Draw::Nothing, None);
        }
        Control::SnapshotLabel => {
            view.snapshot_label = value;
            return only(Draw::Nothing, None);
        }
        Control::CompareFrom | Control::CompareTo => {
            let known = value == "current" || a.risk.snapshots.iter().any(|s| s.taken.to_string() == value);
            if !known {
                return Step::Refused {
                    problem: EditError::Unknown("errors.what_snapshot_to_compare", value),
                    focus: None,
                };
            }
            match control {
                Control::CompareFrom => view.compare.0 = value,
                _ => view.compare.1 = value,
            }
            return only(Draw::Register, None);
        }
        Control::Profile(field) => {
            let kind = pack.risk.profile_fields.iter().find(|f| f.id == field.as_str()).map(|f| f.kind);
            match kind {
                Some(FieldKind::Text | FieldKind::Longtext) => Edit::ProfileText { field, text: value },
                Some(FieldKind::Choice) => Edit::ProfileChoice { field, option: value },
                Some(FieldKind::Multi) => Edit::ProfileToggle { field, option: value, on: checked },
                None => {
                    return Step::Refused {
                        problem: EditError::Unknown("errors.what_profile_field", field),
                        focus: None,
                    }
                }
            }
        }
        Control::Risk(risk, field) => {
            let text = |field| Edit::RiskText { risk: risk.clone(), field, text: value.clone() };
            let rate = |scale| match value.parse::<u8>() {
                Ok(value) => Ok(Edit::Rate { risk: risk.clone(), scale, value }),
                Err(_) => Err(EditError::Unknown("errors.what_rating", value.clone())),
            };
            let edit = match field {
                RiskField::Title => Ok(text(RiskText::Title)),
                RiskField::Description => Ok(text(RiskText::Description)),
                RiskField::Groups => Ok(text(RiskText::Groups)),
                RiskField::Controls => Ok(text(RiskText::Controls)),
                RiskField::DecidedBy => Ok(text(RiskText::DecidedBy)),
                RiskField::Rationale => Ok(text(RiskText::Rationale)),
                RiskField::Stage => Ok(Edit::Stage { risk: risk.clone(), stage: value.clone() }),
                RiskField::Decision if value.is_empty() => {
                    Ok(Edit::Decide { risk: risk.clone(), decision: None })
                }
                RiskField::Decision => match Decision::from_id(&value) {
                    Some(d) => Ok(Edit::Decide { risk: risk.clone(), decision: Some(d) }),
                    None => Err(EditError::Unknown("errors.what_decision", value.clone())),
                },
                RiskField::Principles => {
                    Ok(Edit::Principle { risk: risk.clone(), principle: value.clone(), on: checked })
                }
                RiskField::Rights => {
                    Ok(Edit::Right { risk: risk.clone(), right: value.clone(), on: checked })
                }
                RiskField::Likelihood => rate(Scale::Likelihood),
                RiskField::Severity => rate(Scale::Severity),
                RiskField::ResidualLikelihood => rate(Scale::ResidualLikelihood),
                RiskField::ResidualSeverity => rate(Scale::ResidualSeverity),
            };
            match edit {
                Ok(edit) => edit,
                Err(problem) => return Step::Refused { problem, focus: None },
            }
        }
        Control::Mitigation(risk, index, field) => match field {
            MitigationField::Action => Edit::MitigationAction { risk, index, text: value },
            MitigationField::Owner => Edit::MitigationOwner { risk, index, text: value },
            MitigationField::Due => Edit::MitigationDue { risk, index, date: value },
            MitigationField::Status => match Status::from_id(&value) {
                Some(status) => Edit::MitigationStatus { risk, index, status },
                None => {
                    return Step::Refused {
                        problem: EditError::Unknown("errors.what_mitigation_status", value),
                        focus: None,
                    }
                }
            },
        },
    };
    Step::Edit(edit)
}

/// Reads one raw input from the page and handles it (see `core::editor`).
pub fn raw(pack: &'static Pack, a: &mut Assessment, view: &mut ViewState, raw: Raw, now: i64) -> Handled {
    let input = match raw.how {
        How::Clicked => raw.name.parse::<Action>().map(Input::Clicked),
        _ => raw.name.parse::<Control>().map(|control| Input::Changed {
            control,
            value: raw.value,
            checked: raw.checked,
        }),
    };
    let input = input.map_err(|e| (e.to_string(), None))?;
    // A title left: its card's heading and the register's contents show it now.
    if raw.how == How::Left {
        let draw = match input {
            Input::Changed { control: Control::Risk(id, RiskField::Title), .. } => Draw::Heading(id),
            _ => Draw::Nothing,
        };
        return Ok((None, draw.wire(), None));
    }
    match handle(pack, a, view, input, now) {
        Ok(o) => Ok((o.save, o.draw.wire(), o.focus.map(|f| f.to_string()))),
        Err(r) => Err((r.problem.to_string(), r.focus.map(|f| f.to_string()))),
    }
}
