use crate::core::render::Request;
use crate::ui::components::Rendered;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// Independence statement, credits to the publishers, versions and the privacy promise (markup from
/// `core::report::about`, written by the tools module).
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <h1>{t("about.title")}</h1>
        <Rendered request=Request::About class="about"/>
    }
}
