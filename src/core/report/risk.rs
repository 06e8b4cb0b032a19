//! The results and report of a risk assessment: heat maps of inherent and residual levels (SVG with a
//! table of the same counts), the register in reading order, where the risk concentrates by principle,
//! the rights at stake, mitigations that need attention, and what is still open. Written once as blocks for the results
//! view, the printed and downloaded report and the Markdown.

use super::document::{Block, Inline, Line, Table};
use super::frame::{closing, or_dash, title_page};
use super::{fill, s, ReportMeta};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{FieldKind, Pack, ProfileField};
use crate::core::questionnaire;
use crate::core::register::{attention, sorted, Mitigation, Risk, Status};
use crate::core::report::workspace::{changes, decision_key, snapshot_name, status_key};
use crate::core::risk::legal::{applying, classification, prohibited, Classification};
use crate::core::risk::{effective_profile, holds, level, options, pending, rank, screen, shown};

use std::collections::BTreeMap;

mod fria;
mod heat;
mod legal;
mod rights;
pub mod transparency;
pub use fria::{fria_report, kicker as fria_kicker};
pub use heat::heat_map;
pub use legal::{findings, prohibited_finding};
pub use rights::{at_stake, rights_blocks};

fn level_word(pack: &Pack, l: u8, sv: u8) -> String {
    level(pack, l, sv).map_or_else(|| s("risk.not_rated").to_string(), |x| x.label.to_string())
}

/// Risks per instrumental principle with the highest inherent level among them, largest first is not
/// imposed: principles keep the toolkit's order so that gaps show.
fn by_principle(pack: &Pack, risks: &[Risk]) -> Vec<(&'static str, &'static str, usize, Option<String>)> {
    crate::core::content::pack()
        .vocabulary
        .principles
        .iter()
        .filter(|p| p.parent.is_some())
        .map(|p| {
            let touching: Vec<&Risk> =
                risks.iter().filter(|r| r.principles.iter().any(|x| *x == p.id)).collect();
            let top = touching
                .iter()
                .filter_map(|r| level(pack, r.likelihood, r.severity))
                .max_by_key(|l| rank(pack, l))
                .map(|l| l.label.to_string());
            (p.id.as_ref(), p.name.as_ref(), touching.len(), top)
        })
        .collect()
}

/// The profile fields the profile itself shows (a field hidden by an earlier answer decides nothing).
fn shown_fields(pack: &'static Pack, a: &Assessment) -> Vec<&'static ProfileField> {
    let profile = effective_profile(pack, &a.answers);
    pack.risk.profile_fields.iter().filter(|f| shown(pack, f, &profile)).collect()
}

/// What is still open: screening answers, set-aside answers, proposals, unrated and undecided risks.
fn open_points(pack: &'static Pack, a: &Assessment) -> Vec<String> {
    let sc = screen(pack, &a.answers);
    // Counted as the library counts them (`questionnaire::progress`): by their conditions alone.
    let profile = effective_profile(pack, &a.answers);
    let shown: Vec<_> = pack.risk.profile_fields.iter().filter(|f| holds(&f.show_if, &profile)).collect();
    let profile_total = shown.len();
    let profile_given =
        shown.iter().filter(|f| a.answers.get(f.id.as_ref()).is_some_and(Answer::is_given)).count();
    let reg = &a.risk.register;
    let n = |x: usize| x.to_string();
    let mut out = vec![
        fill("riskresults.open_screening", &[("answered", &n(sc.answered)), ("total", &n(sc.applicable))]),
        fill("riskresults.open_profile", &[("answered", &n(profile_given)), ("total", &n(profile_total))]),
    ];
    let waiting = pending(pack, a).len();
    if waiting > 0 {
        out.push(fill("riskresults.open_proposals", &[("count", &n(waiting))]));
    }
    if sc.set_aside > 0 {
        out.push(fill("risk.set_aside", &[("count", &n(sc.set_aside))]));
    }
    let unrated = reg.iter().filter(|r| level(pack, r.likelihood, r.severity).is_none()).count();
    if unrated > 0 {
        out.push(fill("riskresults.open_unrated", &[("count", &n(unrated))]));
    }
    if let Some(found) = prohibited(pack, &a.answers) {
        if !found.standing.is_empty() {
            out.push(s("legal.open_prohibited").into());
        }
        if found.exception.is_some() {
            out.push(s("legal.open_exception").into());
        }
    }
    if let Some(Classification::HighRisk { open, .. }) = classification(pack, &a.answers) {
        if !open.is_empty() {
            out.push(fill("legal.open_duties", &[("count", &n(open.len()))]));
        }
    }
    let undecided = reg.iter().filter(|r| r.decision.is_none()).count();
    if undecided > 0 {
        out.push(fill("riskresults.open_undecided", &[("count", &n(undecided))]));
    }
    out
}

/// The results of a risk assessment as blocks; headings start at `h2`. `today` (ISO date) decides
/// which mitigations are overdue.
pub fn risk_results(pack: &'static Pack, a: &Assessment, today: &str) -> Vec<Block> {
    let reg = &a.risk.register;
    let count_at = |lv: &str, residual: bool| {
        reg.iter()
            .filter(|r| {
                let (l, sv) = r.rating(residual);
                level(pack, l, sv).is_some_and(|x| x.id == lv)
            })
            .count()
            .to_string()
    };
    let levels = pack
        .risk
        .risk_levels
        .iter()
        .rev()
        .map(|lv| {
            Line::text(fill(
                "riskresults.level_line",
                &[
                    ("level", &lv.label),
                    ("inherent", &count_at(&lv.id, false)),
                    ("residual", &count_at(&lv.id, true)),
                ],
            ))
        })
        .collect();
    // A prohibited practice comes before everything: no rating or mitigation makes up for it.
    let mut out = findings(pack, a);
    out.extend([
        Block::Note(String::new(), s("results.decide").into()),
        Block::section(
            None,
            vec![
                Block::h(2, s("riskresults.summary")),
                Block::p(fill("riskresults.count", &[("count", &reg.len().to_string())])),
                Block::List { ordered: false, items: levels },
            ],
        ),
        Block::section(
            Some("r-maps"),
            vec![
                Block::h(2, s("riskresults.maps")),
                Block::div(
                    Some("maps"),
                    vec![
                        Block::div(None, heat_map(pack, reg, false)),
                        Block::div(None, heat_map(pack, reg, true)),
                    ],
                ),
            ],
        ),
    ]);

    let mut register = vec![Block::h(2, s("risk.register"))];
    if reg.is_empty() {
        register.push(Block::p(s("risk.empty_register")));
    } else {
        let head = [
            "riskresults.col_risk",
            "riskresults.col_inherent",
            "riskresults.col_residual",
            "risk.decision",
            "risk.mitigations",
            "risk.f_principles",
        ];
        let rows = sorted(pack, reg)
            .into_iter()
            .map(|r| {
                let open = r.mitigations.iter().filter(|m| m.status != Status::Done).count();
                let mitigations = fill(
                    "riskresults.mitigation_count",
                    &[("total", &r.mitigations.len().to_string()), ("open", &open.to_string())],
                );
                let cells = [
                    rated(pack, r.likelihood, r.severity),
                    rated(pack, r.residual_likelihood, r.residual_severity),
                    decision_word(r).into(),
                    mitigations,
                    r.principles.join(", "),
                ];
                (format!("{} {}", r.id, r.title), cells.into_iter().map(Line::text).collect())
            })
            .collect();
        register.push(Block::Table(Table {
            class: Some("register"),
            region: Some(s("risk.register").into()),
            caption: None,
            head: head.iter().map(|k| s(k).to_string()).collect(),
            rows,
        }));
    }
    out.push(Block::section(None, register));

    let principles = by_principle(pack, reg);
    let most = principles.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let rows = principles
        .into_iter()
        .map(|(id, name, count, top)| {
            let bar = Line(vec![Inline::Bar(count * 100 / most), Inline::Text(format!(" {count}"))]);
            (format!("{id} {name}"), vec![bar, Line::text(top.unwrap_or_else(|| "–".into()))])
        })
        .collect();
    out.push(Block::section(
        None,
        vec![
            Block::h(2, s("riskresults.by_principle")),
            Block::Para(Some("hint"), Line::text(s("riskresults.by_principle_hint"))),
            Block::Table(Table {
                class: Some("by-principle"),
                region: Some(s("riskresults.by_principle").into()),
                caption: None,
                head: ["risk.principles", "riskresults.col_count", "riskresults.col_highest"]
                    .iter()
                    .map(|k| s(k).to_string())
                    .collect(),
                rows,
            }),
        ],
    ));

    out.push(Block::section(Some("r-rights"), rights_blocks(pack, reg, 2)));

    let mut attend = vec![Block::h(2, s("riskresults.attention"))];
    let flagged = attention(reg, today);
    if flagged.is_empty() {
        attend.push(Block::p(s("riskresults.no_attention")));
    } else {
        let items = flagged
            .into_iter()
            .map(|(r, m)| {
                let why =
                    if m.owner.trim().is_empty() { "riskresults.no_owner" } else { "riskresults.overdue" };
                let text = format!(" {} {}: {} ({})", r.id, r.title, m.action, who_when(m));
                Line::default().and(Inline::Strong(s(why).into())).and(Inline::Text(text))
            })
            .collect();
        attend.push(Block::List { ordered: false, items });
    }
    out.push(Block::section(None, attend));
    out.push(Block::section(
        None,
        vec![
            Block::h(2, s("riskresults.open")),
            Block::List { ordered: false, items: open_points(pack, a).into_iter().map(Line::text).collect() },
        ],
    ));
    out.push(Block::section(
        None,
        vec![
            Block::h(2, s("results.method")),
            Block::p(pack.risk.method.as_ref()),
            Block::p(pack.risk.matrix_rationale.as_ref()),
        ],
    ));
    out
}

/// Who carries a mitigation out and by when.
fn who_when(m: &Mitigation) -> String {
    format!(
        "{}: {}; {}: {}",
        s("risk.f_owner"),
        or_dash(&m.owner),
        s("risk.f_due"),
        or_dash(&crate::core::dates::in_words(&m.due))
    )
}

fn decision_word(r: &Risk) -> &'static str {
    r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d)))
}

pub(crate) fn rated(pack: &Pack, l: u8, sv: u8) -> String {
    if level(pack, l, sv).is_none() {
        return s("risk.not_rated").to_string();
    }
    format!("{} (L{l} × S{sv})", level_word(pack, l, sv))
}

/// A profile answer as text.
pub(super) fn profile_answer(pack: &'static Pack, id: &str, answers: &BTreeMap<String, Answer>) -> String {
    profile_value(pack, id, answers).unwrap_or_else(|| s("results.unanswered").to_string())
}

/// A profile answer as text, `None` when nothing was given or implied.
pub(super) fn profile_value(
    pack: &'static Pack,
    id: &str,
    answers: &BTreeMap<String, Answer>,
) -> Option<String> {
    let f = pack.risk.profile_fields.iter().find(|f| f.id == id)?;
    let label = |v: &str| {
        options(pack, f).into_iter().find(|(o, _)| *o == v).map_or(v.to_string(), |(_, l)| l.to_string())
    };
    let given = match (f.kind, answers.get(id)) {
        (_, Some(Answer::Text(t))) if !t.trim().is_empty() => Some(t.clone()),
        (FieldKind::Choice, Some(Answer::Choice(c))) => Some(label(c)),
        (FieldKind::Multi, Some(Answer::Choices(cs))) => {
            Some(cs.iter().map(|c| label(c)).collect::<Vec<_>>().join("; "))
        }
        _ => None,
    };
    // A practice or use the rest of the profile implies counts as the profile view says, ticked or not.
    let implied: Vec<String> = applying(pack, &effective_profile(pack, answers), id)
        .into_iter()
        .filter(|c| !matches!(answers.get(id), Some(Answer::Choices(cs)) if cs.iter().any(|x| *x == c.id)))
        .map(|c| format!("{} {}", s("legal.implied"), c.label))
        .collect();
    let parts: Vec<String> = given.into_iter().chain(implied).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A risk report: title page, results, profile, screening answers, each risk in full, dismissed
/// proposals, snapshots and what changed since the last, and the closing.
pub fn risk_report(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> Vec<Block> {
    let mut out = vec![title_page(&pack.risk.name, a, meta)];
    out.extend(risk_results(pack, a, &meta.generated.chars().take(10).collect::<String>()));
    let profile = shown_fields(pack, a)
        .into_iter()
        .map(|f| (f.label.to_string(), profile_answer(pack, &f.id, &a.answers)))
        .collect();
    out.push(Block::section(
        None,
        vec![
            Block::h(2, s("risk.profile")),
            Block::Defs { class: Some("r-profile"), value_class: None, rows: profile },
        ],
    ));
    let form = questionnaire::risk_screening(pack);
    let asked = form.applies(&a.answers);
    let mut screening = vec![Block::h(2, s("risk.screening"))];
    screening.extend(super::answers(&form, a, asked));
    out.push(Block::section(Some("r-answers"), screening));

    let mut details = vec![Block::h(2, s("riskresults.details"))];
    details.extend(sorted(pack, &a.risk.register).into_iter().map(|r| risk_in_full(pack, r)));
    if !a.risk.dismissed.is_empty() {
        let items = a
            .risk
            .dismissed
            .iter()
            .map(|(t, reason)| {
                let title =
                    pack.risk.templates.iter().find(|x| x.id == *t).map_or(t.as_str(), |x| x.title.as_ref());
                Line::default().and(Inline::Strong(title.into())).and(Inline::Text(format!(": {reason}")))
            })
            .collect();
        details.push(Block::h(3, s("risk.dismissed")));
        details.push(Block::List { ordered: false, items });
    }
    if let Some(last) = a.risk.snapshots.last() {
        let items = a
            .risk
            .snapshots
            .iter()
            .map(|snap| {
                let count = fill("riskresults.count", &[("count", &snap.register.len().to_string())]);
                Line::text(format!("{} · {count}", snapshot_name(snap)))
            })
            .collect();
        details.push(Block::h(3, s("risk.snapshots")));
        details.push(Block::List { ordered: false, items });
        details.push(Block::h(3, s("riskresults.since_last")));
        details.push(Block::div(Some("changes"), changes(pack, a, &last.taken.to_string(), "current")));
    }
    out.push(Block::section(None, details));
    out.extend(closing(a));
    out
}

/// One risk with every field, its rating and decision, and its mitigations.
fn risk_in_full(pack: &'static Pack, r: &Risk) -> Block {
    let stage = pack.vocabulary.stages.iter().find(|x| x.id == r.stage).map_or("–", |x| x.name.as_ref());
    let fields = [
        ("risk.f_principles", r.principles.join(", ")),
        ("risk.f_rights", crate::core::register::right_labels(pack, &r.rights).join("; ")),
        ("risk.f_groups", r.affected_groups.join("; ")),
        ("risk.f_stage", stage.to_string()),
        ("risk.inherent_level", rated(pack, r.likelihood, r.severity)),
        ("risk.f_controls", r.controls.clone()),
        ("risk.residual_level", rated(pack, r.residual_likelihood, r.residual_severity)),
        ("risk.f_decision", decision_word(r).to_string()),
        ("risk.f_decided_by", r.decided_by.clone()),
        ("risk.f_rationale", r.rationale.clone()),
    ];
    let mut blocks = vec![Block::h(3, format!("{} {}", r.id, r.title))];
    if !r.description.trim().is_empty() {
        // Kept as typed, line breaks included.
        blocks.push(Block::Para(Some("r-note"), Line::text(r.description.as_str())));
    }
    blocks.push(Block::Defs {
        class: Some("r-profile"),
        value_class: Some("r-note"),
        rows: fields.into_iter().map(|(k, v)| (s(k).to_string(), or_dash(&v))).collect(),
    });
    if !r.mitigations.is_empty() {
        let items = r
            .mitigations
            .iter()
            .map(|m| Line::text(format!("{} ({}; {})", m.action, who_when(m), s(status_key(m.status)))))
            .collect();
        blocks.push(Block::h(4, s("risk.mitigations")));
        blocks.push(Block::List { ordered: false, items });
    }
    Block::div(Some("r-item"), blocks)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
