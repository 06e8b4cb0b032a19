use crate::core::content::pack;
use crate::core::report::methods::methods_html;
use crate::ui::components::{guidance_trail, Breadcrumbs};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// How the three tools work, all read from the content pack; the page's markup is written by
/// `core::report::methods`, escaped there.
#[component]
pub fn MethodsPage() -> impl IntoView {
    view! {
        <Breadcrumbs trail=guidance_trail() current=t("methods.title").to_string()/>
        <div class="methods" inner_html=methods_html(pack())></div>
    }
}
