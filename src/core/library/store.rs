use super::backend::{BackendError, KeyValue};
use super::schema::{decode, encode, header, RecordError};
use super::summary::Summary;
use crate::core::assessment::{Assessment, Kind};
use crate::core::content::model::Pack;
use crate::core::content::{t, t_with};
use crate::core::sort;
use std::fmt;

/// Key of an assessment's full record.
pub const RECORD_PREFIX: &str = "rai.assessment.";
/// Key of its summary, for listing.
pub const SUMMARY_PREFIX: &str = "rai.summary.";

/// A stored record the app cannot use: kept untouched, listed, and downloadable as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub id: String,
    pub problem: RecordError,
}

/// Everything the library page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// Live assessments, most recently edited first.
    pub active: Vec<Summary>,
    /// Recently deleted, most recently deleted first.
    pub deleted: Vec<Summary>,
    pub set_aside: Vec<SetAside>,
}

impl Listing {
    /// Puts one assessment's new summary in place (live or recently deleted, in order), so a save does
    /// not re-read every summary.
    pub fn upsert(&mut self, summary: Summary) {
        self.active.retain(|s| s.id != summary.id);
        self.deleted.retain(|s| s.id != summary.id);
        if summary.deleted.is_some() {
            self.deleted.push(summary);
            sort::by_key(&mut self.deleted, |s| std::cmp::Reverse(s.deleted));
        } else {
            self.active.push(summary);
            sort::by_key(&mut self.active, |s| std::cmp::Reverse(s.updated));
        }
    }
}

/// What an import stored, and the assessments already here that wait for the user's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub conflicts: Vec<Assessment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    NotFound,
    Unreadable(RecordError),
    Backend(BackendError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound => f.write_str(t("errors.no_such_assessment")),
            LoadError::Unreadable(e) => e.fmt(f),
            LoadError::Backend(e) => e.fmt(f),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab (or window) saved a newer revision since this copy was loaded.
    Conflict {
        stored: u64,
        yours: u64,
    },
    /// The stored record is set aside (damaged or newer); it is never overwritten.
    SetAside(RecordError),
    NotFound,
    /// `create` found a record with this id already: it is never replaced by a create.
    Exists,
    /// The assessment breaks a rule the reader enforces (a text over its limit): storing it would
    /// make a record the app cannot open again.
    Invalid(String),
    Backend(BackendError),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Conflict { .. } => f.write_str(t("errors.conflict")),
            SaveError::SetAside(e) => {
                f.write_str(&t_with("errors.set_aside", &[("problem", &e.to_string())]))
            }
            SaveError::NotFound => f.write_str(t("errors.gone")),
            SaveError::Exists => f.write_str(t("errors.exists")),
            SaveError::Invalid(problem) => {
                f.write_str(&t_with("errors.not_reopenable", &[("problem", problem)]))
            }
            SaveError::Backend(e) => e.fmt(f),
        }
    }
}

impl From<BackendError> for SaveError {
    fn from(e: BackendError) -> Self {
        SaveError::Backend(e)
    }
}

/// The assessments stored in one backend.
pub struct Library<B: KeyValue> {
    backend: B,
}

impl<B: KeyValue> Library<B> {
    pub fn new(backend: B) -> Library<B> {
        Library { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    fn ids(&self) -> Result<Vec<String>, BackendError> {
        Ok(self
            .backend
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(RECORD_PREFIX).map(String::from))
            .collect())
    }

    /// Lists every stored assessment from the summaries; a missing or stale summary is rebuilt from
    /// its record, and a record that cannot be read is listed as set aside.
    pub fn list(&self, pack: &Pack) -> Result<Listing, BackendError> {
        let mut listing = Listing::default();
        for id in self.ids()? {
            let summary: Option<Summary> = self
                .backend
                .get(&format!("{SUMMARY_PREFIX}{id}"))?
                .and_then(|raw| serde_json::from_str(&raw).ok());
            let summary = match summary {
                // A workbook's summary written before the next review was listed (no `@` in its
                // review code) is made again, so a passed decision review shows as due (others had
                // no date to show before).
                Some(s) if s.id == id && (s.kind != Kind::Workbook || s.review.contains('@')) => s,
                _ => match self.load(&id) {
                    Ok(a) => Summary::of(&a, pack),
                    Err(LoadError::Unreadable(problem)) => {
                        listing.set_aside.push(SetAside { id, problem });
                        continue;
                    }
                    Err(LoadError::NotFound) => continue,
                    Err(LoadError::Backend(e)) => return Err(e),
                },
            };
            if summary.deleted.is_some() {
                listing.deleted.push(summary);
            } else {
                listing.active.push(summary);
            }
        }
        sort::by_key(&mut listing.active, |s| std::cmp::Reverse(s.updated));
        sort::by_key(&mut listing.deleted, |s| std::cmp::Reverse(s.deleted));
        sort::by(&mut listing.set_aside, |a, b| a.id.cmp(&b.id));
        Ok(listing)
    }

    pub fn load(&self, id: &str) -> Result<Assessment, LoadError> {
        let raw = self.raw(id).map_err(LoadError::Backend)?.ok_or(LoadError::NotFound)?;
        let assessment = decode(&raw).map_err(LoadError::Unreadable)?;
        if assessment.id != id {
            return Err(LoadError::Unreadable(RecordError::Corrupt(
                "the record's id does not match its key".into(),
            )));
        }
        Ok(assessment)
    }

    /// The stored text of a record, as it is: for downloading a record that is set aside.
    pub fn raw(&self, id: &str) -> Result<Option<String>, BackendError> {
        self.backend.get(&format!("{RECORD_PREFIX}{id}"))
    }

    /// Stores a new assessment at revision 1.
    pub fn create(&mut self, mut assessment: Assessment, pack: &Pack) -> Result<Assessment, SaveError> {
        if self.raw(&assessment.id)?.is_some() {
            return Err(SaveError::Exists);
        }
        assessment.revision = 1;
        self.write(&assessment, pack)?;
        Ok(assessment)
    }

    /// Saves `assessment`, which was loaded at `assessment.revision`, as the next revision. Refused if
    /// the stored copy moved on meanwhile (another tab) or cannot be read (never overwritten).
    /// Returns the saved copy with its new revision and time.
    pub fn save(&mut self, assessment: &Assessment, now: i64, pack: &Pack) -> Result<Assessment, SaveError> {
        let raw = self.raw(&assessment.id)?.ok_or(SaveError::NotFound)?;
        let stored = header(&raw).map_err(SaveError::SetAside)?.revision;
        if stored != assessment.revision {
            return Err(SaveError::Conflict { stored, yours: assessment.revision });
        }
        let mut next =
            Assessment { revision: stored + 1, updated: now.max(assessment.updated), ..assessment.clone() };
        self.log(&raw, &mut next, now);
        self.write(&next, pack)?;
        Ok(next)
    }

    /// Adds to `next`'s history what changed from the stored text `raw`, by the name this browser
    /// remembers ([`super::YOU`]; empty when none was given).
    fn log(&self, raw: &str, next: &mut Assessment, now: i64) {
        let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
        let you = self.backend.get(super::YOU).ok().flatten().map(|t| parse(&t)).unwrap_or_default();
        let before = parse(raw);
        let after = serde_json::to_string(&*next).map(|t| parse(&t)).unwrap_or_default();
        // As typed on the review panel, within the one-line limit the reader holds it to.
        let by: String =
            you["by"].as_str().unwrap_or_default().chars().take(crate::core::limits::MAX_LINE).collect();
        let by = by.as_str();
        // The history is the stored copy's: an editor's draft holds the one it was loaded with.
        let stored = &before["assessment"]["review"];
        let review = &mut next.review.0;
        for key in ["history", "summary"] {
            match (&stored[key], review.as_object_mut()) {
                (serde_json::Value::Null, Some(m)) => {
                    m.remove(key);
                }
                (serde_json::Value::Null, None) => {}
                (kept, _) => review[key] = kept.clone(),
            }
        }
        crate::core::review::history::record(review, &before["assessment"], &after, by, now);
    }

    /// Replaces the stored copy whatever its revision: the user chose to keep this tab's version,
    /// whose changes the history logs as theirs.
    pub fn overwrite(
        &mut self,
        assessment: &Assessment,
        now: i64,
        pack: &Pack,
    ) -> Result<Assessment, SaveError> {
        self.put_over(assessment, now, pack, true)
    }

    /// Replaces the stored copy with one from a file: its changes are not this browser's user's, so
    /// the history takes the file's entries (with the stored ones) and logs none of its own.
    pub fn replace_with_file(
        &mut self,
        assessment: &Assessment,
        now: i64,
        pack: &Pack,
    ) -> Result<Assessment, SaveError> {
        self.put_over(assessment, now, pack, false)
    }

    fn put_over(
        &mut self,
        assessment: &Assessment,
        now: i64,
        pack: &Pack,
        log: bool,
    ) -> Result<Assessment, SaveError> {
        let raw = self.raw(&assessment.id)?.ok_or(SaveError::NotFound)?;
        let stored = header(&raw).map_err(SaveError::SetAside)?.revision;
        let mut next =
            Assessment { revision: stored.max(assessment.revision) + 1, updated: now, ..assessment.clone() };
        // What was approved stays approved: the stored copy's approvals are kept.
        if let Ok(old) = decode(&raw) {
            crate::core::review::keep_review(&old.review, &mut next.review);
        }
        if log {
            self.log(&raw, &mut next, now);
        }
        self.write(&next, pack)?;
        Ok(next)
    }

    /// The record first, then its summary: a failed record write changes nothing, and a stale summary
    /// is detected by its revision and rebuilt.
    fn write(&mut self, a: &Assessment, pack: &Pack) -> Result<(), SaveError> {
        let record = encode(a);
        // Read back with the reader's checks before it is stored: the library never holds a record
        // it could not open again (a title or note over its limit, whatever the write path).
        decode(&record).map_err(|e| {
            SaveError::Invalid(match e {
                RecordError::Corrupt(why) => why,
                other => other.to_string(),
            })
        })?;
        // The one limit of a review a combination can pass (two copies' comments): refused here,
        // where the other copy stays as it was, rather than stored and refused when opened.
        let comments = a.review.0["comments"].as_array().map_or(0, Vec::len);
        if comments > crate::core::review::comments::MAX_COMMENTS {
            let (count, max) =
                (comments.to_string(), crate::core::review::comments::MAX_COMMENTS.to_string());
            return Err(SaveError::Invalid(t_with(
                "errors.too_many_comments",
                &[("count", &count), ("max", &max)],
            )));
        }
        self.backend.set(&format!("{RECORD_PREFIX}{}", a.id), &record)?;
        let summary = serde_json::to_string(&Summary::of(a, pack)).unwrap_or_default();
        self.backend.set(&format!("{SUMMARY_PREFIX}{}", a.id), &summary)?;
        Ok(())
    }

    /// Stores the assessments of one file as one batch: those whose id is stored already (even as a
    /// record set aside) are not written but returned for the user to decide on. Either every new
    /// one is stored or, when storage fills up part way, none: what this import wrote is removed
    /// again, so a failed import leaves the library as it was. The caller refreshes the listing once.
    pub fn import(&mut self, list: Vec<Assessment>, pack: &Pack) -> Result<Imported, SaveError> {
        let (mut written, mut conflicts) = (Vec::new(), Vec::new());
        for mut a in list {
            let result = match self.raw(&a.id) {
                Ok(Some(_)) => {
                    conflicts.push(a);
                    continue;
                }
                Ok(None) => {
                    a.revision = 1;
                    self.write(&a, pack)
                }
                Err(e) => Err(e.into()),
            };
            written.push(a.id);
            if let Err(e) = result {
                // Whatever failed, nothing of this file stays.
                self.forget(&written);
                return Err(e);
            }
        }
        Ok(Imported { added: written.len(), conflicts })
    }

    /// Removes records and their summaries for good. Best effort: a removal frees space, it needs none.
    fn forget(&mut self, ids: &[String]) {
        for id in ids {
            let _ = self.backend.remove(&format!("{RECORD_PREFIX}{id}"));
            let _ = self.backend.remove(&format!("{SUMMARY_PREFIX}{id}"));
        }
    }

    /// Moves many assessments to "recently deleted" at once; returns how many moved. Stops at the
    /// first that cannot be (storage full, changed in another tab) and says why; those before it moved.
    pub fn delete_many(
        &mut self,
        ids: &[String],
        now: i64,
        pack: &Pack,
    ) -> Result<usize, (usize, SaveError)> {
        for (done, id) in ids.iter().enumerate() {
            self.delete(id, now, pack).map_err(|e| (done, e))?;
        }
        Ok(ids.len())
    }

    /// Moves an assessment to "recently deleted".
    pub fn delete(&mut self, id: &str, now: i64, pack: &Pack) -> Result<Assessment, SaveError> {
        let a = self.load(id).map_err(load_to_save)?;
        self.save(&Assessment { deleted: Some(now), ..a }, now, pack)
    }

    /// Brings an assessment back from "recently deleted".
    pub fn restore(&mut self, id: &str, now: i64, pack: &Pack) -> Result<Assessment, SaveError> {
        let a = self.load(id).map_err(load_to_save)?;
        self.save(&Assessment { deleted: None, ..a }, now, pack)
    }

    /// Removes every assessment in "recently deleted" for good.
    pub fn empty_bin(&mut self, pack: &Pack) -> Result<usize, BackendError> {
        let deleted = self.list(pack)?.deleted;
        for s in &deleted {
            self.backend.remove(&format!("{RECORD_PREFIX}{}", s.id))?;
            self.backend.remove(&format!("{SUMMARY_PREFIX}{}", s.id))?;
        }
        Ok(deleted.len())
    }

    /// Bytes the app's keys and values take, counted as the browser does (UTF-16 code units × 2).
    pub fn bytes_used(&self) -> Result<usize, BackendError> {
        let mut total = 0;
        for key in self.backend.keys()? {
            if key.starts_with(RECORD_PREFIX) || key.starts_with(SUMMARY_PREFIX) {
                let value = self.backend.get(&key)?.unwrap_or_default();
                total += (key.encode_utf16().count() + value.encode_utf16().count()) * 2;
            }
        }
        Ok(total)
    }
}

fn load_to_save(e: LoadError) -> SaveError {
    match e {
        LoadError::NotFound => SaveError::NotFound,
        LoadError::Unreadable(r) => SaveError::SetAside(r),
        LoadError::Backend(b) => SaveError::Backend(b),
    }
}
