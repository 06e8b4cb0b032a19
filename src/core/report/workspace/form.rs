//! The form controls the workspace is written with: labelled text fields, selects, rating scales and
//! buttons, each named by a typed [`Control`] or [`Action`], so the dispatcher reads back what is
//! written here.

use crate::core::content::model::Pack;
use crate::core::limits::{MAX_LINE, MAX_TEXT};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::risk::control::Control;
use crate::core::risk::level;
use std::fmt::Write;

pub(crate) fn attr_checked(on: bool) -> &'static str {
    if on {
        " checked"
    } else {
        ""
    }
}

/// A level's name and its class (`lvl-high`), or "Not rated".
pub(super) fn level_text(pack: &'static Pack, l: u8, sev: u8) -> String {
    match level(pack, l, sev) {
        Some(x) => format!(
            "<strong class=\"lvl lvl-{}\">{}</strong> {}",
            html(&x.id),
            html(&x.label),
            fill("risk.rating", &[("l", &l.to_string()), ("s", &sev.to_string())])
        ),
        None => format!("<strong class=\"lvl\">{}</strong>", s("risk.not_rated")),
    }
}

/// A 1-to-5 scale as radios, each with its definition beside it; 0 (not rated) first.
pub(super) fn scale(
    out: &mut String,
    pack: &'static Pack,
    name: &Control,
    legend: &str,
    value: u8,
    severity: bool,
) {
    let levels = if severity { &pack.risk.severity } else { &pack.risk.likelihood };
    let _ = write!(out, "<fieldset class=\"scale\"><legend>{legend}</legend>");
    let _ = write!(
        out,
        "<label class=\"choice\"><input type=\"radio\" id=\"{name}.0\" name=\"{name}\" value=\"0\"{}> <span class=\"choice-label\">{}</span></label>",
        attr_checked(value == 0),
        s("risk.not_rated")
    );
    for x in levels.iter() {
        let _ = write!(
            out,
            "<label class=\"choice\"><input type=\"radio\" id=\"{name}.{v}\" name=\"{name}\" value=\"{v}\"{}> <span class=\"choice-label\">{v} · {}</span><span class=\"visually-hidden\">. </span> <span class=\"choice-detail\">{}</span></label>",
            attr_checked(value == x.value),
            html(&x.label),
            html(&x.description),
            v = x.value,
        );
    }
    out.push_str("</fieldset>");
}

/// A labelled text field (or text area, when `long`) whose id is its name.
pub(crate) fn text_field(
    out: &mut String,
    name: &dyn std::fmt::Display,
    label: &str,
    value: &str,
    long: bool,
) {
    let (id, value) = (html(&name.to_string()), html(value));
    if long {
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{id}\">{label}</label><textarea id=\"{id}\" name=\"{id}\" rows=\"3\" maxlength=\"{MAX_TEXT}\">{value}</textarea></p>"
        );
    } else {
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{id}\">{label}</label><input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{value}\" maxlength=\"{MAX_LINE}\"></p>"
        );
    }
}

pub(crate) fn select(
    out: &mut String,
    name: &dyn std::fmt::Display,
    label: &str,
    current: &str,
    options: &[(&str, &str)],
) {
    let id = html(&name.to_string());
    let _ = write!(
        out,
        "<p class=\"field\"><label for=\"{id}\">{label}</label><select id=\"{id}\" name=\"{id}\">"
    );
    for (v, text) in options {
        let on = if *v == current { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{on}>{}</option>", html(v), html(text));
    }
    out.push_str("</select></p>");
}

/// A button; its id is `b.` and its action, which is where focus returns after it is drawn again.
pub(crate) fn button(out: &mut String, action: &dyn std::fmt::Display, text: &str, class: &str) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"button small {class}\" id=\"b.{a}\" data-act=\"{a}\">{text}</button>",
        a = html(&action.to_string())
    );
}
