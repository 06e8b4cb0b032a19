//! The comparison of several respondents as HTML: per section its agreement, then per item every
//! respondent's answer, the difference (marked in words, not only by colour) and a labelled choice of
//! the merged answer, a native `<select>` named by the item id that the merge button reads.

use super::escape::html;
use super::{fill, s};
use crate::core::assessment::Assessment;
use crate::core::merge::{label, Agreement, Pick, Row};
use crate::core::questionnaire::{answer_label, Form, Item};
use std::fmt::Write;

/// An answer short enough for a choice in a list: a written answer's first words.
fn brief(text: &str) -> String {
    const MAX: usize = 60;
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= MAX && line.len() == text.len() {
        return text.to_string();
    }
    let cut: String = line.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

/// One item's row; `item` is its question, `None` for an item this content does not have.
fn row_html(o: &mut String, item: Option<&Item>, list: &[&Assessment], row: &Row) {
    let class = if row.disagree { "disagree" } else { "agree" };
    let text = item.map(|i| i.text).unwrap_or_else(|| s("compare.unknown_item"));
    let _ = write!(
        o,
        "<tr class=\"{class}\"><th scope=\"row\"><span class=\"q-number\">{}</span> {}</th>",
        html(&row.id),
        html(text)
    );
    for a in &row.answers {
        let cell = a.as_ref().map_or_else(|| "–".to_string(), |a| answer_label(item, a));
        let _ = write!(o, "<td>{}</td>", html(&cell));
    }
    let difference = match (row.disagree, row.spread) {
        (true, Some(spread)) => fill("compare.spread", &[("spread", &spread.to_string())]),
        (true, None) => s("compare.differ").to_string(),
        (false, _) => String::new(),
    };
    let _ = write!(
        o,
        "<td>{}</td><td><select name=\"{}\" aria-label=\"{}\">",
        html(&difference),
        html(&row.id),
        html(&fill("compare.merged_for", &[("id", &row.id)]))
    );
    let suggested =
        row.suggestion.as_ref().map_or_else(|| s("compare.none").to_string(), |a| answer_label(item, a));
    let _ = write!(
        o,
        "<option value=\"{}\">{}</option>",
        Pick::Suggested,
        html(&fill("compare.suggested", &[("answer", &brief(&suggested))]))
    );
    for (i, (a, who)) in row.answers.iter().zip(list).enumerate() {
        if let Some(a) = a {
            let _ = write!(
                o,
                "<option value=\"{}\">{}: {}</option>",
                Pick::From(i),
                html(&label(who)),
                html(&brief(&answer_label(item, a)))
            );
        }
    }
    let _ = write!(o, "<option value=\"{}\">{}</option></select></td></tr>", Pick::Blank, s("compare.blank"));
}

/// The whole comparison: one table per section, then the items outside the content, if any.
pub fn compare_html(form: &Form, list: &[&Assessment], rows: &[Row], agreement: &[Agreement]) -> String {
    let mut o = String::new();
    let head = |o: &mut String| {
        let _ = write!(o, "<table class=\"compare\"><thead><tr><th scope=\"col\">{}</th>", s("compare.item"));
        for a in list {
            let _ = write!(o, "<th scope=\"col\">{}</th>", html(&label(a)));
        }
        let _ = write!(
            o,
            "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            s("compare.difference"),
            s("compare.merged")
        );
    };
    for (section, agreed) in form.sections.iter().zip(agreement) {
        let summary = fill(
            "compare.agreement",
            &[("agreed", &agreed.agreed.to_string()), ("compared", &agreed.compared.to_string())],
        );
        let _ = write!(
            o,
            "<section class=\"c-section\"><h2>{} {}</h2><p>{}</p>",
            html(section.id),
            html(section.title),
            html(&summary)
        );
        head(&mut o);
        for row in rows.iter() {
            if let Some(item) = section.items.iter().find(|i| i.id == row.id) {
                row_html(&mut o, Some(item), list, row);
            }
        }
        o.push_str("</tbody></table></section>");
    }
    let extra: Vec<&Row> = rows.iter().filter(|r| !form.items().any(|i| i.id == r.id)).collect();
    if !extra.is_empty() {
        let _ = write!(o, "<section class=\"c-section\"><h2>{}</h2>", s("compare.extra"));
        head(&mut o);
        for row in extra {
            row_html(&mut o, None, list, row);
        }
        o.push_str("</tbody></table></section>");
    }
    o
}
