use crate::ui::pages::results::Rendered;
use leptos::prelude::*;

/// The questions, prompts and risk templates of the three tools that refer to a life-cycle stage,
/// grouped by tool (markup from `core::report::guidance`, in the tools module).
#[component]
pub fn RelatedItems(
    /// The stage id.
    stage: String,
) -> impl IntoView {
    view! { <Rendered op="stage_related" args=vec![stage] class="related-items"/> }
}
