use crate::core::assessment::{Assessment, Kind};
use crate::core::content::model::Pack;
use crate::core::review::{standing, Standing, Status};
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
    /// Where its review stands, as [`Standing::code`] writes it (empty, from before reviews existed,
    /// reads as a draft, as its record is).
    #[serde(default)]
    pub review: String,
}

impl Summary {
    pub fn of(a: &Assessment, pack: &Pack) -> Summary {
        let (answered, total) = crate::core::questionnaire::progress(pack, a);
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
            review: standing(a).code(),
        }
    }

    /// Where its review stands.
    pub fn standing(&self) -> Standing {
        Standing::from_code(&self.review)
    }

    /// Whole percent answered, 0 when nothing is asked.
    pub fn percent(&self) -> u32 {
        (self.answered.min(self.total) * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

/// How the library list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Most recently edited first.
    #[default]
    Updated,
    /// Alphabetical by title, ignoring case.
    Title,
    /// Least complete first, so unfinished work comes to the top.
    Progress,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::Updated, SortBy::Title, SortBy::Progress];

    pub fn id(self) -> &'static str {
        match self {
            SortBy::Updated => "updated",
            SortBy::Title => "title",
            SortBy::Progress => "progress",
        }
    }

    pub fn from_id(id: &str) -> SortBy {
        SortBy::ALL.into_iter().find(|s| s.id() == id).unwrap_or_default()
    }
}

/// The summaries to show: of one kind (or all) and one review status (or all), containing every word
/// of `text` in the title, subject or respondent, in the chosen order.
pub fn select<'a>(
    all: &'a [Summary],
    kind: Option<Kind>,
    status: Option<Status>,
    text: &str,
    sort: SortBy,
) -> Vec<&'a Summary> {
    let words: Vec<String> = text.split_whitespace().map(crate::core::text::search_fold).collect();
    let shown: Vec<&Summary> = all
        .iter()
        .filter(|s| kind.is_none_or(|k| s.kind == k) && status.is_none_or(|x| s.standing().status == x))
        .filter(|s| {
            let hay = crate::core::text::search_fold(&format!("{} {} {}", s.title, s.subject, s.respondent));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    // One comparator for every order: each `sort_by` call site is a separate copy of the sort code.
    let lowered: Vec<String> = shown.iter().map(|s| crate::core::text::fold(&s.title)).collect();
    let mut order: Vec<usize> = (0..shown.len()).collect();
    crate::core::sort::by(&mut order, |&a, &b| {
        let (x, y) = (shown[a], shown[b]);
        let newest_first = y.updated.cmp(&x.updated);
        match sort {
            SortBy::Updated => newest_first.then_with(|| lowered[a].cmp(&lowered[b])),
            SortBy::Title => lowered[a].cmp(&lowered[b]).then_with(|| x.id.cmp(&y.id)),
            SortBy::Progress => x.percent().cmp(&y.percent()).then(newest_first),
        }
    });
    let shown: Vec<&Summary> = order.into_iter().map(|i| shown[i]).collect();
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, kind: Kind, title: &str, answered: usize, updated: i64) -> Summary {
        Summary {
            id: id.into(),
            kind,
            title: title.into(),
            subject: "Northshire Police".into(),
            respondent: "A. Okafor (Ethics officer)".into(),
            answered,
            total: 10,
            updated,
            revision: 1,
            deleted: None,
            review: String::new(),
        }
    }

    #[test]
    fn filters_by_kind_and_every_word_and_sorts() {
        let all = [
            s("1", Kind::Readiness, "Agency readiness", 5, 300),
            s("2", Kind::Risk, "face search pilot", 1, 200),
            s("3", Kind::Risk, "Body-worn camera transcription", 9, 100),
        ];
        let ids = |v: Vec<&Summary>| v.into_iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(select(&all, None, None, "", SortBy::Updated)), ["1", "2", "3"]);
        assert_eq!(ids(select(&all, Some(Kind::Risk), None, "", SortBy::Title)), ["3", "2"]);
        assert_eq!(ids(select(&all, None, None, "", SortBy::Progress)), ["2", "1", "3"]);
        assert_eq!(ids(select(&all, None, None, "FACE pilot", SortBy::Updated)), ["2"]);
        assert_eq!(
            ids(select(&all, None, None, "okafor", SortBy::Updated)).len(),
            3,
            "respondent is searched"
        );
        assert!(select(&all, Some(Kind::Workbook), None, "", SortBy::Updated).is_empty());
    }

    #[test]
    fn filters_by_review_status() {
        let approved =
            Standing { status: Status::Approved, approved: Some(1), changed: false, open: 0, due: None };
        let all = [
            s("1", Kind::Readiness, "Agency readiness", 5, 300),
            Summary { review: approved.code(), ..s("2", Kind::Risk, "face search pilot", 1, 200) },
        ];
        let ids = |v: Vec<&Summary>| v.into_iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(select(&all, None, Some(Status::Approved), "", SortBy::Updated)), ["2"]);
        assert_eq!(ids(select(&all, None, Some(Status::Draft), "", SortBy::Updated)), ["1"]);
        assert!(select(&all, None, Some(Status::InReview), "", SortBy::Updated).is_empty());
    }

    #[test]
    fn percent_is_whole_and_safe_for_empty_totals() {
        assert_eq!(s("1", Kind::Risk, "t", 1, 0).percent(), 10);
        assert_eq!(Summary { total: 0, ..s("1", Kind::Risk, "t", 0, 0) }.percent(), 0);
        assert_eq!(Summary { answered: 30, ..s("1", Kind::Risk, "t", 0, 0) }.percent(), 100);
    }
}
