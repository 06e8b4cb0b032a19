//! Fictional, fully worked assessments (`content/samples/*.json`, answer files): a team opens a copy to
//! see what a finished assessment looks like before it starts its own. Each says it is fictional in
//! its title, its subject and its general notes; the host tests hold every sample to that and to
//! being complete.

use crate::core::answer_file::{self, Opened};
use crate::core::assessment::{Assessment, Kind};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use std::fmt::Write;

/// Each sample by its id, with its kind and title as its file holds them (the tests check they agree),
/// in the order the library lists them. The files are published to `samples/<id>.json` beside the app
/// and fetched only when a user opens one.
pub const SAMPLES: [(&str, Kind, &str); 7] = [
    ("face-search-missing", Kind::Risk, "Sample (fictional): Face search for missing persons"),
    ("abuse-triage", Kind::Risk, "Sample (fictional): Domestic-abuse risk triage"),
    ("report-drafting", Kind::Risk, "Sample (fictional): AI-drafted incident reports"),
    ("plate-recognition", Kind::Risk, "Sample (fictional): Number-plate recognition with hotlists"),
    ("interview-transcription", Kind::Risk, "Sample (fictional): Interview transcription and translation"),
    ("readiness-agency", Kind::Readiness, "Sample (fictional): Agency readiness review 2027"),
    (
        "workbook-face-search",
        Kind::Workbook,
        "Sample (fictional): Face search for missing persons, life-cycle workbook",
    ),
];

/// The `data-act` of the button that opens a copy of a sample: `sample.<id>`.
pub const ACT: &str = "sample.";

/// Where a sample's file is published, relative to the app's page.
pub fn path(id: &str) -> String {
    format!("samples/{id}.json")
}

/// A copy of the sample in `file` (its answer file's text) to keep in the library: its only
/// assessment under a new id, created and updated `now`.
pub fn copy(file: &str, new_id: String, now: i64) -> Result<Assessment, String> {
    // The samples are published with the app: one that does not open is a mismatch of its files.
    let mismatch =
        |detail: &str| crate::core::content::t_with("errors.files_mismatch", &[("detail", detail)]);
    let mut a = match answer_file::open(file.as_bytes()).map_err(|e| mismatch(&e.to_string()))? {
        Opened::Plain(file) => {
            file.assessments.into_iter().next().ok_or_else(|| mismatch("an empty sample"))?
        }
        Opened::Encrypted(_) => return Err(mismatch("an encrypted sample")),
    };
    a.id = new_id;
    a.created = now;
    a.updated = now;
    Ok(a)
}

/// The library's list of samples, each with a button that opens a copy. The samples are written in
/// English in every language of the app (their titles are marked so), and the intro says so.
pub fn list_html() -> String {
    let mut o = format!(
        "<section aria-labelledby=\"samples-heading\"><h2 id=\"samples-heading\">{}</h2><p>{}</p><ul class=\"samples\" role=\"list\">",
        s("samples.heading"),
        s("samples.intro")
    );
    for (id, kind, title) in SAMPLES {
        let _ = write!(
            o,
            "<li><p><strong lang=\"en\">{}</strong></p><p class=\"hint\">{}</p><button type=\"button\" class=\"button small secondary\" data-act=\"{ACT}{id}\">{}</button></li>",
            html(title),
            s(kind.name_key()),
            html(&fill("samples.open", &[("title", title)]))
        );
    }
    o.push_str("</ul></section>");
    o
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
