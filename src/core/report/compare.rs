//! The comparison of several respondents as HTML: per section its agreement, then per item every
//! respondent's answer, the difference (marked in words, not only by colour) and a labelled choice of
//! the merged answer, a native `<select>` named by the item id that the merge button reads.

use super::escape::html;
use super::{fill, s};
use crate::core::assessment::{Answer, Assessment};
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

/// Each answer given once, in the order first given, with the positions of those who gave it: a
/// choice per answer rather than per respondent keeps the list short with fifty respondents.
fn distinct(answers: &[Option<Answer>]) -> Vec<(usize, &Answer, Vec<usize>)> {
    let mut out: Vec<(usize, &Answer, Vec<usize>)> = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        let Some(a) = a else { continue };
        match out.iter_mut().find(|(_, b, _)| *b == a) {
            Some((_, _, who)) => who.push(i),
            None => out.push((i, a, vec![i])),
        }
    }
    out
}

/// Who gave an answer: up to three names, then how many more.
fn names(list: &[&Assessment], who: &[usize]) -> String {
    const SHOWN: usize = 3;
    let shown = who.iter().take(SHOWN).map(|&i| label(list[i])).collect::<Vec<_>>().join(", ");
    match who.len().checked_sub(SHOWN).filter(|more| *more > 0) {
        Some(more) => fill("compare.and_more", &[("names", &shown), ("more", &more.to_string())]),
        None => shown,
    }
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
    for (first, answer, who) in distinct(&row.answers) {
        let _ = write!(
            o,
            "<option value=\"{}\">{}: {}</option>",
            Pick::From(first),
            html(&names(list, &who)),
            html(&brief(&answer_label(item, answer)))
        );
    }
    let _ = write!(o, "<option value=\"{}\">{}</option></select></td></tr>", Pick::Blank, s("compare.blank"));
}

/// The whole comparison: one table per section, then the items outside the content, if any. The
/// first section is a part of its own ([`super::PART`]): with fifty respondents the markup is large.
pub fn compare_html(form: &Form, list: &[&Assessment], rows: &[Row], agreement: &[Agreement]) -> String {
    let mut o = String::new();
    // The table scrolls sideways in a region of its own, named by its section's heading, below it.
    let head = |o: &mut String, id: &str| {
        let _ = write!(
            o,
            "<div class=\"c-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"c-{}\">",
            html(id)
        );
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
    for (n, (section, agreed)) in form.sections.iter().zip(agreement).enumerate() {
        let summary = fill(
            "compare.agreement",
            &[("agreed", &agreed.agreed.to_string()), ("compared", &agreed.compared.to_string())],
        );
        let _ = write!(
            o,
            "<section class=\"c-section\"><h2 id=\"c-{}\">{} {}</h2><p>{}</p>",
            html(section.id),
            html(section.id),
            html(section.title),
            html(&summary)
        );
        head(&mut o, section.id);
        for row in rows.iter() {
            if let Some(item) = section.items.iter().find(|i| i.id == row.id) {
                row_html(&mut o, Some(item), list, row);
            }
        }
        o.push_str("</tbody></table></div></section>");
        if n == 0 {
            o.push_str(super::PART);
        }
    }
    let extra: Vec<&Row> = rows.iter().filter(|r| !form.items().any(|i| i.id == r.id)).collect();
    if !extra.is_empty() {
        let _ = write!(o, "<section class=\"c-section\"><h2 id=\"c-extra\">{}</h2>", s("compare.extra"));
        head(&mut o, "extra");
        for row in extra {
            row_html(&mut o, None, list, row);
        }
        o.push_str("</tbody></table></div></section>");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{ContentRef, Kind, NewAssessment, Respondent};
    use crate::core::content::pack;
    use crate::core::merge::{agreement, compare};
    use crate::core::questionnaire::readiness;

    fn respondent(name: &str, answer: Answer) -> Assessment {
        let details = NewAssessment {
            respondent: Respondent { name: name.into(), role: String::new() },
            ..Default::default()
        };
        let mut a = Assessment::new(name.into(), Kind::Readiness, details, ContentRef::of(pack()), 0);
        a.answers.insert("R1.1".into(), answer);
        a
    }

    /// The merged-answer choices of R1.1 in the table, as (value, label).
    fn choices(list: &[Assessment]) -> Vec<(String, String)> {
        let form = readiness(pack());
        let refs: Vec<&Assessment> = list.iter().collect();
        let rows = compare(&form, &refs);
        let out = compare_html(&form, &refs, &rows, &agreement(&form, &rows));
        let select =
            out.split("<select name=\"R1.1\"").nth(1).and_then(|s| s.split("</select>").next()).unwrap();
        select
            .split("<option value=\"")
            .skip(1)
            .map(|o| {
                let (value, rest) = o.split_once("\">").unwrap();
                (value.to_string(), rest.trim_end_matches("</option>").to_string())
            })
            .collect()
    }

    #[test]
    fn an_answer_given_by_several_respondents_is_one_choice_naming_them() {
        let list = [
            respondent("Ana", Answer::Level(2)),
            respondent("Ben", Answer::Level(3)),
            respondent("Cai", Answer::Level(2)),
        ];
        let got = choices(&list);
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(got.len(), 4, "suggested, two answers, blank: {labels:?}");
        assert!(got[1].1.starts_with("Ana, Cai: 2"), "{labels:?}");
        assert_eq!(got[1].0, "0");
        assert!(got[2].1.starts_with("Ben: 3"), "{labels:?}");
        assert_eq!(got[2].0, "1");
    }

    /// The comparison's first part and the rest.
    fn parts(list: &[Assessment]) -> Vec<String> {
        let form = readiness(pack());
        let refs: Vec<&Assessment> = list.iter().collect();
        let rows = compare(&form, &refs);
        let out = compare_html(&form, &refs, &rows, &agreement(&form, &rows));
        out.split(super::super::PART).map(String::from).collect()
    }

    #[test]
    fn the_first_section_is_a_part_of_its_own() {
        let parts = parts(&[respondent("Ana", Answer::Level(2)), respondent("Ben", Answer::Level(3))]);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].matches("<section").count(), 1, "{}", parts[0]);
        assert!(parts[0].contains("id=\"c-R1\"") && parts[0].ends_with("</section>"), "{}", parts[0]);
        assert!(parts[1].starts_with("<section class=\"c-section\"><h2 id=\"c-R2\""), "{}", parts[1]);
    }

    #[test]
    fn the_first_part_ends_with_the_place_of_the_rest() {
        let list = [respondent("Ana", Answer::Level(2)), respondent("Ben", Answer::Level(3))];
        let parts = parts(&list);
        let (first, rest) = super::super::first_part(parts.join(super::super::PART), || "rest-7".into());
        assert_eq!(first, format!("{}<span id=\"rest-7\" hidden></span>", parts[0]));
        assert_eq!(rest, Some(("rest-7".into(), parts[1].clone())));
    }

    #[test]
    fn markup_with_no_rest_is_drawn_whole() {
        let first_part =
            |text: String| super::super::first_part(text, || unreachable!("no id without a rest"));
        assert_eq!(first_part("<p>short</p>".into()), ("<p>short</p>".into(), None));
        assert_eq!(first_part(format!("<p>one</p>{}", super::super::PART)), ("<p>one</p>".into(), None));
    }

    #[test]
    fn a_name_cannot_cut_the_comparison_into_parts() {
        let name = super::super::PART;
        let parts = parts(&[respondent(name, Answer::Level(2)), respondent("Ben", Answer::Level(3))]);
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn beyond_three_names_a_choice_says_how_many_more() {
        let list: Vec<Assessment> =
            ["Ana", "Ben", "Cai", "Dee", "Eve"].iter().map(|n| respondent(n, Answer::DontKnow)).collect();
        let got = choices(&list);
        assert_eq!(got.len(), 3);
        assert!(got[1].1.starts_with("Ana, Ben, Cai and 2 more: "), "{got:?}");
    }
}
