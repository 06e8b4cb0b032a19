//! The system profile as an editable form: one control per field of the pack.

use super::form::attr_checked;
use crate::core::assessment::Answer;
use crate::core::content::model::{FieldKind, Pack};
use crate::core::report::escape::html;
use crate::core::report::mark::changed;
use crate::core::report::s;
use crate::core::review::since::Since;
use crate::core::risk::control::Control;
use crate::core::risk::legal::applying;
use crate::core::risk::{self, effective_profile, options};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The system profile: one control per field; a field whose conditions the profile does not meet is
/// drawn hidden, and its answer is kept. `marks`: what changed since the latest approval, if any.
pub fn profile_html(
    pack: &'static Pack,
    answers: &BTreeMap<String, Answer>,
    marks: Option<&Since>,
) -> String {
    let shown = effective_profile(pack, answers);
    let mut out = String::new();
    for f in pack.risk.profile_fields.iter() {
        let id = html(&Control::Profile(f.id.to_string()).to_string());
        let hidden = if risk::shown(pack, f, &shown) { "" } else { " hidden" };
        let help = format!("<span class=\"hint\" id=\"{id}.h\">{}</span>", html(&f.help));
        let given = answers.get(f.id.as_ref());
        let mark = changed(marks, &f.id);
        match f.kind {
            FieldKind::Text | FieldKind::Longtext => {
                let value = match given {
                    Some(Answer::Text(t)) => html(t),
                    _ => String::new(),
                };
                let control = if f.kind == FieldKind::Text {
                    format!("<input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{value}\" aria-describedby=\"{id}.h\">")
                } else {
                    format!("<textarea id=\"{id}\" name=\"{id}\" rows=\"3\" aria-describedby=\"{id}.h\">{value}</textarea>")
                };
                let _ = write!(
                    out,
                    "<p class=\"field\"{hidden}><label for=\"{id}\">{}{mark}</label>{help}{control}</p>",
                    html(&f.label)
                );
            }
            FieldKind::Choice | FieldKind::Multi => {
                let multi = f.kind == FieldKind::Multi;
                let _ = write!(
                    out,
                    "<fieldset class=\"pf-group\" aria-describedby=\"{id}.h\"{hidden}><legend>{}{mark}</legend>{help}<div class=\"pf-options\">",
                    html(&f.label)
                );
                // A practice or use the rest of the profile implies counts, ticked or not: say so.
                let implied = applying(pack, &shown, &f.id);
                for (opt, label) in options(pack, f) {
                    let on = match given {
                        Some(Answer::Choice(c)) => c == opt,
                        Some(Answer::Choices(cs)) => cs.iter().any(|c| c == opt),
                        _ => false,
                    };
                    // Said first, so a screen reader hears it before a long label; one span, so the
                    // label's flex layout keeps the note and the words together.
                    let text = if !on && implied.iter().any(|c| c.id == opt) {
                        format!("<span><strong>{}</strong> {}</span>", s("legal.implied"), html(label))
                    } else {
                        html(label)
                    };
                    let _ = write!(
                        out,
                        "<label class=\"check\"><input type=\"{}\" id=\"{id}.{opt}\" name=\"{id}\" value=\"{opt}\"{}> {text}</label>",
                        if multi { "checkbox" } else { "radio" },
                        attr_checked(on),
                    );
                }
                out.push_str("</div></fieldset>");
            }
        }
    }
    out
}
