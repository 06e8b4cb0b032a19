//! The library page's import panel as the tools module draws it: the file picker and drop zone, and
//! one line per file (refused, encrypted and waiting for its passphrase, or imported with the
//! decisions it still needs). The buttons' names ([`Act`]) are printed here and parsed by the
//! tools module's dispatcher (`src/tools/import.rs`), one definition for both.

use crate::core::assessment::Assessment;
use crate::core::content::{t, t_with};
use crate::core::report::escape::html;
use std::fmt::{self, Write};
use std::str::FromStr;

/// The id of the results list, of the file input, and the prefix of each file's line (`imp-3`).
pub const RESULTS_ID: &str = "import-results";
pub const INPUT_ID: &str = "import-files";
pub const ROW_PREFIX: &str = "imp-";

/// A button of a file's line (`data-act`): unlock file `key`; for its conflict `index`, keep both,
/// compare and merge, or replace the one here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Unlock(u32),
    Keep(u32, usize),
    Merge(u32, usize),
    Replace(u32, usize),
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Act::Unlock(k) => write!(f, "unlock.{k}"),
            Act::Keep(k, i) => write!(f, "keep.{k}.{i}"),
            Act::Merge(k, i) => write!(f, "merge.{k}.{i}"),
            Act::Replace(k, i) => write!(f, "replace.{k}.{i}"),
        }
    }
}

impl FromStr for Act {
    type Err = crate::core::input::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || crate::core::input::UnknownName(s.to_string());
        let mut parts = s.split('.');
        let (head, key) = (parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?);
        let key: u32 = key.parse().map_err(|_| bad())?;
        let index = parts.next().map(|i| i.parse::<usize>().map_err(|_| bad())).transpose()?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(match (head, index) {
            ("unlock", None) => Act::Unlock(key),
            ("keep", Some(i)) => Act::Keep(key, i),
            ("merge", Some(i)) => Act::Merge(key, i),
            ("replace", Some(i)) => Act::Replace(key, i),
            _ => return Err(bad()),
        })
    }
}

/// Where one file stands.
#[derive(Debug, Clone, PartialEq)]
pub enum FileLine {
    /// Not imported, and why.
    Failed(String),
    /// A refusal of the whole pick, not of one file.
    Declined(String),
    /// Encrypted: waiting for its passphrase.
    Locked,
    /// Imported: what was added and said; the assessments already here wait for the user's choice
    /// (`None` once decided); `warning`: what to know before relying on it.
    Imported { summary: String, warning: Option<String>, conflicts: Vec<Option<Assessment>> },
}

/// The panel's inside, for the section the app keeps for it (`aria-labelledby="import-heading"`).
pub fn panel_html() -> String {
    format!(
        "<h2 id=\"import-heading\">{}</h2><p class=\"hint\">{}</p><p class=\"field\"><label for=\"{INPUT_ID}\">{}</label>\
         <input id=\"{INPUT_ID}\" type=\"file\" multiple accept=\".json,.html,.htm,application/json,text/html\"></p>\
         <ul class=\"import-results\" id=\"{RESULTS_ID}\" aria-live=\"polite\" aria-busy=\"false\"></ul>",
        t("share.import_heading"),
        html(t("share.import_hint")),
        t("share.pick"),
    )
}

fn button(o: &mut String, act: Act, text: &str, title: &str, class: &str) {
    let _ = write!(
        o,
        "<button type=\"button\" class=\"button small{class}\" data-act=\"{act}\">{}<span class=\"visually-hidden\"> {}</span></button>",
        html(text),
        html(title)
    );
}

/// A file's name and what is said of it, as the page's language punctuates them ("a.json : …" in
/// French); both given as HTML.
fn named(name: &str, text: &str) -> String {
    html(t("share.named")).replace("{name}", name).replace("{text}", text)
}

/// One file's line: `key` names it, `name` is the file's name.
pub fn line_html(key: u32, name: &str, line: &FileLine) -> String {
    // Focus goes to a line drawn again after its button was used (`tabindex="-1"`).
    let (id, raw_name, name) = (format!("{ROW_PREFIX}{key}"), name, html(name));
    match line {
        FileLine::Failed(problem) => format!(
            "<li id=\"{id}\" tabindex=\"-1\" class=\"import-failed\"><strong>{}</strong> {}. {}</li>",
            t("share.failed_label"),
            named(&name, &html(problem)),
            t("share.nothing_imported")
        ),
        FileLine::Declined(why) => {
            format!(
                "<li id=\"{id}\" tabindex=\"-1\" class=\"import-failed\"><strong>{}</strong> {}</li>",
                t("share.failed_label"),
                html(why)
            )
        }
        FileLine::Locked => {
            let mut o = format!(
                "<li id=\"{id}\" tabindex=\"-1\" class=\"import-locked\"><p>{}</p><p class=\"field\"><label for=\"unlock-{key}\">{}<span class=\"visually-hidden\"> {name}</span></label>\
                 <input id=\"unlock-{key}\" type=\"password\" autocomplete=\"off\"></p><p class=\"actions\">",
                named(&format!("<strong>{name}</strong>"), t("share.locked")),
                t("share.passphrase"),
            );
            button(&mut o, Act::Unlock(key), t("share.unlock"), raw_name, "");
            let _ = write!(o, "</p><p class=\"field-error\" id=\"unlock-{key}-problem\" hidden></p></li>");
            o
        }
        FileLine::Imported { summary, warning, conflicts } => {
            let mut o = format!(
                "<li id=\"{id}\" tabindex=\"-1\" class=\"import-done\"><p><strong>{}</strong> {}</p>",
                t("share.done_label"),
                named(&name, &html(summary))
            );
            if let Some(w) = warning {
                let _ = write!(o, "<p class=\"field-error\">{}</p>", html(w));
            }
            o.push_str("<ul>");
            for (i, a) in conflicts.iter().enumerate() {
                let Some(a) = a else { continue };
                let _ = write!(
                    o,
                    "<li class=\"conflict\" data-index=\"{i}\"><p>{}</p><p class=\"actions\">",
                    html(&t_with("share.exists", &[("title", &a.title)]))
                );
                button(&mut o, Act::Keep(key, i), t("share.keep_both"), &a.title, "");
                button(&mut o, Act::Merge(key, i), t("share.merge"), &a.title, " secondary");
                button(&mut o, Act::Replace(key, i), t("share.replace"), &a.title, " secondary");
                o.push_str("</p></li>");
            }
            o.push_str("</ul></li>");
            o
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_act_prints_and_parses_the_same_and_others_are_refused() {
        for act in [Act::Unlock(3), Act::Keep(0, 2), Act::Merge(7, 0), Act::Replace(12, 40)] {
            assert_eq!(act.to_string().parse::<Act>(), Ok(act));
        }
        for bad in ["", "unlock", "unlock.x", "unlock.1.2", "keep.1", "keep.1.2.3", "open.1", "keep.-1.2"] {
            assert!(bad.parse::<Act>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_line_shows_names_and_texts_as_text() {
        let line = line_html(1, "<b>x</b>.json", &FileLine::Failed("bad <i>".into()));
        assert!(line.contains("&lt;b&gt;x&lt;/b&gt;.json") && line.contains("bad &lt;i&gt;"));
        assert!(!line.contains("<b>") && !line.contains("<i>"));
    }
}
