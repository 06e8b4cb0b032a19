use crate::core::route::Route;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// Links between the parts of one assessment: answering it, its results, its report, its review. The current one
/// is marked for assistive technology and, by a border, visibly.
#[component]
pub fn AssessmentTabs(
    /// The assessment id.
    id: String,
    /// The view shown now: `Route::Assessment`, `Route::Results`, `Route::Report` or `Route::Review` of `id`.
    current: Route,
    /// A risk assessment, which has a register between its questions and results.
    #[prop(optional)]
    risk: bool,
) -> impl IntoView {
    let links = [
        Some((Route::Assessment(id.clone()), "tabs.answer")),
        risk.then(|| (Route::Register(id.clone()), "tabs.register")),
        Some((Route::Results(id.clone()), "tabs.results")),
        Some((Route::Report(id.clone()), "tabs.report")),
        Some((Route::Review(id), "tabs.review")),
    ]
    .into_iter()
    .flatten()
    .map(|(route, key)| {
        let here = (route == current).then_some("page");
        view! { <li><a href=route.href() aria-current=here>{t(key)}</a></li> }
    })
    .collect_view();
    view! {
        <nav class="tabs" aria-label=t("tabs.label")>
            <ul>{links}</ul>
        </nav>
    }
}
