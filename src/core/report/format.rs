//! Which file of an assessment the report page offers (`core::office` writes it). A format crosses to
//! the tools module by its name, which the buttons carry (`actions`).

use crate::core::assessment::Kind;

/// Which file of an assessment. It crosses to the tools module by [`Format::name`], read back by
/// [`Format::from_name`]: the app's first load then carries no serializer of its own for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report as one HTML file that opens offline anywhere.
    Html,
    Markdown,
    /// The report as a Word document.
    Docx,
    /// The answers and scores, or the register and its mitigations, as a spreadsheet.
    Xlsx,
    /// A risk assessment's register, one row per risk.
    RegisterCsv,
    /// A risk assessment's fundamental-rights impact assessment (AI Act Art. 27), as one HTML file.
    Rights,
    /// The same as a Word document.
    RightsDocx,
    /// A draft public transparency record of the system (ATRS fields), as JSON.
    TransparencyJson,
    /// The same as CSV: section, field, value.
    TransparencyCsv,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Html,
        Format::Markdown,
        Format::Docx,
        Format::Xlsx,
        Format::RegisterCsv,
        Format::Rights,
        Format::RightsDocx,
        Format::TransparencyJson,
        Format::TransparencyCsv,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::RegisterCsv => "register_csv",
            Format::Rights => "rights",
            Format::RightsDocx => "rights_docx",
            Format::TransparencyJson => "transparency_json",
            Format::TransparencyCsv => "transparency_csv",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The end of the file's name: what it holds and its extension (a risk assessment's spreadsheet
    /// is its register; "answers" alone would read like the answer file that imports back).
    pub fn suffix(self, kind: Kind) -> &'static str {
        match self {
            Format::Html => "report.html",
            Format::Markdown => "report.md",
            Format::Docx => "report.docx",
            Format::Xlsx if kind == Kind::Risk => "register.xlsx",
            Format::Xlsx => "answers-and-scores.xlsx",
            Format::RegisterCsv => "register.csv",
            Format::Rights => "rights-assessment.html",
            Format::RightsDocx => "rights-assessment.docx",
            Format::TransparencyJson => "transparency-record.json",
            Format::TransparencyCsv => "transparency-record.csv",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Html | Format::Rights => "text/html",
            Format::Markdown => "text/markdown",
            Format::Docx | Format::RightsDocx => super::docx::MIME,
            Format::Xlsx => crate::core::ooxml::xlsx::MIME,
            Format::RegisterCsv | Format::TransparencyCsv => "text/csv",
            Format::TransparencyJson => "application/json",
        }
    }
}
