//! The report page's print and download controls, written by the tools module with the files they
//! save (`core::office`), so the first load carries neither. Each download button names its format by
//! [`Format::name`]; the tools module reads it back with [`Format::from_name`].

use super::format::Format;
use super::s;
use crate::core::assessment::Kind;
use std::fmt::Write;

/// Which report the controls are for, as the app names it to the tools module: an assessment's id,
/// then `@` and a version for an approved version's, or `@public` for its public version (ids never
/// hold `@`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub version: Option<u32>,
    pub public: bool,
}

impl Target {
    pub fn arg(&self) -> String {
        match (self.version, self.public) {
            (Some(v), _) => format!("{}@{v}", self.id),
            (None, true) => format!("{}@public", self.id),
            (None, false) => self.id.clone(),
        }
    }

    /// Reads what [`Target::arg`] wrote; a version that is not a number is an error in words.
    pub fn parse(arg: &str) -> Result<Target, String> {
        let target = |version, public| Target {
            id: arg.split('@').next().unwrap_or_default().to_string(),
            version,
            public,
        };
        match arg.split_once('@') {
            None => Ok(target(None, false)),
            Some((_, "public")) => Ok(target(None, true)),
            Some((_, v)) => match v.parse() {
                Ok(v) => Ok(target(Some(v), false)),
                Err(_) => {
                    let what = crate::core::content::t("errors.what_version");
                    Err(crate::core::content::t_with("errors.unknown", &[("what", what), ("value", v)]))
                }
            },
        }
    }
}

/// A group of controls: its element id, the key of its name, and its downloads (format, key of the
/// button's words).
type Group = (&'static str, &'static str, Vec<(Format, &'static str)>);

/// The controls for an assessment of `kind`: whether the HTML report carries its answers (with what
/// that means), print and the downloads in named groups, a status line and a line for a problem.
pub fn actions_html(kind: Kind) -> String {
    let mut o = format!(
        "<p class=\"report-actions check-line\"><input type=\"checkbox\" id=\"report-carry\" aria-describedby=\"report-carry-hint\">\
         <label for=\"report-carry\">{}</label></p><p class=\"hint report-actions\" id=\"report-carry-hint\">{}</p>",
        s("report.carry"),
        s("report.carry_hint"),
    );
    // Three groups, each named: the report itself, its data to sort and filter, and what goes to an
    // authority or the public.
    let mut groups: Vec<Group> = vec![(
        "ra-report",
        "report.group_report",
        vec![
            (Format::Html, "report.download_html"),
            (Format::Docx, "report.download_docx"),
            (Format::Markdown, "report.download_markdown"),
        ],
    )];
    match kind {
        Kind::Readiness => {
            groups.push(("ra-data", "report.group_data", vec![(Format::Xlsx, "report.download_xlsx")]))
        }
        Kind::Risk => groups.extend([
            (
                "ra-data",
                "report.group_data",
                vec![
                    (Format::Xlsx, "report.download_xlsx"),
                    (Format::RegisterCsv, "riskresults.download_csv"),
                ],
            ),
            (
                "ra-public",
                "report.group_public",
                vec![
                    (Format::Rights, "fria.download"),
                    (Format::RightsDocx, "fria.download_docx"),
                    (Format::TransparencyJson, "transparency.download_json"),
                    (Format::TransparencyCsv, "transparency.download_csv"),
                ],
            ),
        ]),
        Kind::Workbook => {}
    }
    for (n, (id, label, formats)) in groups.into_iter().enumerate() {
        let _ = write!(
            o,
            "<div class=\"actions report-actions\" role=\"group\" aria-labelledby=\"{id}\">\
             <p class=\"action-group\" id=\"{id}\">{}</p>",
            s(label)
        );
        if n == 0 {
            let _ = write!(
                o,
                "<button type=\"button\" class=\"button\" data-act=\"print\">{}</button>",
                s("report.print")
            );
        }
        for (format, label) in formats {
            let _ = write!(
                o,
                "<button type=\"button\" class=\"button secondary\" data-format=\"{}\" aria-describedby=\"{}\">{}</button>",
                format.name(),
                if matches!(format, Format::TransparencyJson | Format::TransparencyCsv) {
                    "transparency-hint"
                } else {
                    "report-hint"
                },
                s(label)
            );
        }
        o.push_str("</div>");
    }
    // The status line says what is being written and what was saved; the alert, a problem. Both are
    // in the page from the start, empty, so assistive technology announces what arrives in them.
    let _ = write!(
        o,
        "<p class=\"hint report-actions\" id=\"report-hint\">{}{}</p>\
         <p class=\"report-actions report-status\" role=\"status\"></p>\
         <p class=\"report-actions report-problem\" role=\"alert\"></p>",
        s("report.downloads_hint"),
        match kind {
            Kind::Readiness => format!(" {}", s("report.downloads_hint_sheet")),
            Kind::Risk => format!(
                " {}</p><p class=\"hint report-actions\" id=\"transparency-hint\">{}",
                s("report.downloads_hint_sheet"),
                s("transparency.hint")
            ),
            Kind::Workbook => String::new(),
        }
    );
    o
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::report::tags::tags;

    #[test]
    fn every_button_names_a_format_the_tools_module_reads_back() {
        for kind in [Kind::Readiness, Kind::Risk, Kind::Workbook] {
            let html = actions_html(kind);
            let names: Vec<&str> =
                tags(&html, "button").iter().filter_map(|b| b.get("data-format").copied()).collect();
            assert!(names.iter().all(|n| Format::from_name(n).is_some()), "{names:?}");
            let want = match kind {
                Kind::Readiness => vec!["html", "docx", "markdown", "xlsx"],
                Kind::Risk => {
                    vec![
                        "html",
                        "docx",
                        "markdown",
                        "xlsx",
                        "register_csv",
                        "rights",
                        "rights_docx",
                        "transparency_json",
                        "transparency_csv",
                    ]
                }
                Kind::Workbook => vec!["html", "docx", "markdown"],
            };
            assert_eq!(names, want);
            assert_eq!(tags(&html, "input")[0].get("id"), Some(&"report-carry"));
        }
    }
}
