use crate::browser::system::{date_time, now_ms};
use crate::browser::tools;
use crate::core::assessment::{Assessment, Kind};
use crate::core::render::Request;
use crate::core::report::ReportMeta;
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Rendered};
use crate::ui::i18n::t;
use crate::ui::pages::assessment::with_assessment;
use leptos::prelude::*;

/// The printable report of one assessment, with print and download buttons. Printing leaves out
/// everything but the report (see `style/report.css` and `style/print.css`).
#[component]
pub fn ReportPage(
    /// Assessment id, from the address.
    id: String,
) -> impl IntoView {
    with_assessment(&id, |a| view! { <Report a=a/> }.into_any())
}

#[component]
fn Report(a: Assessment) -> impl IntoView {
    let trail = vec![
        (t("assessments.title").to_string(), Route::Assessments.href()),
        (a.title.clone(), Route::Assessment(a.id.clone()).href()),
    ];
    let head = view! {
        <div class="report-head">
            <Breadcrumbs trail=trail current=t("report.title").to_string()/>
            <AssessmentTabs id=a.id.clone() current=Route::Report(a.id.clone()) risk=a.kind == Kind::Risk/>
        </div>
    };
    let now = now_ms();
    // When: what every rendering of this report is given.
    let meta = ReportMeta { generated: date_time(now), updated: date_time(a.updated), now };
    let shown = Request::Report { record: a.clone(), meta };
    // The print and download controls are the tools module's, with the files they write.
    tools::call(tools::Export::ReportActions, &a.id);
    view! {
        {head}
        <div id="report-actions"></div>
        <Rendered request=shown class="report"/>
    }
    .into_any()
}
