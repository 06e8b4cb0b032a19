//! The backup panel on the library page and the writer behind it (see `core::backup`), run in the
//! tools module so the first load carries none of it. The app calls `backup_panel` when the library
//! page opens (with the id of the empty section it keeps for it) and `library_changed` whenever its
//! library changes; this module reads the assessments from the browser's storage itself, writes each
//! changed one to the chosen folder (a few seconds after the last change) and keeps the panel's
//! status line and buttons up to date. The panel's markup is written by the core; its status line
//! stays in place (a polite live region) while the buttons under it are redrawn when they change.

use crate::folder::{self, Access};
use crate::panel::{self, Listener};
use rai_assess::answer_file;
use rai_assess::assessment::ContentRef;
use rai_assess::backup::{self, BackupState, Folder, Written};
use rai_assess::library::{KeyValue, Library};
use rai_assess::storage::LocalBackend;
use rai_assess::system::{date_time, now_ms};
use rai_assess::{pack, t};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// How long after the last change the changed assessments are written.
const QUIET_MS: i32 = 2_000;

thread_local! {
    /// The library page's section and the listener put on it.
    static PANEL: panel::Slot = const { RefCell::new(None) };
    static FOLDER: RefCell<Folder> = const { RefCell::new(Folder::Unset) };
    /// The buttons last drawn, so an unchanged panel is not redrawn under the user's keyboard.
    static DRAWN: RefCell<String> = const { RefCell::new(String::new()) };
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    static LATER: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
    /// Raised when the folder is chosen or dropped: a run begun before stops and records nothing.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn library() -> Option<Library<LocalBackend>> {
    crate::store::library().ok()
}

fn read_state(lib: &Library<LocalBackend>) -> BackupState {
    BackupState::read(lib.backend().get(backup::KEY).ok().flatten().as_deref())
}

/// Changes the stored state as it is now (another tab, or the user, may have changed it meanwhile).
fn update_state(lib: &mut Library<LocalBackend>, change: impl FnOnce(&mut BackupState)) {
    let mut state = read_state(lib);
    change(&mut state);
    if let Ok(json) = serde_json::to_string(&state) {
        let _ = lib.backend_mut().set(backup::KEY, &json);
    }
}

/// Fills the library page's backup section (by id) and brings the backups up to date.
#[wasm_bindgen]
pub fn backup_panel(id: &str) {
    let Some(section) = panel::element(id) else { return };
    section.set_inner_html(&backup::panel_html());
    let _ = section.set_attribute("aria-labelledby", "backup-heading");
    panel::listen(&PANEL, section, &["click", "change"], Listener::new(on_event));
    DRAWN.with(|d| d.borrow_mut().clear());
    draw();
    spawn_local(sync());
}

/// The library changed: write what changed once changes pause.
pub fn changed() {
    let Some(window) = web_sys::window() else { return };
    if let Some(timer) = TIMER.take() {
        window.clear_timeout_with_handle(timer);
    }
    LATER.with(|later| {
        let mut later = later.borrow_mut();
        let callback = later.get_or_insert_with(|| Closure::new(|| spawn_local(sync())));
        TIMER.set(
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.as_ref().unchecked_ref(),
                    QUIET_MS,
                )
                .ok(),
        );
    });
}

/// The export panel exported every live assessment: that file is a backup too, so the reminder counts
/// from now.
pub fn exported() {
    if let Some(mut lib) = library() {
        update_state(&mut lib, |s| s.last_download = Some(now_ms()));
    }
    draw();
}

fn on_event(event: web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(control) = target.closest("[data-act]").ok().flatten() else { return };
    let act = control.get_attribute("data-act").unwrap_or_default();
    match (event.type_().as_str(), act.as_str()) {
        ("click", "choose") => spawn_local(async {
            // Cancelled (or refused by the browser, which says why itself): nothing changes.
            if folder::pick().await.is_ok() {
                start_over();
            }
            sync().await;
        }),
        ("click", "allow") => spawn_local(async {
            let _ = folder::ask().await;
            sync().await;
        }),
        ("click", "stop") => spawn_local(async {
            let _ = folder::drop_folder().await;
            start_over();
            sync().await;
        }),
        ("click", "download") => download_all(),
        ("change", "remind") => {
            let days = control.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let (Ok(days), Some(mut lib)) = (days.parse::<u32>(), library()) {
                update_state(&mut lib, |s| s.remind_days = days);
                draw();
            }
        }
        _ => {}
    }
}

/// Another folder (or none): every assessment is written again, and a run under way stops.
fn start_over() {
    GENERATION.set(GENERATION.get() + 1);
    if let Some(mut lib) = library() {
        update_state(&mut lib, |s| s.written.clear());
    }
}

fn set_folder(folder: Folder) {
    FOLDER.with(|f| *f.borrow_mut() = folder);
}

/// Asks the browser about the folder, writes what changed when it may, and redraws the panel. One
/// run at a time; a change during a run makes one more.
async fn sync() {
    if WRITING.replace(true) {
        AGAIN.set(true);
        return;
    }
    loop {
        AGAIN.set(false);
        folder::one_tab_at_a_time(write_changed()).await;
        if !AGAIN.get() {
            break;
        }
    }
    WRITING.set(false);
    draw();
}

async fn write_changed() {
    let generation = GENERATION.get();
    let folder = match folder::current().await {
        Ok(Access::Unsupported) => Folder::Unsupported,
        Ok(Access::None) => Folder::Unset,
        Ok(Access::Chosen(permission, name)) if permission == "granted" => Folder::Ready(name),
        Ok(Access::Chosen(_, name)) => Folder::Asking(name),
        Err(error) => Folder::Failed(t("backup.folder_unknown").into(), backup::failure(&error)),
    };
    set_folder(folder.clone());
    draw();
    let Folder::Ready(name) = folder else { return };
    let Some(mut lib) = library() else { return };
    let Ok(listing) = lib.list(pack()) else { return };
    let state = read_state(&lib);
    for summary in backup::to_write(&listing.active, &state) {
        let Ok(a) = lib.load(&summary.id) else { continue };
        let now = now_ms();
        let text = answer_file::write(&[&a], &ContentRef::of(pack()), now);
        let file = backup::file_name(&a);
        let old = backup::replaced(&read_state(&lib), &a.id, &file);
        let written = folder::write(&file, &text, old.as_deref()).await;
        if GENERATION.get() != generation {
            return; // the folder changed meanwhile: this run's files are not in the new one
        }
        match written {
            Ok(()) => update_state(&mut lib, |s| {
                s.written.insert(a.id.clone(), Written { revision: summary.revision, name: file });
                s.last_written = Some(now);
            }),
            Err(error) => {
                set_folder(Folder::Failed(name.clone(), backup::failure(&error)));
                return;
            }
        }
    }
}

/// One answer file with every live assessment, downloaded; the reminder counts from now.
fn download_all() {
    let Some(mut lib) = library() else { return };
    let Ok(listing) = lib.list(pack()) else { return };
    let list: Vec<_> = listing.active.iter().filter_map(|s| lib.load(&s.id).ok()).collect();
    if list.is_empty() {
        return;
    }
    let refs: Vec<_> = list.iter().collect();
    let now = now_ms();
    let name = answer_file::file_name(&refs, true, &rai_assess::dates::date_of(now), false);
    if rai_assess::download::download(
        &name,
        "application/json",
        &answer_file::write(&refs, &ContentRef::of(pack()), now),
    ) {
        update_state(&mut lib, |s| s.last_download = Some(now));
    }
    draw();
}

/// Redraws the line above every view (when backups need the user and the library's panel is not on
/// screen), the panel's status line, and its buttons when they changed (keeping focus on the control
/// that had it, or on the status line when that control is gone).
fn draw() {
    let panel = PANEL.with(|p| p.borrow().as_ref().map(|(s, _)| s.clone())).filter(|s| s.is_connected());
    let document = web_sys::window().and_then(|w| w.document());
    let notice = document.as_ref().and_then(|d| d.get_element_by_id("backup-notice"));
    let Some(mut lib) = library() else {
        if let Some(section) = &panel {
            if let (Ok(Some(status)), Ok(Some(controls))) =
                (section.query_selector(".backup-status"), section.query_selector(".backup-controls"))
            {
                status.set_text_content(Some(t("backup.no_storage")));
                controls.set_inner_html("");
            }
        }
        return;
    };
    let active = lib.list(pack()).map(|l| l.active).unwrap_or_default();
    let now = now_ms();
    let mut state = read_state(&lib);
    if backup::note_pending(&mut state, &active, now) {
        update_state(&mut lib, |s| {
            backup::note_pending(s, &active, now);
        });
    }
    let folder = FOLDER.with(|f| f.borrow().clone());
    if let Some(notice) = notice {
        let markup =
            if panel.is_some() { String::new() } else { backup::notice_html(&folder, &state, &active, now) };
        if notice.inner_html() != markup {
            notice.set_inner_html(&markup);
        }
    }
    let Some(section) = panel else { return };
    let (Ok(Some(status)), Ok(Some(controls))) =
        (section.query_selector(".backup-status"), section.query_selector(".backup-controls"))
    else {
        return;
    };
    let last = state.last_backup().map(date_time);
    let text = backup::status(&folder, &state, &active, now, last.as_deref());
    if status.text_content().as_deref() != Some(text.as_str()) {
        status.set_text_content(Some(&text));
    }
    let attention = backup::needs_attention(&folder, &state, &active, now);
    let _ =
        status.set_attribute("class", if attention { "backup-status attention" } else { "backup-status" });
    let markup = backup::controls_html(&folder, &state);
    if DRAWN.with(|d| *d.borrow() == markup) {
        return;
    }
    let focused = document
        .and_then(|d| d.active_element())
        .filter(|e| controls.contains(Some(e)))
        .and_then(|e| e.get_attribute("data-act"));
    controls.set_inner_html(&markup);
    DRAWN.with(|d| *d.borrow_mut() = markup);
    if let Some(act) = focused {
        let again =
            controls.query_selector(&format!("[data-act=\"{act}\"]")).ok().flatten().unwrap_or(status);
        if let Ok(el) = again.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
