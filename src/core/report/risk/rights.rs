//! The rights at stake (AI Act Art. 27(1)(d)): for each right of the pack, the register's risks that
//! would harm it, the highest level before and after mitigation, and the mitigations. A right no risk
//! touches is named too, so the team sees what it has not linked to any risk.

use super::super::document::{Block, Inline, Line, Table};
use super::super::{fill, s};
use super::{decision_word, rated, who_when};
use crate::core::content::model::{Choice, Pack, RiskLevel};
use crate::core::register::{level, rank, sorted, Risk};
use crate::core::report::workspace::status_key;

/// One right with the risks of the register that would harm it, in reading order.
pub struct AtStake<'a> {
    pub right: &'static Choice,
    pub risks: Vec<&'a Risk>,
}

impl AtStake<'_> {
    /// The highest level among its risks, before mitigation or after (`residual`); `None` when none
    /// of them is rated.
    pub fn highest(&self, pack: &'static Pack, residual: bool) -> Option<&'static RiskLevel> {
        self.risks
            .iter()
            .filter_map(|r| {
                let (l, sv) = r.rating(residual);
                level(pack, l, sv)
            })
            .max_by_key(|x| rank(pack, x))
    }

    /// How many of its risks are not rated yet, before mitigation or after (`residual`).
    pub fn unrated(&self, pack: &'static Pack, residual: bool) -> usize {
        self.risks
            .iter()
            .filter(|r| {
                let (l, sv) = r.rating(residual);
                level(pack, l, sv).is_none()
            })
            .count()
    }

    /// The highest level as the tables show it: the level, and how many risks are not rated yet, so
    /// an unrated risk never makes the level read lower than it may be.
    pub fn level_text(&self, pack: &'static Pack, residual: bool) -> String {
        match (self.highest(pack, residual), self.unrated(pack, residual)) {
            (None, _) => s("risk.not_rated").to_string(),
            (Some(l), 0) => l.label.to_string(),
            (Some(l), n) => fill("rights.level_unrated", &[("level", &l.label), ("count", &n.to_string())]),
        }
    }
}

/// The risks of the register linked to no right this content lists, in reading order (a risk with no
/// rights ticked, or only ids another content version had).
pub fn unlinked<'a>(pack: &'static Pack, register: &'a [Risk]) -> Vec<&'a Risk> {
    let known = |x: &String| pack.risk.rights.iter().any(|y| y.id == *x);
    sorted(pack, register).into_iter().filter(|r| !r.rights.iter().any(known)).collect()
}

/// Every right of the pack, in its order, with the risks that would harm it.
pub fn at_stake<'a>(pack: &'static Pack, register: &'a [Risk]) -> Vec<AtStake<'a>> {
    let ordered = sorted(pack, register);
    pack.risk
        .rights
        .iter()
        .map(|right| AtStake {
            right,
            risks: ordered.iter().copied().filter(|r| r.rights.iter().any(|x| *x == right.id)).collect(),
        })
        .collect()
}

/// The articles that protect a right, as one line.
fn refs_line(right: &Choice) -> String {
    right.refs.iter().map(|x| x.as_ref()).collect::<Vec<_>>().join(" · ")
}

/// The rights at stake as blocks, headed at `level` (2 in results and reports): a table of the rights
/// the register touches, then each of them with its risks and mitigations, then the rights untouched
/// and the risks linked to no listed right.
pub fn rights_blocks(pack: &'static Pack, register: &[Risk], level: u8) -> Vec<Block> {
    let all = at_stake(pack, register);
    let (touched, untouched): (Vec<&AtStake>, Vec<&AtStake>) = all.iter().partition(|x| !x.risks.is_empty());
    let mut out =
        vec![Block::h(level, s("rights.heading")), Block::Para(Some("hint"), Line::text(s("rights.hint")))];
    if touched.is_empty() {
        out.push(Block::p(s("rights.none")));
    } else {
        let rows = touched
            .iter()
            .map(|x| {
                let ids = x.risks.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
                let cells = [ids, x.level_text(pack, false), x.level_text(pack, true)];
                (x.right.label.to_string(), cells.into_iter().map(Line::text).collect())
            })
            .collect();
        out.push(Block::Table(Table {
            class: Some("by-right"),
            region: Some(s("rights.heading").into()),
            caption: None,
            head: ["rights.col_right", "rights.col_risks", "riskresults.col_highest", "rights.col_residual"]
                .iter()
                .map(|k| s(k).to_string())
                .collect(),
            rows,
        }));
    }
    for x in &touched {
        let mut blocks = vec![
            Block::h(level + 1, x.right.label.as_ref()),
            Block::Para(Some("r-refs"), Line::text(refs_line(x.right))),
        ];
        let risks = x
            .risks
            .iter()
            .map(|r| {
                let rating = fill(
                    "rights.risk_line",
                    &[
                        ("inherent", &rated(pack, r.likelihood, r.severity)),
                        ("residual", &rated(pack, r.residual_likelihood, r.residual_severity)),
                        ("decision", decision_word(r)),
                    ],
                );
                Line::default()
                    .and(Inline::Strong(format!("{} {}", r.id, r.title)))
                    .and(Inline::Text(format!(": {rating}")))
            })
            .collect();
        blocks.push(Block::List { ordered: false, items: risks });
        let mitigations: Vec<Line> = x
            .risks
            .iter()
            .flat_map(|r| {
                r.mitigations.iter().map(move |m| {
                    Line::text(format!(
                        "{} ({}; {}; {})",
                        m.action,
                        r.id,
                        who_when(m),
                        s(status_key(m.status))
                    ))
                })
            })
            .collect();
        blocks.push(Block::h(level + 2, s("risk.mitigations")));
        if mitigations.is_empty() {
            blocks.push(Block::p(s("rights.no_mitigations")));
        } else {
            blocks.push(Block::List { ordered: false, items: mitigations });
        }
        out.push(Block::div(Some("r-right"), blocks));
    }
    if !untouched.is_empty() && !touched.is_empty() {
        let names = untouched.iter().map(|x| x.right.label.as_ref()).collect::<Vec<_>>().join("; ");
        out.push(Block::p(fill("rights.untouched", &[("rights", &names)])));
    }
    let loose = unlinked(pack, register);
    if !loose.is_empty() {
        let items = loose
            .into_iter()
            .map(|r| {
                let line = Line::default().and(Inline::Strong(format!("{} {}", r.id, r.title)));
                match r.rights.is_empty() {
                    true => line,
                    false => {
                        let ids = fill("rights.unknown", &[("ids", &r.rights.join(", "))]);
                        line.and(Inline::Text(format!(" ({ids})")))
                    }
                }
            })
            .collect();
        out.push(Block::p(s("rights.unlinked")));
        out.push(Block::List { ordered: false, items });
    }
    out
}
