//! What changed between two versions of an assessment's content: every answer, note, detail, risk
//! field, rating, mitigation, decision and workbook entry that differs, each named and shown before
//! and after. Made from the same fields a fingerprint covers, so a change the fingerprint sees is
//! never missing here.

use crate::core::assessment::{Assessment, GENERAL_NOTES};
use crate::core::content::model::Pack;
use crate::core::content::t;
use crate::core::questionnaire::{self, answer_label, Item};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One difference: what it is (`R3.2`, `R3.2 · note`, `K3 · likelihood`), the question or field's
/// words where the content has them, and the value before and after ("–" where there was none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub item: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

const NONE: &str = "–";

/// The differences from `before` to `after`, in the order of their names.
pub fn between(pack: &'static Pack, before: &Assessment, after: &Assessment) -> Vec<Change> {
    let form = questionnaire::of_kind(pack, after.kind);
    let items: Vec<&Item> = form.iter().flat_map(|f| f.items()).collect();
    let (old, new) = (flat(&items, before), flat(&items, after));
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|n| old.get(*n) != new.get(*n))
        .map(|name| {
            let shown = |m: &BTreeMap<String, (String, String)>| {
                m.get(name).map_or_else(|| NONE.to_string(), |(_, v)| v.clone())
            };
            let text = new.get(name).or_else(|| old.get(name)).map(|(t, _)| t.clone()).unwrap_or_default();
            Change { item: name.clone(), text, before: shown(&old), after: shown(&new) }
        })
        .collect()
}

/// Every field of `a`'s content by name, with the words that describe it and its value as shown.
fn flat(items: &[&Item], a: &Assessment) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    let mut put = |name: String, text: &str, value: String| {
        out.insert(name, (text.to_string(), value));
    };
    put("title".into(), t("assessments.field_title"), a.title.clone());
    put("subject".into(), t("assessments.field_subject"), a.subject.clone());
    put("respondent".into(), t("assessments.field_respondent"), a.respondent.name.clone());
    put("role".into(), t("assessments.field_role"), a.respondent.role.clone());
    put("content".into(), t("report.content"), format!("{} {}", a.content.id, a.content.version));
    put("created".into(), "", crate::core::dates::day_in_words(a.created));
    let item = |id: &str| items.iter().copied().find(|i| i.id == id);
    for (id, answer) in &a.answers {
        put(id.clone(), item(id).map_or("", |i| i.text), answer_label(item(id), answer));
    }
    for (id, note) in &a.notes {
        if id == GENERAL_NOTES {
            put(t("report.general_notes").into(), "", note.clone());
        } else {
            put(format!("{id} · {}", t("review.note")), item(id).map_or("", |i| i.text), note.clone());
        }
    }
    for (root, value) in
        [("risk", serde_json::to_value(&a.risk)), ("workbook", serde_json::to_value(&a.workbook))]
    {
        walk(&value.unwrap_or(Value::Null), root, &mut |name, v| put(name, "", v));
    }
    out
}

/// Calls `put` with each leaf of `v` under `path`: lists of records with an `id` (risks `K3`,
/// decisions `D2`) by that id, other lists by position from 1; the containers' own names
/// (`register`, `log`) left out, so a risk reads `K3 · likelihood`.
fn walk(v: &Value, path: &str, put: &mut dyn FnMut(String, String)) {
    let join = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path} · {key}") };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                match k.as_str() {
                    "register" | "log" if v.is_array() && (path == "risk" || path == "workbook") => {
                        walk(v, "", put)
                    }
                    _ => walk(v, &join(k), put),
                }
            }
        }
        Value::Array(list)
            if list.iter().all(|x| x.get("id").and_then(Value::as_str).is_some()) && !list.is_empty() =>
        {
            for x in list {
                walk(x, &join(x["id"].as_str().unwrap_or_default()), put);
            }
        }
        Value::Array(list) if list.iter().all(|x| !x.is_object() && !x.is_array()) => {
            put(path.to_string(), list.iter().map(leaf).collect::<Vec<_>>().join(", "));
        }
        Value::Array(list) => {
            for (i, x) in list.iter().enumerate() {
                walk(x, &join(&(i + 1).to_string()), put);
            }
        }
        Value::String(s) if crate::core::review::history::is_date_field(path) && !s.is_empty() => {
            put(path.to_string(), crate::core::dates::in_words(s))
        }
        Value::Number(n) if crate::core::review::history::is_time_field(path) => {
            put(path.to_string(), n.as_i64().map_or_else(|| n.to_string(), crate::core::dates::time_in_words))
        }
        other => put(path.to_string(), leaf(other)),
    }
}

fn leaf(v: &Value) -> String {
    match v {
        Value::Null => NONE.to_string(),
        Value::String(s) if s.is_empty() => NONE.to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
