//! The tools module (see `core::render`): a second wasm entry that the app loads in the background
//! right after it starts. It holds the renderers (no state, no UI), the backups outside the browser
//! (`backup`: the library page's backup panel and the writer to a folder), the library page's export
//! and import panels (`export`, `import`) and the report page's print and download controls
//! (`report`), which need no byte of the first load.

#[path = "tools/backup.rs"]
mod backup;
#[path = "tools/export.rs"]
mod export;
#[path = "tools/folder.rs"]
mod folder;
#[path = "tools/import.rs"]
mod import;
#[path = "tools/panel.rs"]
mod panel;
#[path = "tools/report.rs"]
mod report;
#[path = "tools/rest.rs"]
mod rest;
#[path = "tools/store.rs"]
mod store;

use wasm_bindgen::prelude::*;

fn main() {}

/// The app's library changed (a save, an import, another tab's): the backups catch up and the
/// export panel, if shown, lists it again.
#[wasm_bindgen]
pub fn library_changed() {
    backup::changed();
    export::changed();
}

/// Installs the content pack the app fetched (the same bytes). False when they are not a valid pack.
#[wasm_bindgen]
pub fn install(bytes: &[u8]) -> bool {
    rai_assess::is_installed() || rai_assess::install_pack(bytes).is_ok()
}

/// Writes what one request (`core::render::Request` as JSON) asks for: the parts of
/// `core::render::Written`, or throws the problem as a sentence for the user.
#[wasm_bindgen]
pub fn render(request: &str) -> Result<Vec<String>, String> {
    use rai_assess::render::{render_json_for, YOU};
    // The name and role the review panel starts with, kept in this browser (see `render::YOU`).
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let you = storage.as_ref().and_then(|s| s.get_item(YOU).ok().flatten());
    let (written, remember) = render_json_for(request, you.as_deref());
    if let (Some(s), Some(text)) = (storage, remember) {
        // Not kept when storage is full: the form is simply empty next time.
        let _ = s.set_item(YOU, &text);
    }
    written
        .map(|mut d| {
            // A long view: its first part now, the rest once that part is on screen.
            let (first, later) = rai_assess::report::first_part(std::mem::take(&mut d.text), rest::next_id);
            d.text = first;
            if let Some((id, later)) = later {
                rest::draw_later(id, later);
            }
            d.into_parts()
        })
        .map_err(|e| e.to_string())
}
