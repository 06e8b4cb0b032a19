//! The life-cycle workbook of one AI system, in the pure core: which stages apply to the route the
//! team chose (build, buy or both), what a stage needs before it can be called complete, and the
//! decision log whose recorded entries are never changed, only superseded.
//!
//! Prompt answers and check states are answers like any tool's (`answers[W1.1]` is the text,
//! `answers[W1.C1]` the state), so progress, compare and merge read them as they read the others;
//! what only the workbook has (a check's evidence, stage sign-off, the log) is [`WorkbookRecord`].

pub mod control;
pub mod edit;
pub mod event;
pub mod link;
pub mod merge;

pub use crate::core::logbook::{Condition, Entry, Linked, Override, Route, Trigger, Verdict, WorkbookRecord};

use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{Check, Pack, WorkbookStage};
use crate::core::register::Status;

/// What a check's answer says: done, not done, or not applicable (which needs a reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    Done,
    NotDone,
    NotApplicable,
}

impl CheckState {
    pub const ALL: [CheckState; 3] = [CheckState::Done, CheckState::NotDone, CheckState::NotApplicable];

    pub fn id(self) -> &'static str {
        match self {
            CheckState::Done => "done",
            CheckState::NotDone => "not_done",
            CheckState::NotApplicable => "na",
        }
    }

    pub fn from_id(id: &str) -> Option<CheckState> {
        CheckState::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The check's state as stored (`Answer::Choice("done")`); `None` while open.
    pub fn of(a: &Assessment, check: &str) -> Option<CheckState> {
        match a.answers.get(check) {
            Some(Answer::Choice(c)) => CheckState::from_id(c),
            _ => None,
        }
    }
}

/// Whether a stage is on the route chosen. With no route yet, every stage is shown; building skips
/// procurement, buying skips design, a hybrid system goes through both.
pub fn applies(stage: &str, route: Option<Route>) -> bool {
    !matches!((stage, route), ("procure", Some(Route::Build)) | ("design", Some(Route::Buy)))
}

/// The workbook's stages on the route, in content order.
pub fn stages<'p>(pack: &'p Pack, a: &Assessment) -> Vec<&'p WorkbookStage> {
    pack.workbook.stages.iter().filter(|s| applies(&s.stage, a.workbook.route)).collect()
}

/// A check that counts as settled: done, or not applicable with the reason given (its note).
pub fn settled(a: &Assessment, check: &Check) -> bool {
    match CheckState::of(a, &check.id) {
        Some(CheckState::Done) => true,
        Some(CheckState::NotApplicable) => {
            a.notes.get(check.id.as_ref()).is_some_and(|n| !n.trim().is_empty())
        }
        _ => false,
    }
}

/// The blocking checks of a stage that are not settled, in content order.
pub fn open_blocking<'p>(a: &Assessment, stage: &'p WorkbookStage) -> Vec<&'p Check> {
    stage.checks.iter().filter(|c| c.blocking && !settled(a, c)).collect()
}

/// How far a stage has got: prompts answered, checks settled, of how many; and whether it is
/// marked complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: usize,
    pub prompts: usize,
    pub settled: usize,
    pub checks: usize,
    pub complete: bool,
}

impl Progress {
    /// Items done of all items, as a whole percentage.
    pub fn percent(&self) -> u32 {
        let total = self.prompts + self.checks;
        if total == 0 {
            return 0;
        }
        ((self.answered + self.settled) * 100 / total) as u32
    }
}

pub fn progress(a: &Assessment, stage: &WorkbookStage) -> Progress {
    let answered = stage
        .prompts
        .iter()
        .filter(|p| matches!(a.answers.get(p.id.as_ref()), Some(Answer::Text(t)) if !t.trim().is_empty()))
        .count();
    Progress {
        answered,
        prompts: stage.prompts.len(),
        settled: stage.checks.iter().filter(|c| settled(a, c)).count(),
        checks: stage.checks.len(),
        complete: a.workbook.is_complete(&stage.stage),
    }
}

/// What is kept for stages off the route (prompts and checks with an answer, a note or an owner, and
/// log entries): counted and shown, never deleted.
pub fn set_aside(pack: &Pack, a: &Assessment) -> usize {
    pack.workbook
        .stages
        .iter()
        .filter(|s| !applies(&s.stage, a.workbook.route))
        .map(|s| {
            let items = s.prompts.iter().map(|p| &p.id).chain(s.checks.iter().map(|c| &c.id));
            let kept = |id: &&crate::core::content::model::Text| {
                a.answers.contains_key(id.as_ref())
                    || a.notes.contains_key(id.as_ref())
                    || a.workbook.owners.contains_key(id.as_ref())
            };
            items.filter(kept).count() + a.workbook.log.iter().filter(|e| e.stage == s.stage).count()
        })
        .sum()
}

/// A condition of a recorded decision that needs attention on `today`: open and past its due date,
/// or without an owner.
pub fn attention<'a>(a: &'a Assessment, today: &str) -> Vec<(&'a Entry, &'a Condition)> {
    a.workbook
        .log
        .iter()
        .filter(|e| e.recorded.is_some() && superseded_by(a, &e.id).is_none())
        .flat_map(|e| e.conditions.iter().map(move |c| (e, c)))
        .filter(|(_, c)| c.status != Status::Done && (c.owner.trim().is_empty() || c.overdue(today)))
        .collect()
}

/// The recorded entry that supersedes `id`, if any: only a recorded entry supersedes.
pub fn superseded_by<'a>(a: &'a Assessment, id: &str) -> Option<&'a Entry> {
    a.workbook.log.iter().find(|e| e.recorded.is_some() && e.supersedes == id)
}

/// The log in the order of its decisions: by date, then by when it was recorded, drafts last.
pub fn timeline(a: &Assessment) -> Vec<&Entry> {
    let mut out: Vec<&Entry> = a.workbook.log.iter().collect();
    crate::core::sort::by(&mut out, |x, y| {
        let key = |e: &Entry| (e.recorded.is_none(), e.date.clone(), e.recorded.unwrap_or(0));
        key(x).cmp(&key(y))
    });
    out
}

/// The next review a recorded, current decision asks for: the earliest date, and the events named.
pub fn next_review(a: &Assessment) -> Option<(&Entry, &str)> {
    a.workbook.next_review()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
