use crate::core::content::pack;
use crate::core::report::guidance::tags_html;
use leptos::prelude::*;

/// Links to the principles an item is tagged with, each named in full ("P3.3 Privacy").
#[component]
pub fn PrincipleTags(
    /// Principle ids, as in the content pack.
    ids: Vec<&'static str>,
) -> impl IntoView {
    view! { <div class="tag-list" inner_html=tags_html(pack(), &ids)></div> }
}
