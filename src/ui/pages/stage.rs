use crate::core::content::pack;
use crate::core::guidance;
use crate::core::render::Request;
use crate::ui::components::{guidance_trail, Breadcrumbs, Rendered, UnknownEntry};
use leptos::prelude::*;

/// One life-cycle stage: its purpose, key questions, the workbook's checklist and decision guidance,
/// and the items of the tools that belong to it (markup from `core::report::guidance`).
#[component]
pub fn StagePage(
    /// Stage id such as `deploy`.
    id: String,
) -> impl IntoView {
    let Some(s) = guidance::stage(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    view! {
        <Breadcrumbs trail=guidance_trail() current=s.name.to_string()/>
        <Rendered request=Request::Stage { id } class="entry"/>
    }
    .into_any()
}
