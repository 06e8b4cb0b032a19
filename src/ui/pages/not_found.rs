use crate::core::route::Route;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// Shown for an address that names no view; says what was asked for and offers a way home.
#[component]
pub fn NotFoundPage(
    /// The path that was asked for.
    path: String,
) -> impl IntoView {
    view! {
        <h1>{t("notfound.title")}</h1>
        <p>{t("notfound.body")}</p>
        <p>
            <code class="asked-path">{path}</code>
        </p>
        <p>
            <a class="button" href=Route::Home.href()>{t("notfound.home_link")}</a>
        </p>
    }
}
