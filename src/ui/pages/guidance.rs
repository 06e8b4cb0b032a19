use crate::ui::components::Notice;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The guidance explorer: principles, life cycle, application types and glossary.
#[component]
pub fn GuidancePage() -> impl IntoView {
    view! {
        <h1>{t("guidance.title")}</h1>
        <p class="lead">{t("guidance.lead")}</p>
        <Notice label=t("home.coming_note") text=t("guidance.coming")/>
    }
}
