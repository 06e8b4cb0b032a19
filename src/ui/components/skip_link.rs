use crate::browser::page;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The first focusable element: jumps past the header and navigation to the main content.
/// It moves focus itself instead of following `#main`, which would replace the route in the address.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                page::focus_main();
            }
        >
            {t("nav.skip")}
        </a>
    }
}
