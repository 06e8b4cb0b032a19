//! Every change a user makes to a workbook, as a typed value, and [`apply`], the one function that
//! makes it on the app's draft. A recorded log entry refuses every edit but its conditions' status.

use super::control::{Action, CheckField, Control, EntryField, Focus, StageField};
use super::{open_blocking, CheckState, Condition, Entry, Linked, Override, Route, Trigger, Verdict};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{Pack, WorkbookStage};
use crate::core::dates::is_date;
pub use crate::core::input::Save;
use crate::core::limits::{self, TooLong};
use crate::core::register::Status;
use std::fmt;

/// A text field of a log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryText {
    By,
    Role,
    Authority,
    Rationale,
    Evidence,
    Dissent,
    /// A date, `YYYY-MM-DD` or empty.
    Date,
    ReviewDate,
}

/// A text field of a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionText {
    Text,
    Owner,
    Due,
}

/// One change to a workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Route(Option<Route>),
    /// The risk assessment of the same system, or none.
    Link(Option<Linked>),
    /// The agency's readiness assessment, or none.
    LinkReadiness(Option<Linked>),
    /// A prompt's answer; empty text removes it.
    Prompt {
        prompt: String,
        text: String,
    },
    /// A check's state; `None` opens it again.
    Check {
        check: String,
        state: Option<CheckState>,
    },
    CheckText {
        check: String,
        field: CheckField,
        text: String,
    },
    /// Who overrode an open blocking check, or why (`field` is `By` or `Why`).
    Override {
        stage: String,
        field: StageField,
        text: String,
    },
    Complete {
        stage: String,
        on: bool,
    },
    /// A new draft entry dated `today`.
    AddEntry {
        stage: String,
        today: String,
    },
    EntryText {
        entry: String,
        field: EntryText,
        text: String,
    },
    Verdict {
        entry: String,
        verdict: Option<Verdict>,
    },
    Trigger {
        entry: String,
        trigger: Option<Trigger>,
    },
    AddCondition {
        entry: String,
    },
    RemoveCondition {
        entry: String,
        index: usize,
    },
    ConditionText {
        entry: String,
        index: usize,
        field: ConditionText,
        text: String,
    },
    /// Allowed on a recorded entry too: following a condition up does not change the decision.
    ConditionStatus {
        entry: String,
        index: usize,
        status: Status,
    },
    Record {
        entry: String,
        now: i64,
    },
    /// A draft replacing a recorded entry, dated `today`.
    Supersede {
        entry: String,
        today: String,
    },
    DeleteDraft {
        entry: String,
    },
}

/// An edit that cannot be made, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A value no control of the workbook offers: what kind of thing, and the value.
    Unknown(&'static str, String),
    NotADate(String),
    /// A recorded entry: it can only be superseded.
    Locked(String),
    /// Blocking checks still open, and no override recorded.
    Blocked(Vec<String>),
    /// What an entry lacks before it can be recorded.
    Incomplete(String, Vec<&'static str>),
    AlreadySuperseded(String),
    NotConfirmed,
    TooLong(TooLong),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::content::{t, t_with};
        let text = match self {
            EditError::Unknown(what, x) => t_with("errors.unknown", &[("what", t(what)), ("value", x)]),
            EditError::NotADate(x) => t_with(
                "errors.not_a_date_between",
                &[("value", x), ("first", &YEARS.start().to_string()), ("last", &YEARS.end().to_string())],
            ),
            EditError::Locked(e) => t_with("errors.locked", &[("entry", e)]),
            EditError::Blocked(checks) => {
                t_with("errors.blocked", &[("checks", &checks.join(t("errors.list_separator")))])
            }
            EditError::Incomplete(e, missing) => {
                let missing: Vec<&str> = missing.iter().map(|key| t(key)).collect();
                t_with(
                    "errors.incomplete",
                    &[("entry", e), ("missing", &missing.join(t("errors.list_separator")))],
                )
            }
            EditError::AlreadySuperseded(e) => t_with("errors.already_superseded", &[("entry", e)]),
            EditError::NotConfirmed => t("errors.not_confirmed").into(),
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

/// What to draw again after an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draw {
    /// Nothing: the control shows the change already (typing).
    Nothing,
    /// A stage's progress line and the overview (a prompt answered, a reason given).
    Summary(String),
    /// One check in place (stage, check), its stage's progress line and the overview.
    Check(String, String),
    /// A stage in place, and the overview.
    Stage(String),
    /// The whole workbook (the route changes which stages are shown).
    All,
    /// The risks a decision cites, in place (its evidence was left), by entry id.
    Cited(String),
}

impl Draw {
    /// As the tools module tells the app: `nothing`, `all`, `stage:{id}`, `summary:{id}`.
    pub fn wire(&self) -> String {
        match self {
            Draw::Nothing => "nothing".into(),
            Draw::All => "all".into(),
            Draw::Stage(id) => format!("stage:{id}"),
            Draw::Summary(id) => format!("summary:{id}"),
            Draw::Check(stage, check) => format!("check:{stage}:{check}"),
            Draw::Cited(entry) => format!("cited:{entry}"),
        }
    }

    pub fn from_wire(s: &str) -> Option<Draw> {
        Some(match s.split_once(':') {
            None if s == "nothing" => Draw::Nothing,
            None if s == "all" => Draw::All,
            Some(("stage", id)) => Draw::Stage(id.into()),
            Some(("summary", id)) => Draw::Summary(id.into()),
            Some(("cited", id)) => Draw::Cited(id.into()),
            Some(("check", rest)) => {
                let (stage, check) = rest.split_once(':')?;
                Draw::Check(stage.into(), check.into())
            }
            _ => return None,
        })
    }
}

/// What the view does after an edit was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub save: Save,
    pub draw: Draw,
    pub focus: Option<Focus>,
}

fn typed() -> Applied {
    Applied { save: Save::Soon, draw: Draw::Nothing, focus: None }
}

fn now(draw: Draw, focus: Option<Focus>) -> Applied {
    Applied { save: Save::Now, draw, focus }
}

/// The stage a prompt or check belongs to.
pub fn stage_of<'p>(pack: &'p Pack, item: &str) -> Option<&'p WorkbookStage> {
    pack.workbook
        .stages
        .iter()
        .find(|s| s.prompts.iter().any(|p| p.id == item) || s.checks.iter().any(|c| c.id == item))
}

fn stage<'p>(pack: &'p Pack, id: &str) -> Result<&'p WorkbookStage, EditError> {
    pack.workbook
        .stages
        .iter()
        .find(|s| s.stage == id)
        .ok_or_else(|| EditError::Unknown("errors.what_stage", id.into()))
}

/// The next free entry id: `D` and one more than the highest used, the review (approved copies,
/// comments, restricted marks) included, so a removed draft decision's id is never given to another.
pub fn next_id(a: &Assessment) -> String {
    let num = |e: &Entry| e.id.strip_prefix('D').and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
    let top = a.workbook.log.iter().map(num).max().unwrap_or(0).max(a.review.highest_id('D'));
    format!("D{}", top.saturating_add(1))
}

fn entry_mut<'a>(a: &'a mut Assessment, id: &str) -> Result<&'a mut Entry, EditError> {
    a.workbook
        .log
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| EditError::Unknown("errors.what_decision", id.into()))
}

/// A draft entry, for an edit only drafts take.
fn draft_mut<'a>(a: &'a mut Assessment, id: &str) -> Result<&'a mut Entry, EditError> {
    let e = entry_mut(a, id)?;
    if e.recorded.is_some() {
        return Err(EditError::Locked(id.into()));
    }
    Ok(e)
}

fn condition_mut(e: &mut Entry, index: usize) -> Result<&mut Condition, EditError> {
    let id = format!("{} {}", e.id, index.saturating_add(1));
    e.conditions.get_mut(index).ok_or(EditError::Unknown("errors.what_condition", id))
}

/// The years a decision, review or condition can plausibly be dated in; the date fields offer these.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2199;

fn date(text: &str) -> Result<(), EditError> {
    let year = text.get(..4).and_then(|y| y.parse::<u16>().ok()).unwrap_or(0);
    if text.is_empty() || (is_date(text) && YEARS.contains(&year)) {
        Ok(())
    } else {
        Err(EditError::NotADate(text.into()))
    }
}

pub use crate::core::logbook::missing;

/// Applies one edit to the assessment; on an error nothing has changed.
pub fn apply(pack: &Pack, a: &mut Assessment, edit: &Edit) -> Result<Applied, EditError> {
    let mut done = make(pack, a, edit)?;
    // A stage marked complete stays so only while its rule holds: a blocking check opened again, or
    // an override erased, takes the mark off, and the stage is drawn again to show it.
    let undone: Vec<String> = pack
        .workbook
        .stages
        .iter()
        .filter(|st| a.workbook.is_complete(&st.stage))
        .filter(|st| {
            !open_blocking(a, st).is_empty()
                && !a.workbook.override_of(&st.stage).is_some_and(Override::given)
        })
        .map(|st| st.stage.to_string())
        .collect();
    if let Some(stage) = undone.first() {
        a.workbook.complete.retain(|x| !undone.contains(x));
        done.save = Save::Now;
        if matches!(&done.draw, Draw::Nothing | Draw::Summary(_) | Draw::Check(..)) {
            done.draw = Draw::Stage(stage.clone());
        }
    }
    Ok(done)
}

fn make(pack: &Pack, a: &mut Assessment, edit: &Edit) -> Result<Applied, EditError> {
    // A prompt's id for a prompt edit, a check's for a check edit: the stage it belongs to.
    let of = |item: &str, what| {
        let st = stage_of(pack, item).filter(|s| {
            if what == "errors.what_prompt" {
                s.prompts.iter().any(|p| p.id == item)
            } else {
                s.checks.iter().any(|c| c.id == item)
            }
        });
        st.map(|s| s.stage.to_string()).ok_or_else(|| EditError::Unknown(what, item.into()))
    };
    Ok(match edit {
        Edit::Route(route) => {
            a.workbook.route = *route;
            let chosen = route.map_or("", Route::id).to_string();
            now(Draw::All, Some(Focus::Option(Control::Route, chosen)))
        }
        Edit::Link(linked) => {
            a.workbook.linked.clone_from(linked);
            now(Draw::All, Some(Focus::Control(Control::Link)))
        }
        Edit::LinkReadiness(linked) => {
            a.workbook.readiness.clone_from(linked);
            now(Draw::All, Some(Focus::Control(Control::LinkReadiness)))
        }
        Edit::Prompt { prompt, text } => {
            of(prompt, "errors.what_prompt")?;
            limits::text(text)?;
            if text.is_empty() {
                a.answers.remove(prompt.as_str());
            } else {
                a.answers.insert(prompt.clone(), Answer::Text(text.clone()));
            }
            typed()
        }
        Edit::Check { check, state } => {
            let stage = of(check, "errors.what_check")?;
            match state {
                Some(s) => a.answers.insert(check.clone(), Answer::Choice(s.id().into())),
                None => a.answers.remove(check.as_str()),
            };
            let focus = Focus::Option(
                Control::Check(check.clone(), CheckField::State),
                state.map_or("", CheckState::id).into(),
            );
            now(Draw::Check(stage, check.clone()), Some(focus))
        }
        Edit::CheckText { check, field, text } => {
            of(check, "errors.what_check")?;
            // The note is the evidence relied on, or why the check does not apply.
            let map = match field {
                CheckField::Note => &mut a.notes,
                CheckField::Owner => &mut a.workbook.owners,
                CheckField::State => {
                    return Err(EditError::Unknown("errors.what_check_field", "state".into()))
                }
            };
            match field {
                CheckField::Owner => limits::line(text)?,
                _ => limits::text(text)?,
            }
            if text.is_empty() {
                map.remove(check.as_str());
            } else {
                map.insert(check.clone(), text.clone());
            }
            typed()
        }
        Edit::Override { stage: id, field, text } => {
            stage(pack, id)?;
            limits::text(text)?;
            let list = &mut a.workbook.overrides;
            let k = match list.iter().position(|o| o.stage == *id) {
                Some(k) => k,
                None => {
                    list.push(Override { stage: id.clone(), ..Override::default() });
                    list.len() - 1
                }
            };
            match field {
                StageField::By => list[k].by.clone_from(text),
                StageField::Why => list[k].why.clone_from(text),
                StageField::Complete => {
                    return Err(EditError::Unknown("errors.what_stage_field", "complete".into()))
                }
            }
            if list[k].by.is_empty() && list[k].why.is_empty() {
                list.remove(k);
            }
            typed()
        }
        Edit::Complete { stage: id, on } => {
            let s = stage(pack, id)?;
            let open: Vec<String> = open_blocking(a, s).iter().map(|c| c.id.to_string()).collect();
            let given = a.workbook.override_of(id).is_some_and(Override::given);
            if *on && !open.is_empty() && !given {
                return Err(EditError::Blocked(open));
            }
            a.workbook.complete.retain(|x| x != id);
            if *on {
                a.workbook.complete.push(id.clone());
            }
            let focus = Control::Stage(id.clone(), StageField::Complete);
            now(Draw::Stage(id.clone()), Some(Focus::Control(focus)))
        }
        Edit::AddEntry { stage: id, today } => {
            stage(pack, id)?;
            let entry = next_id(a);
            a.workbook.log.push(Entry {
                id: entry.clone(),
                stage: id.clone(),
                date: today.clone(),
                ..Entry::default()
            });
            now(Draw::Stage(id.clone()), Some(Focus::Control(Control::Entry(entry, EntryField::Verdict))))
        }
        Edit::EntryText { entry, field, text } => {
            match field {
                EntryText::Date | EntryText::ReviewDate => date(text)?,
                EntryText::Rationale | EntryText::Evidence | EntryText::Dissent => limits::text(text)?,
                _ => limits::line(text)?,
            }
            let e = draft_mut(a, entry)?;
            match field {
                EntryText::By => &mut e.by,
                EntryText::Role => &mut e.role,
                EntryText::Authority => &mut e.authority,
                EntryText::Rationale => &mut e.rationale,
                EntryText::Evidence => &mut e.evidence,
                EntryText::Dissent => &mut e.dissent,
                EntryText::Date => &mut e.date,
                EntryText::ReviewDate => &mut e.review_date,
            }
            .clone_from(text);
            typed()
        }
        Edit::Verdict { entry, verdict } => {
            let e = draft_mut(a, entry)?;
            e.verdict = *verdict;
            // The entry's heading names the decision.
            now(Draw::Stage(e.stage.clone()), None)
        }
        Edit::Trigger { entry, trigger } => {
            draft_mut(a, entry)?.review_event = *trigger;
            now(Draw::Nothing, None)
        }
        Edit::AddCondition { entry } => {
            let e = draft_mut(a, entry)?;
            e.conditions.push(Condition::default());
            let k = e.conditions.len() - 1;
            let focus = Control::Condition(entry.clone(), k, super::control::ConditionField::Text);
            now(Draw::Stage(e.stage.clone()), Some(Focus::Control(focus)))
        }
        Edit::RemoveCondition { entry, index } => {
            let e = draft_mut(a, entry)?;
            condition_mut(e, *index)?;
            e.conditions.remove(*index);
            now(Draw::Stage(e.stage.clone()), Some(Focus::Button(Action::AddCondition(entry.clone()))))
        }
        Edit::ConditionText { entry, index, field, text } => {
            match field {
                ConditionText::Due => date(text)?,
                ConditionText::Text => limits::text(text)?,
                ConditionText::Owner => limits::line(text)?,
            }
            let c = condition_mut(draft_mut(a, entry)?, *index)?;
            match field {
                ConditionText::Text => &mut c.text,
                ConditionText::Owner => &mut c.owner,
                ConditionText::Due => &mut c.due,
            }
            .clone_from(text);
            typed()
        }
        Edit::ConditionStatus { entry, index, status } => {
            let e = entry_mut(a, entry)?;
            condition_mut(e, *index)?.status = *status;
            // Drawn again: a condition done is no longer flagged overdue.
            now(Draw::Stage(e.stage.clone()), None)
        }
        Edit::Record { entry, now: at } => {
            let e = draft_mut(a, entry)?;
            let lacking = missing(e);
            if !lacking.is_empty() {
                return Err(EditError::Incomplete(entry.clone(), lacking));
            }
            let (old, stage) = (e.supersedes.clone(), e.stage.clone());
            if !old.is_empty() && super::superseded_by(a, &old).is_some() {
                return Err(EditError::AlreadySuperseded(old));
            }
            draft_mut(a, entry)?.recorded = Some(*at);
            now(Draw::Stage(stage), Some(Focus::Entry(entry.clone())))
        }
        Edit::Supersede { entry, today } => {
            let old = entry_mut(a, entry)?.clone();
            if old.recorded.is_none() {
                return Err(EditError::Unknown("errors.what_recorded_decision", entry.clone()));
            }
            if super::superseded_by(a, entry).is_some()
                || a.workbook.log.iter().any(|e| e.supersedes == *entry)
            {
                return Err(EditError::AlreadySuperseded(entry.clone()));
            }
            let id = next_id(a);
            a.workbook.log.push(Entry {
                id: id.clone(),
                date: today.clone(),
                recorded: None,
                supersedes: entry.clone(),
                // Written here, not merged in.
                from: String::new(),
                ..old.clone()
            });
            now(Draw::Stage(old.stage), Some(Focus::Entry(id)))
        }
        Edit::DeleteDraft { entry } => {
            let stage = draft_mut(a, entry)?.stage.clone();
            a.workbook.log.retain(|e| e.id != *entry);
            now(Draw::Stage(stage.clone()), Some(Focus::Button(Action::AddEntry(stage))))
        }
    })
}
