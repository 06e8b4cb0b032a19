//! Answer files: the JSON envelope assessments travel in between browsers, people and sites, plain or
//! encrypted with a passphrase, on their own or inside a downloaded HTML report.
//!
//! Every byte of a file comes from outside: [`open`] checks size, encoding, format, version and every
//! field before anything is imported, names the first problem in plain words with where it is, and
//! never panics (a fuzz test feeds it thousands of broken inputs). The format is documented in
//! `docs/answer-file-format.md` with a JSON Schema beside it; one fixture per version lives in
//! `tests/fixtures/answer-files/`.

pub mod base64;
pub mod fingerprint;
pub(crate) mod read;
mod wire;

use crate::core::assessment::{Assessment, ContentRef};
use crate::core::content::t;
use crate::core::APP_VERSION;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
pub use wire::{short, Invalid, WireAssessment, MAX_TIME};
use wire::{EnvelopeV1, WireContent};

/// The `format` field of every answer file.
pub const FORMAT: &str = "rai-assess.answers";
/// The version of the format this app writes and reads up to.
pub const FORMAT_VERSION: u32 = 8;
/// Files larger than this are refused before they are read.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;
/// The most assessments one file brings: more is not a team's work but a mistake or an attack, and
/// would fill the browser's storage (see docs/answer-file-format.md).
pub const MAX_ASSESSMENTS: usize = 500;
/// One import (the files picked or dropped together) reads at most this many files and brings at
/// most [`MAX_ASSESSMENTS`] in all: a folder of junk picked by mistake is refused at once, and the
/// library page stays quick (about 0.5 s per 500 added at 1,000 held).
pub const MAX_FILES_PER_IMPORT: usize = 100;
/// PBKDF2 iterations written, and the fewest accepted.
pub const ITERATIONS: u32 = 600_000;
/// The most PBKDF2 iterations accepted, so a crafted file cannot make the browser work for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;
/// The id of the element that carries the answer file inside an HTML report.
pub const REPORT_ELEMENT_ID: &str = "rai-answer-file";

/// Upgrades from version `n` to `n + 1`, in order: entry `i` upgrades version `i + 1`.
type Migration = fn(Value) -> Result<Value, String>;
/// Version 2 added the optional `risk` field of an assessment: a version 1 file reads as it is.
/// Version 3 authenticates an encrypted file's header (see [`header_aad`]); a plain file is unchanged.
/// Version 4 added the optional `workbook` field of an assessment: a version 3 file reads as it is.
/// Version 5 added the optional `from` of a decision-log entry (whose file a merged entry came from)
/// and the optional `linked` risk and `readiness` assessments of a workbook: a version 4 file reads as
/// it is.
/// Version 6 added the `rights` of each register risk (a version 5 risk takes its template's, as read).
/// Version 7 added each assessment's `fingerprint`: a version 6 file reads as it is, unchecked.
/// Version 8 added a review's `comments` and `next` review: a version 7 file reads as it is.
const MIGRATIONS: &[Migration] = &[Ok, Ok, Ok, Ok, Ok, Ok, Ok];
/// The first version whose files fingerprint every assessment.
const FINGERPRINTS_SINCE: u32 = 7;
/// The first version whose encrypted files authenticate their header.
const AAD_SINCE: u32 = 3;

/// What a plain answer file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub app_version: String,
    pub exported: i64,
    pub content: ContentRef,
    pub assessments: Vec<Assessment>,
    /// What each assessment's fingerprint in the file says about its content, in the same order.
    /// (Its review, approvals' fingerprints included, is read and checked by `review::read`.)
    pub fingerprints: Vec<fingerprint::Check>,
}

/// An encrypted answer file's parameters and ciphertext, checked and decoded, ready for Web Crypto.
/// The tools module that reads files hands it to the app with its bytes as base64, and the app hands
/// it back so that the tools module writes the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub iterations: u32,
    #[serde(with = "base64::text")]
    pub salt: Vec<u8>,
    #[serde(with = "base64::text")]
    pub nonce: Vec<u8>,
    #[serde(with = "base64::text")]
    pub ciphertext: Vec<u8>,
    /// What the cipher authenticates besides the ciphertext: the header (format version 3 on), so a
    /// changed parameter fails like a changed byte; empty for older files.
    #[serde(with = "base64::text")]
    pub aad: Vec<u8>,
}

/// The header of an encrypted file of format `version` as the cipher authenticates it: every field that
/// says how to read the file, one per line, in a fixed order.
pub fn header_aad(version: u32, iterations: u32, salt: &[u8], nonce: &[u8]) -> Vec<u8> {
    format!(
        "{FORMAT}\n{version}\nPBKDF2-SHA-256\n{iterations}\n{}\nAES-256-GCM\n{}",
        base64::encode(salt),
        base64::encode(nonce)
    )
    .into_bytes()
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Plain(Exported),
    /// Needs the passphrase; decrypt, then read the plaintext with [`open_plain`].
    Encrypted(Sealed),
}

/// Why a file cannot be imported. Its text says what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge { bytes: u64 },
    Empty,
    NotText { at: usize },
    HtmlWithoutAnswers,
    NotJson { line: usize, column: usize, problem: String },
    NotAnswerFile { found: String },
    TooNew { version: u32, written_by: String },
    UnknownVersion { version: u32 },
    Invalid { path: String, problem: String },
    Duplicate { id: String },
    EncryptedInside,
    TooMany { count: usize },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::content::t_with;
        let text = match self {
            FileError::TooLarge { bytes } => {
                // Whole tenths by integer arithmetic: float formatting would add kilobytes to the app.
                let tenths = bytes * 10 / 1_048_576;
                let size = format!("{}{}{}", tenths / 10, crate::core::content::decimal_mark(), tenths % 10);
                t_with(
                    "errors.file_too_large",
                    &[("size", &size), ("max", &(MAX_BYTES / 1_048_576).to_string())],
                )
            }
            FileError::Empty => t("errors.file_empty").into(),
            FileError::NotText { at } => t_with("errors.file_not_text", &[("at", &at.to_string())]),
            FileError::HtmlWithoutAnswers => t("errors.file_html_without_answers").into(),
            FileError::NotJson { line, column, problem } => t_with(
                "errors.file_not_json",
                &[("line", &line.to_string()), ("column", &column.to_string()), ("detail", problem)],
            ),
            FileError::NotAnswerFile { found } => {
                t_with("errors.file_not_answer_file", &[("format", FORMAT), ("found", found)])
            }
            FileError::TooNew { version, written_by } => t_with(
                "errors.file_too_new",
                &[
                    ("written_by", written_by),
                    ("version", &version.to_string()),
                    ("app", APP_VERSION),
                    ("supported", &FORMAT_VERSION.to_string()),
                ],
            ),
            FileError::UnknownVersion { version } => t_with(
                "errors.file_unknown_version",
                &[("version", &version.to_string()), ("supported", &FORMAT_VERSION.to_string())],
            ),
            FileError::Invalid { path, problem } => {
                t_with("errors.file_invalid", &[("path", path), ("detail", problem)])
            }
            FileError::Duplicate { id } => t_with("errors.file_duplicate", &[("id", id)]),
            FileError::TooMany { count } => t_with(
                "errors.file_too_many",
                &[("count", &count.to_string()), ("max", &MAX_ASSESSMENTS.to_string())],
            ),
            FileError::EncryptedInside => t("errors.file_encrypted_inside").into(),
        };
        f.write_str(&text)
    }
}

/// The answer file of `assessments`, as pretty-printed JSON.
pub fn write(assessments: &[&Assessment], content: &ContentRef, exported: i64) -> String {
    let envelope = EnvelopeV1 {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: APP_VERSION.into(),
        exported,
        content: WireContent { id: content.id.clone(), version: content.version.clone() },
        assessments: assessments
            .iter()
            .map(|a| WireAssessment {
                fingerprint: Some(fingerprint::of(a).wire()),
                ..WireAssessment::from_domain(a)
            })
            .collect(),
    };
    // Plain data with string keys always serialises.
    serde_json::to_string(&envelope).unwrap_or_default()
}

#[derive(Serialize)]
pub(crate) struct SealedEnvelope {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub encryption: Encryption,
    pub ciphertext: String,
}

#[derive(Serialize)]
pub(crate) struct Encryption {
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub nonce: String,
}

/// The envelope of an encrypted answer file, with the parameters needed to decrypt it.
pub fn write_sealed(sealed: &Sealed) -> String {
    let envelope = SealedEnvelope {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: APP_VERSION.into(),
        encryption: Encryption {
            kdf: "PBKDF2-SHA-256".into(),
            iterations: sealed.iterations,
            salt: base64::encode(&sealed.salt),
            cipher: "AES-256-GCM".into(),
            nonce: base64::encode(&sealed.nonce),
        },
        ciphertext: base64::encode(&sealed.ciphertext),
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The answer file as an inert element of an HTML report: JSON in a non-executed script element,
/// with `<` escaped so that no text inside can close the element.
pub fn embed_in_report(answer_file: &str) -> String {
    format!(
        "<script type=\"application/json\" id=\"{REPORT_ELEMENT_ID}\">{}</script>",
        answer_file.replace('<', "\\u003c")
    )
}

/// Checks a file as read from disk and returns what it holds, or the first problem.
pub fn open(bytes: &[u8]) -> Result<Opened, FileError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() as u64 });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotText { at: e.valid_up_to() })?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(FileError::Empty);
    }
    let json = if text.starts_with('<') { from_report(text)? } else { text };
    let value: Value = serde_json::from_str(json).map_err(|e| FileError::NotJson {
        line: e.line(),
        column: e.column(),
        // serde_json ends its message with the position, which is given separately.
        problem: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
    })?;
    let Some(object) = value.as_object() else {
        return Err(FileError::NotAnswerFile { found: read::describe(&value) });
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(FileError::NotAnswerFile { found: format!("\"format\": {}", read::describe(other)) })
        }
        None => return Err(FileError::NotAnswerFile { found: t("errors.no_format_field").into() }),
    }
    let version = match object.get("format_version").and_then(Value::as_u64) {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => return Err(invalid("format_version", "expected a whole number")),
    };
    if version > FORMAT_VERSION {
        let written_by = object
            .get("app_version")
            .and_then(Value::as_str)
            .map_or_else(|| t("errors.unknown_version_name").into(), short);
        return Err(FileError::TooNew { version, written_by });
    }
    if version == 0 {
        return Err(FileError::UnknownVersion { version });
    }
    if object.contains_key("encryption") {
        return open_sealed(value, version).map(Opened::Encrypted);
    }
    if let Some(count) = object.get("assessments").and_then(Value::as_array).map(Vec::len) {
        if count > MAX_ASSESSMENTS {
            return Err(FileError::TooMany { count });
        }
    }
    let value = MIGRATIONS[(version as usize - 1)..]
        .iter()
        .try_fold(value, |v, migrate| migrate(v))
        .map_err(|problem| invalid(t("errors.whole_file"), &problem))?;
    let envelope: EnvelopeV1 =
        read::envelope(&value).map_err(|p| FileError::Invalid { path: at(p.path), problem: p.problem })?;
    if !(0..=wire::MAX_TIME).contains(&envelope.exported) {
        return Err(invalid(
            "exported",
            &format!("expected a time in milliseconds since 1970, found {}", envelope.exported),
        ));
    }
    for (field, text) in
        [("content.id", &envelope.content.id), ("content.version", &envelope.content.version)]
    {
        if text.chars().count() > 1_000 {
            return Err(invalid(field, "expected at most 1000 characters, found more"));
        }
    }
    let mut seen = BTreeSet::new();
    let mut assessments = Vec::with_capacity(envelope.assessments.len());
    let mut fingerprints = Vec::with_capacity(envelope.assessments.len());
    for (i, wire) in envelope.assessments.iter().enumerate() {
        let a = wire
            .to_domain(&format!("assessments[{i}]"))
            .map_err(|e| FileError::Invalid { path: e.path, problem: e.problem })?;
        if !seen.insert(a.id.clone()) {
            return Err(FileError::Duplicate { id: a.id });
        }
        let check = fingerprint::check(wire.fingerprint.as_deref(), &a);
        // From format 7 on every assessment carries one: none is a fingerprint taken away.
        let check = if check == fingerprint::Check::Absent && version >= FINGERPRINTS_SINCE {
            fingerprint::Check::Missing
        } else {
            check
        };
        fingerprints.push(check);
        assessments.push(a);
    }
    Ok(Opened::Plain(Exported {
        app_version: envelope.app_version,
        exported: envelope.exported,
        content: ContentRef { id: envelope.content.id, version: envelope.content.version },
        assessments,
        fingerprints,
    }))
}

/// Reads decrypted content, which must be a plain answer file.
pub fn open_plain(bytes: &[u8]) -> Result<Exported, FileError> {
    match open(bytes)? {
        Opened::Plain(e) => Ok(e),
        Opened::Encrypted(_) => Err(FileError::EncryptedInside),
    }
}

fn open_sealed(value: Value, version: u32) -> Result<Sealed, FileError> {
    let envelope =
        read::sealed(&value).map_err(|p| FileError::Invalid { path: at(p.path), problem: p.problem })?;
    let e = &envelope.encryption;
    if e.kdf != "PBKDF2-SHA-256" {
        return Err(invalid(
            "encryption.kdf",
            &format!("expected \"PBKDF2-SHA-256\", found \"{}\"", short(&e.kdf)),
        ));
    }
    if e.cipher != "AES-256-GCM" {
        return Err(invalid(
            "encryption.cipher",
            &format!("expected \"AES-256-GCM\", found \"{}\"", short(&e.cipher)),
        ));
    }
    if !(ITERATIONS..=MAX_ITERATIONS).contains(&e.iterations) {
        return Err(invalid(
            "encryption.iterations",
            &format!("expected {ITERATIONS} to {MAX_ITERATIONS}, found {}", e.iterations),
        ));
    }
    let decode = |field: &str, text: &str, min: usize, max: usize| {
        let bytes = base64::decode(text).ok_or_else(|| invalid(field, "expected base64 text"))?;
        if bytes.len() < min || bytes.len() > max {
            return Err(invalid(field, &format!("expected {min} to {max} bytes, found {}", bytes.len())));
        }
        Ok(bytes)
    };
    let salt = decode("encryption.salt", &e.salt, 16, 64)?;
    let nonce = decode("encryption.nonce", &e.nonce, 12, 12)?;
    let aad =
        if version >= AAD_SINCE { header_aad(version, e.iterations, &salt, &nonce) } else { Vec::new() };
    Ok(Sealed {
        iterations: e.iterations,
        salt,
        nonce,
        ciphertext: decode("ciphertext", &envelope.ciphertext, 16, MAX_BYTES as usize)?,
        aad,
    })
}

/// The JSON inside a report's answer-file element.
fn from_report(html: &str) -> Result<&str, FileError> {
    let open = format!("<script type=\"application/json\" id=\"{REPORT_ELEMENT_ID}\">");
    let start = html.find(&open).ok_or(FileError::HtmlWithoutAnswers)? + open.len();
    let len = html[start..].find("</script>").ok_or(FileError::HtmlWithoutAnswers)?;
    Ok(&html[start..start + len])
}

fn invalid(path: &str, problem: &str) -> FileError {
    FileError::Invalid { path: path.into(), problem: problem.into() }
}

/// A path in the file; the empty path as the whole file.
fn at(path: String) -> String {
    if path.is_empty() {
        t("errors.whole_file").into()
    } else {
        path
    }
}

/// Reads a stored assessment object (the library's record body) with the same checks as a file.
pub fn read_stored(v: Value) -> Result<Assessment, String> {
    let (wire, revision, deleted) =
        read::stored_assessment(v).map_err(|p| format!("at {}: {}", p.path, p.problem))?;
    let a = wire.to_domain("assessment").map_err(|p| format!("at {}: {}", p.path, p.problem))?;
    Ok(Assessment { revision, deleted, ..a })
}

/// The items of `a` this content does not have: kept and flagged on import, never dropped.
/// General notes (`_general`) belong to every assessment.
pub fn unknown_items(pack: &crate::core::content::model::Pack, a: &Assessment) -> Vec<String> {
    let known = a.kind.item_ids(pack);
    let items = crate::core::sort::set(a.answers.keys().chain(a.notes.keys()));
    items
        .into_iter()
        .filter(|id| id.as_str() != crate::core::assessment::GENERAL_NOTES && !known.contains(&id.as_str()))
        .cloned()
        .collect()
}

/// A file name that says what the file holds: one assessment by kind, title and date; several as a
/// count (a backup when it is all of them); `_encrypted` when it needs a passphrase.
pub fn file_name(list: &[&Assessment], all: bool, date: &str, encrypted: bool) -> String {
    let base = match list {
        [one] => crate::core::assessment::file_name(one, date).trim_end_matches(".json").to_string(),
        _ if all => format!("rai-assess_backup_{}-assessments_{date}", list.len()),
        _ => format!("rai-assess_{}-assessments_{date}", list.len()),
    };
    format!("{base}{}.json", if encrypted { "_encrypted" } else { "" })
}
