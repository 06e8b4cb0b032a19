use crate::browser::page;
use crate::core::content::pack;
use crate::core::guidance;
use crate::core::route::{GuidanceView, Route};
use crate::ui::components::{SiteFooter, SiteHeader, SkipLink};
use crate::ui::i18n::t;
use crate::ui::pages::{
    AboutPage, ApplicationTypePage, AssessmentPage, AssessmentsPage, GlossaryPage, GuidancePage, HomePage,
    MethodsPage, NotFoundPage, PrinciplePage, StagePage,
};
use crate::ui::state::provide_library;
use leptos::prelude::*;

/// The app shell: skip link, header with navigation, the current view, footer.
///
/// Routing follows `location.hash` (see `core::route` for why); only the main region re-renders when
/// the route changes.
#[component]
pub fn App() -> impl IntoView {
    provide_library();
    let (route, set_route) = signal(Route::from_hash(&page::hash()).unwrap_or(Route::Home));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        // `#/about/` and `#/about` are the same view: do not re-render or move focus for it.
        if let Some(next) = Route::from_hash(&page::hash()).filter(|next| route.with_untracked(|r| r != next))
        {
            set_route.set(next);
        }
    });
    on_cleanup(move || listener.remove());

    // Title on every view; focus moves to the new view after a navigation, not on first load.
    Effect::new(move |first_done: Option<()>| {
        let r = route.get();
        let title = match &r {
            Route::Guidance(
                view @ (GuidanceView::Principle(_)
                | GuidanceView::Stage(_)
                | GuidanceView::ApplicationType(_)),
            ) => guidance::entry_title(pack(), view).unwrap_or_else(|| t("notfound.title").to_string()),
            _ => t(r.title_key()).to_string(),
        };
        page::set_title(&format!("{title} · {}", t("app.name")));
        if first_done.is_some() {
            page::focus_main();
        }
    });

    view! {
        <SkipLink/>
        <SiteHeader route=route/>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::Assessments => view! { <AssessmentsPage/> }.into_any(),
                Route::Assessment(id) => view! { <AssessmentPage id=id/> }.into_any(),
                Route::Guidance(GuidanceView::Overview) => view! { <GuidancePage/> }.into_any(),
                Route::Guidance(GuidanceView::Methods) => view! { <MethodsPage/> }.into_any(),
                Route::Guidance(GuidanceView::Principle(id)) => view! { <PrinciplePage id=id/> }.into_any(),
                Route::Guidance(GuidanceView::Stage(id)) => view! { <StagePage id=id/> }.into_any(),
                Route::Guidance(GuidanceView::ApplicationType(id)) => {
                    view! { <ApplicationTypePage id=id/> }.into_any()
                }
                Route::Guidance(GuidanceView::Glossary(selected)) => {
                    view! { <GlossaryPage selected=selected/> }.into_any()
                }
                Route::About => view! { <AboutPage/> }.into_any(),
                Route::NotFound(path) => view! { <NotFoundPage path=path/> }.into_any(),
            }}
        </main>
        <SiteFooter/>
    }
}
