use crate::ui::components::Notice;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The assessment library. Until storage lands it says plainly that nothing can be saved yet.
#[component]
pub fn AssessmentsPage() -> impl IntoView {
    view! {
        <h1>{t("assessments.title")}</h1>
        <p class="lead">{t("assessments.lead")}</p>
        <Notice label=t("home.coming_note") text=t("assessments.coming")/>
    }
}
