//! The review panel's history: what changed, from what to what, when and by whom.

use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::dates::{day_in_words, in_words, time_in_words};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::review::history;
use crate::core::review::Review;
use std::fmt::Write;

/// The most history entries the panel lists (the newest); the rest are in the file and the record.
const HISTORY_SHOWN: usize = 50;

/// The history: what changed, from what to what, when and by whom, newest first; the bound stated.
pub(super) fn history_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review) {
    let _ = write!(
        o,
        "<section class=\"review-history\" aria-labelledby=\"rv-history\"><h2 id=\"rv-history\">{}</h2><p class=\"hint\">{}</p>",
        s("review.history"),
        html(&fill("review.history_hint", &[("count", &history::MAX_HISTORY.to_string())]))
    );
    if let Some(x) = &review.summary {
        let line = fill(
            "review.history_summary",
            &[("count", &x.count.to_string()), ("from", &day_in_words(x.from)), ("to", &day_in_words(x.to))],
        );
        let _ = write!(o, "<p>{}</p>", html(&line));
    }
    if review.history.is_empty() {
        let _ = write!(o, "<p>{}</p></section>", s("review.history_none"));
        return;
    }
    let shown = review.history.len().min(HISTORY_SHOWN);
    if shown < review.history.len() {
        let line = fill(
            "review.history_shown",
            &[("shown", &shown.to_string()), ("count", &review.history.len().to_string())],
        );
        let _ = write!(o, "<p>{}</p>", html(&line));
    }
    let form = crate::core::questionnaire::compared(pack, a.kind);
    let items: Vec<&crate::core::questionnaire::Item> =
        form.sections.iter().flat_map(|s| s.items.iter()).collect();
    let value = |what: &str, v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::Null => "–".to_string(),
            serde_json::Value::String(t) if t.is_empty() => "–".to_string(),
            serde_json::Value::String(t) if history::is_date_field(what) => in_words(t),
            serde_json::Value::Number(n) if history::is_time_field(what) => {
                n.as_i64().map_or_else(|| n.to_string(), time_in_words)
            }
            serde_json::Value::String(t) => t.clone(),
            other => match serde_json::from_value::<crate::core::assessment::Answer>(other.clone()) {
                // An answer, in the words of its item's choices.
                Ok(answer) => {
                    let item = items.iter().copied().find(|i| i.id == what);
                    crate::core::questionnaire::answer_label(item, &answer)
                }
                Err(_) => other.to_string(),
            },
        }
    };
    let _ = write!(
        o,
        "<div class=\"table-wrap\"><table class=\"review-log\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        s("review.when"),
        s("review.who_changed"),
        s("review.item"),
        s("review.before"),
        s("review.after")
    );
    for e in review.history.iter().rev().take(shown) {
        let by = if e.by.trim().is_empty() { s("review.no_name").to_string() } else { e.by.clone() };
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><th scope=\"row\"><span class=\"q-number\">{}</span></th><td>{}</td><td>{}</td></tr>",
            html(&time_in_words(e.at)),
            html(&by),
            html(&e.what),
            html(&value(&e.what, &e.old)),
            html(&value(&e.what, &e.new))
        );
    }
    o.push_str("</tbody></table></div></section>");
}
