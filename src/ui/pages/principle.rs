use crate::core::content::pack;
use crate::core::guidance;
use crate::core::render::Request;
use crate::core::route::GuidanceView;
use crate::ui::components::Rendered;
use crate::ui::components::{guidance_trail, Breadcrumbs, UnknownEntry};
use leptos::prelude::*;

/// One principle: its meaning, a policing example, red flags, where it is at stake, and every
/// question, prompt and risk of the three tools that refers to it (markup from `core::report::guidance`).
#[component]
pub fn PrinciplePage(
    /// Principle id such as `P3.3`.
    id: String,
) -> impl IntoView {
    let Some(p) = guidance::principle(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    let mut trail = guidance_trail();
    if let Some(parent) = p.parent.as_deref().and_then(|parent| guidance::principle(pack(), parent)) {
        trail.push((
            format!("{} {}", parent.id, parent.name),
            GuidanceView::Principle(parent.id.to_string()).href(),
        ));
    }
    view! {
        <Breadcrumbs trail=trail current=format!("{} {}", p.id, p.name)/>
        <Rendered request=Request::Principle { id } class="entry"/>
    }
    .into_any()
}
