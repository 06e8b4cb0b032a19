//! The pure domain core: content model and validation, routes, app facts.
//! Nothing here may touch leptos, web-sys or gloo: it compiles and is tested on the host.

pub mod answer_file;
pub mod assessment;
pub mod backup;
pub mod content;
pub mod csv;
pub mod dates;
pub mod editor;
pub mod exports;
pub mod guidance;
pub mod imports;
pub mod input;
pub mod language;
pub mod library;
pub mod limits;
pub mod logbook;
pub mod merge;
pub mod office;
pub mod ooxml;
pub mod passphrase;
pub mod questionnaire;
pub mod register;
pub mod render;
pub mod report;
pub mod review;
pub mod risk;
pub mod route;
pub mod samples;
pub mod scoring;
pub mod sort;
pub mod text;
pub mod upgrade;
pub mod workbook;

/// The app's own version, shown on the About page and recorded in answer files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The toolkit's public pages, credited on the About page and in every report.
pub const TOOLKIT_INTERPOL: &str =
    "https://www.interpol.int/How-we-work/Innovation/Artificial-Intelligence-Toolkit";
pub const TOOLKIT_UNICRI: &str =
    "https://unicri.org/topics/Toolkit-Responsible-AI-for-Law-Enforcement-INTERPOL-UNICRI";
