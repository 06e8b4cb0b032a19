use crate::core::assessment::{Assessment, Kind};
use crate::core::content::pack;
use crate::browser::system::{date_time, now_ms};
use crate::core::report::results_html;
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Notice};
use crate::ui::i18n::t;
use crate::ui::pages::assessment::with_assessment;
use leptos::prelude::*;

/// The results of one assessment: overall level, chart with its table, weakest and strongest items,
/// next steps and the method. The markup comes from `core::report`, the same as in the report.
#[component]
pub fn ResultsPage(
    /// Assessment id, from the address.
    id: String,
) -> impl IntoView {
    with_assessment(&id, |a| view! { <Results a=a/> }.into_any())
}

#[component]
fn Results(a: Assessment) -> impl IntoView {
    let trail = vec![
        (t("assessments.title").to_string(), Route::Assessments.href()),
        (a.title.clone(), Route::Assessment(a.id.clone()).href()),
    ];
    let today: String = date_time(now_ms()).chars().take(10).collect();
    let body = results_html(pack(), &a, &today);
    view! {
        <Breadcrumbs trail=trail current=t("results.title").to_string()/>
        <h1>{t("results.title")} ": " {a.title.clone()}</h1>
        <AssessmentTabs id=a.id.clone() current=Route::Results(a.id.clone()) risk=a.kind == Kind::Risk/>
        {match body {
            Some(html) => view! { <div class="report results" inner_html=html></div> }.into_any(),
            None => view! { <Notice label=t("home.coming_note") text=t("results.not_readiness")/> }.into_any(),
        }}
    }
}
