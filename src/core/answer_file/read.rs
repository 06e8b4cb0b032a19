//! Reading the wire types out of parsed JSON by hand, field by field, with the JSON path of each
//! problem ("at assessments[2].answers.R1.1.v: expected a whole number, found \"3\"").
//!
//! Written out rather than derived: serde's derived readers for these types, wrapped to track paths,
//! cost about 9 KB of the app's compressed download; this costs a fraction and words errors better.

use super::wire::{EnvelopeV1, WireAnswer, WireAssessment, WireContent, WireRespondent};
use super::{Encryption, SealedEnvelope};
use crate::core::logbook::{Condition, Entry, Linked, Override, Route, Trigger, Verdict, WorkbookRecord};
use crate::core::register::{Decision, Mitigation, Risk, RiskRecord, Snapshot, Status};
use crate::core::sort::map;
use serde_json::{Map, Value};

/// Where in the file, and what was wrong there.
pub(crate) struct Problem {
    pub path: String,
    pub problem: String,
}

pub(crate) type Result<T> = std::result::Result<T, Problem>;

pub(crate) fn problem<T>(path: &str, expected: &str, found: &Value) -> Result<T> {
    Err(Problem {
        path: path.to_string(),
        problem: format!("expected {expected}, found {}", describe(found)),
    })
}

/// A found value in a few words.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{}\"", super::short(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// An object with exactly the fields named (all required): a misspelt field is an error, not ignored.
pub(crate) fn object<'v>(v: &'v Value, path: &str, fields: &[&str]) -> Result<&'v Map<String, Value>> {
    object_with(v, path, fields, &[])
}

/// An object with the `fields` required and the `optional` ones allowed, and nothing else.
pub(crate) fn object_with<'v>(
    v: &'v Value,
    path: &str,
    fields: &[&str],
    optional: &[&str],
) -> Result<&'v Map<String, Value>> {
    let Some(map) = v.as_object() else { return problem(path, "an object", v) };
    for key in map.keys() {
        if !fields.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            return Err(Problem {
                path: path.to_string(),
                problem: format!(
                    "found the field \"{}\", which this format does not have",
                    super::short(key)
                ),
            });
        }
    }
    for field in fields {
        if !map.contains_key(*field) {
            return Err(Problem {
                path: path.to_string(),
                problem: format!("expected a field \"{field}\", found none"),
            });
        }
    }
    Ok(map)
}

pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

pub(crate) fn text(map: &Map<String, Value>, path: &str, field: &str) -> Result<String> {
    let v = &map[field];
    v.as_str().map(str::to_string).map_or_else(|| problem(&join(path, field), "text", v), Ok)
}

pub(crate) fn int(map: &Map<String, Value>, path: &str, field: &str) -> Result<i64> {
    let v = &map[field];
    v.as_i64().map_or_else(|| problem(&join(path, field), "a whole number", v), Ok)
}

pub(crate) fn small(v: &Value, path: &str, max: u64) -> Result<u64> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        _ => problem(path, &format!("a whole number from 0 to {max}"), v),
    }
}

fn content(v: &Value, path: &str) -> Result<WireContent> {
    let m = object(v, path, &["id", "version"])?;
    Ok(WireContent { id: text(m, path, "id")?, version: text(m, path, "version")? })
}

fn answer(v: &Value, path: &str) -> Result<WireAnswer> {
    let Some(map) = v.as_object() else {
        return problem(path, "an answer object such as {\"t\": \"level\", \"v\": 2}", v);
    };
    let tag = map.get("t").and_then(Value::as_str).unwrap_or_default();
    const TAGS: [&str; 7] = ["level", "dont_know", "not_applicable", "choice", "choices", "text", "checked"];
    if !TAGS.contains(&tag) {
        let found = map.get("t").cloned().unwrap_or(Value::Null);
        return problem(
            &join(path, "t"),
            "level, dont_know, not_applicable, choice, choices, text or checked",
            &found,
        );
    }
    let with_value = !matches!(tag, "dont_know" | "not_applicable");
    let m = object(v, path, if with_value { &["t", "v"] } else { &["t"] })?;
    // Written only for a problem: a file holds thousands of answers.
    let vpath = || join(path, "v");
    let strings = |v: &Value| -> Result<Vec<String>> {
        let Some(items) = v.as_array() else { return problem(&vpath(), "a list of option ids", v) };
        items
            .iter()
            .map(|i| i.as_str().map(str::to_string).map_or_else(|| problem(&vpath(), "option ids", i), Ok))
            .collect()
    };
    Ok(match tag {
        "level" => match m["v"].as_u64() {
            Some(n) if n <= 255 => WireAnswer::Level(n as u8),
            _ => return problem(&vpath(), "a whole number from 0 to 255", &m["v"]),
        },
        "dont_know" => WireAnswer::DontKnow,
        "not_applicable" => WireAnswer::NotApplicable,
        "choice" => WireAnswer::Choice(text(m, path, "v")?),
        "choices" => WireAnswer::Choices(strings(&m["v"])?),
        "text" => WireAnswer::Text(text(m, path, "v")?),
        _ => WireAnswer::Checked(match m["v"].as_bool() {
            Some(b) => b,
            None => return problem(&vpath(), "true or false", &m["v"]),
        }),
    })
}

pub(crate) fn assessment(v: &Value, path: &str) -> Result<WireAssessment> {
    const FIELDS: [&str; 10] =
        ["id", "kind", "title", "subject", "respondent", "created", "updated", "content", "answers", "notes"];
    let m = object_with(v, path, &FIELDS, &["risk", "workbook", "review", "fingerprint"])?;
    let rpath = join(path, "respondent");
    let r = object(&m["respondent"], &rpath, &["name", "role"])?;
    let apath = join(path, "answers");
    let Some(answers) = m["answers"].as_object() else {
        return problem(&apath, "an object of answers", &m["answers"]);
    };
    Ok(WireAssessment {
        id: text(m, path, "id")?,
        kind: text(m, path, "kind")?,
        title: text(m, path, "title")?,
        subject: text(m, path, "subject")?,
        respondent: WireRespondent { name: text(r, &rpath, "name")?, role: text(r, &rpath, "role")? },
        created: int(m, path, "created")?,
        updated: int(m, path, "updated")?,
        content: content(&m["content"], &join(path, "content"))?,
        answers: map(answers
            .iter()
            // Read without its path first; the path is written only to name a problem.
            .map(|(k, a)| Ok((k.clone(), answer(a, "").or_else(|_| answer(a, &join(&apath, k)))?)))
            .collect::<Result<Vec<_>>>()?),
        notes: text_map(&m["notes"], &join(path, "notes"), "an object of notes")?,
        risk: match m.get("risk") {
            Some(r) => Some(risk_record(r, &join(path, "risk"))?),
            None => None,
        },
        workbook: match m.get("workbook") {
            Some(w) => Some(workbook_record(w, &join(path, "workbook"))?),
            None => None,
        },
        // Kept as it is here and read where it is used (`review::read`): the app's first load
        // carries no reader of reviews.
        review: match m.get("review") {
            Some(r) if r.is_object() => Some(r.clone()),
            Some(r) => return problem(&join(path, "review"), "an object", r),
            None => None,
        },
        fingerprint: match m.get("fingerprint") {
            Some(_) => Some(text(m, path, "fingerprint")?),
            None => None,
        },
    })
}

pub(crate) fn list<'v>(v: &'v Value, path: &str) -> Result<&'v Vec<Value>> {
    v.as_array().map_or_else(|| problem(path, "a list", v), Ok)
}

fn texts(map: &Map<String, Value>, path: &str, field: &str) -> Result<Vec<String>> {
    let path = join(path, field);
    list(&map[field], &path)?
        .iter()
        .map(|t| t.as_str().map(str::to_string).map_or_else(|| problem(&path, "a list of texts", t), Ok))
        .collect()
}

fn rating(map: &Map<String, Value>, path: &str, field: &str) -> Result<u8> {
    Ok(small(&map[field], &join(path, field), 5)? as u8)
}

/// One of `ids` as text, turned into its value by `from`.
fn one_of<T>(
    map: &Map<String, Value>,
    path: &str,
    field: &str,
    ids: &str,
    from: fn(&str) -> Option<T>,
) -> Result<T> {
    let v = &map[field];
    v.as_str().and_then(from).map_or_else(|| problem(&join(path, field), ids, v), Ok)
}

/// The rights of the template a risk came from, when the pack knows it.
fn template_rights(template: &Value) -> Vec<String> {
    let t =
        crate::core::content::pack().risk.templates.iter().find(|t| Some(t.id.as_ref()) == template.as_str());
    t.map(|t| t.rights.iter().map(|x| x.to_string()).collect()).unwrap_or_default()
}

fn risks(v: &Value, path: &str) -> Result<Vec<Risk>> {
    const FIELDS: [&str; 16] = [
        "id",
        "template",
        "title",
        "description",
        "principles",
        "affected_groups",
        "stage",
        "likelihood",
        "severity",
        "controls",
        "mitigations",
        "residual_likelihood",
        "residual_severity",
        "decision",
        "decided_by",
        "rationale",
    ];
    list(v, path)?
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let path = &format!("{path}[{i}]");
            // `rights` came with format 6: a risk written before takes its template's.
            let m = object_with(r, path, &FIELDS, &["rights"])?;
            let mpath = join(path, "mitigations");
            let mitigations = list(&m["mitigations"], &mpath)?
                .iter()
                .enumerate()
                .map(|(j, x)| {
                    let path = &format!("{mpath}[{j}]");
                    let x = object(x, path, &["action", "owner", "due", "status"])?;
                    Ok(Mitigation {
                        action: text(x, path, "action")?,
                        owner: text(x, path, "owner")?,
                        due: text(x, path, "due")?,
                        status: one_of(x, path, "status", "planned, in-progress or done", Status::from_id)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Risk {
                id: text(m, path, "id")?,
                template: text(m, path, "template")?,
                title: text(m, path, "title")?,
                description: text(m, path, "description")?,
                principles: texts(m, path, "principles")?,
                rights: match m.contains_key("rights") {
                    true => texts(m, path, "rights")?,
                    false => template_rights(&m["template"]),
                },
                affected_groups: texts(m, path, "affected_groups")?,
                stage: text(m, path, "stage")?,
                likelihood: rating(m, path, "likelihood")?,
                severity: rating(m, path, "severity")?,
                controls: text(m, path, "controls")?,
                mitigations,
                residual_likelihood: rating(m, path, "residual_likelihood")?,
                residual_severity: rating(m, path, "residual_severity")?,
                decision: match &m["decision"] {
                    Value::Null => None,
                    _ => Some(one_of(
                        m,
                        path,
                        "decision",
                        "accept, treat, avoid, transfer or null",
                        Decision::from_id,
                    )?),
                },
                decided_by: text(m, path, "decided_by")?,
                rationale: text(m, path, "rationale")?,
            })
        })
        .collect()
}

fn risk_record(v: &Value, path: &str) -> Result<RiskRecord> {
    let m = object(v, path, &["register", "dismissed", "snapshots"])?;
    let spath = join(path, "snapshots");
    Ok(RiskRecord {
        register: risks(&m["register"], &join(path, "register"))?,
        dismissed: text_map(&m["dismissed"], &join(path, "dismissed"), "an object of reasons")?,
        snapshots: list(&m["snapshots"], &spath)?
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = &format!("{spath}[{i}]");
                let s = object(s, path, &["taken", "label", "register"])?;
                Ok(Snapshot {
                    taken: int(s, path, "taken")?,
                    label: text(s, path, "label")?,
                    register: risks(&s["register"], &join(path, "register"))?,
                })
            })
            .collect::<Result<Vec<_>>>()?,
    })
}

/// One of `ids` as text or null, turned into its value by `from`.
fn maybe<T>(
    map: &Map<String, Value>,
    path: &str,
    field: &str,
    ids: &str,
    from: fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    match &map[field] {
        Value::Null => Ok(None),
        _ => one_of(map, path, field, ids, from).map(Some),
    }
}

/// An object of texts by key (notes, reasons, owners).
fn text_map(v: &Value, path: &str, expected: &str) -> Result<std::collections::BTreeMap<String, String>> {
    let Some(m) = v.as_object() else { return problem(path, expected, v) };
    Ok(map(m.keys().map(|k| Ok((k.clone(), text(m, path, k)?))).collect::<Result<Vec<_>>>()?))
}

/// Text fields of one object, in the order named.
pub(crate) fn text_fields<const N: usize>(
    m: &Map<String, Value>,
    path: &str,
    fields: [&str; N],
) -> Result<[String; N]> {
    let mut out: [String; N] = std::array::from_fn(|_| String::new());
    for (slot, field) in out.iter_mut().zip(fields) {
        *slot = text(m, path, field)?;
    }
    Ok(out)
}

/// An optional link to another assessment: `id` and `title`.
fn linked(m: &Map<String, Value>, path: &str, field: &str) -> Result<Option<Linked>> {
    let Some(l) = m.get(field) else { return Ok(None) };
    let path = &join(path, field);
    let [id, title] = text_fields(object(l, path, &["id", "title"])?, path, ["id", "title"])?;
    Ok(Some(Linked { id, title }))
}

fn workbook_record(v: &Value, path: &str) -> Result<WorkbookRecord> {
    let m =
        object_with(v, path, &["route", "owners", "complete", "overrides", "log"], &["linked", "readiness"])?;
    let (opath, lpath) = (join(path, "overrides"), join(path, "log"));
    Ok(WorkbookRecord {
        route: maybe(m, path, "route", "build, buy, hybrid or null", Route::from_id)?,
        owners: text_map(&m["owners"], &join(path, "owners"), "an object of owners")?,
        complete: texts(m, path, "complete")?,
        overrides: list(&m["overrides"], &opath)?
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let path = &format!("{opath}[{i}]");
                let [stage, by, why] = text_fields(object(o, path, &["stage", "by", "why"])?, path, ["stage", "by", "why"])?;
                Ok(Override { stage, by, why })
            })
            .collect::<Result<Vec<_>>>()?,
        log: list(&m["log"], &lpath)?
            .iter()
            .enumerate()
            .map(|(i, e)| {
                const TEXTS: [&str; 11] = [
                    "id", "stage", "date", "by", "role", "authority", "rationale", "evidence", "dissent",
                    "review_date", "supersedes",
                ];
                let path = &format!("{lpath}[{i}]");
                let mut fields = TEXTS.to_vec();
                fields.extend(["verdict", "conditions", "review_event", "recorded"]);
                let e = object_with(e, path, &fields, &["from"])?;
                let [id, stage, date, by, role, authority, rationale, evidence, dissent, review_date, supersedes] =
                    text_fields(e, path, TEXTS)?;
                let cpath = join(path, "conditions");
                let conditions = list(&e["conditions"], &cpath)?
                    .iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let path = &format!("{cpath}[{j}]");
                        let c = object(c, path, &["text", "owner", "due", "status"])?;
                        let [text, owner, due] = text_fields(c, path, ["text", "owner", "due"])?;
                        let status = one_of(c, path, "status", "planned, in-progress or done", Status::from_id)?;
                        Ok(Condition { text, owner, due, status })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok(Entry {
                    id,
                    stage,
                    verdict: maybe(e, path, "verdict", "go, go_with_conditions, change_course, defer, stop or null", Verdict::from_id)?,
                    date,
                    by,
                    role,
                    authority,
                    rationale,
                    evidence,
                    dissent,
                    conditions,
                    review_date,
                    review_event: maybe(e, path, "review_event", "new_model, new_data, incident, law_change or null", Trigger::from_id)?,
                    recorded: match &e["recorded"] {
                        Value::Null => None,
                        _ => Some(int(e, path, "recorded")?),
                    },
                    supersedes,
                    from: match e.get("from") {
                        Some(_) => text(e, path, "from")?,
                        None => String::new(),
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?,
        linked: linked(m, path, "linked")?,
        readiness: linked(m, path, "readiness")?,
    })
}

/// A plain answer file, version 1.
pub fn envelope(v: &Value) -> Result<EnvelopeV1> {
    const FIELDS: [&str; 6] =
        ["format", "format_version", "app_version", "exported", "content", "assessments"];
    let m = object(v, "", &FIELDS)?;
    let Some(list) = m["assessments"].as_array() else {
        return problem("assessments", "a list of assessments", &m["assessments"]);
    };
    Ok(EnvelopeV1 {
        format: text(m, "", "format")?,
        format_version: small(&m["format_version"], "format_version", u64::from(u32::MAX))? as u32,
        app_version: text(m, "", "app_version")?,
        exported: int(m, "", "exported")?,
        content: content(&m["content"], "content")?,
        assessments: list
            .iter()
            .enumerate()
            .map(|(i, a)| assessment(a, &format!("assessments[{i}]")))
            .collect::<Result<Vec<_>>>()?,
    })
}

/// An encrypted answer file's envelope.
pub fn sealed(v: &Value) -> Result<SealedEnvelope> {
    let m = object(v, "", &["format", "format_version", "app_version", "encryption", "ciphertext"])?;
    let e = object(&m["encryption"], "encryption", &["kdf", "iterations", "salt", "cipher", "nonce"])?;
    Ok(SealedEnvelope {
        format: text(m, "", "format")?,
        format_version: small(&m["format_version"], "format_version", u64::from(u32::MAX))? as u32,
        app_version: text(m, "", "app_version")?,
        encryption: Encryption {
            kdf: text(e, "encryption", "kdf")?,
            iterations: small(&e["iterations"], "encryption.iterations", u64::from(u32::MAX))? as u32,
            salt: text(e, "encryption", "salt")?,
            cipher: text(e, "encryption", "cipher")?,
            nonce: text(e, "encryption", "nonce")?,
        },
        ciphertext: text(m, "", "ciphertext")?,
    })
}

/// An assessment as stored by the library (see `library::schema`): the wire fields plus `revision`
/// and `deleted`, where records written by earlier builds may leave out the fields that have
/// defaults. Read with the same checks as a file, so storage needs no second reader in the app.
/// Taken rather than borrowed: the fields with defaults are filled in place, with no copy of the answers.
pub fn stored_assessment(v: Value) -> Result<(WireAssessment, u64, Option<i64>)> {
    let mut map = match v {
        Value::Object(map) => map,
        v => return problem("assessment", "an object", &v),
    };
    let revision = match map.remove("revision") {
        Some(r) => small(&r, "assessment.revision", u64::MAX)?,
        None => 0,
    };
    let deleted = match map.remove("deleted") {
        None | Some(Value::Null) => None,
        Some(d) => Some(d.as_i64().map_or_else(|| problem("assessment.deleted", "a time or null", &d), Ok)?),
    };
    for (field, empty) in [
        ("subject", Value::String(String::new())),
        ("answers", Value::Object(Map::new())),
        ("notes", Value::Object(Map::new())),
    ] {
        map.entry(field).or_insert(empty);
    }
    let respondent = map.entry("respondent").or_insert_with(|| Value::Object(Map::new()));
    if let Some(r) = respondent.as_object_mut() {
        for field in ["name", "role"] {
            r.entry(field).or_insert(Value::String(String::new()));
        }
    }
    Ok((assessment(&Value::Object(map), "assessment")?, revision, deleted))
}
