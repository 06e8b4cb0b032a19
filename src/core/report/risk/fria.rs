//! The fundamental-rights impact assessment, laid out as AI Act Art. 27(1)(a) to (f) asks, from what
//! the risk assessment holds, with a one-page summary to send with the notification to the market
//! surveillance authority (Art. 27(3)). Written as blocks like every report, so what it says cannot
//! differ from the results.

use super::super::document::{Block, Line};
use super::super::frame::{closing, or_dash, title_page};
use super::super::{fill, s, ReportMeta};
use super::{at_stake, decision_word, findings, profile_answer, rights_blocks};
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::register::{level, rank, sorted};
use crate::core::risk::legal::{classification, Classification};
use crate::core::risk::{effective_profile, shown};

/// The profile fields each part of Art. 27(1) reads, in order.
const PARTS: [(&str, &[&str]); 3] = [
    ("fria.a", &["purpose", "application_type", "legal_basis", "decision_path"]),
    ("fria.b", &["use_period", "use_frequency", "timing", "scale"]),
    ("fria.c", &["people_affected"]),
];

fn field_label(pack: &'static Pack, id: &str) -> String {
    pack.risk
        .profile_fields
        .iter()
        .find(|f| f.id == id)
        .map_or_else(|| id.to_string(), |f| f.label.to_string())
}

/// The fields of `ids` the profile asks (one it hides decides nothing and is not "to do").
fn asked<'i>(pack: &'static Pack, a: &Assessment, ids: &[&'i str]) -> Vec<&'i str> {
    let profile = effective_profile(pack, &a.answers);
    let is_shown = |id: &str| pack.risk.profile_fields.iter().any(|f| f.id == id && shown(pack, f, &profile));
    ids.iter().copied().filter(|id| is_shown(id)).collect()
}

fn rows(pack: &'static Pack, a: &Assessment, ids: &[&str]) -> Vec<(String, String)> {
    asked(pack, a, ids)
        .into_iter()
        .map(|id| (field_label(pack, id), profile_answer(pack, id, &a.answers)))
        .collect()
}

fn answers(pack: &'static Pack, a: &Assessment, ids: &[&str]) -> Block {
    Block::Defs { class: Some("r-profile"), value_class: Some("r-note"), rows: rows(pack, a, ids) }
}

/// Whether the profile classes the system as a high-risk use under the EU AI Act, so that Art. 27
/// applies (for the bodies it names) and the notification follows.
pub fn required(pack: &'static Pack, a: &Assessment) -> bool {
    matches!(classification(pack, &a.answers), Some(Classification::HighRisk { .. }))
}

/// The document's kicker: it says whether Art. 27 asks for it or it follows the Article's layout.
pub fn kicker(pack: &'static Pack, a: &Assessment) -> &'static str {
    if required(pack, a) {
        s("fria.kicker")
    } else {
        s("fria.kicker_voluntary")
    }
}

/// The groups the register's risks name, each once, in reading order.
fn groups(pack: &'static Pack, a: &Assessment) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for g in sorted(pack, &a.risk.register).into_iter().flat_map(|r| &r.affected_groups) {
        if !g.trim().is_empty() && !out.iter().any(|x| x.eq_ignore_ascii_case(g.trim())) {
            out.push(g.trim().to_string());
        }
    }
    out
}

/// The assessment as blocks: title page, scope, the legal findings, parts (a) to (f), the summary for
/// the authority when Art. 27 asks for a notification, and the closing.
pub fn fria_report(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Vec<Block> {
    let reg = &a.risk.register;
    let required = required(pack, a);
    let scope = if required { s("fria.scope") } else { s("fria.scope_voluntary") };
    let mut out = vec![title_page(kicker(pack, a), a, meta), Block::Note(String::new(), scope.into())];
    out.extend(findings(pack, a));
    for (key, ids) in PARTS {
        let mut blocks = vec![Block::h(2, s(key)), answers(pack, a, ids)];
        if key == "fria.c" {
            let named = groups(pack, a);
            if !named.is_empty() {
                blocks.push(Block::p(fill("fria.groups", &[("groups", &named.join("; "))])));
            }
        }
        out.push(Block::section(None, blocks));
    }
    let mut d = vec![Block::h(2, s("fria.d"))];
    d.extend(rights_blocks(pack, reg, 3));
    out.push(Block::section(Some("r-rights"), d));
    out.push(Block::section(
        None,
        vec![Block::h(2, s("fria.e")), answers(pack, a, &["oversight", "oversight_measures"])],
    ));
    let mut f =
        vec![Block::h(2, s("fria.f")), answers(pack, a, &["redress"]), Block::h(3, s("fria.decisions"))];
    if reg.is_empty() {
        f.push(Block::p(s("risk.empty_register")));
    } else {
        let items = sorted(pack, reg)
            .into_iter()
            .map(|r| {
                let by = if r.decided_by.trim().is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.decided_by.trim())
                };
                Line::text(format!(
                    "{} {}: {}{by}. {}",
                    r.id,
                    r.title,
                    decision_word(r),
                    or_dash(&r.rationale)
                ))
            })
            .collect();
        f.push(Block::List { ordered: false, items });
    }
    out.push(Block::section(None, f));
    if required {
        out.push(summary(pack, a, meta));
    }
    out.extend(closing(a));
    out
}

/// What the notification needs, to be checked against the AI Office's template.
fn summary(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Block {
    let stake: Vec<String> = at_stake(pack, &a.risk.register)
        .into_iter()
        .filter(|x| !x.risks.is_empty())
        .map(|x| {
            let residual = x.level_text(pack, true);
            fill(
                "fria.summary_right",
                &[
                    ("right", &x.right.label),
                    ("ids", &x.risks.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")),
                    ("residual", &residual),
                ],
            )
        })
        .collect();
    let open_high = a
        .risk
        .register
        .iter()
        // The two highest levels of the matrix (high and critical in the core pack).
        .filter(|r| {
            level(pack, r.residual_likelihood, r.residual_severity)
                .is_some_and(|l| rank(pack, l) + 2 >= pack.risk.risk_levels.len())
        })
        .count();
    let mut rows = vec![
        (s("fria.s_system").to_string(), a.title.clone()),
        (s("report.subject").to_string(), or_dash(&a.subject)),
        (s("fria.s_date").to_string(), crate::core::dates::in_words(&meta.generated)),
    ];
    for id in [
        "purpose",
        "high_risk_uses",
        "use_period",
        "use_frequency",
        "people_affected",
        "oversight",
        "redress",
    ] {
        rows.push((field_label(pack, id), profile_answer(pack, id, &a.answers)));
    }
    rows.push((
        s("rights.heading").to_string(),
        if stake.is_empty() { s("rights.none").to_string() } else { stake.join("; ") },
    ));
    rows.push((s("fria.s_high").to_string(), open_high.to_string()));
    let unrated =
        a.risk.register.iter().filter(|r| level(pack, r.residual_likelihood, r.residual_severity).is_none());
    rows.push((s("fria.s_unrated").to_string(), unrated.count().to_string()));
    Block::section(
        Some("r-summary"),
        vec![
            Block::h(2, s("fria.summary_heading")),
            Block::Para(Some("hint"), Line::text(s("fria.summary_hint"))),
            Block::Defs { class: Some("r-profile"), value_class: Some("r-note"), rows },
        ],
    )
}
