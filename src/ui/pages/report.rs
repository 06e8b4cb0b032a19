use crate::browser::download::download;
use crate::browser::page;
use crate::browser::system::{date_time, now_ms};
use crate::browser::tools;
use crate::core::assessment::{file_name, Assessment, Kind};
use crate::core::render::Request;
use crate::core::report::ReportMeta;
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Rendered};
use crate::ui::i18n::t;
use crate::ui::pages::assessment::with_assessment;
use leptos::prelude::*;
use leptos::task::spawn_local;

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
    let risk = a.kind == Kind::Risk;
    let shown = Request::Report { record: a.clone(), meta: meta.clone() };
    let meta_for_save = StoredValue::new(meta);
    let a = StoredValue::new(a);
    let problem = RwSignal::new(String::new());
    // The HTML report carries its answers only when the user asks: it may go outside the agency.
    let carry = RwSignal::new(false);
    // The file name says what it is: kind, title, date; the extension says the format.
    let save = move |format: fn(Assessment, ReportMeta, bool) -> Request<Assessment>,
                     ext: &'static str,
                     mime: &'static str| {
        let asked = tools::render(
            &a.with_value(|a| format(a.clone(), meta_for_save.get_value(), carry.get_untracked())),
        );
        spawn_local(async move {
            match asked.await {
                Ok(drawn) => {
                    let text = drawn.text;
                    let date: String = date_time(now).chars().take(10).collect();
                    let name = a.with_value(|a| file_name(a, &date)).replace(".json", &format!("_{ext}"));
                    download(&name, mime, &text);
                }
                Err(e) => problem.set(e),
            }
        });
    };
    view! {
        {head}
        <p class="report-actions check-line">
            <input type="checkbox" id="report-carry" prop:checked=carry on:change=move |ev| carry.set(event_target_checked(&ev)) aria-describedby="report-carry-hint"/>
            <label for="report-carry">{t("report.carry")}</label>
        </p>
        <p class="hint report-actions" id="report-carry-hint">{t("report.carry_hint")}</p>
        <p class="actions report-actions">
            <button type="button" class="button" on:click=move |_| page::print()>{t("report.print")}</button>
            <button type="button" class="button secondary" on:click=move |_| save(|record, meta, answers| Request::ReportDocument { record, meta, answers }, "report.html", "text/html") aria-describedby="report-hint">{t("report.download_html")}</button>
            <button type="button" class="button secondary" on:click=move |_| save(|record, meta, _| Request::ReportMarkdown { record, meta }, "report.md", "text/markdown") aria-describedby="report-hint">{t("report.download_markdown")}</button>
            {risk.then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| save(|record, _, _| Request::RegisterCsv { record }, "register.csv", "text/csv")>
                    {t("riskresults.download_csv")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| save(|record, meta, _| Request::RightsAssessment { record, meta }, "rights-assessment.html", "text/html") aria-describedby="report-hint">
                    {t("fria.download")}
                </button>
            })}
        </p>
        <p class="hint report-actions" id="report-hint">{t("report.downloads_hint")}</p>
        <p class="notice problem" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        <Rendered request=shown class="report"/>
    }
    .into_any()
}
