//! One entry point for the text the core writes for a tool's views and downloads: results, reports
//! (HTML for the app; the downloads are `core::office`'s), the guidance entries, the compare
//! table, and the risk workspace's profile, register and cards. The app runs this in a second wasm
//! module that it loads only when such a view opens (`src/tools.rs`), so the first load carries none
//! of this code. The boundary is one typed [`Request`] in, [`Written`] or a [`RenderError`] out; the
//! renderer holds no state between calls. See docs/architecture.md.

use crate::core::answer_file::{self, read_stored, FileError, Opened, Sealed};
use crate::core::assessment::{Assessment, ContentRef, Kind};
use crate::core::content::pack;
use crate::core::merge::Pick;
use crate::core::report::workspace;
use crate::core::report::{self, ReportMeta};
use crate::core::risk::view::ViewState;
use crate::core::workbook::event::WorkbookView;
use crate::core::{guidance, merge, questionnaire};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What to write. `R` is the assessment: the app sends its draft (`Assessment`), the renderer reads it
/// as JSON (`serde_json::Value`) with the stored-record reader, so it passes the same checks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request<R> {
    Methods,
    /// The About page below its heading.
    About,
    /// The guidance explorer's start, below its search.
    Guidance,
    /// The library's list of fictional samples, each with a button that opens a copy.
    Samples,
    /// A copy of the sample in `file` (its answer file's text) under `new_id`, created `now`, as a
    /// stored record's JSON.
    Sample {
        file: String,
        new_id: String,
        now: i64,
    },
    Principle {
        id: String,
    },
    ApplicationType {
        id: String,
    },
    Stage {
        id: String,
    },
    /// The glossary's terms, the one opened at (`selected`) marked.
    Glossary {
        selected: Option<String>,
    },
    Compare {
        records: Vec<R>,
    },
    /// The merged assessment of `records`, with the choices made in the compare table, written into
    /// `into` (the new record with its title and respondents), as a stored record's JSON.
    Merge {
        records: Vec<R>,
        picks: BTreeMap<String, Pick>,
        into: R,
    },
    /// `today` as `YYYY-MM-DD`, for overdue mitigations.
    Results {
        record: R,
        today: String,
    },
    Report {
        record: R,
        meta: ReportMeta,
    },
    Profile {
        record: R,
    },
    /// The report of the approved `version` of `record`, as it was approved.
    Approved {
        record: R,
        meta: ReportMeta,
        version: u32,
    },
    /// The report of the public version of `record`: without its restricted items and comments.
    Public {
        record: R,
        meta: ReportMeta,
    },
    /// The review panel; `today` (`YYYY-MM-DD`) fills an empty date.
    Review {
        record: R,
        view: serde_json::Value,
        today: String,
    },
    Register {
        record: R,
        view: serde_json::Value,
    },
    /// One risk's card, with the comparison of snapshots (a rating changes both).
    Card {
        record: R,
        view: serde_json::Value,
        risk: String,
    },
    /// A risk's heading and the register's contents, after its title was typed.
    Heading {
        record: R,
        risk: String,
    },
    /// A risk just added: its card, the register's contents and the comparison of snapshots.
    Appended {
        record: R,
        view: serde_json::Value,
        risk: String,
    },
    /// The whole workbook editor.
    Workbook {
        record: R,
        view: serde_json::Value,
    },
    /// One stage of the workbook editor, and the overview of stages.
    WorkbookStage {
        record: R,
        view: serde_json::Value,
        stage: String,
    },
    /// One input on an editor applied to `record` (`core::editor::step`): written, the
    /// [`crate::core::editor::Step`] as JSON.
    Edit {
        editor: crate::core::editor::Editor,
        record: R,
        /// The editor's view state as the last step returned it; null at first.
        view: serde_json::Value,
        input: crate::core::editor::Raw,
        /// `YYYY-MM-DD`, to date a new log entry.
        today: String,
        now: i64,
    },
    /// A stage's progress line, and the overview of stages.
    WorkbookSummary {
        record: R,
        stage: String,
    },
    /// An answer file of `records`, exported at `now` (milliseconds), as its text.
    AnswerFile {
        records: Vec<R>,
        now: i64,
    },
    /// The text of an encrypted answer file, from what the browser's Web Crypto sealed.
    SealedFile {
        sealed: Sealed,
    },
    /// An answer file or report to import, checked in full; `decrypted` when it is the plaintext of
    /// an encrypted file (which must be plain). Written: a [`Reading`] as JSON.
    Open {
        file: FileBody,
        decrypted: bool,
    },
}

/// A file as the app read it from disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileBody {
    Text(String),
    /// Not UTF-8 text: the byte where it stops being.
    NotText {
        at: usize,
    },
    /// Over the size limit, so not read: its size.
    TooLarge {
        bytes: u64,
    },
}

/// What reading a file found. `R` is an assessment: the tools module writes each as a stored record's
/// JSON, and the app reads it back with the stored-record reader. The app reads a reading with
/// [`Reading::from_json`], not serde's derive: that alone would add 6.7 KB brotli to the first load.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading<R> {
    /// Every check passed. `unknown`: how many answers and notes belong to items this content lacks;
    /// `fingerprints`: what the file's fingerprints say about the content read.
    Plain { assessments: Vec<R>, unknown: usize, fingerprints: Fingerprints },
    /// Needs the passphrase.
    Encrypted { sealed: Sealed },
    /// Not imported, and why, in words for the user.
    Refused { problem: String },
}

/// What the fingerprints of a file's assessments say (see `answer_file::fingerprint`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Fingerprints {
    /// How many matched their content.
    pub matched: usize,
    /// How many had none (a file written before format 7).
    pub unchecked: usize,
    /// The titles of those whose content is not what was fingerprinted.
    pub differ: Vec<String>,
    /// The titles of those whose fingerprint was taken out of a file that should carry one.
    pub missing: Vec<String>,
}

impl Fingerprints {
    fn of(file: &answer_file::Exported) -> Fingerprints {
        use answer_file::fingerprint::Check;
        let mut out = Fingerprints::default();
        for (a, check) in file.assessments.iter().zip(&file.fingerprints) {
            match check {
                Check::Matches => out.matched += 1,
                Check::Absent => out.unchecked += 1,
                Check::Differs => out.differ.push(a.title.clone()),
                Check::Missing => out.missing.push(a.title.clone()),
            }
        }
        out
    }
}

impl Reading<serde_json::Value> {
    /// Reads what [`render`] wrote for [`Request::Open`]; anything else is an error naming the reply.
    pub fn from_json(json: &str) -> Result<Self, String> {
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let odd = || "the tools module's reply is not a file reading".to_string();
        let text = |v: &serde_json::Value| v.as_str().map(String::from).ok_or_else(odd);
        if let Some(p) = v.get("plain") {
            let assessments = p["assessments"].as_array().ok_or_else(odd)?.clone();
            let unknown = p["unknown"].as_u64().ok_or_else(odd)? as usize;
            let f = &p["fingerprints"];
            let count = |k: &str| f[k].as_u64().map(|n| n as usize).ok_or_else(odd);
            let titles = |k: &str| -> Result<Vec<String>, String> {
                f[k].as_array().ok_or_else(odd)?.iter().map(text).collect()
            };
            let (differ, missing) = (titles("differ")?, titles("missing")?);
            let fingerprints =
                Fingerprints { matched: count("matched")?, unchecked: count("unchecked")?, differ, missing };
            return Ok(Reading::Plain { assessments, unknown, fingerprints });
        }
        if let Some(s) = v.get("encrypted").map(|e| &e["sealed"]) {
            let bytes = |k: &str| s[k].as_str().and_then(answer_file::base64::decode).ok_or_else(odd);
            let iterations = s["iterations"].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(odd)?;
            let sealed = Sealed {
                iterations,
                salt: bytes("salt")?,
                nonce: bytes("nonce")?,
                ciphertext: bytes("ciphertext")?,
                aad: bytes("aad")?,
            };
            return Ok(Reading::Encrypted { sealed });
        }
        Ok(Reading::Refused { problem: text(&v["refused"]["problem"])? })
    }
}

/// Checks a file (`decrypted`: the plaintext of an encrypted one) and says what it holds.
pub fn read_file(file: FileBody, decrypted: bool) -> Reading<Assessment> {
    use crate::core::content::t_with;
    use answer_file::fingerprint::{self, Check};
    let opened = match file {
        FileBody::Text(text) if decrypted => answer_file::open_plain(text.as_bytes()).map(Opened::Plain),
        FileBody::Text(text) => answer_file::open(text.as_bytes()),
        FileBody::NotText { at } => Err(FileError::NotText { at }),
        FileBody::TooLarge { bytes } => Err(FileError::TooLarge { bytes }),
    };
    match opened {
        Ok(Opened::Plain(mut file)) => {
            // Checked as read, before the content is carried to this version.
            let mut fingerprints = Fingerprints::of(&file);
            // Each review with the reader's rules; an approved copy's fingerprint like the content's.
            for (i, a) in file.assessments.iter_mut().enumerate() {
                let at = format!("assessments[{i}].review");
                let review = match crate::core::review::read::read(&a.review.0, &a.id, a.kind, &at) {
                    Ok(review) => review,
                    Err(e) => {
                        let problem = FileError::Invalid { path: e.path, problem: e.problem }.to_string();
                        return Reading::Refused { problem };
                    }
                };
                for p in &review.approvals {
                    let copy = p.content.as_deref();
                    if copy.is_some_and(|c| fingerprint::check(Some(&p.fingerprint), c) == Check::Differs) {
                        let v = p.version.to_string();
                        let name = t_with("review.version_of", &[("title", &a.title), ("version", &v)]);
                        fingerprints.differ.push(name);
                    }
                }
                // Kept as this app writes it, so its copies compare with the content as written here.
                a.review = crate::core::review::Stored::from(&review);
            }
            // Stored as this content's version: what an earlier one asked differently is carried or kept aside.
            for a in file.assessments.iter_mut() {
                crate::core::upgrade::upgrade(pack(), a);
            }
            let unknown = file.assessments.iter().map(|a| answer_file::unknown_items(pack(), a).len()).sum();
            Reading::Plain { assessments: file.assessments, unknown, fingerprints }
        }
        Ok(Opened::Encrypted(sealed)) => Reading::Encrypted { sealed },
        Err(e) => Reading::Refused { problem: e.to_string() },
    }
}

/// What was written: the main text (HTML, Markdown, CSV, or for a merge the merged record as JSON),
/// and for a card the parts of the view that change with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Written {
    pub text: String,
    /// The comparison of snapshots, when a card changed and there are snapshots.
    pub changes: Option<String>,
    /// The register's contents, when a risk was added.
    pub contents: Option<String>,
}

impl Written {
    /// The parts as the boundary carries them: three strings, an empty one for a part not drawn.
    pub fn into_parts(self) -> Vec<String> {
        vec![self.text, self.changes.unwrap_or_default(), self.contents.unwrap_or_default()]
    }

    /// Reads back what [`Written::into_parts`] wrote; `None` for any other shape.
    pub fn from_parts(parts: Vec<String>) -> Option<Written> {
        let some = |s: String| Some(s).filter(|s| !s.is_empty());
        match <[String; 3]>::try_from(parts) {
            Ok([text, changes, contents]) => {
                Some(Written { text, changes: some(changes), contents: some(contents) })
            }
            Err(_) => None,
        }
    }
}

impl From<String> for Written {
    fn from(text: String) -> Self {
        Written { text, ..Written::default() }
    }
}

/// Why nothing could be written, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The request is not one this renderer reads (an app and a tools file of two builds).
    Request(String),
    /// The assessment sent does not pass the checks of a stored record.
    Record(String),
    UnknownEntry(String),
    UnknownRisk(String),
    /// A workbook stage that is not on the route chosen, or not in the content.
    UnknownStage(String),
    /// Results or a report asked of a tool that has none yet.
    NotForKind,
    /// An approved version the assessment does not have (or whose copy was not kept).
    UnknownVersion(u32),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::content::{t, t_with};
        let text = match self {
            RenderError::Request(e) => t_with("errors.files_mismatch", &[("detail", e)]),
            RenderError::Record(e) => t_with("errors.cannot_show", &[("problem", e)]),
            RenderError::UnknownEntry(id) => t_with("errors.unknown_entry", &[("value", id)]),
            RenderError::UnknownRisk(id) => t_with("errors.unknown_risk", &[("value", id)]),
            RenderError::UnknownStage(id) => t_with("errors.unknown_stage", &[("value", id)]),
            RenderError::NotForKind => t("errors.not_for_kind").into(),
            RenderError::UnknownVersion(v) => t_with("review.no_version", &[("version", &v.to_string())]),
        };
        f.write_str(&text)
    }
}

/// Reads a request sent as JSON and writes what it asks for.
pub fn render_json(json: &str) -> Result<Written, RenderError> {
    let request: Request<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| RenderError::Request(e.to_string()))?;
    render(request)
}

pub use crate::core::library::YOU;

/// The name and role a browser remembers for the review panel.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct You {
    by: String,
    role: String,
}

/// Reads a request sent as JSON and writes what it asks for, in a browser that remembers `you` (the
/// text kept at [`YOU`]): the review panel's form starts with that name and role where it has none.
/// Also returns the text to keep at [`YOU`] when an input on the panel changed them.
pub fn render_json_for(json: &str, you: Option<&str>) -> (Result<Written, RenderError>, Option<String>) {
    let mut request: Request<serde_json::Value> = match serde_json::from_str(json) {
        Ok(r) => r,
        Err(e) => return (Err(RenderError::Request(e.to_string())), None),
    };
    let known: You = you.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let mut remember = None;
    let view = match &mut request {
        Request::Review { view, .. } => Some(view),
        Request::Edit { editor: crate::core::editor::Editor::Review, view, input, .. } => {
            // A name or role typed is remembered as typed (only then: another tab's older form
            // does not write its name back).
            use crate::core::review::control::Control;
            let mut next = known.clone();
            match input.name.parse::<Control>() {
                Ok(Control::By) => next.by = input.value.clone(),
                Ok(Control::Role) => next.role = input.value.clone(),
                _ => {}
            }
            if next != known {
                remember = serde_json::to_string(&next).ok();
            }
            Some(view)
        }
        _ => None,
    };
    if let Some(view) = view {
        if view.is_null() {
            *view = serde_json::Value::Object(Default::default());
        }
        for (key, value) in [("by", &known.by), ("role", &known.role)] {
            if view.get(key).is_none() {
                view[key] = value.clone().into();
            }
        }
    }
    (render(request), remember)
}

pub(crate) fn record(value: serde_json::Value) -> Result<Assessment, RenderError> {
    let a = read_stored(value).map_err(RenderError::Record)?;
    // Its review too, which the app's first load keeps without reading.
    crate::core::review::read::read(&a.review.0, &a.id, a.kind, "review")
        .map_err(|e| RenderError::Record(format!("at {}: {}", e.path, e.problem)))?;
    Ok(a)
}

/// An editor's view state as the app keeps it (null before the first input).
fn state<T: serde::de::DeserializeOwned + Default>(v: serde_json::Value) -> Result<T, RenderError> {
    match v {
        serde_json::Value::Null => Ok(T::default()),
        v => serde_json::from_value(v).map_err(|e| RenderError::Request(e.to_string())),
    }
}

/// Writes what `request` asks for.
pub fn render(request: Request<serde_json::Value>) -> Result<Written, RenderError> {
    let p = pack();
    let unknown = |id: &str| RenderError::UnknownEntry(id.to_string());
    Ok(match request {
        Request::Methods => report::methods::methods_html(p).into(),
        Request::About => report::about::about_html(p).into(),
        Request::Guidance => report::guidance::overview_html(p).into(),
        Request::Samples => crate::core::samples::list_html().into(),
        Request::Sample { file, new_id, now } => {
            let a = crate::core::samples::copy(&file, new_id, now).map_err(RenderError::Request)?;
            serde_json::to_string(&a).map_err(|e| RenderError::Record(e.to_string()))?.into()
        }
        Request::Principle { id } => {
            let entry = guidance::principle(p, &id).ok_or_else(|| unknown(&id))?;
            report::guidance::principle_html(p, entry).into()
        }
        Request::ApplicationType { id } => {
            let entry = guidance::application_type(p, &id).ok_or_else(|| unknown(&id))?;
            report::guidance::application_type_html(p, entry).into()
        }
        Request::Stage { id } => {
            let entry = guidance::stage(p, &id).ok_or_else(|| unknown(&id))?;
            report::guidance::stage_html(p, entry).into()
        }
        Request::Glossary { selected } => report::glossary::glossary_html(p, selected.as_deref()).into(),
        Request::Compare { records } => {
            let list = records.into_iter().map(record).collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&Assessment> = list.iter().collect();
            let kind = refs.first().map_or(Kind::Readiness, |a| a.kind);
            let form = questionnaire::compared(p, kind);
            let rows = merge::compare(&form, &refs);
            report::compare::compare_html(&form, &refs, &rows, &merge::agreement(&form, &rows)).into()
        }
        Request::Merge { records, picks, into } => {
            let list = records.into_iter().map(record).collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&Assessment> = list.iter().collect();
            let mut merged = record(into)?;
            let form = questionnaire::compared(p, merged.kind);
            let rows = merge::compare(&form, &refs);
            (merged.answers, merged.notes) = merge::merge(&rows, &refs, &picks);
            merged.risk = merge::merge_registers(&refs);
            if merged.kind == Kind::Workbook {
                merged.workbook = crate::core::workbook::merge::merge_records(p, &refs, &merged);
            }
            // Every respondent's comments and restricted marks, each comment with its author, on
            // the risks as the merged register numbers them.
            let mut ids = merge::risk_ids(&refs);
            if merged.kind == Kind::Workbook {
                let entries = crate::core::workbook::merge::entry_ids(&refs);
                ids.iter_mut().zip(entries).for_each(|(all, more)| all.extend(more));
            }
            let reviews: Vec<_> = refs
                .iter()
                .zip(&ids)
                .enumerate()
                .map(|(i, (a, ids))| crate::core::review::renamed(&a.review, ids, i))
                .collect();
            merged.review = crate::core::review::comments_of(reviews.iter().chain([&merged.review]));
            serde_json::to_string(&merged).map_err(|e| RenderError::Record(e.to_string()))?.into()
        }
        Request::Results { record: r, today } => {
            report::results_html(p, &record(r)?, &today).ok_or(RenderError::NotForKind)?.into()
        }
        Request::Report { record: r, meta } => {
            report::report_html(p, &record(r)?, &meta).ok_or(RenderError::NotForKind)?.into()
        }
        Request::Profile { record: r } => {
            let a = record(r)?;
            workspace::profile_html(p, &a.answers, crate::core::review::since::since(&a).as_ref()).into()
        }
        Request::Approved { record: r, meta, version } => {
            let copy = crate::core::review::as_approved(&record(r)?, version)
                .ok_or(RenderError::UnknownVersion(version))?;
            // When the approved copy was last changed, not the assessment now.
            let meta = ReportMeta { updated: crate::core::dates::date_of(copy.updated), ..meta };
            report::report_html(p, &copy, &meta).ok_or(RenderError::NotForKind)?.into()
        }
        Request::Public { record: r, meta } => {
            let copy = crate::core::review::public::public_copy(&record(r)?);
            report::report_html(p, &copy, &meta).ok_or(RenderError::NotForKind)?.into()
        }
        Request::Review { record: r, view, today } => {
            let view = state::<crate::core::review::event::ReviewView>(view)?;
            report::review::review_html(p, &record(r)?, &view, &today).into()
        }
        Request::Register { record: r, view } => {
            workspace::register_html(p, &record(r)?, &state(view)?).into()
        }
        Request::Card { record: r, view, risk } => {
            let (a, view) = (record(r)?, state::<ViewState>(view)?);
            let html = workspace::card_html(p, &a, &view, &risk).ok_or(RenderError::UnknownRisk(risk))?;
            Written { text: html, changes: workspace::current_changes(p, &a, &view), contents: None }
        }
        Request::Heading { record: r, risk } => {
            let a = record(r)?;
            let html = workspace::heading_html(&a, &risk).ok_or(RenderError::UnknownRisk(risk))?;
            Written { text: html, changes: None, contents: Some(workspace::contents_html(&a)) }
        }
        Request::Appended { record: r, view, risk } => {
            let (a, view) = (record(r)?, state::<ViewState>(view)?);
            let html = workspace::card_html(p, &a, &view, &risk).ok_or(RenderError::UnknownRisk(risk))?;
            let changes = workspace::current_changes(p, &a, &view);
            Written { text: html, changes, contents: Some(workspace::contents_html(&a)) }
        }
        Request::Workbook { record: r, view } => {
            report::workbook::workbook_html(p, &record(r)?, &state::<WorkbookView>(view)?).into()
        }
        Request::WorkbookStage { record: r, view, stage } => {
            let (a, view) = (record(r)?, state::<WorkbookView>(view)?);
            let html =
                report::workbook::stage_html(p, &a, &view, &stage).ok_or(RenderError::UnknownStage(stage))?;
            Written { text: html, changes: None, contents: Some(report::workbook::overview_html(p, &a)) }
        }
        Request::Edit { editor, record: r, view, input, today, now } => {
            let done = crate::core::editor::step(p, editor, record(r)?, view, input, &today, now);
            serde_json::to_string(&done).map_err(|e| RenderError::Record(e.to_string()))?.into()
        }
        Request::WorkbookSummary { record: r, stage } => {
            let a = record(r)?;
            let html =
                report::workbook::summary_html(p, &a, &stage).ok_or(RenderError::UnknownStage(stage))?;
            Written { text: html, changes: None, contents: Some(report::workbook::overview_html(p, &a)) }
        }
        Request::AnswerFile { records, now } => {
            let list = records.into_iter().map(record).collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&Assessment> = list.iter().collect();
            answer_file::write(&refs, &ContentRef::of(p), now).into()
        }
        Request::SealedFile { sealed } => answer_file::write_sealed(&sealed).into(),
        Request::Open { file, decrypted } => {
            let reading = read_file(file, decrypted);
            serde_json::to_string(&reading).map_err(|e| RenderError::Record(e.to_string()))?.into()
        }
    })
}
