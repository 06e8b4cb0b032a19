use crate::core::route::{GuidanceView, Route};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// One of the three practical tools, as a card on the home page.
#[component]
fn ToolCard(
    /// Tool name.
    title: &'static str,
    /// What the tool assesses (the agency, one system...).
    unit: &'static str,
    /// What the tool does, in a few sentences.
    body: &'static str,
) -> impl IntoView {
    view! {
        <li class="card tool-card">
            <h3>{title}</h3>
            <p class="tool-unit">{unit}</p>
            <p>{body}</p>
        </li>
    }
}

/// The landing view: what the app does, its three tools, and what happens to the user's data.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1>{t("home.title")}</h1>
        <p class="lead">{t("home.lead")}</p>
        <section aria-labelledby="tools-heading">
            <h2 id="tools-heading">{t("home.tools_heading")}</h2>
            <ul class="cards" role="list">
                <ToolCard title=t("home.readiness_title") unit=t("home.readiness_unit") body=t("home.readiness_body")/>
                <ToolCard title=t("home.risk_title") unit=t("home.risk_unit") body=t("home.risk_body")/>
                <ToolCard title=t("home.workbook_title") unit=t("home.workbook_unit") body=t("home.workbook_body")/>
            </ul>
        </section>
        <section class="privacy" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t("home.privacy_heading")}</h2>
            <p>{t("home.privacy_body")}</p>
            <p>{t("home.privacy_export")}</p>
        </section>
        <section aria-labelledby="start-heading">
            <h2 id="start-heading">{t("home.start_heading")}</h2>
            <p>{t("home.start_body")}</p>
            <p class="actions">
                <a class="button" href=Route::Assessments.href()>{t("home.cta_assessments")}</a>
                <a class="button secondary" href=GuidanceView::Overview.href()>{t("home.cta_guidance")}</a>
            </p>
        </section>
    }
}
