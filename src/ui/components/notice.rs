use leptos::prelude::*;

/// A boxed note for the reader, such as a view that is not available yet.
#[component]
pub fn Notice(
    /// The label shown before the text, so the notice is not told apart by colour alone.
    label: &'static str,
    /// The text of the notice.
    text: &'static str,
) -> impl IntoView {
    view! {
        <p class="notice" role="note">
            <strong class="notice-label">{label}</strong>
            " "
            {text}
        </p>
    }
}
