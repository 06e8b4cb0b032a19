use crate::browser::{content, page};
use crate::core::content::{is_installed, pack};
use crate::core::guidance;
use crate::core::route::{GuidanceView, Route};
use crate::ui::components::{SiteFooter, SiteHeader, SkipLink};
use crate::ui::i18n::t;
use crate::ui::pages::{
    AboutPage, ApplicationTypePage, AssessmentPage, AssessmentsPage, ComparePage, GlossaryPage, GuidancePage,
    HomePage, MethodsPage, NotFoundPage, PrinciplePage, RegisterPage, ReportPage, ResultsPage, ReviewPage,
    StagePage,
};
use crate::ui::state::provide_library;
use leptos::prelude::*;

/// The app shell: skip link, header with navigation, the current view, footer.
///
/// Routing follows `location.hash` (see `core::route` for why); only the main region re-renders when
/// the route changes.
#[component]
pub fn App() -> impl IntoView {
    let (route, set_route) = signal(Route::from_hash(&page::hash()).unwrap_or(Route::Home));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        // `#/about/` and `#/about` are the same view: do not re-render or move focus for it.
        if let Some(next) = Route::from_hash(&page::hash()).filter(|next| route.with_untracked(|r| r != next))
        {
            set_route.set(next);
        }
    });
    on_cleanup(move || listener.remove());

    let loaded = RwSignal::new(ContentLoad::of_now());
    load_content(loaded);

    // Title on every view; focus moves to the new view after a navigation, not on first load.
    // Entry titles come from the pack, so the title is set again once it has arrived.
    Effect::new(move |previous: Option<Route>| {
        let r = route.get();
        // Until the pack file is in, only the shell's strings exist: the app's name is the title.
        if loaded.get() != ContentLoad::Ready {
            page::set_title(t("app.name"));
            return r;
        }
        let title = match &r {
            Route::Guidance(
                view @ (GuidanceView::Principle(_)
                | GuidanceView::Stage(_)
                | GuidanceView::ApplicationType(_)),
            ) => guidance::entry_title(pack(), view).unwrap_or_else(|| t("notfound.title").to_string()),
            _ => t(r.title_key()).to_string(),
        };
        page::set_title(&format!("{title} · {}", t("app.name")));
        if previous.is_some_and(|p| p != r) {
            page::focus_main();
        }
        r
    });

    view! {
        <SkipLink/>
        <SiteHeader route=route/>
        <main id="main" tabindex="-1">
            {move || match loaded.get() {
                ContentLoad::Ready => view! { <Routes route=route/> }.into_any(),
                // After 15 s the line also says what to do (style/base.css).
                ContentLoad::Loading => view! { <p class="loading" role="status" data-late=t("content.slow")>{t("content.loading")}</p> }.into_any(),
                ContentLoad::Failed(problem) => view! {
                    <section class="notice notice-error" role="alert">
                        <h1>{t("content.failed_heading")}</h1>
                        <p>{problem}"."</p>
                        <p>{t("content.failed_body")}</p>
                        <button type="button" class="button" on:click=move |_| load_content(loaded)>
                            {t("content.retry")}
                        </button>
                    </section>
                }
                .into_any(),
            }}
        </main>
        <SiteFooter/>
    }
}

/// Where the content pack file is: the views wait for it (see `core::content`).
#[derive(Clone, PartialEq)]
enum ContentLoad {
    Loading,
    Ready,
    Failed(String),
}

impl ContentLoad {
    fn of_now() -> Self {
        if is_installed() {
            ContentLoad::Ready
        } else {
            ContentLoad::Loading
        }
    }
}

/// Fetches the pack file unless it is installed already (tests install it directly).
fn load_content(state: RwSignal<ContentLoad>) {
    if is_installed() {
        state.set(ContentLoad::Ready);
        page::mark_ready();
        return;
    }
    state.set(ContentLoad::Loading);
    leptos::task::spawn_local(async move {
        let next = match content::load().await {
            Ok(()) => ContentLoad::Ready,
            Err(problem) => ContentLoad::Failed(problem),
        };
        let ready = matches!(next, ContentLoad::Ready);
        let _ = state.try_set(next);
        // The first view with its content, or the reason there is none, is on screen.
        page::mark_ready();
        // Then, in the background, the tools module, so that every view keeps working offline.
        if ready {
            crate::browser::tools::warm();
        }
    });
}

/// The views, once the content is there. The library lives here because listing it needs the pack.
#[component]
fn Routes(route: ReadSignal<Route>) -> impl IntoView {
    let library = provide_library();
    // Any change to the library (a save, an import, another tab's): the backups and the export list
    // catch up.
    Effect::new(move |_| {
        library.listing.track();
        crate::browser::tools::call(crate::browser::tools::Export::LibraryChanged, "");
    });
    view! {
            {move || match route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::Assessments => view! { <AssessmentsPage/> }.into_any(),
                Route::Assessment(id) => view! { <AssessmentPage id=id/> }.into_any(),
                Route::Results(id) => view! { <ResultsPage id=id/> }.into_any(),
                Route::Report(id) => view! { <ReportPage id=id/> }.into_any(),
                Route::Register(id) => view! { <RegisterPage id=id/> }.into_any(),
                Route::Review(id) => view! { <ReviewPage id=id/> }.into_any(),
                Route::Approved(id, n) => view! { <ReportPage id=id version=n/> }.into_any(),
                Route::Public(id) => view! { <ReportPage id=id public=true/> }.into_any(),
                Route::Compare(ids) => view! { <ComparePage ids=ids/> }.into_any(),
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
    }
}
