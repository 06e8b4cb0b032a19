use crate::core::render::Request;
use crate::ui::components::Rendered;
use leptos::prelude::*;

/// The questions, prompts and risk templates of the three tools that refer to a life-cycle stage,
/// grouped by tool (markup from `core::report::guidance`, in the tools module).
#[component]
pub fn RelatedItems(
    /// The stage id.
    stage: String,
) -> impl IntoView {
    view! { <Rendered request=Request::StageRelated { id: stage } class="related-items"/> }
}
