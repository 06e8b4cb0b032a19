//! Reports of an assessment, written by the pure core once, as blocks (`document`): the results shown
//! on the results view, the report shown in the app and printed, the same report as one
//! self-contained HTML file, and as Markdown are printed from the same blocks, so their figures
//! cannot differ. The printers escape every text: the user's, the pack's and the app's own strings.

pub mod about;
pub mod actions;
pub mod chart;
pub mod compare;
pub mod document;
pub mod docx;
pub mod escape;
pub mod format;
mod frame;
pub mod glossary;
pub mod guidance;
mod kept;
pub mod mark;
pub mod methods;
pub mod review;
pub mod risk;
pub mod sheets;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub mod tags;
pub mod workbook;
pub mod workspace;

use crate::core::answer_file;
use crate::core::assessment::{Answer, Assessment, ContentRef, Kind};
use crate::core::content::model::{Pack, Readiness};
use crate::core::questionnaire::{self, Form, Item};
use crate::core::scoring::readiness::{score, ItemLevel, ReadinessResult, PROVISIONAL_BELOW_PERCENT};
use document::{Block, Inline, Line, Svg, Table};
use escape::html;

/// Where the first part of a long view's markup ends: the tools module hands the app the markup up to
/// here, ending with an empty element of its own id ([`first_part`]), and draws the rest in place of
/// that element once the first part is on screen. No text the printers escape can contain it, nor
/// JSON (which writes `"` as `\"`), so no other answer of the tools module is ever cut.
pub const PART: &str = "<span id=\"rest-of-view\" hidden></span>";
/// What the ids of the elements the rest of a view goes in begin with.
pub const PART_ID: &str = "rest-of-view";

/// `text` cut where its first part ends ([`PART`]): the first part, ending with an empty element of
/// the id `id()` gives (asked only then), and the rest, to draw in that element's place. The markup
/// whole and nothing when it has no such end, or nothing after it.
pub fn first_part(mut text: String, id: impl FnOnce() -> String) -> (String, Option<(String, String)>) {
    let Some(at) = text.find(PART) else { return (text, None) };
    let rest = text.split_off(at + PART.len());
    text.truncate(at);
    if rest.is_empty() {
        return (text, None);
    }
    let id = id();
    text.push_str(&format!("<span id=\"{}\" hidden></span>", html(&id)));
    (text, Some((id, rest)))
}

/// The report's stylesheet: linked into the app's bundle and inlined into downloaded reports.
pub const REPORT_CSS: &str = include_str!("../../../style/report.css");

/// What the report says about when it was made: local times as `YYYY-MM-DD HH:MM`, from the caller;
/// the report writes them as its language does.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportMeta {
    /// When the report was generated, such as "2026-11-23 14:05".
    pub generated: String,
    /// When the assessment was last changed.
    pub updated: String,
    /// `generated` in milliseconds, recorded in the answer file the HTML report carries.
    pub now: i64,
}

// The app's UI strings under the short names the report writers use.
pub(crate) use crate::core::content::{t as s, t_with as fill};

/// A score in tenths as people write it: 725 is "72.5", 1000 is "100".
pub fn tenths(t: u32) -> String {
    if t.is_multiple_of(10) {
        (t / 10).to_string()
    } else {
        format!("{}{}{}", t / 10, crate::core::content::decimal_mark(), t % 10)
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
        (None, a) => (crate::core::questionnaire::plain_answer(a), ""),
    }
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
    let mut out = vec![Block::section(Some("r-overall"), overall)];
    // Critical gaps stand apart from the band: a high score does not make up for a missing safeguard.
    if !result.critical_gaps.is_empty() || !result.critical_unknown.is_empty() {
        let mut blocks = vec![Block::h(2, s("results.critical_heading"))];
        if !result.critical_gaps.is_empty() {
            let text = fill("results.critical", &[("count", &result.critical_gaps.len().to_string())]);
            blocks.extend([
                Block::Note(s("results.critical_label").into(), text),
                Block::List {
                    ordered: false,
                    items: result.critical_gaps.iter().map(|i| item_line(r, i)).collect(),
                },
            ]);
        }
        if !result.critical_unknown.is_empty() {
            let count = result.critical_unknown.len().to_string();
            blocks.extend([
                Block::p(fill("results.critical_unknown", &[("count", &count)])),
                Block::List {
                    ordered: false,
                    items: result
                        .critical_unknown
                        .iter()
                        .map(|q| Line::text(format!("{} {}", q.id, q.text)))
                        .collect(),
                },
            ]);
        }
        out.push(Block::section(Some("r-critical"), blocks));
    }

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
                vec![
                    Line::text(figure),
                    Line::text(level),
                    Line::text(format!("{} / {}", d.answered, d.applicable)),
                ],
            )
        })
        .collect();
    let head = ["results.col_dimension", "results.col_score", "results.col_level", "results.col_coverage"];
    out.push(Block::section(
        Some("r-dimensions"),
        vec![
            Block::h(2, s("results.by_dimension")),
            Block::Figure {
                class: None,
                svg: Svg::new(chart::readiness_bars(pack, result, s("results.chart_title"))),
                caption: s("results.chart_caption").into(),
            },
            Block::Table(Table {
                region: Some(s("results.by_dimension").into()),
                head: head.iter().map(|k| s(k).to_string()).collect(),
                rows,
                ..Table::default()
            }),
        ],
    ));

    // Weakest and strongest items.
    for (key, items) in [("results.weakest", &result.weakest), ("results.strongest", &result.strongest)] {
        let mut blocks = vec![Block::Heading(2, Line::text(s(key)))];
        if items.is_empty() {
            blocks.push(Block::Para(None, Line::text(s("results.no_items"))));
        } else {
            let lines = items.iter().map(|item| item_line(r, item)).collect();
            blocks.push(Block::List { ordered: true, items: lines });
        }
        out.push(Block::section(Some("r-items"), blocks));
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
    out.push(Block::section(Some("r-steps"), steps));
    out.push(Block::section(
        Some("r-method"),
        vec![
            Block::Heading(2, Line::text(s("results.method"))),
            Block::Para(None, Line::text(r.method.as_ref())),
            Block::Para(None, Line::text(s("results.decide"))),
        ],
    ));
    out
}

/// A scored item as listed in the results: its id, its question and the level chosen.
fn item_line(r: &Readiness, item: &ItemLevel) -> Line {
    let label = r.levels.iter().find(|l| l.value == item.level).map(|l| l.label.as_ref()).unwrap_or("");
    Line::default()
        .and(Inline::Strong(item.question.id.to_string()))
        .and(Inline::Text(format!(" {} ", item.question.text)))
        .and(Inline::Span("r-level", format!("({} · {label})", item.level)))
}

/// Every item of `form` that `asked` keeps, by section: its number and text, the answer (with the
/// choice's detail) and its notes. Sections with no such item are left out.
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
            out.push(Block::div(Some("r-item"), blocks));
        }
    }
    out
}

/// A readiness report: title page, results, every answer with its notes, general notes,
/// independence statement and credits.
pub fn readiness_report(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Vec<Block> {
    let form = questionnaire::readiness(pack);
    let mut out = vec![frame::title_page(&pack.readiness.name, a, meta)];
    out.extend(readiness_results(pack, &score(pack, &a.answers)));
    let mut answered = vec![Block::h(2, s("report.answers"))];
    answered.extend(answers(&form, a, |_| true));
    out.push(Block::section(Some("r-answers"), answered));
    out.extend(frame::closing(a));
    out
}

/// The report of any tool as blocks (`None` for tools without one yet).
pub fn report(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<Vec<Block>> {
    let mut blocks = match a.kind {
        Kind::Readiness => Some(readiness_report(pack, a, meta)),
        Kind::Risk => Some(risk::risk_report(pack, a, meta)),
        Kind::Workbook => Some(workbook::workbook_report(
            pack,
            a,
            meta,
            &meta.generated.chars().take(10).collect::<String>(),
        )),
    }?;
    // After the title page: what is kept aside is said before any figure that leaves it out.
    let at = blocks.len().min(1);
    blocks.splice(at..at, kept::kept_blocks(pack, a));
    Some(blocks)
}

/// The report of any tool as HTML for the app.
pub fn report_html(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<String> {
    report(pack, a, meta).map(|blocks| document::html(&blocks))
}

/// The results of any tool as HTML (`None` for tools without results yet); `today` is an ISO date.
pub fn results_html(pack: &'static Pack, a: &Assessment, today: &str) -> Option<String> {
    let mut blocks = kept::kept_blocks(pack, a);
    blocks.extend(match a.kind {
        Kind::Readiness => readiness_results(pack, &score(pack, &a.answers)),
        Kind::Risk => risk::risk_results(pack, a, today),
        Kind::Workbook => workbook::workbook_results(pack, a, today),
    });
    Some(document::html(&blocks))
}

/// The report of any tool as Markdown: the same blocks (a chart becomes its table).
pub fn report_markdown(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<String> {
    report(pack, a, meta).map(|blocks| document::markdown(&blocks))
}

/// The name of the tool that wrote `a`, as its reports say it.
fn tool_name(pack: &'static Pack, a: &Assessment) -> &'static str {
    match a.kind {
        Kind::Readiness => &pack.readiness.name,
        Kind::Risk => &pack.risk.name,
        Kind::Workbook => &pack.workbook.name,
    }
}

/// The report's charts as SVG, in order, for the browser to draw as the Word document's pictures.
pub fn report_figures(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<Vec<docx::Drawing>> {
    report(pack, a, meta).map(|blocks| docx::figures(&blocks))
}

/// The report as a Word document's parts (see [`docx`]); `pictures` draw its charts, in order.
pub fn report_docx(
    pack: &'static Pack,
    a: &Assessment,
    meta: &ReportMeta,
    pictures: &[Option<docx::Picture>],
) -> Option<Vec<crate::core::ooxml::PackagePart>> {
    let words = docx::Words { page: s("report.page"), of: s("report.page_of") };
    report(pack, a, meta).map(|blocks| docx::package(&blocks, &a.title, tool_name(pack, a), &words, pictures))
}

/// A risk assessment's rights impact assessment (AI Act Art. 27) as a Word document's parts (`None`
/// for other tools); it has no chart.
pub fn fria_docx(
    pack: &'static Pack,
    a: &Assessment,
    meta: &ReportMeta,
) -> Option<Vec<crate::core::ooxml::PackagePart>> {
    (a.kind == Kind::Risk).then(|| {
        let words = docx::Words { page: s("report.page"), of: s("report.page_of") };
        docx::package(&risk::fria_report(pack, a, meta), &a.title, risk::fria_kicker(pack, a), &words, &[])
    })
}

/// The assessment as a spreadsheet's parts (see [`sheets`]; `None` for tools without one).
pub fn report_xlsx(
    pack: &'static Pack,
    a: &Assessment,
    meta: &ReportMeta,
) -> Option<Vec<crate::core::ooxml::PackagePart>> {
    let tool = tool_name(pack, a);
    sheets::sheets(pack, a, tool, meta).map(|list| crate::core::ooxml::xlsx::package(&list, &a.title, tool))
}

/// The report as one HTML file that opens offline anywhere: styles inline, no script, no request. With
/// `answers`, its answer file rides along in an inert JSON element, so the report can be imported back;
/// that file holds all the assessment holds, more than the report shows, and the user chooses.
pub fn report_document(
    pack: &'static Pack,
    a: &Assessment,
    meta: &ReportMeta,
    answers: bool,
) -> Option<String> {
    let tool = tool_name(pack, a);
    let body = report_html(pack, a, meta)?;
    // The answers travel with the report if asked: importing this file into the app restores them.
    let tail = if answers {
        answer_file::embed_in_report(&answer_file::write(&[a], &ContentRef::of(pack), meta.now))
    } else {
        String::new()
    };
    Some(standalone(&a.title, tool, &body, &tail))
}

/// A risk assessment's fundamental-rights impact assessment (AI Act Art. 27) as one HTML file like the
/// report (`None` for other tools).
pub fn fria_document(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Option<String> {
    (a.kind == Kind::Risk).then(|| {
        let body = document::html(&risk::fria_report(pack, a, meta));
        standalone(&a.title, risk::fria_kicker(pack, a), &body, "")
    })
}

/// A whole HTML document around `body`: styles inline, a policy that allows no script and no request.
fn standalone(title: &str, tool: &str, body: &str, tail: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <title>{} · {}</title><style>body{{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1f24}}{REPORT_CSS}</style>\
         </head><body><main class=\"report\">{body}</main>{tail}</body></html>\n",
        html(title),
        html(tool),
        lang = crate::core::content::language(),
        dir = crate::core::language::direction(crate::core::content::language()),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
