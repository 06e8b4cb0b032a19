use crate::core::content::pack;
use crate::core::guidance;
use crate::core::render::Request;
use crate::ui::components::Rendered;
use crate::ui::components::{guidance_trail, Breadcrumbs, UnknownEntry};
use leptos::prelude::*;

/// One application type: what it covers, examples, concerns, principles at stake, its screening
/// questions (markup from `core::report::guidance`).
#[component]
pub fn ApplicationTypePage(
    /// Application-type id such as `image`.
    id: String,
) -> impl IntoView {
    let Some(a) = guidance::application_type(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    view! {
        <Breadcrumbs trail=guidance_trail() current=a.name.to_string()/>
        <Rendered request=Request::ApplicationType { id } class="entry"/>
    }
    .into_any()
}
