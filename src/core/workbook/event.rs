//! What a user's input on the workbook means: a typed [`Edit`] for the draft, or a change of the
//! view alone (a question asked before a draft is deleted). The app parses the control's name and
//! calls [`handle`]: one path from a keystroke to the draft, host-tested.

use super::control::{Action, CheckField, ConditionField, Control, EntryField, Focus, StageField};
use super::edit::{apply, ConditionText, Draw, Edit, EditError, EntryText, Save};
use super::{CheckState, Linked, Route, Trigger, Verdict};
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::input::{Handled, How, Raw};
use crate::core::register::Status;
use serde::{Deserialize, Serialize};

/// What the workbook view holds that is not part of the assessment: the draft entry whose deletion
/// waits for an answer, and what the library holds for the link. Sent with each drawing; never saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkbookView {
    pub confirm: Option<String>,
    /// The library as far as the link to a risk assessment needs it; the app puts it in with every
    /// request, so it is not sent back.
    #[serde(skip_serializing)]
    pub link: super::link::LinkContext,
    /// Today (`YYYY-MM-DD`), for flagging conditions past their due date; the app puts it in.
    #[serde(skip_serializing)]
    pub today: String,
}

/// Reads one raw input from the page and handles it (see `core::editor`).
pub fn raw(
    pack: &Pack,
    a: &mut Assessment,
    view: &mut WorkbookView,
    raw: Raw,
    today: &str,
    now: i64,
) -> Handled {
    let input = match raw.how {
        How::Clicked => raw.name.parse::<Action>().map(Input::Clicked),
        _ => raw.name.parse::<Control>().map(|control| Input::Changed {
            control,
            value: raw.value,
            checked: raw.checked,
        }),
    };
    let input = input.map_err(|e| (e.to_string(), None))?;
    // A field left: its stage's progress (a prompt), or the stage (a check's note) shows it now.
    if raw.how == How::Left {
        let stage = |id: &str| super::edit::stage_of(pack, id).map(|s| s.stage.to_string());
        let draw = match &input {
            Input::Changed { control: Control::Prompt(id), .. } => stage(id).map(Draw::Summary),
            // A reason given or taken away settles a check that does not apply: the stage shows it
            // (and whether it is still complete); any other note changes only the progress line.
            Input::Changed { control: Control::Check(id, CheckField::Note), .. } => {
                match CheckState::of(a, id) {
                    Some(CheckState::NotApplicable) => stage(id).map(Draw::Stage),
                    _ => stage(id).map(Draw::Summary),
                }
            }
            // The risks a decision cites show under it once its evidence is left: only they are
            // drawn, so a button clicked to leave the field is still there for the click.
            Input::Changed { control: Control::Entry(id, EntryField::Evidence), .. }
                if a.workbook.linked.is_some() =>
            {
                Some(Draw::Cited(id.clone()))
            }
            _ => None,
        };
        return Ok((None, draw.unwrap_or(Draw::Nothing).wire(), None));
    }
    match handle(pack, a, view, input, today, now) {
        Ok(o) => Ok((o.save, o.draw.wire(), o.focus.map(|f| f.to_string()))),
        Err(r) => Err((r.problem.to_string(), r.focus.map(|f| f.to_string()))),
    }
}

/// One input on the workbook.
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

/// What the view does after an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// When to save the draft; `None` when only the view changed.
    pub save: Option<Save>,
    pub draw: Draw,
    pub focus: Option<Focus>,
}

/// An input that changed nothing: why, and where it can be put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problem: EditError,
    pub focus: Option<Focus>,
}

/// Handles one input: the view state and, for an edit, the draft change. `today` (`YYYY-MM-DD`)
/// dates a new entry; `now` (milliseconds) stamps a recorded one.
pub fn handle(
    pack: &Pack,
    a: &mut Assessment,
    view: &mut WorkbookView,
    input: Input,
    today: &str,
    now: i64,
) -> Result<Outcome, Refusal> {
    let refuse = |problem| Err(Refusal { problem, focus: None });
    let edit = match input {
        Input::Clicked(action) => match action {
            Action::AddEntry(stage) => Edit::AddEntry { stage, today: today.into() },
            Action::Record(entry) => Edit::Record { entry, now },
            Action::Supersede(entry) => Edit::Supersede { entry, today: today.into() },
            Action::AddCondition(entry) => Edit::AddCondition { entry },
            Action::RemoveCondition(entry, index) => Edit::RemoveCondition { entry, index },
            Action::AskDelete(entry) => {
                let stage = a.workbook.log.iter().find(|e| e.id == entry).map(|e| e.stage.clone());
                let Some(stage) = stage else {
                    return refuse(EditError::Unknown("errors.what_decision", entry));
                };
                view.confirm = Some(entry.clone());
                return Ok(Outcome {
                    save: None,
                    draw: Draw::Stage(stage),
                    focus: Some(Focus::Button(Action::Keep(entry))),
                });
            }
            Action::Keep(entry) => {
                view.confirm = None;
                let stage = a
                    .workbook
                    .log
                    .iter()
                    .find(|e| e.id == entry)
                    .map(|e| e.stage.clone())
                    .unwrap_or_default();
                return Ok(Outcome {
                    save: None,
                    draw: Draw::Stage(stage),
                    focus: Some(Focus::Button(Action::AskDelete(entry))),
                });
            }
            Action::Delete(entry) => {
                if view.confirm.as_ref() != Some(&entry) {
                    return refuse(EditError::NotConfirmed);
                }
                view.confirm = None;
                Edit::DeleteDraft { entry }
            }
            Action::GoTo(stage) => {
                return Ok(Outcome { save: None, draw: Draw::Nothing, focus: Some(Focus::Stage(stage)) });
            }
        },
        Input::Changed { control: control @ (Control::Link | Control::LinkReadiness), value, .. } => {
            let (list, what, edit): (_, _, fn(Option<Linked>) -> Edit) = match control {
                Control::Link => (&view.link.library, "errors.what_risk_assessment", Edit::Link),
                _ => (&view.link.readiness, "errors.what_readiness_assessment", Edit::LinkReadiness),
            };
            match list.iter().find(|l| l.id == value) {
                Some(l) => edit(Some(Linked { id: l.id.clone(), title: l.title.clone() })),
                None if value.is_empty() => edit(None),
                None => return refuse(EditError::Unknown(what, value)),
            }
        }
        Input::Changed { control, value, checked } => match changed(control, value, checked) {
            Ok(edit) => edit,
            Err(problem) => return refuse(problem),
        },
    };
    match apply(pack, a, &edit) {
        Ok(done) => Ok(Outcome { save: Some(done.save), draw: done.draw, focus: done.focus }),
        Err(problem) => {
            // Say where it can be put right: the override fields, or the entry's first field.
            let focus = match (&problem, &edit) {
                (EditError::Blocked(_), Edit::Complete { stage, .. }) => {
                    Some(Focus::Control(Control::Stage(stage.clone(), StageField::By)))
                }
                (EditError::Incomplete(..), Edit::Record { entry, .. }) => Some(Focus::Entry(entry.clone())),
                _ => None,
            };
            Err(Refusal { problem, focus })
        }
    }
}

/// The edit a changed control asks for.
fn changed(control: Control, value: String, checked: bool) -> Result<Edit, EditError> {
    Ok(match control {
        Control::Route => Edit::Route(choice("errors.what_route", &value, Route::from_id)?),
        // Read with the library's lists, in `handle`.
        Control::Link | Control::LinkReadiness => {
            return Err(EditError::Unknown("errors.what_control", control.to_string()))
        }
        Control::Prompt(prompt) => Edit::Prompt { prompt, text: value },
        Control::Check(check, CheckField::State) => {
            Edit::Check { check, state: choice("errors.what_check_state", &value, CheckState::from_id)? }
        }
        Control::Check(check, field) => Edit::CheckText { check, field, text: value },
        Control::Stage(stage, StageField::Complete) => Edit::Complete { stage, on: checked },
        Control::Stage(stage, field) => Edit::Override { stage, field, text: value },
        Control::Entry(entry, field) => {
            let text = |field| Edit::EntryText { entry: entry.clone(), field, text: value.clone() };
            match field {
                EntryField::Verdict => Edit::Verdict {
                    verdict: choice("errors.what_decision", &value, Verdict::from_id)?,
                    entry,
                },
                EntryField::ReviewEvent => Edit::Trigger {
                    trigger: choice("errors.what_review_event", &value, Trigger::from_id)?,
                    entry,
                },
                EntryField::Date => text(EntryText::Date),
                EntryField::By => text(EntryText::By),
                EntryField::Role => text(EntryText::Role),
                EntryField::Authority => text(EntryText::Authority),
                EntryField::Rationale => text(EntryText::Rationale),
                EntryField::Evidence => text(EntryText::Evidence),
                EntryField::Dissent => text(EntryText::Dissent),
                EntryField::ReviewDate => text(EntryText::ReviewDate),
            }
        }
        Control::Condition(entry, index, field) => {
            let text =
                |field| Edit::ConditionText { entry: entry.clone(), index, field, text: value.clone() };
            match field {
                ConditionField::Text => text(ConditionText::Text),
                ConditionField::Owner => text(ConditionText::Owner),
                ConditionField::Due => text(ConditionText::Due),
                ConditionField::Status => match Status::from_id(&value) {
                    Some(status) => Edit::ConditionStatus { entry, index, status },
                    None => return Err(EditError::Unknown("errors.what_condition_status", value)),
                },
            }
        }
    })
}

/// A choice by its id; empty for none. `what`: the key of its name, for the message.
fn choice<T>(what: &'static str, value: &str, from: fn(&str) -> Option<T>) -> Result<Option<T>, EditError> {
    match from(value) {
        Some(x) => Ok(Some(x)),
        None if value.is_empty() => Ok(None),
        None => Err(EditError::Unknown(what, value.into())),
    }
}
