use super::Answer;
use crate::core::content::model::Pack;
use crate::core::logbook::WorkbookRecord;
use crate::core::register::RiskRecord;

/// The notes key of an assessment's general notes (notes not tied to an item).
pub const GENERAL_NOTES: &str = "_general";
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which of the three tools an assessment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Readiness,
    Risk,
    Workbook,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Readiness, Kind::Risk, Kind::Workbook];

    /// Stable id, used in file names and UI-string keys.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Readiness => "readiness",
            Kind::Risk => "risk",
            Kind::Workbook => "workbook",
        }
    }

    /// The key of the tool's name among the UI strings.
    pub fn name_key(self) -> &'static str {
        match self {
            Kind::Readiness => "kinds.readiness",
            Kind::Risk => "kinds.risk",
            Kind::Workbook => "kinds.workbook",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The ids of the pack's items this kind of assessment asks: one list for progress and for
    /// finding answers the content does not know.
    pub fn item_ids(self, pack: &Pack) -> Vec<&str> {
        match self {
            Kind::Readiness => pack
                .readiness
                .dimensions
                .iter()
                .flat_map(|d| d.questions.iter())
                .map(|q| q.id.as_ref())
                .collect(),
            Kind::Risk => pack
                .risk
                .profile_fields
                .iter()
                .map(|f| f.id.as_ref())
                .chain(pack.risk.screening.iter().map(|s| s.id.as_ref()))
                .collect(),
            Kind::Workbook => pack
                .workbook
                .stages
                .iter()
                .flat_map(|s| {
                    s.prompts.iter().map(|p| p.id.as_ref()).chain(s.checks.iter().map(|c| c.id.as_ref()))
                })
                .collect(),
        }
    }

    /// How many items of the pack this kind of assessment asks, for progress.
    pub fn item_count(self, pack: &Pack) -> usize {
        self.item_ids(pack).len()
    }
}

/// Who answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// The content pack and version an assessment was answered against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentRef {
    pub id: String,
    pub version: String,
}

impl ContentRef {
    pub fn of(pack: &Pack) -> ContentRef {
        ContentRef { id: pack.info.id.to_string(), version: pack.info.version.to_string() }
    }
}

/// One assessment. Times are milliseconds since the Unix epoch (what `Date.now()` gives).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// The agency, unit or AI system it is about.
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub respondent: Respondent,
    pub created: i64,
    pub updated: i64,
    pub content: ContentRef,
    /// Answers by item id (question, field, prompt or check).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Notes and evidence by item id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Raised by one on every save; a save based on an older revision is refused, not applied.
    /// Left out when 0 (and `deleted` when none), so that an approved copy inside a review is
    /// written exactly as an answer file writes an assessment.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    /// When it was moved to "recently deleted"; it can be restored until the bin is emptied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<i64>,
    /// A risk assessment's register, dismissed proposals and snapshots; empty for other tools.
    #[serde(default, skip_serializing_if = "RiskRecord::is_empty")]
    pub risk: RiskRecord,
    /// A workbook's route, check evidence, stage sign-off and decision log; empty for other tools.
    #[serde(default, skip_serializing_if = "WorkbookRecord::is_empty")]
    pub workbook: WorkbookRecord,
    /// Review asked for, approvals with the content each approved, superseded; empty until used.
    #[serde(default, skip_serializing_if = "StoredReview::is_empty")]
    pub review: StoredReview,
}

/// A review as an assessment carries it (see `core::review`): its JSON (null when there is none),
/// exactly as an answer file writes it, read into a typed review only where it is used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredReview(pub serde_json::Value);

impl StoredReview {
    /// The highest number of a `prefix` id (`K` risks, `D` decisions) the review still speaks of: in
    /// an approved copy's register or log, a comment's item, a restricted mark. A new risk or decision
    /// numbered above it is never taken for a removed one (its marks, comments, "changed since").
    pub fn highest_id(&self, prefix: char) -> u64 {
        let number = |s: &str| -> Option<u64> {
            let digits: String = s.strip_prefix(prefix)?.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        };
        let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
            v.and_then(|v| v.as_array())
                .map(|list| list.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        };
        let approved =
            self.0.get("approvals").and_then(|a| a.as_array()).into_iter().flatten().flat_map(|x| {
                let content = x.get("content");
                let ids = |path: [&str; 2]| {
                    content
                        .and_then(|c| c.get(path[0]))
                        .and_then(|r| r.get(path[1]))
                        .and_then(|l| l.as_array())
                        .into_iter()
                        .flatten()
                        .filter_map(|e| e.get("id").and_then(|i| i.as_str()).map(str::to_string))
                        .collect::<Vec<_>>()
                };
                let mut all = ids(["risk", "register"]);
                all.extend(ids(["workbook", "log"]));
                all
            });
        let comments = self.0.get("comments").and_then(|c| c.as_array()).into_iter().flatten();
        let on = comments.filter_map(|c| c.get("on").and_then(|o| o.as_str()).map(str::to_string));
        approved
            .chain(on)
            .chain(strings(self.0.get("restricted")))
            .filter_map(|s| number(&s))
            .max()
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        match &self.0 {
            serde_json::Value::Null => true,
            serde_json::Value::Object(m) => m.is_empty(),
            _ => false,
        }
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// What a user gives when creating an assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAssessment {
    pub title: String,
    pub subject: String,
    pub respondent: Respondent,
}

impl Assessment {
    pub fn new(id: String, kind: Kind, details: NewAssessment, content: ContentRef, now: i64) -> Assessment {
        Assessment {
            id,
            kind,
            title: details.title.trim().to_string(),
            subject: details.subject.trim().to_string(),
            respondent: Respondent {
                name: details.respondent.name.trim().to_string(),
                role: details.respondent.role.trim().to_string(),
            },
            created: now,
            updated: now,
            content,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            revision: 0,
            deleted: None,
            risk: RiskRecord::default(),
            workbook: WorkbookRecord::default(),
            review: StoredReview::default(),
        }
    }

    /// A copy under a new id and title, with no history: revision 0, not deleted, never reviewed
    /// (the approvals were of the other one).
    pub fn duplicate(&self, id: String, title: String, now: i64) -> Assessment {
        Assessment {
            id,
            title,
            created: now,
            updated: now,
            revision: 0,
            deleted: None,
            review: StoredReview::default(),
            ..self.clone()
        }
    }
}

/// A download file name that says what the file is: `rai-assess_<kind>_<title>_<date>.json`, the title
/// reduced to lowercase ASCII letters, digits and hyphens.
pub fn file_name(a: &Assessment, date: &str) -> String {
    let mut slug = String::new();
    for c in crate::core::text::fold(&a.title).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = if slug.is_empty() { "untitled".into() } else { slug.chars().take(60).collect() };
    format!("rai-assess_{}_{}_{}.json", a.kind.id(), slug, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_say_what_the_file_is() {
        let mut a = Assessment::new(
            "x".into(),
            Kind::Risk,
            NewAssessment { title: "Face search: 1:N — pilot (v2)".into(), ..NewAssessment::default() },
            ContentRef { id: "p".into(), version: "1".into() },
            0,
        );
        assert_eq!(file_name(&a, "2026-11-22"), "rai-assess_risk_face-search-1-n-pilot-v2_2026-11-22.json");
        a.title = "ÉÉÉ".into();
        assert_eq!(file_name(&a, "2026-11-22"), "rai-assess_risk_untitled_2026-11-22.json");
    }
}
