//! The review panel's public version: what is marked restricted, and the link to the report without it.

use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::review::control::Control;
use crate::core::review::public;
use crate::core::review::Review;
use crate::core::route::Route;
use std::fmt::Write;

/// The public version: what is marked restricted (a box per note, written answer, risk and decision),
/// and the link to the report without them.
pub(super) fn public_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review) {
    let _ = write!(
        o,
        "<section class=\"review-public\" aria-labelledby=\"rv-public\"><h2 id=\"rv-public\">{}</h2><p class=\"hint\">{}</p>",
        s("review.public_title"),
        s("review.public_hint")
    );
    let mut items = public::restrictable(pack, a);
    // Marks on what is no longer in the assessment, shown so they can be cleared.
    for id in review
        .restricted
        .iter()
        .filter(|id| !items.iter().any(|(i, _)| i == *id))
        .cloned()
        .collect::<Vec<_>>()
    {
        let name = fill("review.restricted_gone", &[("id", &id)]);
        items.push((id, name));
    }
    if items.is_empty() {
        let _ = write!(o, "<p>{}</p>", s("review.public_nothing"));
    } else {
        let _ =
            write!(o, "<fieldset class=\"review-events\"><legend>{}</legend>", s("review.restricted_legend"));
        for (id, name) in &items {
            let on = if review.restricted.contains(id) { " checked" } else { "" };
            let _ = write!(
                o,
                "<p class=\"check\"><input type=\"checkbox\" id=\"{n}.{i}\" name=\"{n}\" value=\"{i}\"{on}><label for=\"{n}.{i}\">{}</label></p>",
                html(name),
                n = Control::Restrict,
                i = html(id)
            );
        }
        o.push_str("</fieldset>");
    }
    let _ = write!(
        o,
        "<p><a href=\"{}\">{}</a></p></section>",
        html(&Route::Public(a.id.clone()).href()),
        s("review.open_public")
    );
}
