//! What a life-cycle workbook keeps besides its answers: the route, check owners, stage sign-off and
//! the decision log. Stored and exported as these types (read back by `answer_file::read`); the rules
//! that change them are `core::workbook`'s.

use crate::core::register::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the agency gets the system: builds it, buys it, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Route {
    Build,
    Buy,
    Hybrid,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Build, Route::Buy, Route::Hybrid];

    pub fn id(self) -> &'static str {
        match self {
            Route::Build => "build",
            Route::Buy => "buy",
            Route::Hybrid => "hybrid",
        }
    }

    pub fn from_id(id: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// What was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Go,
    GoWithConditions,
    ChangeCourse,
    Defer,
    Stop,
}

impl Verdict {
    pub const ALL: [Verdict; 5] =
        [Verdict::Go, Verdict::GoWithConditions, Verdict::ChangeCourse, Verdict::Defer, Verdict::Stop];

    pub fn id(self) -> &'static str {
        match self {
            Verdict::Go => "go",
            Verdict::GoWithConditions => "go_with_conditions",
            Verdict::ChangeCourse => "change_course",
            Verdict::Defer => "defer",
            Verdict::Stop => "stop",
        }
    }

    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// An event that brings a decision back for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    NewModel,
    NewData,
    Incident,
    LawChange,
}

impl Trigger {
    pub const ALL: [Trigger; 4] =
        [Trigger::NewModel, Trigger::NewData, Trigger::Incident, Trigger::LawChange];

    pub fn id(self) -> &'static str {
        match self {
            Trigger::NewModel => "new_model",
            Trigger::NewData => "new_data",
            Trigger::Incident => "incident",
            Trigger::LawChange => "law_change",
        }
    }

    pub fn from_id(id: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The UI-string key of its name ("A new model version").
    pub fn key(self) -> &'static str {
        match self {
            Trigger::NewModel => "workbook.t_new_model",
            Trigger::NewData => "workbook.t_new_data",
            Trigger::Incident => "workbook.t_incident",
            Trigger::LawChange => "workbook.t_law_change",
        }
    }
}

/// Who let a stage be marked complete with a blocking check still open, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Override {
    pub stage: String,
    pub by: String,
    pub why: String,
}

impl Override {
    pub fn given(&self) -> bool {
        !self.by.trim().is_empty() && !self.why.trim().is_empty()
    }
}

/// A condition attached to a decision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Condition {
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub due: String,
    pub status: Status,
}

impl Condition {
    pub fn overdue(&self, today: &str) -> bool {
        self.status != Status::Done && !self.due.is_empty() && self.due.as_str() < today
    }
}

/// One entry of the decision log. A draft can be edited; once `recorded` it is locked (only its
/// conditions' status moves on) and can be superseded by a later entry that names it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// `D1`, `D2`…: one more than the highest in the log.
    pub id: String,
    pub stage: String,
    pub verdict: Option<Verdict>,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub by: String,
    pub role: String,
    /// The authority the decision was taken under.
    pub authority: String,
    pub rationale: String,
    /// Documents, risk ids and snapshots relied on, one per line.
    pub evidence: String,
    /// Any dissent, and why it was not followed.
    pub dissent: String,
    pub conditions: Vec<Condition>,
    /// The next review: a date, an event, or both.
    pub review_date: String,
    pub review_event: Option<Trigger>,
    /// When it was recorded (milliseconds); `None` while a draft.
    pub recorded: Option<i64>,
    /// The entry this one replaces; empty for none.
    pub supersedes: String,
    /// Whose file it came from when workbooks were merged ("Ben Ode, D2"); empty otherwise.
    /// Format 5; left out of files when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
}

/// An assessment a workbook is linked to, by its id in the library; its title as it was when linked
/// names it when it is not in this browser.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Linked {
    pub id: String,
    pub title: String,
}

/// Everything a workbook keeps that is not an answer or a note (a check's note is its evidence, or
/// why it does not apply).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkbookRecord {
    pub route: Option<Route>,
    /// The role that owns a check, where the team named one (by check id).
    pub owners: BTreeMap<String, String>,
    /// The stages marked complete, by id.
    pub complete: Vec<String>,
    /// Overrides of open blocking checks, one per stage at most.
    pub overrides: Vec<Override>,
    pub log: Vec<Entry>,
    /// The risk assessment linked to it, if any. Format 5; left out of files when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked: Option<Linked>,
    /// The agency's readiness assessment linked to it, if any. Format 5; left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<Linked>,
}

impl WorkbookRecord {
    /// The next review a recorded decision that nothing recorded supersedes asks for: the earliest
    /// date, with its entry.
    pub fn next_review(&self) -> Option<(&Entry, &str)> {
        let superseded = |id: &str| self.log.iter().any(|e| e.recorded.is_some() && e.supersedes == id);
        self.log
            .iter()
            .filter(|e| e.recorded.is_some() && !superseded(&e.id) && !e.review_date.is_empty())
            .map(|e| (e, e.review_date.as_str()))
            .min_by(|x, y| x.1.cmp(y.1))
    }

    pub fn is_empty(&self) -> bool {
        self.route.is_none()
            && self.owners.is_empty()
            && self.complete.is_empty()
            && self.overrides.is_empty()
            && self.log.is_empty()
            && self.linked.is_none()
            && self.readiness.is_none()
    }

    /// The override recorded for a stage, if any.
    pub fn override_of(&self, stage: &str) -> Option<&Override> {
        self.overrides.iter().find(|o| o.stage == stage)
    }

    pub fn is_complete(&self, stage: &str) -> bool {
        self.complete.iter().any(|s| s == stage)
    }
}

/// What an entry lacks before it can be recorded, as UI-string keys (`errors.missing_*`).
pub fn missing(e: &Entry) -> Vec<&'static str> {
    let mut out = Vec::new();
    if e.verdict.is_none() {
        out.push("errors.missing_verdict");
    }
    if e.date.is_empty() {
        out.push("errors.missing_date");
    }
    if e.by.trim().is_empty() {
        out.push("errors.missing_by");
    }
    if e.rationale.trim().is_empty() {
        out.push("errors.missing_rationale");
    }
    if e.verdict == Some(Verdict::GoWithConditions) && e.conditions.is_empty() {
        out.push("errors.missing_condition");
    }
    if e.conditions.iter().any(|c| c.text.trim().is_empty()) {
        out.push("errors.missing_condition_text");
    }
    out
}
