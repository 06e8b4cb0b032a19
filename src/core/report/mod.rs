//! Reports of an assessment, written as text by the pure core: the results fragment shown on the
//! results view, the report shown in the app and printed, the same report as one self-contained HTML
//! file, and as Markdown. One writer for all of them keeps the figures identical everywhere.
//!
//! All user text passes through `escape`, and so does the pack's text; UI strings from
//! `strings/en.toml` (the app's own, validated at build time) are inserted as written.

pub mod chart;
pub mod compare;
pub mod document;
pub mod escape;
pub mod guidance;
pub mod methods;
pub mod risk;
pub mod workspace;

use crate::core::answer_file;
use crate::core::assessment::{Answer, Assessment, ContentRef, Kind, GENERAL_NOTES};
use crate::core::content::model::Pack;
use crate::core::content::string;
use crate::core::questionnaire::{self, Form, Item};
use crate::core::scoring::readiness::{score, ReadinessResult, PROVISIONAL_BELOW_PERCENT};
use crate::core::{APP_VERSION, TOOLKIT_INTERPOL, TOOLKIT_UNICRI};
use document::{Block, Inline, Line};
use escape::{html, markdown as md};
use std::fmt::Write;

/// The report's stylesheet: linked into the app's bundle and inlined into downloaded reports.
pub const REPORT_CSS: &str = include_str!("../../../style/report.css");

/// What the report says about when it was made; dates are formatted by the caller (local time).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportMeta {
    /// When the report was generated, such as "2026-11-23 14:05".
    pub generated: String,
    /// When the assessment was last changed.
    pub updated: String,
    /// `generated` in milliseconds, recorded in the answer file the HTML report carries.
    pub now: i64,
}

/// A UI string of the report; a missing key shows as itself (the tests guarantee none is missing).
pub(crate) fn s(key: &'static str) -> &'static str {
    string(key).unwrap_or(key)
}

/// A UI string with each `{name}` replaced.
pub(crate) fn fill(key: &'static str, values: &[(&str, &str)]) -> String {
    values.iter().fold(s(key).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A score in tenths as people write it: 725 is "72.5", 1000 is "100".
pub fn tenths(t: u32) -> String {
    if t.is_multiple_of(10) {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// How an answer reads in a report: the choice's label and, for levels, the item's rubric.
fn answer_text(form: &Form, item_id: &str, answer: Option<&Answer>) -> (String, &'static str) {
    let Some(answer) = answer.filter(|a| a.is_given()) else {
        return (s("results.unanswered").to_string(), "");
    };
    let choice =
        form.items().find(|i| i.id == item_id).and_then(|i| i.choices.iter().find(|c| &c.answer == answer));
    match (choice, answer) {
        (Some(c), _) => (c.label.clone(), c.detail),
        (None, a) => (compare::plain_answer(a), ""),
    }
}

/// The results of a readiness assessment as HTML: overall level, chart and table, weakest and
/// strongest items, next steps, method. Headings start at `h2`.
pub fn readiness_results_html(pack: &'static Pack, result: &ReadinessResult) -> String {
    document::html(&readiness_results(pack, result))
}

/// The results of a readiness assessment as blocks, for every format.
pub fn readiness_results(pack: &'static Pack, result: &ReadinessResult) -> Vec<Block> {
    let r = &pack.readiness;
    let mut overall = vec![Block::Heading(2, Line::text(s("results.overall")))];
    match (result.overall, result.overall_band) {
        (Some(score), Some(band)) => {
            let figure = Line::default()
                .and(Inline::Span("r-figure", tenths(score)))
                .and(Inline::Text(" / 100 · ".into()))
                .and(Inline::Strong(band.label.to_string()));
            overall.push(Block::Para(Some("r-score"), figure));
            overall.push(Block::Para(None, Line::text(band.description.as_ref())));
        }
        _ => overall.push(Block::Para(Some("r-score"), Line::text(s("results.no_score")))),
    }
    let coverage = fill(
        "results.coverage",
        &[
            ("answered", &result.answered.to_string()),
            ("applicable", &result.applicable.to_string()),
            ("percent", &percent(result.answered, result.applicable).to_string()),
        ],
    );
    overall.push(Block::Para(None, Line::text(coverage)));
    if result.provisional {
        let text = fill("results.provisional", &[("threshold", &PROVISIONAL_BELOW_PERCENT.to_string())]);
        overall.push(Block::Note(s("results.provisional_label").into(), text));
    }
    let mut out = vec![Block::Section("r-overall", overall)];

    // Chart and the same figures as a table.
    let rows = result
        .dimensions
        .iter()
        .zip(r.dimensions.iter())
        .map(|(d, def)| {
            let figure = d.score.map_or_else(|| s("results.no_answers").to_string(), tenths);
            let level = d.band.map(|b| b.label.as_ref()).unwrap_or("–");
            (
                format!("{} {}", d.id, def.name),
                vec![figure, level.into(), format!("{} / {}", d.answered, d.applicable)],
            )
        })
        .collect();
    let head = ["results.col_dimension", "results.col_score", "results.col_level", "results.col_coverage"];
    out.push(Block::Section(
        "r-dimensions",
        vec![
            Block::Heading(2, Line::text(s("results.by_dimension"))),
            Block::Figure(
                chart::readiness_bars(pack, result, s("results.chart_title")),
                s("results.chart_caption").into(),
            ),
            Block::Table(head.iter().map(|k| s(k).to_string()).collect(), rows),
        ],
    ));

    // Weakest and strongest items.
    for (key, items) in [("results.weakest", &result.weakest), ("results.strongest", &result.strongest)] {
        let mut blocks = vec![Block::Heading(2, Line::text(s(key)))];
        if items.is_empty() {
            blocks.push(Block::Para(None, Line::text(s("results.no_items"))));
        } else {
            let lines = items
                .iter()
                .map(|item| {
                    let label = r
                        .levels
                        .iter()
                        .find(|l| l.value == item.level)
                        .map(|l| l.label.as_ref())
                        .unwrap_or("");
                    Line::default()
                        .and(Inline::Strong(item.question.id.to_string()))
                        .and(Inline::Text(format!(" {} ", item.question.text)))
                        .and(Inline::Span("r-level", format!("({} · {label})", item.level)))
                })
                .collect();
            blocks.push(Block::List { ordered: true, items: lines });
        }
        out.push(Block::Section("r-items", blocks));
    }

    // Next steps for each dimension's band.
    let mut steps = vec![Block::Heading(2, Line::text(s("results.next_steps")))];
    for (d, def) in result.dimensions.iter().zip(r.dimensions.iter()) {
        let Some(band) = d.band else { continue };
        let Some(next) = def.next_steps.iter().find(|n| n.band == band.id) else { continue };
        steps.push(Block::Heading(3, Line::text(format!("{} {} · {}", d.id, def.name, band.label))));
        steps.push(Block::List {
            ordered: false,
            items: next.steps.iter().map(|x| Line::text(x.as_ref())).collect(),
        });
    }
    if steps.len() == 1 {
        steps.push(Block::Para(None, Line::text(s("results.no_steps"))));
    }
    out.push(Block::Section("r-steps", steps));
    out.push(Block::Section(
        "r-method",
        vec![
            Block::Heading(2, Line::text(s("results.method"))),
            Block::Para(None, Line::text(r.method.as_ref())),
            Block::Para(None, Line::text(s("results.decide"))),
        ],
    ));
    out
}

/// Every item of `form` that `asked` keeps, by section: its number and text, the answer (with the
/// choice's detail) and its notes. Sections with no such item are left out.
pub(crate) fn answers_html(o: &mut String, form: &Form, a: &Assessment, asked: impl Fn(&Item) -> bool) {
    o.push_str(&document::html(&answers(form, a, asked)));
}

/// The answers as blocks, for every format (see [`answers_html`]).
pub(crate) fn answers(form: &Form, a: &Assessment, asked: impl Fn(&Item) -> bool) -> Vec<Block> {
    let mut out = Vec::new();
    for section in &form.sections {
        let items: Vec<&Item> = section.items.iter().filter(|i| asked(i)).collect();
        if items.is_empty() {
            continue;
        }
        out.push(Block::Heading(3, Line::text(format!("{} {}", section.id, section.title))));
        for item in items {
            let (label, detail) = answer_text(form, item.id, a.answers.get(item.id));
            let mut answer = Line::default()
                .and(Inline::Span("r-label", s("report.answer").into()))
                .and(Inline::Text(" ".into()))
                .and(Inline::Strong(label));
            if !detail.is_empty() {
                answer = answer.and(Inline::Text(format!(" · {detail}")));
            }
            let mut blocks = vec![
                Block::Heading(4, Line::text(format!("{} {}", item.id, item.text))),
                Block::Para(None, answer),
            ];
            if let Some(note) = a.notes.get(item.id).filter(|n| !n.trim().is_empty()) {
                let line = Line::default()
                    .and(Inline::Span("r-label", s("report.notes").into()))
                    .and(Inline::Text(format!(" {note}")));
                blocks.push(Block::Para(Some("r-note"), line));
            }
            out.push(Block::Group("r-item", blocks));
        }
    }
    out
}

/// The body of a readiness report: title page, results, every answer with its notes, general notes,
/// independence statement and credits. Headings start at `h1`.
pub fn readiness_report_html(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    let form = questionnaire::readiness(pack);
    let result = score(pack, &a.answers);
    let mut o = title_page(&pack.readiness.name, a, meta);
    o.push_str(&readiness_results_html(pack, &result));

    let _ = write!(o, "<section class=\"r-answers\"><h2>{}</h2>", s("report.answers"));
    answers_html(&mut o, &form, a, |_| true);
    o.push_str("</section>");
    o.push_str(&closing(a));
    o
}

/// The title page of a report: the tool, the title, who and when, and the independence line.
pub(crate) fn title_page(tool: &str, a: &Assessment, meta: &ReportMeta) -> String {
    let mut o = String::new();
    let respondent = match (a.respondent.name.trim(), a.respondent.role.trim()) {
        ("", "") => "–".to_string(),
        (n, "") => n.to_string(),
        ("", r) => r.to_string(),
        (n, r) => format!("{n} ({r})"),
    };
    let rows = [
        ("report.subject", if a.subject.trim().is_empty() { "–".to_string() } else { a.subject.clone() }),
        ("report.respondents", respondent),
        ("report.generated", meta.generated.clone()),
        ("report.updated", meta.updated.clone()),
        ("report.content", format!("{} {}", a.content.id, a.content.version)),
        ("report.app", format!("{} {APP_VERSION}", s("app.name"))),
    ];
    let _ = write!(
        o,
        "<header class=\"r-title-page\"><p class=\"r-kicker\">{}</p><h1>{}</h1><dl>",
        html(tool),
        html(&a.title)
    );
    for (key, value) in rows {
        let _ = write!(o, "<div><dt>{}</dt><dd>{}</dd></div>", s(key), html(&value));
    }
    let _ = write!(o, "</dl><p class=\"r-independence\">{}</p></header>", s("app.independence"));
    o
}

/// The end of a report: general notes, the independence statement and the credits.
pub(crate) fn closing(a: &Assessment) -> String {
    let mut o = String::new();
    if let Some(notes) = a.notes.get(GENERAL_NOTES).filter(|n| !n.trim().is_empty()) {
        let _ = write!(
            o,
            "<section><h2>{}</h2><p class=\"r-note\">{}</p></section>",
            s("report.general_notes"),
            html(notes)
        );
    }
    let _ = write!(
        o,
        "<footer class=\"r-credits\"><h2>{}</h2><p>{}</p><h2>{}</h2><p>{}</p><ul><li>{}: {TOOLKIT_INTERPOL}</li>\
         <li>{}: {TOOLKIT_UNICRI}</li></ul></footer>",
        s("about.independence_heading"),
        html(s("about.independence_body")),
        s("about.credits_heading"),
        html(s("about.credits_body")),
        html(s("about.link_interpol")),
        html(s("about.link_unicri")),
    );
    o
}

/// A Markdown report's title, who and when, and the independence line.
pub(crate) fn markdown_title(tool: &str, a: &Assessment, meta: &ReportMeta) -> String {
    let mut o = String::new();
    // A heading is one line: a title with line breaks is joined, not split into heading and text.
    let title = a.title.split(['\n', '\r']).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ");
    let _ = writeln!(o, "# {}\n\n{}\n", md(&title), md(tool));
    let respondent = [a.respondent.name.trim(), a.respondent.role.trim()]
        .iter()
        .filter(|x| !x.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    for (key, value) in [
        ("report.subject", a.subject.clone()),
        ("report.respondents", respondent),
        ("report.generated", meta.generated.clone()),
        ("report.updated", meta.updated.clone()),
        ("report.content", format!("{} {}", a.content.id, a.content.version)),
        ("report.app", format!("{} {APP_VERSION}", s("app.name"))),
    ] {
        let _ = writeln!(o, "- **{}:** {}", s(key), if value.is_empty() { "–".into() } else { md(&value) });
    }
    let _ = writeln!(o, "\n{}\n", md(s("app.independence")));
    o
}

/// The report of any tool as HTML for the app (`None` for tools without one yet); `today` is an ISO date.
pub fn report_html(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<String> {
    match a.kind {
        Kind::Readiness => Some(readiness_report_html(pack, a, meta)),
        Kind::Risk => Some(risk::risk_report_html(pack, a, meta)),
        Kind::Workbook => None,
    }
}

/// The results of any tool as HTML (`None` for tools without results yet).
pub fn results_html(pack: &'static Pack, a: &Assessment, today: &str) -> Option<String> {
    match a.kind {
        Kind::Readiness => Some(readiness_results_html(pack, &score(pack, &a.answers))),
        Kind::Risk => Some(risk::risk_results_html(pack, a, today)),
        Kind::Workbook => None,
    }
}

/// The report of any tool as Markdown.
pub fn report_markdown(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    match a.kind {
        Kind::Risk => risk::risk_report_markdown(pack, a, meta),
        _ => readiness_report_markdown(pack, a, meta),
    }
}

/// The report as one HTML file that opens offline anywhere: styles inline, no script, no request; its
/// answer file rides along in an inert JSON element, so the report can be imported back.
pub fn report_document(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    let (tool, body) = match a.kind {
        Kind::Risk => (&pack.risk.name, risk::risk_report_html(pack, a, meta)),
        _ => (&pack.readiness.name, readiness_report_html(pack, a, meta)),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <title>{} · {}</title><style>body{{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1f24}}{REPORT_CSS}</style>\
         </head><body><main class=\"report\">{}</main>{}</body></html>\n",
        html(&a.title),
        html(tool),
        body,
        // The answers travel with the report: importing this file into the app restores them.
        answer_file::embed_in_report(&answer_file::write(&[a], &ContentRef::of(pack), meta.now))
    )
}

/// The report as Markdown, with the same sections and figures (the chart becomes its table).
pub fn readiness_report_markdown(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    let form = questionnaire::readiness(pack);
    let result = score(pack, &a.answers);
    let mut o = markdown_title(&pack.readiness.name, a, meta);
    // The same blocks as the HTML report: results, then every answer with its notes.
    o.push_str(&document::markdown(&readiness_results(pack, &result)));
    let _ = write!(o, "## {}\n\n", s("report.answers"));
    o.push_str(&document::markdown(&answers(&form, a, |_| true)));
    if let Some(notes) = a.notes.get(GENERAL_NOTES).filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(o, "## {}\n\n{}", s("report.general_notes"), md(notes));
    }
    let _ = writeln!(
        o,
        "\n## {}\n\n{}\n\n## {}\n\n{}\n\n- {}: <{TOOLKIT_INTERPOL}>\n- {}: <{TOOLKIT_UNICRI}>",
        s("about.independence_heading"),
        md(s("about.independence_body")),
        s("about.credits_heading"),
        md(s("about.credits_body")),
        md(s("about.link_interpol")),
        md(s("about.link_unicri")),
    );
    o
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
