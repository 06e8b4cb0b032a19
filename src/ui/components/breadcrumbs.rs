use crate::core::route::GuidanceView;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The trail every guidance entry starts with: the guidance overview.
pub fn guidance_trail() -> Vec<(String, String)> {
    vec![(t("guidance.title").to_string(), GuidanceView::Overview.href())]
}

/// The path from the guidance overview to the current entry; the last crumb is the current page.
#[component]
pub fn Breadcrumbs(
    /// Ancestors as (label, href), outermost first.
    trail: Vec<(String, String)>,
    /// The current page's label.
    current: String,
) -> impl IntoView {
    let crumbs =
        trail.into_iter().map(|(label, href)| view! { <li><a href=href>{label}</a></li> }).collect_view();
    view! {
        <nav class="breadcrumbs" aria-label=t("guidance.breadcrumb")>
            <ol>
                {crumbs}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
