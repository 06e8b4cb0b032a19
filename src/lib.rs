//! RAI Assess: responsible-AI assessments for law enforcement, run entirely in the browser.
//!
//! `core` is the pure domain (no browser APIs), `browser` the adapters to browser APIs, `ui` the Leptos
//! views. Only what the binary and the tests need is exported, from the block below.

#![forbid(unsafe_code)]

mod browser;
mod core;
mod ui;

pub use crate::browser::{crypto, download, files, office, page, storage, system};
pub use crate::core::content::{install as install_pack, is_installed, model, pack, strings, validate};
#[cfg(not(target_arch = "wasm32"))]
pub use crate::core::content::{source, translation};
pub use crate::core::route::Route;
pub use crate::core::APP_VERSION;
pub use crate::core::{
    answer_file, assessment, backup, csv, dates, editor, exports, guidance, imports, input, library,
    register, render, report, review, risk, scoring, upgrade, workbook,
};
pub use crate::ui::app::App;
pub use crate::ui::i18n::{t, t_with};

/// Mounts the app on `<body>`; it marks the page ready once its content is on screen.
pub fn start() {
    // The page's language is settled before anything is drawn: the shell's strings and the pack file
    // fetched follow it.
    let offered: Vec<&str> = core::content::languages().collect();
    let stored = browser::language::stored();
    let lang = core::language::pick(stored.as_deref(), &browser::language::preferred(), &offered);
    let lang = core::content::choose_language(lang);
    browser::language::apply(lang, core::language::direction(lang));
    leptos::mount::mount_to_body(App);
}
