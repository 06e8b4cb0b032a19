//! The answer file as it is written, version 1: types of their own, so that the file format changes
//! only on purpose, and checked conversions to and from the domain types. Written with serde, read by
//! `read.rs`.
//! The JSON Schema `docs/answer-file.schema.json` describes exactly these types.

use crate::core::assessment::StoredReview;
use crate::core::assessment::{Answer, Assessment, ContentRef, Kind, Respondent};
use crate::core::dates::is_date;
use crate::core::limits::{MAX_LINE, MAX_TEXT};
use crate::core::logbook::WorkbookRecord;
use crate::core::register::{Risk, RiskRecord};
use crate::core::sort::{map, set};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Longest id accepted (a UUID has 36 characters).
const MAX_ID: usize = 64;
/// Longest item id (question numbers are a few characters).
const MAX_ITEM_ID: usize = 64;
/// Latest plausible time: year 2286, in milliseconds.
pub const MAX_TIME: i64 = 10_000_000_000_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnvelopeV1 {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// When the file was written, in milliseconds since the Unix epoch.
    pub exported: i64,
    /// The content pack of the app that wrote the file.
    pub content: WireContent,
    pub assessments: Vec<WireAssessment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireContent {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireRespondent {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireAssessment {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub subject: String,
    pub respondent: WireRespondent,
    pub created: i64,
    pub updated: i64,
    pub content: WireContent,
    pub answers: BTreeMap<String, WireAnswer>,
    pub notes: BTreeMap<String, String>,
    /// Format 2: a risk assessment's register, dismissed proposals and snapshots, when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskRecord>,
    /// Format 4: a workbook's route, check evidence, stage sign-off and decision log, when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workbook: Option<WorkbookRecord>,
    /// Format 7: the review (asked for, approvals with the content each approved, superseded), when
    /// it has any; kept as JSON, checked by `review::read` where it is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<serde_json::Value>,
    /// Format 7: the SHA-256 of the assessment's canonical content as written (see `fingerprint`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// An answer: `{"t": "level", "v": 3}`, `{"t": "dont_know"}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum WireAnswer {
    Level(u8),
    DontKnow,
    NotApplicable,
    Choice(String),
    Choices(Vec<String>),
    Text(String),
    Checked(bool),
}

/// A problem in a file's content, with where it is (a JSON path) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub problem: String,
}

impl WireAssessment {
    pub fn from_domain(a: &Assessment) -> WireAssessment {
        WireAssessment {
            id: a.id.clone(),
            kind: a.kind.id().to_string(),
            title: a.title.clone(),
            subject: a.subject.clone(),
            respondent: WireRespondent { name: a.respondent.name.clone(), role: a.respondent.role.clone() },
            created: a.created,
            updated: a.updated,
            content: WireContent { id: a.content.id.clone(), version: a.content.version.clone() },
            answers: map(a.answers.iter().map(|(k, v)| (k.clone(), WireAnswer::from_domain(v)))),
            notes: a.notes.clone(),
            risk: (!a.risk.is_empty()).then(|| a.risk.clone()),
            workbook: (!a.workbook.is_empty()).then(|| a.workbook.clone()),
            review: (!a.review.is_empty()).then(|| a.review.0.clone()),
            fingerprint: None,
        }
    }

    /// The assessment this describes, or the first problem found. `at` is its path in the file.
    pub fn to_domain(&self, at: &str) -> Result<Assessment, Invalid> {
        let invalid = |field: &str, problem: String| Invalid { path: format!("{at}.{field}"), problem };
        let bad = |field: &str, problem: String| Err(invalid(field, problem));
        if self.id.is_empty()
            || self.id.len() > MAX_ID
            || !self.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return bad(
                "id",
                format!("expected up to {MAX_ID} letters, digits, - or _, found \"{}\"", short(&self.id)),
            );
        }
        let Some(kind) = Kind::from_id(&self.kind) else {
            return bad(
                "kind",
                format!("expected readiness, risk or workbook, found \"{}\"", short(&self.kind)),
            );
        };
        for (field, text) in [
            ("title", &self.title),
            ("subject", &self.subject),
            ("respondent.name", &self.respondent.name),
            ("respondent.role", &self.respondent.role),
            ("content.id", &self.content.id),
            ("content.version", &self.content.version),
        ] {
            if text.chars().count() > MAX_LINE {
                return bad(
                    field,
                    format!("expected at most {MAX_LINE} characters, found {}", text.chars().count()),
                );
            }
        }
        for (field, t) in [("created", self.created), ("updated", self.updated)] {
            if !(0..=MAX_TIME).contains(&t) {
                return bad(field, format!("expected a time in milliseconds since 1970, found {t}"));
            }
        }
        let mut answers = BTreeMap::new();
        // Each path written only for a problem: a record holds hundreds of answers.
        for (item, answer) in &self.answers {
            let here = |p| invalid(&format!("answers.{item}"), p);
            check_item_id(item).map_err(here)?;
            answers.insert(item.clone(), answer.to_domain().map_err(here)?);
        }
        for (item, note) in &self.notes {
            let here = |p| invalid(&format!("notes.{item}"), p);
            check_item_id(item).map_err(here)?;
            if note.chars().count() > MAX_TEXT {
                return Err(here(format!("expected at most {MAX_TEXT} characters, found more")));
            }
        }
        Ok(Assessment {
            id: self.id.clone(),
            kind,
            title: self.title.clone(),
            subject: self.subject.clone(),
            respondent: Respondent { name: self.respondent.name.clone(), role: self.respondent.role.clone() },
            created: self.created,
            updated: self.updated,
            content: ContentRef { id: self.content.id.clone(), version: self.content.version.clone() },
            answers,
            notes: self.notes.clone(),
            revision: 0,
            deleted: None,
            risk: match &self.risk {
                Some(r) => check_risk(r).map_err(|(p, problem)| invalid(&format!("risk.{p}"), problem))?,
                None => RiskRecord::default(),
            },
            workbook: match &self.workbook {
                Some(w) => {
                    check_workbook(w).map_err(|(p, problem)| invalid(&format!("workbook.{p}"), problem))?
                }
                None => WorkbookRecord::default(),
            },
            review: StoredReview(self.review.clone().unwrap_or_default()),
        })
    }
}

impl WireAnswer {
    fn from_domain(a: &Answer) -> WireAnswer {
        match a {
            Answer::Level(l) => WireAnswer::Level(*l),
            Answer::DontKnow => WireAnswer::DontKnow,
            Answer::NotApplicable => WireAnswer::NotApplicable,
            Answer::Choice(c) => WireAnswer::Choice(c.clone()),
            Answer::Choices(c) => WireAnswer::Choices(c.clone()),
            Answer::Text(t) => WireAnswer::Text(t.clone()),
            Answer::Checked(c) => WireAnswer::Checked(*c),
        }
    }

    fn to_domain(&self) -> Result<Answer, String> {
        Ok(match self {
            WireAnswer::Level(l) if *l <= 4 => Answer::Level(*l),
            WireAnswer::Level(l) => return Err(format!("expected a level from 0 to 4, found {l}")),
            WireAnswer::DontKnow => Answer::DontKnow,
            WireAnswer::NotApplicable => Answer::NotApplicable,
            WireAnswer::Choice(c) => Answer::Choice(check_option(c)?),
            WireAnswer::Choices(cs) => {
                let unique = set(cs.iter());
                if unique.len() != cs.len() {
                    return Err("expected each option once, found one twice".into());
                }
                Answer::Choices(cs.iter().map(|c| check_option(c)).collect::<Result<_, _>>()?)
            }
            WireAnswer::Text(t) if t.chars().count() <= MAX_TEXT => Answer::Text(t.clone()),
            WireAnswer::Text(_) => return Err(format!("expected at most {MAX_TEXT} characters, found more")),
            WireAnswer::Checked(c) => Answer::Checked(*c),
        })
    }
}

fn check_item_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.chars().count() > MAX_ITEM_ID || id.chars().any(char::is_control) {
        return Err(format!("expected an item id of 1 to {MAX_ITEM_ID} characters, found \"{}\"", short(id)));
    }
    Ok(())
}

fn check_option(id: &str) -> Result<String, String> {
    check_item_id(id).map(|()| id.to_string())
}

/// At most 40 characters of a found value, for messages.
pub fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        text.chars().take(40).collect::<String>() + "…"
    } else {
        text.to_string()
    }
}

/// Checks a risk record's values: ids, ratings 0 to 5, dates, lengths. Returns it, or the path (below
/// `risk`) and the problem.
fn check_risk(r: &RiskRecord) -> Result<RiskRecord, (String, String)> {
    let list = |at: &str, risks: &[Risk]| -> Result<(), (String, String)> {
        let mut ids = BTreeSet::new();
        for (i, k) in risks.iter().enumerate() {
            let path = format!("{at}[{i}]");
            let fail = |field: &str, p: String| Err((format!("{path}.{field}"), p));
            // Letters, digits, - and _ only: ids become parts of element ids and of edit names.
            let safe = !k.id.is_empty()
                && k.id.len() <= 32
                && k.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !safe || !ids.insert(k.id.as_str()) {
                return fail(
                    "id",
                    format!(
                        "expected a unique risk id of up to 32 letters, digits, - or _, found \"{}\"",
                        short(&k.id)
                    ),
                );
            }
            for (field, n) in [
                ("likelihood", k.likelihood),
                ("severity", k.severity),
                ("residual_likelihood", k.residual_likelihood),
                ("residual_severity", k.residual_severity),
            ] {
                if n > 5 {
                    return fail(field, format!("expected a rating from 0 (not rated) to 5, found {n}"));
                }
            }
            let texts = [&k.template, &k.title, &k.stage, &k.decided_by];
            if texts.iter().any(|t| t.chars().count() > MAX_LINE)
                || [&k.description, &k.controls, &k.rationale].iter().any(|t| t.chars().count() > MAX_TEXT)
                || k.principles
                    .iter()
                    .chain(&k.rights)
                    .chain(&k.affected_groups)
                    .any(|t| t.chars().count() > MAX_LINE)
            {
                return fail("title", "expected shorter texts in this risk, found one too long".into());
            }
            for (j, m) in k.mitigations.iter().enumerate() {
                if !m.due.is_empty() && !is_date(&m.due) {
                    return fail(
                        &format!("mitigations[{j}].due"),
                        format!("expected a date such as 2026-12-31 or nothing, found \"{}\"", short(&m.due)),
                    );
                }
                if m.action.chars().count() > MAX_TEXT || m.owner.chars().count() > MAX_LINE {
                    return fail(
                        &format!("mitigations[{j}]"),
                        "expected shorter texts, found one too long".into(),
                    );
                }
            }
        }
        Ok(())
    };
    list("register", &r.register)?;
    let mut taken = BTreeSet::new();
    for (i, s) in r.snapshots.iter().enumerate() {
        if !taken.insert(s.taken) {
            return Err((
                format!("snapshots[{i}].taken"),
                format!("expected each snapshot's time once, found {} twice", s.taken),
            ));
        }
        if !(0..=MAX_TIME).contains(&s.taken) {
            return Err((
                format!("snapshots[{i}].taken"),
                format!("expected a time in milliseconds, found {}", s.taken),
            ));
        }
        list(&format!("snapshots[{i}].register"), &s.register)?;
    }
    for (template, reason) in &r.dismissed {
        check_item_id(template).map_err(|p| (format!("dismissed.{template}"), p))?;
        if reason.chars().count() > MAX_TEXT {
            return Err((format!("dismissed.{template}"), "expected a shorter reason, found more".into()));
        }
    }
    Ok(r.clone())
}

/// Checks a workbook record's values: ids, dates, lengths, one entry per id, supersession of
/// recorded entries only. Returns it, or the path (below `workbook`) and the problem.
fn check_workbook(w: &WorkbookRecord) -> Result<WorkbookRecord, (String, String)> {
    let long = |t: &[&String], max| t.iter().any(|t| t.chars().count() > max);
    let date = |t: &str| t.is_empty() || is_date(t);
    for (id, owner) in &w.owners {
        check_item_id(id).map_err(|p| (format!("owners.{id}"), p))?;
        if owner.chars().count() > MAX_LINE {
            return Err((format!("owners.{id}"), "expected a shorter owner, found more".into()));
        }
    }
    for (i, id) in w.complete.iter().enumerate() {
        check_item_id(id).map_err(|p| (format!("complete[{i}]"), p))?;
    }
    let mut stages = BTreeSet::new();
    for (i, o) in w.overrides.iter().enumerate() {
        check_item_id(&o.stage).map_err(|p| (format!("overrides[{i}].stage"), p))?;
        if !stages.insert(o.stage.as_str()) {
            return Err((
                format!("overrides[{i}].stage"),
                format!("expected one override per stage, found \"{}\" twice", short(&o.stage)),
            ));
        }
        if long(&[&o.by, &o.why], MAX_TEXT) {
            return Err((format!("overrides[{i}]"), "expected shorter texts, found one too long".into()));
        }
    }
    for (field, link) in [("linked", &w.linked), ("readiness", &w.readiness)] {
        let Some(l) = link else { continue };
        if l.id.is_empty()
            || l.id.len() > MAX_ID
            || !l.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err((
                format!("{field}.id"),
                format!("expected up to {MAX_ID} letters, digits, - or _, found \"{}\"", short(&l.id)),
            ));
        }
        if l.title.chars().count() > MAX_LINE {
            return Err((format!("{field}.title"), "expected a shorter title, found more".into()));
        }
    }
    let mut ids = BTreeSet::new();
    for (i, e) in w.log.iter().enumerate() {
        let fail = |field: &str, p: String| Err((format!("log[{i}].{field}"), p));
        let safe = !e.id.is_empty()
            && e.id.len() <= 32
            && e.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !safe || !ids.insert(e.id.as_str()) {
            return fail(
                "id",
                format!(
                    "expected a unique entry id of up to 32 letters, digits, - or _, found \"{}\"",
                    short(&e.id)
                ),
            );
        }
        check_item_id(&e.stage).map_err(|p| (format!("log[{i}].stage"), p))?;
        for (field, t) in [("date", &e.date), ("review_date", &e.review_date)] {
            if !date(t) {
                return fail(
                    field,
                    format!("expected a date such as 2026-12-31 or nothing, found \"{}\"", short(t)),
                );
            }
        }
        if long(&[&e.by, &e.role, &e.authority, &e.supersedes, &e.from], MAX_LINE)
            || long(&[&e.rationale, &e.evidence, &e.dissent], MAX_TEXT)
        {
            return fail("rationale", "expected shorter texts in this entry, found one too long".into());
        }
        if let Some(t) = e.recorded.filter(|t| !(0..=MAX_TIME).contains(t)) {
            return fail("recorded", format!("expected a time in milliseconds or null, found {t}"));
        }
        for (j, c) in e.conditions.iter().enumerate() {
            if !date(&c.due) {
                return fail(
                    &format!("conditions[{j}].due"),
                    format!("expected a date or nothing, found \"{}\"", short(&c.due)),
                );
            }
            if c.text.chars().count() > MAX_TEXT || c.owner.chars().count() > MAX_LINE {
                return fail(
                    &format!("conditions[{j}]"),
                    "expected shorter texts, found one too long".into(),
                );
            }
        }
    }
    fn field(key: &str) -> &str {
        match key.trim_start_matches("errors.missing_") {
            "condition" => "conditions",
            "condition_text" => "conditions[].text",
            name => name,
        }
    }
    let fields = |keys: &[&str]| keys.iter().map(|k| field(k)).collect::<Vec<_>>().join(", ");
    // What the editor guarantees of a recorded entry: complete, and replacing at most once an
    // earlier recorded entry.
    let mut replaced = BTreeSet::new();
    for (i, e) in w.log.iter().enumerate().filter(|(_, e)| e.recorded.is_some()) {
        let missing = crate::core::logbook::missing(e);
        if !missing.is_empty() {
            return Err((
                format!("log[{i}]"),
                // The technical detail stays in English: the fields by their names in the file.
                format!("expected a recorded entry to have {}, found none", fields(&missing)),
            ));
        }
        if e.supersedes.is_empty() {
            continue;
        }
        let old = w.log.iter().find(|x| x.id == e.supersedes && x.id != e.id && x.recorded.is_some());
        // Following what each entry replaced never comes back to it: a decision cannot replace
        // one that (through others) replaces it.
        let mut at = e.supersedes.as_str();
        let mut circular = false;
        for _ in 0..w.log.len() {
            match w.log.iter().find(|x| x.id == at && x.recorded.is_some()) {
                Some(x) if x.id == e.id => circular = true,
                Some(x) if !x.supersedes.is_empty() => at = x.supersedes.as_str(),
                _ => break,
            }
            if circular {
                break;
            }
        }
        if old.is_none() || circular || !replaced.insert(e.supersedes.as_str()) {
            return Err((
                format!("log[{i}].supersedes"),
                format!(
                    "expected another recorded entry, superseded once and never in a circle, found \"{}\"",
                    short(&e.supersedes)
                ),
            ));
        }
    }
    Ok(w.clone())
}
