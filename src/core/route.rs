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
    Guidance,
    About,
    /// An address that names no view; keeps what was asked for, to show it.
    NotFound(String),
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
        Some(match segments.as_slice() {
            [] => Route::Home,
            ["assessments"] => Route::Assessments,
            ["guidance"] => Route::Guidance,
            ["about"] => Route::About,
            _ => Route::NotFound(format!("/{path}")),
        })
    }

    /// The link to this view, for an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Guidance => "#/guidance".into(),
            Route::About => "#/about".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The UI-string key of the view's title, for the document title.
    pub fn title_key(&self) -> &'static str {
        match self {
            Route::Home => "nav.home",
            Route::Assessments => "assessments.title",
            Route::Guidance => "guidance.title",
            Route::About => "about.title",
            Route::NotFound(_) => "notfound.title",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // An empty hash is what a fresh visit to the page has: it must show home, not "not found".
    #[test]
    fn empty_and_root_hashes_are_home() {
        for hash in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::from_hash(hash), Some(Route::Home), "{hash:?}");
        }
    }

    #[test]
    fn each_view_round_trips_through_its_href() {
        for route in [Route::Home, Route::Assessments, Route::Guidance, Route::About] {
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
        assert_eq!(Route::from_hash("#/guidance?x=1"), Some(Route::Guidance));
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(Route::from_hash("#/nowhere/deep"), Some(Route::NotFound("/nowhere/deep".into())));
        assert_eq!(Route::NotFound("/x".into()).href(), "#/x");
    }
}
