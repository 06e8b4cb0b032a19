//! The library of stored assessments, over any key-value backend: listing, loading, saving with a
//! revision check, recently-deleted and restore, and records set aside when they cannot be read.
//!
//! Pure: the browser's localStorage is one backend (`crate::browser::storage`), `MemoryBackend` another;
//! `conformance` holds the one test suite both must pass.

mod backend;
pub mod conformance;
mod schema;
mod store;
mod summary;

pub use backend::{BackendError, KeyValue, MemoryBackend};
pub use schema::{decode, encode, RecordError, SchemaVersion, CURRENT_SCHEMA};
pub use store::{Imported, Library, Listing, LoadError, SaveError, SetAside, RECORD_PREFIX, SUMMARY_PREFIX};
pub use summary::{select, SortBy, Summary};

/// The window event the tools module sends after it changed the library (an import, a copy kept,
/// one replaced): the app lists the library again.
pub const CHANGED_EVENT: &str = "rai-library-changed";

/// Where a browser keeps the name and role last given on the review panel (`{"by", "role"}` as JSON):
/// the review panel starts with them (kept by the tools module, `render::render_json_for`) and the
/// history names the person by them (`Library::save`).
pub const YOU: &str = "rai.you";
