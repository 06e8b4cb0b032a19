//! The page's language in the browser: the remembered choice, the browser's preferences, `lang` and
//! `dir` on the document, and loading the page again in another language.

use crate::core::language::STORAGE_KEY;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on this device before, if any.
pub fn stored() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// The browser's preferred languages, most preferred first ("fr-CA", "en").
pub fn preferred() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    window.navigator().languages().iter().filter_map(|l| l.as_string()).collect()
}

/// Sets `lang` and `dir` on the document, so the browser, screen readers and the styles follow.
pub fn apply(lang: &str, dir: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Remembers `lang` and loads the page again in it. Unsaved answers are saved by the views'
/// `pagehide` handlers, as on any reload. The error is a sentence for the user, in the page's language.
pub fn switch_to(lang: &str) -> Result<(), String> {
    let unavailable = || crate::core::content::t("nav.language_failed").to_string();
    storage().ok_or_else(unavailable)?.set_item(STORAGE_KEY, lang).map_err(|_| unavailable())?;
    web_sys::window().ok_or_else(unavailable)?.location().reload().map_err(|_| unavailable())
}
