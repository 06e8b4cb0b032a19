//! The files the report page offers (the report as HTML, Markdown or a Word document, the register as
//! CSV, the rights impact assessment): the typed request the app sends to the tools module, which
//! writes the file and offers it as a download (`browser::office`), and what the core writes for it.
//! A Word document takes two steps because a chart becomes a picture only in the browser: [`figures`]
//! gives the charts as SVG images, the browser draws each as a PNG, and [`write`] writes the file's
//! parts with those pictures, for `ooxml::zip` to pack. The same request goes through both steps.

use crate::core::assessment::{file_name, Assessment, Kind};
use crate::core::content::pack;
use crate::core::ooxml::PackagePart;
use crate::core::register::to_csv;
use crate::core::render::{record, RenderError, Request};
pub use crate::core::report::format::Format;
use crate::core::report::risk::transparency;
use crate::core::report::{self, docx::Drawing, docx::Picture, ReportMeta};

/// A file to write: the report page's request (`render::Request::Report` as JSON: the record and
/// when), the format's name, and for the HTML report whether it carries its answer file, to be
/// imported back (the user chooses).
pub struct FileRequest<'a> {
    pub report: &'a str,
    pub format: &'a str,
    pub answers: bool,
}

/// What a file holds: text, or the parts of a zip package.
pub enum Body {
    Text(String),
    Package(Vec<PackagePart>),
}

/// A file written: its name (kind, title, date, what it is), media type and contents.
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub body: Body,
}

struct Read {
    a: Assessment,
    meta: ReportMeta,
    format: Format,
}

fn read(request: &FileRequest) -> Result<Read, RenderError> {
    let format = Format::from_name(request.format)
        .ok_or_else(|| RenderError::Request(format!("no file format \"{}\"", request.format)))?;
    let report: Request<serde_json::Value> =
        serde_json::from_str(request.report).map_err(|e| RenderError::Request(e.to_string()))?;
    let Request::Report { record: r, meta } = report else {
        return Err(RenderError::Request("a file is written from the report's request".into()));
    };
    Ok(Read { a: record(r)?, meta, format })
}

/// The charts the file shows as pictures, in order (none but in a Word document).
pub fn figures(request: &FileRequest) -> Result<Vec<Drawing>, RenderError> {
    let Read { a, meta, format } = read(request)?;
    match format {
        Format::Docx => report::report_figures(pack(), &a, &meta).ok_or(RenderError::NotForKind),
        _ => Ok(Vec::new()),
    }
}

/// Writes the file; `pictures[i]` draws the i-th of [`figures`] (or is missing).
pub fn write(request: &FileRequest, pictures: &[Option<Picture>]) -> Result<File, RenderError> {
    let Read { a, meta, format } = read(request)?;
    let answers = request.answers;
    let p = pack();
    let risk_only = |body: Option<String>| body.filter(|_| a.kind == Kind::Risk);
    let body = match format {
        Format::Html => report::report_document(p, &a, &meta, answers).map(Body::Text),
        Format::Markdown => report::report_markdown(p, &a, &meta).map(Body::Text),
        Format::Docx => report::report_docx(p, &a, &meta, pictures).map(Body::Package),
        Format::Xlsx => report::report_xlsx(p, &a, &meta).map(Body::Package),
        Format::RegisterCsv => risk_only(Some(to_csv(p, &a.risk.register))).map(Body::Text),
        Format::Rights => report::fria_document(p, &a, &meta).map(Body::Text),
        Format::RightsDocx => report::fria_docx(p, &a, &meta).map(Body::Package),
        Format::TransparencyJson | Format::TransparencyCsv if a.kind == Kind::Risk => {
            let record = transparency::record(p, &a);
            Some(Body::Text(if format == Format::TransparencyJson {
                transparency::json(&record, &meta.generated.chars().take(10).collect::<String>())
            } else {
                crate::core::csv::write(&transparency::rows(
                    &record,
                    &meta.generated.chars().take(10).collect::<String>(),
                ))
            }))
        }
        Format::TransparencyJson | Format::TransparencyCsv => None,
    }
    .ok_or(RenderError::NotForKind)?;
    let date: String = meta.generated.chars().take(10).collect();
    let mut name = file_name(&a, &date).replace(".json", &format!("_{}", format.suffix(a.kind)));
    // A public version says so in its name, wherever the file goes.
    if crate::core::review::public::left_out(&a).is_some() {
        if let Some(dot) = name.rfind('.') {
            name.insert_str(dot, "_public");
        }
    }
    Ok(File { name, mime: format.mime(), body })
}
