use crate::core::render::Request;
use crate::ui::components::Rendered;
use crate::ui::components::{guidance_trail, Breadcrumbs};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// How the three tools work, all read from the content pack; the page's markup is written by
/// `core::report::methods` (in the tools module), escaped there.
#[component]
pub fn MethodsPage() -> impl IntoView {
    view! {
        <Breadcrumbs trail=guidance_trail() current=t("methods.title").to_string()/>
        <Rendered request=Request::Methods class="methods"/>
    }
}
