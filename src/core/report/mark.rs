//! The mark beside an item that changed since the assessment's latest approved version, in the
//! editors the tools module draws (the app's own questions have theirs, `ui::components::changed_mark`).

use crate::core::report::escape::html;
use crate::core::report::fill;
use crate::core::review::since::Since;

/// ", Changed since version N was approved" as a marked span where there is an approved version,
/// hidden while `item` is unchanged, with the item's name in `data-since`: the app shows or hides it
/// after each save (`browser::page::show_marks`), so a mark never waits for the item to be drawn
/// again. The comma is heard, not seen: a label or heading reads as two phrases.
pub fn changed(marks: Option<&Since>, item: &str) -> String {
    let Some(m) = marks else { return String::new() };
    format!(
        "<span class=\"changed-mark\" data-since=\"{}\"{}><span class=\"visually-hidden\">, </span>{}</span>",
        html(item),
        if m.has(item) { "" } else { " hidden" },
        fill("review.item_changed", &[("version", &m.version.to_string())])
    )
}
