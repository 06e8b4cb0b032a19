//! The risk register: risks with their ratings, mitigations and decisions; its order; dated
//! snapshots and what changed between two; the matrix that rates a risk; and the register as CSV for
//! spreadsheets. A record holds these types; nothing here needs the whole record.

use crate::core::content::model::{Pack, RiskLevel};
use crate::core::csv;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The level a likelihood and a severity (each 1 to 5) give in the pack's matrix.
pub fn level(pack: &Pack, likelihood: u8, severity: u8) -> Option<&RiskLevel> {
    let (l, s) = (usize::from(likelihood).checked_sub(1)?, usize::from(severity).checked_sub(1)?);
    let id = pack.risk.matrix.get(l)?.get(s)?;
    pack.risk.risk_levels.iter().find(|r| r.id == *id)
}

/// A level's rank, 0 for the lowest: for sorting and comparing ratings.
pub fn rank(pack: &Pack, level: &RiskLevel) -> usize {
    pack.risk.risk_levels.iter().position(|r| r.id == level.id).unwrap_or(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accept,
    Treat,
    Avoid,
    Transfer,
}

impl Decision {
    pub const ALL: [Decision; 4] = [Decision::Accept, Decision::Treat, Decision::Avoid, Decision::Transfer];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Treat => "treat",
            Decision::Avoid => "avoid",
            Decision::Transfer => "transfer",
        }
    }

    pub fn from_id(id: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// Where a planned mitigation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Planned,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::InProgress, Status::Done];

    pub fn id(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mitigation {
    pub action: String,
    pub owner: String,
    /// ISO date, `YYYY-MM-DD`; empty when not set.
    pub due: String,
    pub status: Status,
}

/// One risk of the register. Ratings are 1 to 5; 0 means not rated yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Risk {
    /// Stable within the assessment (`K1`, `K2`…), so snapshots can be compared.
    pub id: String,
    /// The content template it was accepted from; empty for a risk added by hand.
    pub template: String,
    pub title: String,
    pub description: String,
    pub principles: Vec<String>,
    /// The rights it would harm, by the pack's right ids (`content::model::Risk::rights`).
    pub rights: Vec<String>,
    pub affected_groups: Vec<String>,
    pub stage: String,
    pub likelihood: u8,
    pub severity: u8,
    pub controls: String,
    pub mitigations: Vec<Mitigation>,
    pub residual_likelihood: u8,
    pub residual_severity: u8,
    pub decision: Option<Decision>,
    pub decided_by: String,
    pub rationale: String,
}

/// A dated copy of the register, taken at a review or a life-cycle stage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken, in milliseconds since the Unix epoch; also its key.
    pub taken: i64,
    pub label: String,
    pub register: Vec<Risk>,
}

/// What a risk assessment keeps besides its answers: the register, proposals dismissed with the
/// reason given (by template id), and snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RiskRecord {
    pub register: Vec<Risk>,
    pub dismissed: BTreeMap<String, String>,
    pub snapshots: Vec<Snapshot>,
}

impl RiskRecord {
    pub fn is_empty(&self) -> bool {
        self.register.is_empty() && self.dismissed.is_empty() && self.snapshots.is_empty()
    }
}

impl Risk {
    /// Likelihood and severity as rated before mitigation, or after (`residual`); 0 until rated.
    pub fn rating(&self, residual: bool) -> (u8, u8) {
        if residual {
            (self.residual_likelihood, self.residual_severity)
        } else {
            (self.likelihood, self.severity)
        }
    }

    /// The inherent level's rank (0 = lowest), `None` until rated.
    pub fn inherent_rank(&self, pack: &Pack) -> Option<usize> {
        level(pack, self.likelihood, self.severity).map(|l| rank(pack, l))
    }

    pub fn residual_rank(&self, pack: &Pack) -> Option<usize> {
        level(pack, self.residual_likelihood, self.residual_severity).map(|l| rank(pack, l))
    }
}

/// The register in reading order: highest inherent level first, then highest residual, then title;
/// unrated risks last.
pub fn sorted<'r>(pack: &Pack, risks: &'r [Risk]) -> Vec<&'r Risk> {
    let mut out: Vec<&Risk> = risks.iter().collect();
    crate::core::sort::by(&mut out, |a, b| {
        let key = |r: &Risk| {
            (
                std::cmp::Reverse(r.inherent_rank(pack).map(|x| x + 1).unwrap_or(0)),
                std::cmp::Reverse(r.residual_rank(pack).map(|x| x + 1).unwrap_or(0)),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title))
    });
    out
}

/// Mitigations that need attention on `today` (an ISO date): open and past due, or without an owner.
pub fn attention<'r>(risks: &'r [Risk], today: &str) -> Vec<(&'r Risk, &'r Mitigation)> {
    risks
        .iter()
        .flat_map(|r| r.mitigations.iter().map(move |m| (r, m)))
        .filter(|(_, m)| {
            m.status != Status::Done
                && (m.owner.trim().is_empty() || (!m.due.is_empty() && m.due.as_str() < today))
        })
        .collect()
}

/// What changed between two snapshots of a register, matched by risk id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    pub new: Vec<String>,
    pub closed: Vec<String>,
    /// Id, then (likelihood, severity) before and after, inherent and residual.
    pub rerated: Vec<(String, [u8; 4], [u8; 4])>,
}

pub fn diff(before: &[Risk], after: &[Risk]) -> Changes {
    let old: BTreeMap<&str, &Risk> = crate::core::sort::map(before.iter().map(|r| (r.id.as_str(), r)));
    let new: BTreeMap<&str, &Risk> = crate::core::sort::map(after.iter().map(|r| (r.id.as_str(), r)));
    let ratings = |r: &Risk| [r.likelihood, r.severity, r.residual_likelihood, r.residual_severity];
    Changes {
        new: after.iter().filter(|r| !old.contains_key(r.id.as_str())).map(|r| r.id.clone()).collect(),
        closed: before.iter().filter(|r| !new.contains_key(r.id.as_str())).map(|r| r.id.clone()).collect(),
        rerated: after
            .iter()
            .filter_map(|r| old.get(r.id.as_str()).map(|o| (r, o)))
            .filter(|(r, o)| ratings(r) != ratings(o))
            .map(|(r, o)| (r.id.clone(), ratings(o), ratings(r)))
            .collect(),
    }
}

/// The labels of `rights` (pack right ids), in the pack's order; an id the pack does not know is shown
/// as it is.
pub fn right_labels<'p>(pack: &'p Pack, rights: &'p [String]) -> Vec<&'p str> {
    let known =
        pack.risk.rights.iter().filter(|x| rights.iter().any(|y| *y == x.id)).map(|x| x.label.as_ref());
    known
        .chain(rights.iter().filter(|y| !pack.risk.rights.iter().any(|x| x.id == **y)).map(String::as_str))
        .collect()
}

/// The register as CSV, one risk per row in reading order, with the levels spelled out.
pub fn to_csv(pack: &Pack, risks: &[Risk]) -> String {
    let label = |l: u8, s: u8| level(pack, l, s).map(|x| x.label.to_string()).unwrap_or_default();
    let num = |n: u8| if n == 0 { String::new() } else { n.to_string() };
    // The same column names as the spreadsheet's register, in the language of the app.
    let t = crate::core::content::t;
    let mut rows = vec![[
        "sheet.id",
        "sheet.title",
        "sheet.description",
        "sheet.principles",
        "sheet.rights",
        "sheet.affected_groups",
        "sheet.stage",
        "sheet.likelihood",
        "sheet.severity",
        "sheet.inherent_level",
        "sheet.controls",
        "sheet.mitigations",
        "sheet.residual_likelihood",
        "sheet.residual_severity",
        "sheet.residual_level",
        "sheet.decision",
        "sheet.decided_by",
        "sheet.rationale",
    ]
    .map(|k| t(k).to_string())
    .to_vec()];
    for r in sorted(pack, risks) {
        let mitigations = r
            .mitigations
            .iter()
            .map(|m| {
                let (owner, due) = (t("sheet.owner"), t("sheet.due"));
                format!("{} ({owner}: {}; {due}: {}; {})", m.action, m.owner, m.due, m.status.id())
            })
            .collect::<Vec<_>>()
            .join("\n");
        rows.push(vec![
            r.id.clone(),
            r.title.clone(),
            r.description.clone(),
            r.principles.join(", "),
            right_labels(pack, &r.rights).join("; "),
            r.affected_groups.join(", "),
            r.stage.clone(),
            num(r.likelihood),
            num(r.severity),
            label(r.likelihood, r.severity),
            r.controls.clone(),
            mitigations,
            num(r.residual_likelihood),
            num(r.residual_severity),
            label(r.residual_likelihood, r.residual_severity),
            r.decision.map(|d| d.id().to_string()).unwrap_or_default(),
            r.decided_by.clone(),
            r.rationale.clone(),
        ]);
    }
    csv::write(&rows)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::pack;

    fn risk(id: &str, title: &str, l: u8, s: u8, rl: u8, rs: u8) -> Risk {
        Risk {
            id: id.into(),
            title: title.into(),
            likelihood: l,
            severity: s,
            residual_likelihood: rl,
            residual_severity: rs,
            ..Risk::default()
        }
    }

    #[test]
    fn the_register_reads_highest_level_first_unrated_last() {
        let risks = [
            risk("a", "Alpha", 1, 1, 0, 0),
            risk("b", "Bravo", 5, 5, 2, 2),
            risk("c", "Charlie", 0, 0, 0, 0),
            risk("d", "Delta", 5, 5, 4, 4),
            risk("e", "Echo", 3, 3, 1, 1),
        ];
        let order: Vec<&str> = sorted(pack(), &risks).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);
    }

    #[test]
    fn snapshots_compare_into_new_closed_and_rerated() {
        let before = [risk("a", "A", 2, 2, 0, 0), risk("b", "B", 3, 3, 0, 0), risk("c", "C", 1, 1, 0, 0)];
        let after =
            [risk("a", "A renamed", 2, 2, 0, 0), risk("b", "B", 4, 3, 0, 0), risk("d", "D", 1, 1, 0, 0)];
        let changes = diff(&before, &after);
        assert_eq!(changes.new, ["d"]);
        assert_eq!(changes.closed, ["c"]);
        assert_eq!(changes.rerated, vec![("b".to_string(), [3, 3, 0, 0], [4, 3, 0, 0])]);
        assert_eq!(diff(&after, &after), Changes::default());
    }

    #[test]
    fn overdue_and_unowned_mitigations_need_attention() {
        let mut r = risk("a", "A", 3, 3, 0, 0);
        r.mitigations = vec![
            Mitigation {
                action: "late".into(),
                owner: "Ana".into(),
                due: "2026-01-01".into(),
                status: Status::Planned,
            },
            Mitigation {
                action: "unowned".into(),
                owner: " ".into(),
                due: String::new(),
                status: Status::Planned,
            },
            Mitigation {
                action: "fine".into(),
                owner: "Ben".into(),
                due: "2027-01-01".into(),
                status: Status::Planned,
            },
            Mitigation {
                action: "done late".into(),
                owner: "Cai".into(),
                due: "2026-01-01".into(),
                status: Status::Done,
            },
        ];
        let risks = [r];
        let flagged: Vec<&str> =
            attention(&risks, "2026-11-23").iter().map(|(_, m)| m.action.as_str()).collect();
        assert_eq!(flagged, ["late", "unowned"]);
    }

    #[test]
    fn the_csv_has_a_header_and_one_row_per_risk_in_order() {
        let mut b = risk("b", "=HYPERLINK(\"x\")", 5, 5, 2, 2);
        b.description = "Line one\nline \"two\"".into();
        b.decision = Some(Decision::Treat);
        let text = to_csv(pack(), &[risk("a", "Alpha", 1, 1, 0, 0), b]);
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(lines[0].starts_with("\"Id\",\"Title\",\"Description\","));
        assert!(
            lines[1].starts_with("\"b\",\"'=HYPERLINK(\"\"x\"\")\",\"Line one\nline \"\"two\"\"\","),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",\"5\",\"5\",\"Critical\","));
        assert!(lines[1].contains(",\"treat\","));
        assert!(lines[2].starts_with("\"a\",\"Alpha\","));
    }
}
