use crate::core::assessment::{Assessment, Kind};
use crate::core::content::model::Pack;
use serde::{Deserialize, Serialize};

/// What the library list shows of an assessment, stored beside it so that listing 200 assessments
/// reads 200 small entries instead of decoding every answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub subject: String,
    pub respondent: String,
    pub answered: usize,
    pub total: usize,
    pub updated: i64,
    pub revision: u64,
    #[serde(default)]
    pub deleted: Option<i64>,
}

impl Summary {
    pub fn of(a: &Assessment, pack: &Pack) -> Summary {
        let (answered, total) = a.progress(pack);
        let respondent = match (a.respondent.name.is_empty(), a.respondent.role.is_empty()) {
            (false, false) => format!("{} ({})", a.respondent.name, a.respondent.role),
            (false, true) => a.respondent.name.clone(),
            (true, _) => a.respondent.role.clone(),
        };
        Summary {
            id: a.id.clone(),
            kind: a.kind,
            title: a.title.clone(),
            subject: a.subject.clone(),
            respondent,
            answered,
            total,
            updated: a.updated,
            revision: a.revision,
            deleted: a.deleted,
        }
    }

    /// Whole percent answered, 0 when nothing is asked.
    pub fn percent(&self) -> u32 {
        (self.answered.min(self.total) * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}
