//! The app's views and their addresses.
//!
//! Routes live in the URL fragment (`#/about`) rather than the path. A fragment never reaches the
//! server, so `dist/` works from any sub-path of any plain static server with no rewrite rules, and a
//! deep link or a reload always loads the same `index.html`, whose asset URLs are all relative.

/// A view of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Assessments,
    /// One assessment of the library, by id: its details and questions.
    Assessment(String),
    /// The results of an assessment: scores, chart, weakest items, next steps.
    Results(String),
    /// The printable report of an assessment.
    Report(String),
    /// A risk assessment's proposals, register and snapshots.
    Register(String),
    /// Review and sign-off of an assessment: status, approvals, changes since.
    Review(String),
    /// The report of an approved version of an assessment, as it was approved.
    Approved(String, u32),
    /// The public version of an assessment's report: without its restricted items and comments.
    Public(String),
    /// Several assessments side by side, to compare and merge.
    Compare(Vec<String>),
    Guidance(GuidanceView),
    About,
    /// An address that names no view; keeps what was asked for, to show it.
    NotFound(String),
}

/// A view inside the guidance explorer. Ids are not checked here: the page says when one is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidanceView {
    Overview,
    /// How the three tools work: scales, bands, dimensions and rubrics, the profile, the risk matrix.
    Methods,
    Principle(String),
    Stage(String),
    ApplicationType(String),
    /// The glossary, optionally opened at one term.
    Glossary(Option<String>),
}

/// The four entries of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Assessments,
    Guidance,
    About,
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`).
    ///
    /// Returns `None` for a fragment that is not a route at all, such as `#main` from an in-page link,
    /// so that such a link does not navigate away from the current view.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() {
            return Some(Route::Home);
        }
        let path = fragment.strip_prefix('/')?;
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        Some(match segments.as_slice() {
            [] => Route::Home,
            ["assessments"] => Route::Assessments,
            ["assessments", a] => Route::Assessment(id(a)),
            ["assessments", a, "results"] => Route::Results(id(a)),
            ["assessments", a, "report"] => Route::Report(id(a)),
            ["assessments", a, "register"] => Route::Register(id(a)),
            ["assessments", a, "review"] => Route::Review(id(a)),
            ["assessments", a, "public"] => Route::Public(id(a)),
            ["assessments", a, "approved", n] if n.parse::<u32>().is_ok() => {
                Route::Approved(id(a), n.parse().unwrap_or_default())
            }
            ["compare", list] => Route::Compare(list.split('+').filter(|s| !s.is_empty()).map(id).collect()),
            ["guidance"] => Route::Guidance(GuidanceView::Overview),
            ["guidance", "methods"] => Route::Guidance(GuidanceView::Methods),
            ["guidance", "principles", p] => Route::Guidance(GuidanceView::Principle(id(p))),
            ["guidance", "stages", s] => Route::Guidance(GuidanceView::Stage(id(s))),
            ["guidance", "types", t] => Route::Guidance(GuidanceView::ApplicationType(id(t))),
            ["guidance", "glossary"] => Route::Guidance(GuidanceView::Glossary(None)),
            ["guidance", "glossary", t] => Route::Guidance(GuidanceView::Glossary(Some(id(t)))),
            ["about"] => Route::About,
            _ => Route::NotFound(format!("/{path}")),
        })
    }

    /// The link to this view, for an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Assessment(id) => format!("#/assessments/{id}"),
            Route::Results(id) => format!("#/assessments/{id}/results"),
            Route::Report(id) => format!("#/assessments/{id}/report"),
            Route::Register(id) => format!("#/assessments/{id}/register"),
            Route::Review(id) => format!("#/assessments/{id}/review"),
            Route::Approved(id, n) => format!("#/assessments/{id}/approved/{n}"),
            Route::Public(id) => format!("#/assessments/{id}/public"),
            Route::Compare(ids) => format!("#/compare/{}", ids.join("+")),
            Route::Guidance(view) => view.href(),
            Route::About => "#/about".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The main-navigation entry this view belongs to, if any.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Home => Some(Section::Home),
            Route::Assessments
            | Route::Assessment(_)
            | Route::Results(_)
            | Route::Report(_)
            | Route::Register(_)
            | Route::Review(_)
            | Route::Approved(..)
            | Route::Public(_)
            | Route::Compare(_) => Some(Section::Assessments),
            Route::Guidance(_) => Some(Section::Guidance),
            Route::About => Some(Section::About),
            Route::NotFound(_) => None,
        }
    }

    /// Whether this view is the page the section's navigation link opens (not a page inside it).
    pub fn is_section_start(&self) -> bool {
        self.section().is_some_and(|s| s.route() == *self)
    }

    /// The UI-string key of the view's title, for the document title.
    pub fn title_key(&self) -> &'static str {
        match self {
            Route::Home => "nav.home",
            Route::Assessments => "assessments.title",
            Route::Assessment(_) => "assessment.title",
            Route::Results(_) => "results.title",
            Route::Report(_) => "report.title",
            Route::Register(_) => "risk.register",
            Route::Review(_) => "review.title",
            Route::Approved(..) => "review.approved_title",
            Route::Public(_) => "review.public_title",
            Route::Compare(_) => "compare.title",
            Route::Guidance(GuidanceView::Glossary(_)) => "glossary.title",
            Route::Guidance(GuidanceView::Methods) => "methods.title",
            Route::Guidance(_) => "guidance.title",
            Route::About => "about.title",
            Route::NotFound(_) => "notfound.title",
        }
    }
}

impl GuidanceView {
    pub fn href(&self) -> String {
        match self {
            GuidanceView::Overview => "#/guidance".into(),
            GuidanceView::Methods => "#/guidance/methods".into(),
            GuidanceView::Principle(id) => format!("#/guidance/principles/{id}"),
            GuidanceView::Stage(id) => format!("#/guidance/stages/{id}"),
            GuidanceView::ApplicationType(id) => format!("#/guidance/types/{id}"),
            GuidanceView::Glossary(None) => "#/guidance/glossary".into(),
            GuidanceView::Glossary(Some(id)) => format!("#/guidance/glossary/{id}"),
        }
    }
}

impl Section {
    /// The view the navigation link opens.
    pub fn route(self) -> Route {
        match self {
            Section::Home => Route::Home,
            Section::Assessments => Route::Assessments,
            Section::Guidance => Route::Guidance(GuidanceView::Overview),
            Section::About => Route::About,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assessment_belongs_to_the_assessments_section_but_is_not_its_start() {
        let r = Route::from_hash("#/assessments/abc").expect("a route");
        assert_eq!(r, Route::Assessment("abc".into()));
        assert_eq!(r.section(), Some(Section::Assessments));
        assert!(!r.is_section_start());
        assert!(Route::Assessments.is_section_start());
    }

    // An empty hash is what a fresh visit to the page has: it must show home, not "not found".
    #[test]
    fn empty_and_root_hashes_are_home() {
        for hash in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::from_hash(hash), Some(Route::Home), "{hash:?}");
        }
    }

    #[test]
    fn each_view_round_trips_through_its_href() {
        let views = [
            Route::Home,
            Route::Assessments,
            Route::Assessment("0b7c5e7e-8f0c-4a52-9d0e-3f1f8a6d2c11".into()),
            Route::Results("0b7c5e7e-8f0c-4a52-9d0e-3f1f8a6d2c11".into()),
            Route::Report("0b7c5e7e-8f0c-4a52-9d0e-3f1f8a6d2c11".into()),
            Route::Compare(vec!["a-1".into(), "b-2".into(), "c-3".into()]),
            Route::Guidance(GuidanceView::Overview),
            Route::Guidance(GuidanceView::Principle("P3.3".into())),
            Route::Guidance(GuidanceView::Stage("deploy".into())),
            Route::Guidance(GuidanceView::ApplicationType("risk-prediction".into())),
            Route::Guidance(GuidanceView::Glossary(None)),
            Route::Guidance(GuidanceView::Methods),
            Route::Guidance(GuidanceView::Glossary(Some("false-positive".into()))),
            Route::About,
        ];
        for route in views {
            assert_eq!(Route::from_hash(&route.href()), Some(route.clone()));
        }
    }

    // The skip link targets `#main`: it must not be taken for a route and navigate to "not found".
    #[test]
    fn in_page_anchors_are_not_routes() {
        assert_eq!(Route::from_hash("#main"), None);
        assert_eq!(Route::from_hash("#top"), None);
    }

    #[test]
    fn trailing_slash_and_query_are_tolerated() {
        assert_eq!(Route::from_hash("#/about/"), Some(Route::About));
        assert_eq!(Route::from_hash("#/guidance?x=1"), Some(Route::Guidance(GuidanceView::Overview)));
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(Route::from_hash("#/nowhere/deep"), Some(Route::NotFound("/nowhere/deep".into())));
        assert_eq!(
            Route::from_hash("#/guidance/principles"),
            Some(Route::NotFound("/guidance/principles".into()))
        );
        assert_eq!(Route::NotFound("/x".into()).href(), "#/x");
    }

    #[test]
    fn guidance_subviews_belong_to_the_guidance_section() {
        let r = Route::from_hash("#/guidance/stages/monitor").expect("a route");
        assert_eq!(r.section(), Some(Section::Guidance));
        assert_eq!(Route::NotFound("/x".into()).section(), None);
        assert_eq!(Section::Guidance.route().href(), "#/guidance");
    }
}
