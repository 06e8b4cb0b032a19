//! What frames every report: the title page (the tool, the title, who and when, the independence
//! line) and the closing (general notes, the independence statement and the credits).

use super::document::{Block, Inline, Line, Part};
use super::{s, ReportMeta};
use crate::core::answer_file::fingerprint;
use crate::core::assessment::{Assessment, GENERAL_NOTES};
use crate::core::dates::in_words;
use crate::core::{APP_VERSION, TOOLKIT_INTERPOL, TOOLKIT_UNICRI};

/// A value as a report shows it: "–" where nothing was written.
pub(crate) fn or_dash(value: &str) -> String {
    if value.trim().is_empty() {
        "–".to_string()
    } else {
        value.to_string()
    }
}

/// Who and when, as every report and spreadsheet says it: (label, value).
pub(crate) fn facts(a: &Assessment, meta: &ReportMeta) -> Vec<(String, String)> {
    let respondent = match (a.respondent.name.trim(), a.respondent.role.trim()) {
        ("", "") => "–".to_string(),
        (n, "") => n.to_string(),
        ("", r) => r.to_string(),
        (n, r) => format!("{n} ({r})"),
    };
    let rows = [
        ("report.subject", or_dash(&a.subject)),
        ("report.respondents", respondent),
        ("report.generated", in_words(&meta.generated)),
        ("report.updated", in_words(&meta.updated)),
        ("report.content", format!("{} {}", a.content.id, a.content.version)),
        ("report.app", format!("{} {APP_VERSION}", s("app.name"))),
        ("report.fingerprint", fingerprint::of(a).for_people()),
    ];
    let status = super::review::status_facts(a);
    rows.into_iter().chain(status).map(|(k, v)| (s(k).to_string(), v)).collect()
}

/// The title page of a report: the tool, the title, who and when, and the independence line.
pub(crate) fn title_page(tool: &str, a: &Assessment, meta: &ReportMeta) -> Block {
    Block::Part(
        Part::Header,
        Some("r-title-page"),
        vec![
            Block::Title { kicker: tool.to_string(), title: a.title.clone() },
            Block::Defs { class: None, value_class: None, rows: facts(a, meta) },
            Block::Para(Some("r-fingerprint-note"), Line::text(s("report.fingerprint_note"))),
            Block::Para(Some("r-independence"), Line::text(s("app.independence"))),
        ],
    )
}

/// The end of a report: general notes, the independence statement and the credits.
pub(crate) fn closing(a: &Assessment) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(notes) = a.notes.get(GENERAL_NOTES).filter(|n| !n.trim().is_empty()) {
        out.push(Block::section(
            None,
            vec![
                Block::h(2, s("report.general_notes")),
                Block::Para(Some("r-note"), Line::text(notes.as_str())),
            ],
        ));
    }
    if let Some(section) = super::review::comments_section(a) {
        out.push(section);
    }
    let link = |key, url| Line::text(format!("{}: ", s(key))).and(Inline::Url(url));
    out.push(Block::Part(
        Part::Footer,
        Some("r-credits"),
        vec![
            Block::h(2, s("about.independence_heading")),
            Block::p(s("about.independence_body")),
            Block::h(2, s("about.credits_heading")),
            Block::p(s("about.credits_body")),
            Block::List {
                ordered: false,
                items: vec![
                    link("about.link_interpol", TOOLKIT_INTERPOL),
                    link("about.link_unicri", TOOLKIT_UNICRI),
                ],
            },
        ],
    ));
    out
}
