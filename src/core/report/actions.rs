//! The report page's print and download controls, written by the tools module with the files they
//! save (`core::office`), so the first load carries neither. Each download button names its format by
//! [`Format::name`]; the tools module reads it back with [`Format::from_name`].

use super::s;
use crate::core::assessment::Kind;
use crate::core::office::Format;
use std::fmt::Write;

/// The controls for an assessment of `kind`: whether the HTML report carries its answers (with what
/// that means), print, the downloads, a status line and a line for a problem.
pub fn actions_html(kind: Kind) -> String {
    let mut o = format!(
        "<p class=\"report-actions check-line\"><input type=\"checkbox\" id=\"report-carry\" aria-describedby=\"report-carry-hint\">\
         <label for=\"report-carry\">{}</label></p><p class=\"hint report-actions\" id=\"report-carry-hint\">{}</p>\
         <p class=\"actions report-actions\"><button type=\"button\" class=\"button\" data-act=\"print\">{}</button>",
        s("report.carry"),
        s("report.carry_hint"),
        s("report.print"),
    );
    let mut formats = vec![
        (Format::Html, "report.download_html"),
        (Format::Docx, "report.download_docx"),
        (Format::Markdown, "report.download_markdown"),
    ];
    let sheet = kind != Kind::Workbook;
    if sheet {
        formats.push((Format::Xlsx, "report.download_xlsx"));
    }
    if kind == Kind::Risk {
        formats.extend([
            (Format::RegisterCsv, "riskresults.download_csv"),
            (Format::Rights, "fria.download"),
            (Format::RightsDocx, "fria.download_docx"),
            (Format::TransparencyJson, "transparency.download_json"),
            (Format::TransparencyCsv, "transparency.download_csv"),
        ]);
    }
    for (format, label) in formats {
        let _ = write!(
            o,
            "<button type=\"button\" class=\"button secondary\" data-format=\"{}\" aria-describedby=\"report-hint\">{}</button>",
            format.name(),
            s(label)
        );
    }
    // The status line says what is being written and what was saved; the alert, a problem. Both are
    // in the page from the start, empty, so assistive technology announces what arrives in them.
    let _ = write!(
        o,
        "</p><p class=\"hint report-actions\" id=\"report-hint\">{}{}</p>\
         <p class=\"report-actions report-status\" role=\"status\"></p>\
         <p class=\"report-actions report-problem\" role=\"alert\"></p>",
        s("report.downloads_hint"),
        match kind {
            Kind::Readiness => format!(" {}", s("report.downloads_hint_sheet")),
            Kind::Risk => format!(" {} {}", s("report.downloads_hint_sheet"), s("transparency.hint")),
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
