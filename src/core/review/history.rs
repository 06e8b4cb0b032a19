//! The history of an assessment: a compact log of what changed, from what to what, when and by whom
//! (the name this browser remembers for review). Recorded by the library on every save, from the
//! stored copy and the one saved, so no editor can change an assessment without it showing here.
//!
//! Kept in the review (it is not content: it changes no fingerprint) as JSON, with at most
//! [`MAX_HISTORY`] entries; older ones are summarised as a count and the time they span. One field
//! typed into in one sitting is one entry (the first value and the last), not one per keystroke.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One change: when, by whom, what (`R1.2`, `R1.2 · note`, `K3 · likelihood`), from what to what
/// (as stored: an answer as its JSON, a text cut to [`MAX_VALUE`] characters; null for none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub at: i64,
    pub by: String,
    pub what: String,
    pub old: Value,
    pub new: Value,
}

/// Whether a field, named as in [`Entry::what`] (`D2 · date`, `D2 · review_date`), holds a date, to be
/// shown in words where people read it.
pub fn is_date_field(what: &str) -> bool {
    matches!(what.rsplit(" · ").next(), Some("date" | "due" | "review_date"))
}

/// Whether a field holds a time in milliseconds (`D2 · recorded`, a snapshot's `taken`), likewise.
pub fn is_time_field(what: &str) -> bool {
    matches!(what.rsplit(" · ").next(), Some("recorded" | "taken"))
}

/// The entries no longer kept: how many, and the time they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub count: u64,
    pub from: i64,
    pub to: i64,
}

/// The most characters an entry's value may take as JSON in a file (a list of rights, say).
pub const MAX_VALUE_JSON: usize = 4_000;

/// The most entries kept; older ones are summarised ([`summary`]).
pub const MAX_HISTORY: usize = 200;
/// The most characters of a value kept in an entry; a longer one ends with "…".
pub const MAX_VALUE: usize = 200;
/// Changes to one field by one person within this time (milliseconds) are one entry.
const SITTING: i64 = 10 * 60 * 1000;

/// The fields of an assessment that are not its content, or are kept apart: never logged.
const NOT_LOGGED: [&str; 7] = ["id", "kind", "created", "updated", "content", "revision", "review"];

/// Every field of an assessment's content (its JSON, as stored) by name, with its value: `title`,
/// an answer by its item's id (`R1.2`), a note as `R1.2 · note`, a risk's field as `K3 ·
/// likelihood`, a decision's as `D2 · rationale`, other parts by their path.
fn flat(a: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let Some(m) = a.as_object() else { return out };
    for (k, v) in m.iter().filter(|(k, _)| !NOT_LOGGED.contains(&k.as_str()) && k.as_str() != "deleted") {
        match k.as_str() {
            // An answer is one value, whatever its shape.
            "answers" => {
                for (id, answer) in v.as_object().into_iter().flatten() {
                    out.insert(id.clone(), answer.clone());
                }
            }
            "notes" => {
                for (id, note) in v.as_object().into_iter().flatten() {
                    out.insert(format!("{id} · note"), note.clone());
                }
            }
            "risk" | "workbook" | "respondent" => walk(v, k, &mut out),
            _ => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// The leaves of `v` under `path`: lists of records with an `id` by that id, the containers'
/// own names (`register`, `log`) left out, so a risk's field reads `K3 · likelihood`.
fn walk(v: &Value, path: &str, out: &mut BTreeMap<String, Value>) {
    let join = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path} · {key}") };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if (k == "register" || k == "log") && v.is_array() {
                    walk(v, "", out);
                } else {
                    walk(v, &join(k), out);
                }
            }
        }
        // Nothing in it: its entries, when they come, are logged one by one.
        Value::Array(list) if list.is_empty() => {}
        // Snapshots are copies of the register: counted, not logged field by field.
        Value::Array(list) if path.ends_with("snapshots") => {
            out.insert(path.to_string(), list.len().into());
        }
        Value::Array(list) if list.iter().all(|x| x["id"].is_string()) => {
            for x in list {
                walk(x, &join(x["id"].as_str().unwrap_or_default()), out);
            }
        }
        other => {
            out.insert(path.to_string(), other.clone());
        }
    }
}

/// A text as an entry keeps it: at most [`MAX_VALUE`] characters from `from` (the first one that
/// differs from the other value, less a little context), "…" where it was cut.
fn cut(s: &str, from: usize) -> String {
    let start = from.saturating_sub(40);
    let mut out: String = if start > 0 { "…".into() } else { String::new() };
    out.extend(s.chars().skip(start).take(MAX_VALUE));
    if s.chars().count() > start + MAX_VALUE {
        out.push('…');
    }
    out
}

/// Where two texts first differ, in characters.
fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// A value as an entry keeps it, beside the other value of the change (`other`): texts (a note, a
/// written answer's) cut to [`MAX_VALUE`] characters around where they differ; anything else long
/// (a list of mitigations) as its number of entries; so an entry always fits the answer file's
/// limit ([`MAX_VALUE_JSON`]) and a change far into a long text still shows.
fn kept(v: Option<&Value>, other: Option<&Value>) -> Value {
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(m)) if m.get("t").and_then(Value::as_str) == Some("text") => {
            m.get("v").and_then(Value::as_str).map(String::from)
        }
        _ => None,
    };
    let Some(v) = v else { return Value::Null };
    if let Some(s) = text(Some(v)) {
        let at = text(other).map_or(0, |o| first_difference(&s, &o));
        let short = cut(&s, at);
        return match v {
            Value::String(_) => Value::String(short),
            _ => {
                let mut answer = v.clone();
                answer["v"] = Value::String(short);
                answer
            }
        };
    }
    match v {
        Value::Array(list) if size(v) > MAX_VALUE => Value::String(format!("({})", list.len())),
        other if size(other) > MAX_VALUE => Value::String("…".into()),
        other => other.clone(),
    }
}

/// About how long `v` is as JSON, in bytes (no writer: its code would join the app's first load).
fn size(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len() + 2,
        Value::Array(list) => list.iter().map(size).sum::<usize>() + list.len() + 2,
        Value::Object(m) => m.iter().map(|(k, v)| k.len() + 3 + size(v)).sum::<usize>() + 2,
        _ => 24,
    }
}

/// Adds to `review` (the stored review's JSON, of the assessment saved) the changes from `before`
/// to `after` (the assessment's JSON as stored), made by `by` at `now`.
pub fn record(review: &mut Value, before: &Value, after: &Value, by: &str, now: i64) {
    let (old, new) = (flat(before), flat(after));
    // Each name once: the old ones, then the new ones the old did not have (no sort: its code would
    // join the app's first load).
    let changed: Vec<&String> = old
        .keys()
        .chain(new.keys().filter(|n| !old.contains_key(*n)))
        .filter(|n| old.get(*n) != new.get(*n))
        .collect();
    if changed.is_empty() {
        return;
    }
    if !review.is_object() {
        *review = Value::Object(Map::new());
    }
    let mut list = review["history"].as_array().cloned().unwrap_or_default();
    for name in changed {
        let (was, now_value) = (kept(old.get(name), new.get(name)), kept(new.get(name), old.get(name)));
        // The same field, by the same person, in the same sitting: one entry, from its first value,
        // moved to the end so the list stays in time order.
        let last = list.iter().rposition(|e| e["what"] == name.as_str());
        match last {
            Some(i) if list[i]["by"] == by && now - list[i]["at"].as_i64().unwrap_or_default() < SITTING => {
                let mut e = list.remove(i);
                e["at"] = now.into();
                e["new"] = now_value;
                list.push(e);
            }
            _ => {
                let mut e = Map::new();
                e.insert("at".into(), now.into());
                e.insert("by".into(), by.into());
                e.insert("what".into(), name.as_str().into());
                e.insert("old".into(), was);
                e.insert("new".into(), now_value);
                list.push(Value::Object(e));
            }
        }
    }
    // Back to what it was: nothing to log.
    list.retain(|e| e["old"] != e["new"]);
    bound(review, list);
}

/// Keeps the [`MAX_HISTORY`] latest entries of `list` in `review`; the older ones join its summary.
fn bound(review: &mut Value, mut list: Vec<Value>) {
    let over = list.len().saturating_sub(MAX_HISTORY);
    if over > 0 {
        let gone: Vec<Value> = list.drain(..over).collect();
        let s = &mut review["summary"];
        let count = s["count"].as_u64().unwrap_or_default() + gone.len() as u64;
        let from = s["from"].as_i64().or_else(|| gone.first().and_then(|e| e["at"].as_i64()));
        let to = gone.last().and_then(|e| e["at"].as_i64());
        let mut m = Map::new();
        m.insert("count".into(), count.into());
        m.insert("from".into(), from.unwrap_or_default().into());
        m.insert("to".into(), to.unwrap_or_default().into());
        *s = Value::Object(m);
    }
    if list.is_empty() {
        if let Some(m) = review.as_object_mut() {
            m.remove("history");
        }
    } else {
        review["history"] = Value::Array(list);
    }
    // Nothing left at all: no review, as before.
    if review.as_object().is_some_and(|m| m.is_empty()) {
        *review = Value::Null;
    }
}

/// The two copies' histories combined, when one replaces the other: every entry of either (the same
/// time, person and field once), in time order, bounded as always.
pub fn union(review: &mut Value, stored: &Value) {
    let mine = stored["history"].as_array().cloned().unwrap_or_default();
    let mut list = review["history"].as_array().cloned().unwrap_or_default();
    let key = |e: &Value| {
        let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
        (e["at"].as_i64().unwrap_or_default(), text("what"), text("by"))
    };
    for e in mine {
        if !list.iter().any(|x| key(x) == key(&e)) {
            let at = list.partition_point(|x| key(x) < key(&e));
            list.insert(at, e);
        }
    }
    // Both copies' older entries: the larger count, over the wider span.
    let (a, b) = (&review["summary"], &stored["summary"]);
    if !b.is_null() {
        let n = |s: &Value, k: &str| s[k].as_i64();
        let count = n(a, "count").max(n(b, "count")).unwrap_or_default();
        let from = [n(a, "from"), n(b, "from")].into_iter().flatten().min().unwrap_or_default();
        let to = [n(a, "to"), n(b, "to")].into_iter().flatten().max().unwrap_or_default();
        let mut m = Map::new();
        m.insert("count".into(), count.into());
        m.insert("from".into(), from.into());
        m.insert("to".into(), to.into());
        review["summary"] = Value::Object(m);
    }
    if !list.is_empty() || review.is_object() {
        if !review.is_object() {
            *review = Value::Object(Map::new());
        }
        bound(review, list);
    }
}
