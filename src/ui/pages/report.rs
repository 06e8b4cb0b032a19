use crate::browser::system::{date_time, now_ms};
use crate::browser::tools;
use crate::core::assessment::{Assessment, Kind};
use crate::core::render::Request;
use crate::core::report::{actions::Target, ReportMeta};
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Rendered};
use crate::ui::i18n::{t, t_with};
use crate::ui::pages::assessment::with_assessment;
use leptos::prelude::*;

/// The printable report of one assessment, with print and download buttons. Printing leaves out
/// everything but the report (see `style/report.css` and `style/print.css`).
#[component]
pub fn ReportPage(
    /// Assessment id, from the address.
    id: String,
    /// An approved version's report, as it was approved (`#/assessments/<id>/approved/<n>`): the tools
    /// module takes it from the assessment's review.
    #[prop(optional)]
    version: Option<u32>,
    /// The public version (`#/assessments/<id>/public`): without its restricted items and comments.
    #[prop(optional)]
    public: bool,
) -> impl IntoView {
    with_assessment(&id, move |a| view! { <Report a=a version=version public=public/> }.into_any())
}

#[component]
fn Report(a: Assessment, version: Option<u32>, public: bool) -> impl IntoView {
    let trail = vec![
        (t("assessments.title").to_string(), Route::Assessments.href()),
        (a.title.clone(), Route::Assessment(a.id.clone()).href()),
    ];
    let here = match version {
        Some(_) => Route::Review(a.id.clone()),
        None => Route::Report(a.id.clone()),
    };
    let title = match version {
        Some(n) => t_with("review.version_n", &[("version", &n.to_string())]),
        None if public => t("review.public_title").to_string(),
        None => t("report.title").to_string(),
    };
    let head = view! {
        <div class="report-head">
            <Breadcrumbs trail=trail current=title/>
            <AssessmentTabs id=a.id.clone() current=here risk=a.kind == Kind::Risk/>
            {version.map(|n| view! { <p class="notice" role="note">{t_with("review.approved_notice", &[("version", &n.to_string())])}</p> })}
            {public.then(|| view! { <p class="notice" role="note">{t("review.public_notice")}</p> })}
        </div>
    };
    let now = now_ms();
    // When: what every rendering of this report is given.
    let meta = ReportMeta { generated: date_time(now), updated: date_time(a.updated), now };
    let shown = match version {
        Some(version) => Request::Approved { record: a.clone(), meta, version },
        None if public => Request::Public { record: a.clone(), meta },
        None => Request::Report { record: a.clone(), meta },
    };
    // The print and download controls are the tools module's, with the files they write.
    tools::call(tools::Export::ReportActions, &Target { id: a.id.clone(), version, public }.arg());
    view! {
        {head}
        <div id="report-actions"></div>
        <Rendered request=shown class="report"/>
    }
    .into_any()
}
