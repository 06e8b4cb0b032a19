use crate::browser::system::{date_time, now_ms};
use crate::core::assessment::{Assessment, Kind};
use crate::core::render::Request;
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Rendered};
use crate::ui::i18n::t;
use crate::ui::pages::assessment::with_assessment;
use leptos::prelude::*;

/// The results of one assessment: for readiness the overall level, chart with its table, weakest and
/// strongest items, next steps and the method; for risk the heat maps, the register in order, where
/// the risk concentrates and what is open. The markup comes from `core::report`, as in the report.
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
    let head = view! {
        <Breadcrumbs trail=trail current=t("results.title").to_string()/>
        <h1>{t("results.title")} ": " {a.title.clone()}</h1>
        <AssessmentTabs id=a.id.clone() current=Route::Results(a.id.clone()) risk=a.kind == Kind::Risk/>
    };
    let today: String = date_time(now_ms()).chars().take(10).collect();
    view! { {head} <Rendered request=Request::Results { record: a, today } class="report results"/> }
        .into_any()
}
