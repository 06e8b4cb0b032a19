//! The app-wide library state: the open library (localStorage, or memory when storage is unavailable),
//! its listing as a signal, and what the user must know about storage. Pages reach it with
//! `use_library()`; every change goes through here so the listing stays current.

use crate::browser::storage::{request_persistence, LocalBackend};
use crate::browser::system::{measured, now_ms};
use crate::core::assessment::Assessment;
use crate::core::content::pack;
use crate::core::library::{
    BackendError, KeyValue, Library, Listing, LoadError, SaveError, Summary, RECORD_PREFIX, SUMMARY_PREFIX,
};
use leptos::prelude::*;

/// Where assessments are kept in this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageMode {
    /// In this browser's storage, surviving reloads.
    Browser,
    /// In memory only, because browser storage cannot be used: nothing survives a reload.
    MemoryOnly(String),
}

/// Handle to the library, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct LibraryContext {
    library: StoredValue<Library<Box<dyn KeyValue>>, LocalStorage>,
    /// The current listing; refreshed after every change and when another tab changes storage.
    pub listing: RwSignal<Listing>,
    pub mode: RwSignal<StorageMode>,
    /// Whether the browser promised to keep storage under pressure (None until it answers).
    pub persistent: RwSignal<Option<bool>>,
    /// Bytes the app's data takes in storage.
    pub bytes_used: RwSignal<usize>,
    /// A problem with storage as a whole (full, unavailable), in words for the user.
    pub problem: RwSignal<Option<String>>,
    /// Raised when another tab changed a stored assessment; pages holding one re-check it.
    pub external_change: RwSignal<u64>,
}

/// Opens the library and provides it to the app; call once, in the root component.
pub fn provide_library() -> LibraryContext {
    let (backend, mode): (Box<dyn KeyValue>, StorageMode) = match LocalBackend::open() {
        Ok(local) => (Box::new(local), StorageMode::Browser),
        Err(e) => (Box::new(LocalBackend::in_page()), StorageMode::MemoryOnly(e.to_string())),
    };
    let ctx = LibraryContext {
        library: StoredValue::new_local(Library::new(backend)),
        listing: RwSignal::new(Listing::default()),
        mode: RwSignal::new(mode),
        persistent: RwSignal::new(None),
        bytes_used: RwSignal::new(0),
        problem: RwSignal::new(None),
        external_change: RwSignal::new(0),
    };
    ctx.refresh();
    if ctx.listing.with_untracked(|l| !l.active.is_empty() || !l.deleted.is_empty()) {
        ctx.ask_persistence();
    }
    // Another tab wrote to storage: show its changes here too.
    let listener = window_event_listener(leptos::ev::storage, move |e| {
        let ours = e.key().is_none_or(|k| k.starts_with(RECORD_PREFIX) || k.starts_with(SUMMARY_PREFIX));
        // Another tab typing saves every few hundred milliseconds: re-read only the summaries.
        if ours {
            ctx.refresh_listing();
            ctx.external_change.update(|n| *n += 1);
        }
    });
    // The tools module changed the library (an import): list it again, and anything open re-checks.
    let tools_changed = window_event_listener_untyped(crate::core::library::CHANGED_EVENT, move |_| {
        ctx.refresh();
        ctx.external_change.update(|n| *n += 1);
        ctx.ask_persistence();
    });
    on_cleanup(move || {
        listener.remove();
        tools_changed.remove();
    });
    provide_context(ctx);
    ctx
}

/// The library provided by the app.
pub fn use_library() -> LibraryContext {
    expect_context::<LibraryContext>()
}

impl LibraryContext {
    /// Re-reads the listing and the space used. Reading the space used reads every stored value, so
    /// this runs when the library opens or assessments come and go, not on every save.
    pub fn refresh(&self) {
        self.refresh_listing();
        match self.library.with_value(|lib| lib.bytes_used()) {
            Ok(bytes) => self.bytes_used.set(bytes),
            Err(e) => self.problem.set(Some(e.to_string())),
        }
    }

    /// Re-reads the listing from the small per-assessment summaries (about 1 ms for 200).
    pub fn refresh_listing(&self) {
        match self.library.with_value(|lib| measured("rai-list", || lib.list(pack()))) {
            Ok(listing) => self.listing.set(listing),
            Err(e) => self.problem.set(Some(e.to_string())),
        }
    }

    /// Runs a change on the library; the library is gone only while the app is being torn down.
    fn change<T>(
        &self,
        f: impl FnOnce(&mut Library<Box<dyn KeyValue>>) -> Result<T, SaveError>,
    ) -> Result<T, SaveError> {
        let gone = || Err(SaveError::Backend(BackendError::Unavailable("the app is closing".into())));
        self.library.try_update_value(f).unwrap_or_else(gone)
    }

    /// Records the outcome of a save: only the saved assessment's entry in the listing changes.
    fn after_save(&self, result: Result<Assessment, SaveError>) -> Result<Assessment, SaveError> {
        match &result {
            Ok(saved) => {
                self.problem.set(None);
                self.listing.update(|l| l.upsert(Summary::of(saved, pack())));
            }
            Err(SaveError::Backend(BackendError::Full)) => {
                self.problem.set(Some(BackendError::Full.to_string()))
            }
            Err(_) => {}
        }
        result
    }

    /// Records the outcome of a write; `whole` also re-reads the space used (see `refresh`).
    fn after_write<T>(&self, result: Result<T, SaveError>, whole: bool) -> Result<T, SaveError> {
        match &result {
            Err(SaveError::Backend(BackendError::Full)) => {
                self.problem.set(Some(BackendError::Full.to_string()))
            }
            Ok(_) => self.problem.set(None),
            Err(_) => {}
        }
        if whole {
            self.refresh();
        } else {
            self.refresh_listing();
        }
        result
    }

    /// Stores a new assessment; asks the browser to keep storage persistent on the first one.
    pub fn create(&self, assessment: Assessment) -> Result<Assessment, SaveError> {
        let result = self.change(|lib| lib.create(assessment, pack()));
        if result.is_ok() {
            self.ask_persistence();
        }
        self.after_write(result, true)
    }

    /// Asks the browser once per session to keep this origin's data under storage pressure; browsers
    /// decide silently (no prompt in Chromium), and the answer is shown beside the usage.
    fn ask_persistence(&self) {
        if self.persistent.get_untracked().is_none() && self.mode.get_untracked() == StorageMode::Browser {
            let persistent = self.persistent;
            leptos::task::spawn_local(async move { persistent.set(Some(request_persistence().await)) });
        }
    }

    /// An assessment as stored, carried to this content's version (saved so with its next edit).
    pub fn load(&self, id: &str) -> Result<Assessment, LoadError> {
        let mut a = self.library.with_value(|lib| lib.load(id))?;
        crate::core::upgrade::upgrade(pack(), &mut a);
        Ok(a)
    }

    /// Saves an edited copy loaded at its revision; refused if another tab saved meanwhile.
    /// Timed whole (write and listing refresh) as `rai-save` for the benchmark.
    pub fn save(&self, assessment: &Assessment) -> Result<Assessment, SaveError> {
        measured("rai-save", || {
            let result = self.change(|lib| lib.save(assessment, now_ms(), pack()));
            self.after_save(result)
        })
    }

    /// Saves this copy over whatever is stored (the user chose to keep theirs).
    pub fn overwrite(&self, assessment: &Assessment) -> Result<Assessment, SaveError> {
        let result = self.change(|lib| lib.overwrite(assessment, now_ms(), pack()));
        self.after_save(result)
    }

    pub fn delete(&self, id: &str) -> Result<Assessment, SaveError> {
        let result = self.change(|lib| lib.delete(id, now_ms(), pack()));
        self.after_write(result, true)
    }

    /// Brings an assessment back from the bin, carried to this content's version like `load`.
    pub fn restore(&self, id: &str) -> Result<Assessment, SaveError> {
        let result = self.change(|lib| lib.restore(id, now_ms(), pack()));
        let mut a = self.after_write(result, true)?;
        crate::core::upgrade::upgrade(pack(), &mut a);
        Ok(a)
    }

    pub fn empty_bin(&self) -> Result<usize, BackendError> {
        let result = self.library.try_update_value(|lib| lib.empty_bin(pack()));
        self.refresh();
        result.unwrap_or(Ok(0))
    }

    /// The stored text of a record as it is, for downloading one that is set aside.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.library.with_value(|lib| lib.raw(id).ok().flatten())
    }
}
