//! The app's library as the tools module opens it (the storage the app chose, `LocalBackend::attach`),
//! and the announcement that it changed (`library::CHANGED_EVENT`), on which the app lists it again.

use rai_assess::library::{Library, CHANGED_EVENT};
use rai_assess::storage::LocalBackend;

/// The library in this browser's storage, or the problem as a sentence.
pub fn library() -> Result<Library<LocalBackend>, String> {
    LocalBackend::attach().map(Library::new).map_err(|e| e.to_string())
}

/// Tells the app its library changed.
pub fn tell_changed() {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new(CHANGED_EVENT)) {
        let _ = w.dispatch_event(&e);
    }
}
