//! Reading a review carried as JSON (an answer file's or a stored record's `review`) with the
//! answer-file reader's rules: every field checked, each approved copy read as an assessment of
//! the same id and kind, the problem named with its path. Used where a record enters the tools
//! module and where a file is opened (`render`); the app's first load carries none of it.

use super::comments::{is_id, is_target, Comment, MAX_COMMENT, MAX_COMMENTS};
use super::history::{Entry, Summary, MAX_VALUE_JSON};
use super::{Approval, Next, Public, Review, Stamp, Superseded, MAX_APPROVALS};
use crate::core::answer_file::read::{
    assessment, int, join, list, object, object_with, problem, small, text, text_fields, Result,
};
use crate::core::answer_file::{short, Invalid, WireAssessment, MAX_TIME};
use crate::core::assessment::Kind;
use crate::core::dates::is_date;
use crate::core::limits::{MAX_LINE, MAX_TEXT};
use crate::core::logbook::Trigger;
use serde_json::Value;

/// An assessment's review as written: the domain's, with each approved copy in the file's own form.
#[derive(Debug, Clone, PartialEq)]
struct WireReview {
    requested: Option<Stamp>,
    changes: Option<Stamp>,
    approvals: Vec<WireApproval>,
    superseded: Option<Superseded>,
    comments: Vec<Comment>,
    next: Option<Next>,
    restricted: Vec<String>,
    public: Option<Public>,
    history: Vec<Entry>,
    summary: Option<Summary>,
}

#[derive(Debug, Clone, PartialEq)]
struct WireApproval {
    version: u32,
    by: String,
    role: String,
    date: String,
    statement: String,
    conditions: String,
    recorded: i64,
    fingerprint: String,
    content: Option<Box<WireAssessment>>,
}

/// Reads and checks a review carried as JSON (`v`) by the assessment `owner` of `kind` with the
/// answer-file reader's rules; `at` is its path, for the problem.
pub fn read(v: &Value, owner: &str, kind: Kind, at: &str) -> std::result::Result<Review, Invalid> {
    if v.is_null() {
        return Ok(Review::default());
    }
    let wire = review(v, at).map_err(|p| Invalid { path: p.path, problem: p.problem })?;
    wire.to_domain(owner, kind, at)
}

/// The most approvals a file may record for one assessment (with or without their copies).
const MAX_APPROVAL_RECORDS: usize = 1_000;

impl WireReview {
    /// The review this describes, for the assessment `owner` (kind `kind`), or the path below
    /// `review` and the problem.
    fn to_domain(&self, owner: &str, kind: Kind, at: &str) -> std::result::Result<Review, Invalid> {
        let bad = |field: String, problem: String| Invalid { path: format!("{at}.{field}"), problem };
        let line = |field: &str, text: &str| -> std::result::Result<(), Invalid> {
            if text.chars().count() > MAX_LINE {
                return Err(bad(field.into(), format!("expected at most {MAX_LINE} characters, found more")));
            }
            Ok(())
        };
        let long = |field: &str, text: &str| -> std::result::Result<(), Invalid> {
            if text.chars().count() > MAX_TEXT {
                return Err(bad(field.into(), format!("expected at most {MAX_TEXT} characters, found more")));
            }
            Ok(())
        };
        let time = |field: &str, t: i64| -> std::result::Result<(), Invalid> {
            if !(0..=MAX_TIME).contains(&t) {
                return Err(bad(
                    field.into(),
                    format!("expected a time in milliseconds since 1970, found {t}"),
                ));
            }
            Ok(())
        };
        if self.requested.is_some() && self.changes.is_some() {
            let problem = "a review cannot be asked for and sent back for changes at once: keep one";
            return Err(bad("changes".into(), problem.into()));
        }
        for (name, stamp) in [("requested", &self.requested), ("changes", &self.changes)] {
            if let Some(r) = stamp {
                line(&format!("{name}.by"), &r.by)?;
                line(&format!("{name}.role"), &r.role)?;
                time(&format!("{name}.at"), r.at)?;
            }
        }
        if let Some(s) = &self.superseded {
            line("superseded.by", &s.by)?;
            line("superseded.role", &s.role)?;
            time("superseded.at", s.at)?;
            long("superseded.note", &s.note)?;
        }
        if self.approvals.len() > MAX_APPROVAL_RECORDS {
            return Err(bad(
                "approvals".into(),
                format!("expected at most {MAX_APPROVAL_RECORDS} approvals, found more"),
            ));
        }
        if self.approvals.iter().filter(|p| p.content.is_some()).count() > MAX_APPROVALS {
            return Err(bad(
                "approvals".into(),
                format!("expected at most {MAX_APPROVALS} approved copies, found more"),
            ));
        }
        let mut approvals = Vec::with_capacity(self.approvals.len());
        let mut last = 0;
        for (i, p) in self.approvals.iter().enumerate() {
            let field = |f: &str| format!("approvals[{i}].{f}");
            if p.version <= last {
                return Err(bad(
                    field("version"),
                    format!("expected a version above {last}, found {}", p.version),
                ));
            }
            last = p.version;
            line(&field("by"), &p.by)?;
            line(&field("role"), &p.role)?;
            if !is_date(&p.date) {
                return Err(bad(
                    field("date"),
                    format!("expected a date as YYYY-MM-DD, found \"{}\"", short(&p.date)),
                ));
            }
            long(&field("statement"), &p.statement)?;
            long(&field("conditions"), &p.conditions)?;
            time(&field("recorded"), p.recorded)?;
            if p.fingerprint.len() > 100 {
                return Err(bad(
                    field("fingerprint"),
                    "expected a fingerprint such as sha256:…, found a longer text".into(),
                ));
            }
            let content = match &p.content {
                None => None,
                Some(c) => {
                    let path = format!("{at}.{}", field("content"));
                    if c.review.is_some() {
                        return Err(Invalid {
                            path,
                            problem: "expected an approved copy without a review of its own, found one"
                                .into(),
                        });
                    }
                    let copy = c.to_domain(&path)?;
                    if copy.id != owner || copy.kind != kind {
                        return Err(Invalid {
                            path,
                            problem: "expected a copy of this same assessment, found another".into(),
                        });
                    }
                    Some(Box::new(copy))
                }
            };
            approvals.push(Approval {
                version: p.version,
                by: p.by.clone(),
                role: p.role.clone(),
                date: p.date.clone(),
                statement: p.statement.clone(),
                conditions: p.conditions.clone(),
                recorded: p.recorded,
                fingerprint: p.fingerprint.clone(),
                content,
            });
        }
        if self.comments.len() > MAX_COMMENTS {
            return Err(bad(
                "comments".into(),
                format!("expected at most {MAX_COMMENTS} comments, found more"),
            ));
        }
        for (i, c) in self.comments.iter().enumerate() {
            let field = |f: &str| format!("comments[{i}].{f}");
            if !is_id(&c.id) {
                return Err(bad(
                    field("id"),
                    format!("expected 1 to 40 letters, digits, - or _, found \"{}\"", short(&c.id)),
                ));
            }
            if self.comments[..i].iter().any(|d| d.id == c.id) {
                return Err(bad(
                    field("id"),
                    format!("expected each comment once, found \"{}\" twice", short(&c.id)),
                ));
            }
            if !is_target(&c.on) {
                return Err(bad(
                    field("on"),
                    format!(
                        "expected an item's id (letters, digits, ., - or _; at most 64), found \"{}\"",
                        short(&c.on)
                    ),
                ));
            }
            line(&field("by"), &c.by)?;
            line(&field("role"), &c.role)?;
            time(&field("at"), c.at)?;
            if c.text.chars().count() > MAX_COMMENT {
                return Err(bad(
                    field("text"),
                    format!("expected at most {MAX_COMMENT} characters, found more"),
                ));
            }
            for (name, stamp) in [("resolved", &c.resolved), ("reopened", &c.reopened)] {
                if let Some(s) = stamp {
                    line(&field(&format!("{name}.by")), &s.by)?;
                    line(&field(&format!("{name}.role")), &s.role)?;
                    time(&field(&format!("{name}.at")), s.at)?;
                }
            }
        }
        Ok(Review {
            requested: self.requested.clone(),
            changes: self.changes.clone(),
            approvals,
            superseded: self.superseded.clone(),
            comments: self.comments.clone(),
            next: self.next.clone(),
            restricted: self.restricted.clone(),
            public: self.public.clone(),
            history: self.history.clone(),
            summary: self.summary,
        })
    }
}

fn stamp(v: &Value, path: &str) -> Result<Stamp> {
    let m = object(v, path, &["by", "role", "at"])?;
    Ok(Stamp { by: text(m, path, "by")?, role: text(m, path, "role")?, at: int(m, path, "at")? })
}

/// An assessment's review (format 7; `comments` and `next` from 8): each part optional; an approval's copy is read as an assessment.
fn review(v: &Value, path: &str) -> Result<WireReview> {
    let m = object_with(
        v,
        path,
        &[],
        &[
            "requested",
            "changes",
            "approvals",
            "superseded",
            "comments",
            "next",
            "restricted",
            "public",
            "history",
            "summary",
        ],
    )?;
    let apath = join(path, "approvals");
    let approvals = match m.get("approvals") {
        Some(l) => list(l, &apath)?
            .iter()
            .enumerate()
            .map(|(i, a)| approval(a, &format!("{apath}[{i}]")))
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let superseded = match m.get("superseded") {
        Some(s) => {
            let spath = join(path, "superseded");
            let o = object(s, &spath, &["by", "role", "at", "note"])?;
            let [by, role, note] = text_fields(o, &spath, ["by", "role", "note"])?;
            Some(Superseded { by, role, at: int(o, &spath, "at")?, note })
        }
        None => None,
    };
    let requested = match m.get("requested") {
        Some(r) => Some(stamp(r, &join(path, "requested"))?),
        None => None,
    };
    let changes = match m.get("changes") {
        Some(r) => Some(stamp(r, &join(path, "changes"))?),
        None => None,
    };
    let cpath = join(path, "comments");
    let comments = match m.get("comments") {
        Some(l) => list(l, &cpath)?
            .iter()
            .enumerate()
            .map(|(i, c)| comment(c, &format!("{cpath}[{i}]")))
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let next = match m.get("next") {
        Some(n) => Some(next(n, &join(path, "next"))?),
        None => None,
    };
    let rpath = join(path, "restricted");
    let mut restricted: Vec<String> = Vec::new();
    if let Some(l) = m.get("restricted") {
        for (i, x) in list(l, &rpath)?.iter().enumerate() {
            match x.as_str() {
                Some(id) if !id.is_empty() && is_target(id) && !restricted.iter().any(|r| r == id) => {
                    restricted.push(id.to_string())
                }
                _ => {
                    return problem(
                        &format!("{rpath}[{i}]"),
                        "an item's, risk's or decision's id, each once",
                        x,
                    )
                }
            }
        }
    }
    let public = match m.get("public") {
        Some(p) => {
            let ppath = join(path, "public");
            let o = object(p, &ppath, &["left_out", "standing"])?;
            let left_out = small(&o["left_out"], &join(&ppath, "left_out"), 1_000_000)?;
            let standing = text(o, &ppath, "standing")?;
            if standing.len() > 100 {
                return problem(&join(&ppath, "standing"), "a status such as approved:2@", &o["standing"]);
            }
            Some(Public { left_out, standing })
        }
        None => None,
    };
    let hpath = join(path, "history");
    let history = match m.get("history") {
        Some(l) => {
            let l = list(l, &hpath)?;
            if l.len() > MAX_HISTORY_RECORDS {
                return problem(&hpath, &format!("at most {MAX_HISTORY_RECORDS} entries"), &Value::Null);
            }
            l.iter()
                .enumerate()
                .map(|(i, e)| entry(e, &format!("{hpath}[{i}]")))
                .collect::<Result<Vec<_>>>()?
        }
        None => Vec::new(),
    };
    let summary = match m.get("summary") {
        Some(s) => {
            let spath = join(path, "summary");
            let o = object(s, &spath, &["count", "from", "to"])?;
            let count = small(&o["count"], &join(&spath, "count"), u64::from(u32::MAX))?;
            Some(Summary { count, from: int(o, &spath, "from")?, to: int(o, &spath, "to")? })
        }
        None => None,
    };
    Ok(WireReview {
        requested,
        changes,
        approvals,
        superseded,
        comments,
        next,
        restricted,
        public,
        history,
        summary,
    })
}

/// The most history entries a file may hold (the app keeps fewer: `history::MAX_HISTORY`).
const MAX_HISTORY_RECORDS: usize = 1_000;

fn entry(v: &Value, path: &str) -> Result<Entry> {
    let m = object(v, path, &["at", "by", "what", "old", "new"])?;
    let [by, what] = text_fields(m, path, ["by", "what"])?;
    for (field, text) in [("by", &by), ("what", &what)] {
        if text.chars().count() > MAX_LINE {
            return problem(&join(path, field), &format!("at most {MAX_LINE} characters"), &m[field]);
        }
    }
    for field in ["old", "new"] {
        if m[field].to_string().len() > MAX_VALUE_JSON {
            return problem(
                &join(path, field),
                &format!("a value of at most {MAX_VALUE_JSON} characters"),
                &m[field],
            );
        }
    }
    let at = int(m, path, "at")?;
    if !(0..=MAX_TIME).contains(&at) {
        return problem(&join(path, "at"), "a time in milliseconds since 1970", &m["at"]);
    }
    Ok(Entry { at, by, what, old: m["old"].clone(), new: m["new"].clone() })
}

/// When to review again: a date (`YYYY-MM-DD`, or empty) and events, each once.
fn next(v: &Value, path: &str) -> Result<Next> {
    let m = object(v, path, &["date", "events"])?;
    let date = text(m, path, "date")?;
    if !date.is_empty() && !is_date(&date) {
        return problem(&join(path, "date"), "a date as YYYY-MM-DD or nothing", &m["date"]);
    }
    let epath = join(path, "events");
    let mut events = Vec::new();
    for (i, e) in list(&m["events"], &epath)?.iter().enumerate() {
        let at = format!("{epath}[{i}]");
        match e.as_str().and_then(Trigger::from_id) {
            Some(t) if events.contains(&t) => return problem(&at, "each event once", e),
            Some(t) => events.push(t),
            None => return problem(&at, "new_model, new_data, incident or law_change", e),
        }
    }
    Ok(Next { date, events })
}
fn approval(v: &Value, path: &str) -> Result<WireApproval> {
    const FIELDS: [&str; 8] =
        ["version", "by", "role", "date", "statement", "conditions", "recorded", "fingerprint"];
    let m = object_with(v, path, &FIELDS, &["content"])?;
    let [by, role, date, statement, conditions, fingerprint] =
        text_fields(m, path, ["by", "role", "date", "statement", "conditions", "fingerprint"])?;
    let content = match m.get("content") {
        Some(c) => Some(Box::new(assessment(c, &join(path, "content"))?)),
        None => None,
    };
    Ok(WireApproval {
        version: small(&m["version"], &join(path, "version"), u64::from(u32::MAX))? as u32,
        by,
        role,
        date,
        statement,
        conditions,
        recorded: int(m, path, "recorded")?,
        fingerprint,
        content,
    })
}
fn comment(v: &Value, path: &str) -> Result<Comment> {
    let m = object_with(v, path, &["id", "on", "by", "role", "at", "text"], &["resolved", "reopened"])?;
    let [id, on, by, role, text] = text_fields(m, path, ["id", "on", "by", "role", "text"])?;
    let optional = |key: &str| m.get(key).map(|s| stamp(s, &join(path, key))).transpose();
    Ok(Comment {
        id,
        on,
        by,
        role,
        at: int(m, path, "at")?,
        text,
        resolved: optional("resolved")?,
        reopened: optional("reopened")?,
    })
}
