//! The mark beside an item that differs from the assessment's latest approved version.

use crate::core::review::since::Since;
use crate::ui::i18n::t_with;
use leptos::prelude::*;

/// "Changed since version 2 was approved", in words (never colour alone), beside `item` while it
/// differs from the latest approval; nothing otherwise.
pub fn changed_mark(since: RwSignal<Option<Since>>, item: &'static str) -> impl IntoView {
    move || {
        since.with(|s| {
            let s = s.as_ref().filter(|s| s.has(item))?;
            let text = t_with("review.item_changed", &[("version", &s.version.to_string())]);
            // The comma is heard, not seen: a label or legend reads as two phrases.
            Some(view! { <span class="changed-mark"><span class="visually-hidden">", "</span>{text}</span> })
        })
    }
}
