//! The library page's export panel (`core::exports`), run in the tools module so the first load
//! carries none of it: the app keeps an empty section and calls `export_panel` with its id when the
//! library page opens, and `library_changed` whenever its library changes. The chosen assessments are
//! read from storage here, written as one answer file (sealed with the passphrase if one is given) and
//! downloaded; compared (the app's compare view); or moved to the bin, which the app is told of
//! (`library::CHANGED_EVENT`) so that it lists the library again.

use crate::panel::{self, Listener};
use crate::store::{library, tell_changed};
use rai_assess::answer_file;
use rai_assess::assessment::{Assessment, ContentRef};
use rai_assess::crypto::seal;
use rai_assess::download::download;
use rai_assess::exports::{
    choices_html, exportable, panel_html, refusal, strength_line, Act, CHOICES_ID, CHOICE_PREFIX, CONFIRM_ID,
    PASS_ID, STATUS_ID, STRENGTH_ID,
};
use rai_assess::library::Summary;
use rai_assess::page::go;
use rai_assess::system::{confirm, date_time, now_ms};
use rai_assess::upgrade::upgrade;
use rai_assess::{pack, t, t_with, Route};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

thread_local! {
    static PANEL: panel::Slot = const { RefCell::new(None) };
    /// The ids ticked, in the order they were ticked; kept while the list is drawn again.
    static SELECTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The live assessments, most recently edited first (as the library lists them).
fn live() -> Vec<Summary> {
    library()
        .and_then(|lib| lib.list(pack()).map_err(|e| e.to_string()))
        .map(|l| l.active)
        .unwrap_or_default()
}

/// Fills the library page's export section (by id) and listens on it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn export_panel(id: &str) {
    let Some(section) = panel::element(id) else { return };
    section.set_inner_html(&panel_html());
    // A new visit of the library page starts with nothing chosen, as the page's other controls do.
    SELECTED.with(|s| s.borrow_mut().clear());
    changed();
    panel::listen(&PANEL, section, &["click", "change", "input"], Listener::new(on_event));
}

/// The library changed: the list shows what is there now, with the choices still there kept.
pub fn changed() {
    let Some(list) = panel::element(CHOICES_ID) else { return };
    let active = live();
    let html = SELECTED.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|id| active.iter().any(|a| &a.id == id));
        choices_html(&active, &s)
    });
    list.set_inner_html(&html);
}

fn on_event(event: web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    match event.type_().as_str() {
        "change" if target.closest(&format!("#{CHOICES_ID}")).ok().flatten().is_some() => {
            let Some(id) = target.id().strip_prefix(CHOICE_PREFIX).map(str::to_string) else { return };
            let on = target.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            SELECTED.with(|s| {
                let mut s = s.borrow_mut();
                s.retain(|x| *x != id);
                if on {
                    s.push(id);
                }
            });
        }
        // Said as the user types; only the minimum length is enforced (see core::passphrase).
        "input" if target.id() == PASS_ID => {
            if let Some(line) = panel::element(STRENGTH_ID) {
                line.set_text_content(Some(&strength_line(&value(PASS_ID))));
            }
        }
        "click" => {
            let act = target.closest("[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act"));
            match act.map(|a| a.parse::<Act>()) {
                Some(Ok(Act::SelectAll)) => select_all(),
                Some(Ok(Act::Export)) => export(),
                Some(Ok(Act::Compare)) => compare(),
                Some(Ok(Act::Delete)) => delete(),
                Some(Err(e)) => web_sys::console::error_1(&e.to_string().into()),
                None => {}
            }
        }
        _ => {}
    }
}

fn value(id: &str) -> String {
    panel::element(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn clear(id: &str) {
    if let Some(input) = panel::element(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_value("");
    }
}

fn say(text: &str) {
    if let Some(status) = panel::element(STATUS_ID) {
        status.set_text_content(Some(text));
    }
}

fn selected() -> Vec<String> {
    SELECTED.with(|s| s.borrow().clone())
}

fn select_all() {
    SELECTED.with(|s| *s.borrow_mut() = live().into_iter().map(|a| a.id).collect());
    changed();
}

fn export() {
    let ids = selected();
    let (secret, again) = (value(PASS_ID), value(CONFIRM_ID));
    let list: Vec<Assessment> = match library() {
        Ok(lib) => ids
            .iter()
            .filter_map(|id| lib.load(id).ok().filter(|a| exportable(a).is_ok()))
            .map(|mut a| {
                upgrade(pack(), &mut a);
                a
            })
            .collect(),
        Err(e) => return say(&e),
    };
    if let Some(why) = refusal(ids.len(), &secret, &again) {
        return say(why);
    }
    // One that cannot be read is left out and the message says so: a backup never lacks one silently.
    let skipped = ids.len() - list.len();
    if list.is_empty() {
        return say(&t_with("share.skipped", &[("count", &skipped.to_string())]));
    }
    let left_out = if skipped > 0 {
        format!(" {}", t_with("share.skipped", &[("count", &skipped.to_string())]))
    } else {
        String::new()
    };
    let refs: Vec<&Assessment> = list.iter().collect();
    let now = now_ms();
    let date: String = date_time(now).chars().take(10).collect();
    // Every live assessment by id (a count could match with one binned elsewhere and one added).
    let all = live().iter().all(|a| list.iter().any(|l| l.id == a.id));
    let name = answer_file::file_name(&refs, all, &date, !secret.is_empty());
    let text = answer_file::write(&refs, &ContentRef::of(pack()), now);
    let count = list.len().to_string();
    if secret.is_empty() {
        if download(&name, "application/json", &text) && all {
            crate::backup::exported();
        }
        return say(&(t_with("share.exported", &[("count", &count), ("file", &name)]) + &left_out));
    }
    say(t("share.encrypting"));
    spawn_local(async move {
        let Ok(sealed) = seal(text.as_bytes(), &secret).await else {
            return say(t("share.crypto_unavailable"));
        };
        if download(&name, "application/json", &answer_file::write_sealed(&sealed)) && all {
            crate::backup::exported();
        }
        // The file is written: the passphrase does not stay on screen for the next person.
        clear(PASS_ID);
        clear(CONFIRM_ID);
        if let Some(line) = panel::element(STRENGTH_ID) {
            line.set_text_content(None);
        }
        say(&(t_with("share.exported_encrypted", &[("count", &count), ("file", &name)]) + &left_out));
    });
}

fn compare() {
    let ids = selected();
    if ids.len() < 2 {
        say(t("compare.need_two"));
    } else {
        go(&Route::Compare(ids).href());
    }
}

// Many at once (a batch of junk imported by mistake, a year's old work): the bin can restore them.
fn delete() {
    let ids = selected();
    if ids.is_empty() {
        return say(t("share.none_to_delete"));
    }
    if !confirm(&t_with("share.delete_confirm", &[("count", &ids.len().to_string())])) {
        return;
    }
    let (moved, problem) = match library().map(|mut lib| lib.delete_many(&ids, now_ms(), pack())) {
        Ok(Ok(n)) => (n, String::new()),
        Ok(Err((n, e))) => (n, format!("{e}. ")),
        Err(e) => (0, format!("{e}. ")),
    };
    SELECTED.with(|s| s.borrow_mut().clear());
    tell_changed();
    changed();
    say(&(problem + &t_with("share.deleted", &[("count", &moved.to_string())])));
}
