//! The stored form of an assessment, its versions, and the migrations between them.
//!
//! Stored as `{"schema": N, "revision": R, "assessment": {...}}`. Each version that changes the shape
//! gets a variant below and an upgrade function in `MIGRATIONS`; a committed fixture per version
//! (`tests/fixtures/records/`) proves every older record still loads.

use crate::core::assessment::Assessment;
use crate::core::content::t_with;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The versions of the stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaVersion {
    /// First version: id, kind, title, subject, respondent, times, content ref, answers, notes,
    /// revision, deleted.
    V1 = 1,
    /// Adds `risk` to an assessment: the register, dismissed proposals and snapshots (empty when
    /// left out, so a version 1 record reads as it is).
    V2 = 2,
    /// Adds `workbook` to an assessment: the route, check owners, sign-off and decision log (empty
    /// when left out, so a version 2 record reads as it is; an older app sets a version 3 record
    /// aside as newer instead of calling it damaged).
    V3 = 3,
    /// Adds `review` to an assessment: the request, the approvals with their copies, superseded
    /// (empty when left out, so a version 3 record reads as it is; an older app sets a version 4
    /// record aside as newer instead of saving over its approvals).
    V4 = 4,
    /// Adds a review's `comments` and `next` review (empty when left out, so a version 4 record
    /// reads as it is; an older app sets a version 5 record aside as newer instead of failing to
    /// read its review).
    V5 = 5,
}

/// The version this app writes.
pub const CURRENT_SCHEMA: u32 = SchemaVersion::V5 as u32;

/// Upgrades from version `n` to `n + 1`, in order: entry `i` upgrades version `i + 1`.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[Ok, Ok, Ok, Ok];

/// Why a stored record cannot be used. Such a record is set aside, never overwritten or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not a record this app (or any version of it) wrote: damaged or foreign data.
    Corrupt(String),
    /// Written by a newer version of the app, which this one must not touch.
    TooNew { found: u32, supported: u32 },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Corrupt(why) => f.write_str(&t_with("errors.record_damaged", &[("detail", why)])),
            RecordError::TooNew { found, supported } => f.write_str(&t_with(
                "errors.record_too_new",
                &[("found", &found.to_string()), ("supported", &supported.to_string())],
            )),
        }
    }
}

#[derive(Serialize)]
struct StoredRef<'a> {
    schema: u32,
    revision: u64,
    assessment: &'a Assessment,
}

/// The envelope fields of a stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct StoredHeader {
    pub schema: u32,
    #[serde(default)]
    pub revision: u64,
}

/// The stored text of an assessment, in the current version.
pub fn encode(assessment: &Assessment) -> String {
    let stored = StoredRef { schema: CURRENT_SCHEMA, revision: assessment.revision, assessment };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored record of any known version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Assessment, RecordError> {
    let header = header(raw)?;
    let value: Value = serde_json::from_str(raw).map_err(|e| RecordError::Corrupt(e.to_string()))?;
    let mut value = migrate(value, header.schema, MIGRATIONS)?;
    let assessment = value
        .get_mut("assessment")
        .map(Value::take)
        .ok_or_else(|| RecordError::Corrupt("no assessment".into()))?;
    // The answer file's reader, so the app carries one reader of assessments, not two.
    crate::core::answer_file::read_stored(assessment).map_err(RecordError::Corrupt)
}

/// The version and revision of a stored text, read without decoding the answers. A record of a newer
/// version is refused here, so no caller can overwrite it.
pub fn header(raw: &str) -> Result<StoredHeader, RecordError> {
    let header: StoredHeader =
        serde_json::from_str(raw).map_err(|e| RecordError::Corrupt(format!("no record header: {e}")))?;
    if header.schema > CURRENT_SCHEMA {
        return Err(RecordError::TooNew { found: header.schema, supported: CURRENT_SCHEMA });
    }
    Ok(header)
}

/// Applies `table[from - 1..]` in order; version 0 does not exist.
fn migrate(mut value: Value, from: u32, table: &[Migration]) -> Result<Value, RecordError> {
    if from == 0 {
        return Err(RecordError::Corrupt("record format 0 does not exist".into()));
    }
    for (i, step) in table.iter().enumerate().skip(from as usize - 1) {
        value = step(value)
            .map_err(|e| RecordError::Corrupt(format!("cannot upgrade from format {}: {e}", i + 1)))?;
        value["schema"] = Value::from(i as u32 + 2);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename_title(mut v: Value) -> Result<Value, String> {
        let title = v["assessment"]["name"].take();
        v["assessment"]["title"] = title;
        Ok(v)
    }

    fn add_marker(mut v: Value) -> Result<Value, String> {
        v["assessment"]["marker"] = Value::from(true);
        Ok(v)
    }

    // The table runs from the record's version to the newest, in order, and stamps each step.
    #[test]
    fn migrations_run_in_order_from_the_records_version() {
        let table: &[Migration] = &[rename_title, add_marker];
        let v1 = serde_json::json!({"schema": 1, "assessment": {"name": "A"}});
        let up = migrate(v1, 1, table).expect("migrates");
        assert_eq!(up["schema"], 3);
        assert_eq!(up["assessment"]["title"], "A");
        assert_eq!(up["assessment"]["marker"], true);
        let v2 = serde_json::json!({"schema": 2, "assessment": {"title": "B"}});
        let up = migrate(v2, 2, table).expect("migrates");
        assert_eq!(up["assessment"]["title"], "B");
        assert_eq!(up["schema"], 3);
    }

    #[test]
    fn too_new_and_garbage_are_told_apart() {
        assert_eq!(
            decode(r#"{"schema": 99, "revision": 1, "assessment": {}}"#),
            Err(RecordError::TooNew { found: 99, supported: CURRENT_SCHEMA })
        );
        assert!(matches!(decode("not json"), Err(RecordError::Corrupt(_))));
        assert!(matches!(decode(r#"{"schema": 1, "assessment": {"id": 3}}"#), Err(RecordError::Corrupt(_))));
        assert!(matches!(decode(r#"{"schema": 0}"#), Err(RecordError::Corrupt(_))));
    }

    // Answers are read without their path first (a record holds hundreds); a problem still names it.
    #[test]
    fn a_bad_answer_in_a_stored_record_is_named_by_its_place() {
        let record = |answer: &str, note: &str| {
            format!(
                r#"{{"schema": {CURRENT_SCHEMA}, "revision": 1, "assessment": {{"id": "a-1", "kind": "readiness",
                "title": "T", "created": 1, "updated": 1, "content": {{"id": "c", "version": "1"}},
                "answers": {{"R1.1": {{"t": "level", "v": 2}}, "R1.2": {answer}}}, "notes": {{"R1.1": {note}}}}}}}"#
            )
        };
        let problem = |answer: &str, note: &str| match decode(&record(answer, note)) {
            Err(RecordError::Corrupt(p)) => p,
            other => panic!("{other:?}"),
        };
        assert!(decode(&record(r#"{"t": "dont_know"}"#, r#""ok""#)).is_ok());
        assert_eq!(
            problem(r#"{"t": "level", "v": "2"}"#, r#""ok""#),
            "at assessment.answers.R1.2.v: expected a whole number from 0 to 255, found \"2\""
        );
        assert_eq!(
            problem(r#"{"t": "level", "v": 9}"#, r#""ok""#),
            "at assessment.answers.R1.2: expected a level from 0 to 4, found 9"
        );
        assert_eq!(
            problem(r#"{"t": "checked", "v": 1}"#, r#""ok""#),
            "at assessment.answers.R1.2.v: expected true or false, found 1"
        );
        assert_eq!(problem(r#"{"t": "dont_know"}"#, "3"), "at assessment.notes.R1.1: expected text, found 3");
        assert!(problem("3", r#""ok""#).starts_with("at assessment.answers.R1.2: expected an answer object"));
    }
}
