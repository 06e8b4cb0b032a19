use crate::browser::download::download;
use crate::browser::page;
use crate::browser::system::{date_time, now_ms};
use crate::core::assessment::{file_name, Assessment, Kind};
use crate::core::content::pack;
use crate::core::report::{report_document, report_html, report_markdown, ReportMeta};
use crate::core::risk::register::to_csv;
use crate::core::route::Route;
use crate::ui::components::{AssessmentTabs, Breadcrumbs, Notice};
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
    let meta = ReportMeta { generated: date_time(now), updated: date_time(a.updated), now };
    let Some(body) = report_html(pack(), &a, &meta) else {
        return view! { {head} <Notice label=t("home.coming_note") text=t("results.not_readiness")/> }
            .into_any();
    };
    let risk = a.kind == Kind::Risk;
    let a = StoredValue::new(a);
    let meta = StoredValue::new(meta);
    // The file name says what it is: kind, title, date; the extension says the format.
    let save = move |ext: &str, mime: &str, text: String| {
        let date: String = meta.with_value(|m| m.generated.chars().take(10).collect());
        let name = a.with_value(|a| file_name(a, &date)).replace(".json", &format!("_report.{ext}"));
        download(&name, mime, &text);
    };
    let save_html = move |_| {
        save(
            "html",
            "text/html",
            a.with_value(|a| meta.with_value(|m| report_document(pack(), a, m))),
        )
    };
    let save_md = move |_| {
        save(
            "md",
            "text/markdown",
            a.with_value(|a| meta.with_value(|m| report_markdown(pack(), a, m))),
        )
    };
    view! {
        {head}
        <p class="actions report-actions">
            <button type="button" class="button" on:click=move |_| page::print()>{t("report.print")}</button>
            <button type="button" class="button secondary" on:click=save_html aria-describedby="report-hint">{t("report.download_html")}</button>
            <button type="button" class="button secondary" on:click=save_md aria-describedby="report-hint">{t("report.download_markdown")}</button>
            {risk.then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| save("csv", "text/csv", a.with_value(|a| to_csv(pack(), &a.risk.register)))>
                    {t("riskresults.download_csv")}
                </button>
            })}
        </p>
        <p class="hint report-actions" id="report-hint">{t("report.downloads_hint")}</p>
        <article class="report" inner_html=body></article>
    }
    .into_any()
}
