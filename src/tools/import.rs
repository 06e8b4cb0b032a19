//! The library page's import panel (`core::imports`), run in the tools module so the first load
//! carries none of it: the app keeps an empty section and calls `import_panel` with its id when the
//! library page opens. Files picked or dropped are read one at a time, checked (`render::read_file`, in
//! this module), and their assessments stored as one batch each; the encrypted ones wait for
//! their passphrase, and those already in the browser for the user's choice. Each change to the
//! library is announced to the app (`library::CHANGED_EVENT`), which lists it again.

use crate::panel::{self, Listener};
use crate::store::{library, tell_changed};
use rai_assess::answer_file::{Sealed, MAX_ASSESSMENTS, MAX_FILES_PER_IMPORT};
use rai_assess::assessment::Assessment;
use rai_assess::crypto::{unseal, UnsealError};
use rai_assess::files::{files_of, read};
use rai_assess::imports::{line_html, panel_html, Act, FileLine, INPUT_ID, RESULTS_ID, ROW_PREFIX};
use rai_assess::render::{read_file, FileBody, Fingerprints, Reading};
use rai_assess::system::{confirm, new_id, now_ms};
use rai_assess::Route;
use rai_assess::{pack, t, t_with};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// One file's line and what it needs to go on: the sealed file of an encrypted one, the
/// assessments waiting for a choice, and the import it belongs to (files picked together share
/// [`MAX_ASSESSMENTS`]).
struct Row {
    key: u32,
    name: String,
    line: FileLine,
    sealed: Option<Sealed>,
    batch: u32,
}

thread_local! {
    static PANEL: panel::Slot = const { RefCell::new(None) };
    static ROWS: RefCell<Vec<Row>> = const { RefCell::new(Vec::new()) };
    static NEXT_KEY: Cell<u32> = const { Cell::new(0) };
    /// How many assessments each import (by number) has added so far.
    static ADDED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    /// Imports under way: the results list is busy until each has said what became of its files.
    static IMPORTING: Cell<u32> = const { Cell::new(0) };
    /// The library changed during an import: the app is told once the import is done.
    static CHANGED_MEANWHILE: Cell<bool> = const { Cell::new(false) };
    /// Unlocks under way, by file: repeated Enter must not derive the key twice or import twice.
    static UNLOCKING: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Fills the library page's import section (by id) and listens on it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn import_panel(id: &str) {
    let Some(section) = panel::element(id) else { return };
    section.set_inner_html(&panel_html());
    // The lines of this visit's imports stay while the page is open: drawn again on return.
    let lines: String =
        ROWS.with(|rows| rows.borrow().iter().map(|r| line_html(r.key, &r.name, &r.line)).collect());
    if let Some(list) = panel::element(RESULTS_ID) {
        list.set_inner_html(&lines);
    } // An import may still be under way from before the page was left.
    set_busy();
    panel::listen(
        &PANEL,
        section,
        &["change", "click", "keydown", "dragover", "dragleave", "drop"],
        Listener::new(on_event),
    );
}

fn on_event(event: web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let section = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match event.type_().as_str() {
        "change" if target.id() == INPUT_ID => {
            let Ok(input) = target.dyn_into::<web_sys::HtmlInputElement>() else { return };
            let files = files_of(input.files());
            input.set_value("");
            add_files(files);
        }
        "dragover" => {
            event.prevent_default();
            if let Some(s) = section {
                let _ = s.class_list().add_1("dragging");
            }
        }
        "dragleave" => {
            if let Some(s) = section {
                let _ = s.class_list().remove_1("dragging");
            }
        }
        "drop" => {
            event.prevent_default();
            if let Some(s) = section {
                let _ = s.class_list().remove_1("dragging");
            }
            let list =
                event.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|d| d.files());
            add_files(files_of(list));
        }
        "keydown" => {
            let enter = event.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Enter");
            let key = target.id().strip_prefix("unlock-").and_then(|k| k.parse::<u32>().ok());
            if let (true, Some(key)) = (enter, key) {
                unlock(key);
            }
        }
        "click" => {
            let act = target.closest("[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act"));
            match act.map(|a| a.parse::<Act>()) {
                Some(Ok(Act::Unlock(key))) => unlock(key),
                Some(Ok(Act::Keep(key, i))) => decide(key, i, Decision::Keep),
                Some(Ok(Act::Merge(key, i))) => decide(key, i, Decision::Merge),
                Some(Ok(Act::Replace(key, i))) => decide(key, i, Decision::Replace),
                Some(Err(e)) => web_sys::console::error_1(&e.to_string().into()),
                None => {}
            }
        }
        _ => {}
    }
}

fn set_busy() {
    if let Some(list) = panel::element(RESULTS_ID) {
        let _ = list.set_attribute("aria-busy", if IMPORTING.get() > 0 { "true" } else { "false" });
    }
}

/// Adds a file's line at the top of the list.
fn add_line(name: String, line: FileLine, sealed: Option<Sealed>, batch: u32) {
    let key = NEXT_KEY.get();
    NEXT_KEY.set(key + 1);
    let html = line_html(key, &name, &line);
    ROWS.with(|rows| rows.borrow_mut().insert(0, Row { key, name, line, sealed, batch }));
    if let Some(list) = panel::element(RESULTS_ID) {
        let _ = list.insert_adjacent_html("afterbegin", &html);
    }
}

/// Draws a file's line again as it stands now, and puts focus on it: the control used is gone.
fn redraw(key: u32) {
    let html = ROWS
        .with(|rows| rows.borrow().iter().find(|r| r.key == key).map(|r| line_html(r.key, &r.name, &r.line)));
    let id = format!("{ROW_PREFIX}{key}");
    if let (Some(html), Some(old)) = (html, panel::element(&id)) {
        old.set_outer_html(&html);
    }
    if let Some(line) = panel::element(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = line.focus();
    }
}

/// Tells the app its library changed, so that it lists it again; during an import, once it is done:
/// each telling re-reads the whole library (its listing and the space used), which for 50 files of
/// 300 answers was most of the import's time.
fn changed() {
    if IMPORTING.get() > 0 {
        CHANGED_MEANWHILE.set(true);
    } else {
        tell_changed();
    }
}

fn add_files(list: Vec<web_sys::File>) {
    if list.len() > MAX_FILES_PER_IMPORT {
        let (count, max) = (list.len().to_string(), MAX_FILES_PER_IMPORT.to_string());
        let why = t_with("share.too_many_files", &[("count", &count), ("max", &max)]);
        add_line(String::new(), FileLine::Declined(why), None, 0);
        return;
    }
    let batch = ADDED.with(|a| {
        let mut a = a.borrow_mut();
        a.push(0);
        a.len() as u32 - 1
    });
    IMPORTING.set(IMPORTING.get() + 1);
    set_busy();
    spawn_local(async move {
        // One file at a time, read and done with before the next: memory stays at one file.
        for file in list {
            let (line, sealed) = match over_budget(batch, 1) {
                Some(refused) => (refused, None),
                None => match read(&file).await {
                    Err(0) => (FileLine::Failed(t("share.unreadable").to_string()), None),
                    Err(bytes) => open(FileBody::TooLarge { bytes }, false, batch),
                    Ok(bytes) => open(body(bytes), false, batch),
                },
            };
            add_line(file.name(), line, sealed, batch);
        }
        IMPORTING.set(IMPORTING.get().saturating_sub(1));
        set_busy();
        if IMPORTING.get() == 0 && CHANGED_MEANWHILE.replace(false) {
            tell_changed();
        }
    });
}

/// A file's text as read from disk, for the reader to check.
fn body(bytes: Vec<u8>) -> FileBody {
    String::from_utf8(bytes)
        .map_or_else(|e| FileBody::NotText { at: e.utf8_error().valid_up_to() }, FileBody::Text)
}

/// The refusal of a file that would take its import past `MAX_ASSESSMENTS`, if it would.
fn over_budget(batch: u32, count: usize) -> Option<FileLine> {
    let before = ADDED.with(|a| a.borrow().get(batch as usize).copied().unwrap_or_default());
    (before + count > MAX_ASSESSMENTS).then(|| {
        let (before, max) = (before.to_string(), MAX_ASSESSMENTS.to_string());
        FileLine::Failed(t_with("share.over_budget", &[("count", &before), ("max", &max)]))
    })
}

/// Checks a file (`decrypted`: the plaintext of an encrypted one) and imports what it holds, or says
/// exactly why not; an encrypted one comes back with its sealed parts, to unlock.
fn open(file: FileBody, decrypted: bool, batch: u32) -> (FileLine, Option<Sealed>) {
    match read_file(file, decrypted) {
        Reading::Plain { assessments, unknown, fingerprints } => {
            (import(assessments, unknown, fingerprints, decrypted, batch), None)
        }
        Reading::Encrypted { sealed } => (FileLine::Locked, Some(sealed)),
        Reading::Refused { problem } => (FileLine::Failed(problem), None),
    }
}

/// Stores a file's assessments, which passed every check, as one batch: all or, if storage fills
/// up, none. Existing ids wait for the user's choice.
fn import(
    list: Vec<Assessment>,
    unknown: usize,
    fingerprints: Fingerprints,
    decrypted: bool,
    batch: u32,
) -> FileLine {
    if let Some(refused) = over_budget(batch, list.len()) {
        return refused;
    }
    let done = library().and_then(|mut lib| lib.import(list, pack()).map_err(|e| e.to_string()));
    let done = match done {
        Ok(done) => done,
        Err(e) => return FileLine::Failed(e),
    };
    if done.added > 0 {
        changed();
    }
    ADDED.with(|a| {
        if let Some(n) = a.borrow_mut().get_mut(batch as usize) {
            *n += done.added;
        }
    });
    let mut summary = t_with("share.imported", &[("count", &done.added.to_string())]);
    let mut say = |text: &str| {
        summary.push(' ');
        summary.push_str(text);
    };
    if decrypted && done.added > 0 {
        say(t("share.stored_unencrypted"));
    }
    if unknown > 0 {
        say(&t_with("share.unknown_items", &[("count", &unknown.to_string())]));
    }
    let Fingerprints { matched, unchecked, differ, missing } = fingerprints;
    if matched > 0 && unchecked == 0 && differ.is_empty() && missing.is_empty() {
        say(t("share.fingerprints_match"));
    }
    if unchecked > 0 {
        say(&t_with("share.fingerprints_absent", &[("count", &unchecked.to_string())]));
    }
    let mut warnings = Vec::new();
    if !differ.is_empty() {
        warnings.push(t_with("share.fingerprint_differs", &[("titles", &differ.join("”, “"))]));
    }
    if !missing.is_empty() {
        warnings.push(t_with("share.fingerprint_missing", &[("titles", &missing.join("”, “"))]));
    }
    let warning = (!warnings.is_empty()).then(|| warnings.join(" "));
    FileLine::Imported { summary, warning, conflicts: done.conflicts.into_iter().map(Some).collect() }
}

fn unlock(key: u32) {
    if UNLOCKING.with(|u| u.borrow().contains(&key)) {
        return;
    }
    let Some((sealed, batch)) = ROWS.with(|rows| {
        rows.borrow().iter().find(|r| r.key == key).and_then(|r| r.sealed.clone().map(|s| (s, r.batch)))
    }) else {
        return;
    };
    let pass = document()
        .and_then(|d| d.get_element_by_id(&format!("unlock-{key}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    if pass.is_empty() {
        say_problem(key, t("share.passphrase_needed"));
        return;
    }
    UNLOCKING.with(|u| u.borrow_mut().push(key));
    say_problem(key, t("share.decrypting"));
    spawn_local(async move {
        match unseal(&sealed, &pass).await {
            // Counted with the files picked with it.
            Ok(plain) => {
                let (line, _) = open(body(plain), true, batch);
                ROWS.with(|rows| {
                    if let Some(r) = rows.borrow_mut().iter_mut().find(|r| r.key == key) {
                        r.line = line;
                        r.sealed = None;
                    }
                });
                redraw(key);
            }
            Err(UnsealError::WrongPassphraseOrChanged) => say_problem(key, t("share.wrong_passphrase")),
            Err(UnsealError::Unavailable) => say_problem(key, t("share.crypto_unavailable")),
        }
        UNLOCKING.with(|u| u.borrow_mut().retain(|k| *k != key));
    });
}

/// Shows `text` under an encrypted file's passphrase; the field keeps what was typed.
fn say_problem(key: u32, text: &str) {
    if let Some(line) = panel::element(&format!("unlock-{key}-problem")) {
        line.set_text_content(Some(text));
        let _ = line.remove_attribute("hidden");
    }
}

#[derive(Clone, Copy)]
enum Decision {
    Keep,
    Merge,
    Replace,
}

/// What the user chose for an assessment already here: keep both (and perhaps compare them), or
/// replace the one here. The outcome joins the file's summary; the choice leaves its line.
fn decide(key: u32, index: usize, decision: Decision) {
    let Some(a) = ROWS.with(|rows| {
        rows.borrow().iter().find(|r| r.key == key).and_then(|r| match &r.line {
            FileLine::Imported { conflicts, .. } => conflicts.get(index).cloned().flatten(),
            _ => None,
        })
    }) else {
        return;
    };
    let outcome = match decision {
        Decision::Keep | Decision::Merge => {
            let title = t_with("share.copy_title", &[("title", &a.title)]);
            let mut copy = a.duplicate(new_id(), title.clone(), now_ms());
            // The file's comments come along (its approvals are of the other id and stay with it).
            copy.review = rai_assess::review::comments_of([&a.review]);
            match library().and_then(|mut lib| lib.create(copy, pack()).map_err(|e| e.to_string())) {
                Ok(added) => {
                    changed();
                    if let Decision::Merge = decision {
                        rai_assess::page::go(&Route::Compare(vec![a.id.clone(), added.id]).href());
                        return;
                    }
                    t_with("share.kept_both", &[("title", &title)])
                }
                Err(e) => e,
            }
        }
        Decision::Replace => {
            let lib = library();
            // Replacing with an older copy loses the newer answers here: ask first.
            let older = lib
                .as_ref()
                .ok()
                .and_then(|l| l.load(&a.id).ok())
                .is_some_and(|here| here.updated > a.updated);
            if older && !confirm(t("share.replace_older")) {
                return;
            }
            match lib
                .and_then(|mut lib| lib.replace_with_file(&a, now_ms(), pack()).map_err(|e| e.to_string()))
            {
                Ok(saved) => {
                    changed();
                    // An approved version is never edited: the file's content is a new draft.
                    let here = rai_assess::review::standing(&saved);
                    // A draft or a draft in review; a superseded version says so on its own.
                    let draft = here.changed && here.status != rai_assess::review::Status::Superseded;
                    match here.approved.filter(|_| draft) {
                        Some(v) => t_with(
                            "share.replaced_draft",
                            &[("title", &a.title), ("version", &v.to_string())],
                        ),
                        None => t_with("share.replaced", &[("title", &a.title)]),
                    }
                }
                Err(e) => e,
            }
        }
    };
    ROWS.with(|rows| {
        if let Some(r) = rows.borrow_mut().iter_mut().find(|r| r.key == key) {
            if let FileLine::Imported { summary, conflicts, .. } = &mut r.line {
                if let Some(slot) = conflicts.get_mut(index) {
                    *slot = None;
                }
                summary.push(' ');
                summary.push_str(&outcome);
            }
        }
    });
    redraw(key);
}
