use crate::core::content::pack;
use crate::core::guidance;
use crate::core::route::GuidanceView;
use leptos::prelude::*;

/// Links to the principles an item is tagged with, each named in full ("P3.3 Privacy").
#[component]
pub fn PrincipleTags(
    /// Principle ids, as in the content pack.
    ids: Vec<&'static str>,
) -> impl IntoView {
    let tags = ids
        .into_iter()
        .map(|id| {
            let name: &'static str =
                guidance::principle(pack(), id).map(|p| p.name.as_ref()).unwrap_or_default();
            let href = GuidanceView::Principle(id.to_string()).href();
            view! {
                <li>
                    <a class="tag" href=href>
                        <span class="tag-id">{id}</span>
                        " "
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="tags">{tags}</ul> }
}
