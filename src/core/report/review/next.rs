//! The review panel's next review: a date and the events that bring it back sooner.

use crate::core::assessment::Assessment;
use crate::core::logbook::Trigger;
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::review::control::Control;
use crate::core::review::Review;
use std::fmt::Write;

/// The next review: a date and the events that bring it back sooner, applied as chosen.
pub(super) fn next_form(o: &mut String, a: &Assessment, review: &Review) {
    let next = review.next.clone().unwrap_or_default();
    let _ = write!(
        o,
        "<fieldset class=\"review-next\"><legend>{}</legend><p class=\"hint\">{}</p><p class=\"field\"><label for=\"{n}\">{}</label><input type=\"date\" id=\"{n}\" name=\"{n}\" value=\"{}\"></p>",
        s("review.next_legend"),
        s("review.next_hint"),
        s("review.next_date"),
        html(&next.date),
        n = Control::NextDate
    );
    let _ = write!(o, "<fieldset class=\"review-events\"><legend>{}</legend>", s("review.next_events"));
    for t in Trigger::ALL {
        let on = if next.events.contains(&t) { " checked" } else { "" };
        let _ = write!(
            o,
            "<p class=\"check\"><input type=\"checkbox\" id=\"{n}.{id}\" name=\"{n}\" value=\"{id}\"{on}><label for=\"{n}.{id}\">{}</label></p>",
            s(t.key()),
            n = Control::Event,
            id = t.id()
        );
    }
    o.push_str("</fieldset>");
    // A workbook's decisions carry review dates of their own; the earliest counts too.
    if let Some((e, date)) = crate::core::workbook::next_review(a) {
        let _ = write!(
            o,
            "<p class=\"hint\">{}</p>",
            html(&fill(
                "review.next_decision",
                &[("date", &crate::core::dates::in_words(date)), ("id", &e.id)]
            ))
        );
    }
    o.push_str("</fieldset>");
}
