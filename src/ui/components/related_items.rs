use crate::core::content::pack;
use crate::core::guidance::Related;
use crate::core::report::guidance::related_html;
use leptos::prelude::*;

/// The questions, prompts and risk templates of the three tools that refer to one guidance entry,
/// grouped by tool (markup from `core::report::guidance`).
#[component]
pub fn RelatedItems(
    /// What refers to the entry.
    related: Related<'static>,
) -> impl IntoView {
    view! { <div inner_html=related_html(pack(), &related)></div> }
}
