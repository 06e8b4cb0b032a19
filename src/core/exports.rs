//! The library page's export panel as the tools module draws it (`src/tools/export.rs`): the live
//! assessments to choose from, an optional passphrase with its strength said as it is typed, and the
//! buttons that export, compare or move the chosen ones to the bin. The first load carries none of it:
//! the app keeps an empty section. The buttons' names ([`Act`]) are printed here and parsed by the
//! tools module's dispatcher, one definition for both.

use crate::core::assessment::Assessment;
use crate::core::content::{t, t_with};
use crate::core::library::Summary;
use crate::core::passphrase::{strength, Strength};
use crate::core::report::escape::html;
use std::fmt::{self, Write};
use std::str::FromStr;

/// The list of assessments, the two passphrase fields, the strength line and the status line.
pub const CHOICES_ID: &str = "export-choices";
pub const PASS_ID: &str = "x-pass";
pub const CONFIRM_ID: &str = "x-pass2";
pub const STRENGTH_ID: &str = "x-pass-strength";
pub const STATUS_ID: &str = "export-status";
/// Each assessment's checkbox is this prefix and its id (`xa-…`): no other id of the panel begins so.
pub const CHOICE_PREFIX: &str = "xa-";

/// A button of the panel (`data-act`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    SelectAll,
    Export,
    Compare,
    Delete,
}

impl Act {
    const ALL: [Act; 4] = [Act::SelectAll, Act::Export, Act::Compare, Act::Delete];

    fn name(self) -> &'static str {
        match self {
            Act::SelectAll => "select-all",
            Act::Export => "export",
            Act::Compare => "compare",
            Act::Delete => "delete",
        }
    }
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Act {
    type Err = crate::core::input::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Act::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| crate::core::input::UnknownName(s.to_string()))
    }
}

/// The panel's inside, for the section the app keeps for it (`aria-labelledby="export-heading"`);
/// the list of assessments is [`choices_html`].
pub fn panel_html() -> String {
    let button = |act: Act, class: &str, text: &str| {
        format!("<button type=\"button\" class=\"button{class}\" data-act=\"{act}\">{}</button>", html(text))
    };
    format!(
        "<h2 id=\"export-heading\">{}</h2><p class=\"hint\">{}</p>\
         <fieldset class=\"export-list\"><legend>{}</legend><ul id=\"{CHOICES_ID}\"></ul>{}</fieldset>\
         <p class=\"hint\" id=\"x-pass-hint\">{}</p><div class=\"field-pair\">\
         <p class=\"field\"><label for=\"{PASS_ID}\">{}</label><input id=\"{PASS_ID}\" type=\"password\" \
         autocomplete=\"new-password\" aria-describedby=\"x-pass-hint {STRENGTH_ID}\"></p>\
         <p class=\"field\"><label for=\"{CONFIRM_ID}\">{}</label><input id=\"{CONFIRM_ID}\" type=\"password\" \
         autocomplete=\"new-password\"></p></div>\
         <p class=\"hint\" id=\"{STRENGTH_ID}\" aria-live=\"polite\"></p>\
         <p class=\"actions\">{}{}{}</p><p role=\"status\" class=\"share-status\" id=\"{STATUS_ID}\"></p>",
        html(t("share.export_heading")),
        html(t("share.export_hint")),
        html(t("share.choose")),
        button(Act::SelectAll, " small secondary", t("share.select_all")),
        html(t("share.passphrase_hint")),
        html(t("share.passphrase")),
        html(t("share.passphrase_again")),
        button(Act::Export, "", t("share.export")),
        button(Act::Compare, " secondary", t("compare.start")),
        button(Act::Delete, " secondary", t("share.delete_selected")),
    )
}

/// One checkbox per live assessment (its title and tool), ticked when its id is in `selected`.
pub fn choices_html(active: &[Summary], selected: &[String]) -> String {
    let mut o = String::new();
    for s in active {
        let id = html(&format!("{CHOICE_PREFIX}{}", s.id));
        let checked = if selected.contains(&s.id) { " checked" } else { "" };
        let _ = write!(
            o,
            "<li><input type=\"checkbox\" id=\"{id}\"{checked}><label for=\"{id}\">{} · {}</label></li>",
            html(&s.title),
            html(t(s.kind.name_key()))
        );
    }
    o
}

/// What the strength line says of `passphrase` as it is typed (nothing for an empty one).
pub fn strength_line(passphrase: &str) -> String {
    let (key, bits) = match strength(passphrase) {
        None => return String::new(),
        Some(Strength::TooShort) => ("share.strength_short", 0),
        Some(Strength::Weak(b)) => ("share.strength_weak", b),
        Some(Strength::Fair(b)) => ("share.strength_fair", b),
        Some(Strength::Strong(b)) => ("share.strength_strong", b),
    };
    t_with(key, &[("bits", &bits.to_string())])
}

/// Whether a stored record can go in a file: its review too, which the app's first load keeps without
/// reading (a damaged one would make the file refused on import). The problem as a sentence.
pub fn exportable(a: &Assessment) -> Result<(), String> {
    crate::core::review::read::read(&a.review.0, &a.id, a.kind, "review")
        .map(|_| ())
        .map_err(|e| format!("at {}: {}", e.path, e.problem))
}

/// Why an export of `chosen` assessments with this passphrase typed twice cannot go ahead, if so.
/// Only the minimum length is enforced (see `core::passphrase`); empty means no encryption.
pub fn refusal(chosen: usize, passphrase: &str, again: &str) -> Option<&'static str> {
    if chosen == 0 {
        Some(t("share.none_selected"))
    } else if passphrase != again {
        Some(t("share.mismatch"))
    } else if strength(passphrase) == Some(Strength::TooShort) {
        Some(t("share.too_short"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Kind;

    fn summary(id: &str, title: &str) -> Summary {
        Summary {
            id: id.into(),
            kind: Kind::Risk,
            title: title.into(),
            subject: String::new(),
            respondent: String::new(),
            answered: 0,
            total: 0,
            updated: 0,
            revision: 1,
            deleted: None,
            review: String::new(),
        }
    }

    #[test]
    fn every_act_prints_and_parses_the_same_and_others_are_refused() {
        for act in Act::ALL {
            assert_eq!(act.to_string().parse::<Act>(), Ok(act));
        }
        for bad in ["", "Export", "select", "delete.1"] {
            assert!(bad.parse::<Act>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_choice_shows_its_title_as_text_and_is_ticked_only_when_selected() {
        let list = [summary("a", "<b>Plan</b>"), summary("b\"x", "Other")];
        let out = choices_html(&list, &["a".to_string()]);
        assert!(out.contains("&lt;b&gt;Plan&lt;/b&gt;") && !out.contains("<b>"));
        assert!(out.contains("id=\"xa-a\" checked"));
        assert!(out.contains("id=\"xa-b&quot;x\">"), "{out}");
    }

    #[test]
    fn no_id_of_the_panel_begins_as_an_assessments_checkbox_does() {
        // An imported assessment may have any id ("pass"): its checkbox must not take a field's id.
        let panel = panel_html();
        let ids: Vec<&str> = panel.split("id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
        assert!(ids.contains(&PASS_ID) && ids.contains(&CHOICES_ID), "{ids:?}");
        for id in ids {
            assert!(!id.starts_with(CHOICE_PREFIX), "{id}");
        }
    }

    #[test]
    fn an_export_needs_a_choice_the_same_passphrase_twice_and_eight_characters() {
        assert_eq!(refusal(0, "", ""), Some(t("share.none_selected")));
        assert_eq!(refusal(1, "long enough one", "long enough two"), Some(t("share.mismatch")));
        assert_eq!(refusal(1, "short", "short"), Some(t("share.too_short")));
        assert_eq!(refusal(1, "", ""), None);
        assert_eq!(refusal(2, "eight ch", "eight ch"), None);
    }
}
