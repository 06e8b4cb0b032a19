//! The content pack: its model, its validation, and the copy the app works with.
//!
//! The pack's text and its UI strings do not live in the wasm (only the shell's strings do): `build.rs`
//! writes them as a postcard file that the app
//! fetches right after start (see `browser::content`) and hands to [`install`]. Until then [`pack`] is
//! an empty pack with the real [`PackInfo`], and the views that need content wait (see `ui::app`). On the
//! host (build tools and tests) the same file is compiled in and decoded on first use.

pub mod digest;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation;
pub mod validate;

use model::{Pack, PackInfo};
use std::fmt;
use std::sync::OnceLock;

/// What `build.rs` generated from `content/` after validating it.
mod embedded {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/pack.rs"));
    include!(concat!(env!("OUT_DIR"), "/strings.rs"));
}

/// The languages the app is offered in, reference language first.
pub fn languages() -> impl Iterator<Item = &'static str> {
    embedded::FILES.iter().map(|(lang, _, _)| *lang)
}

/// The name of `lang`'s pack file next to `index.html`, with its fingerprint in it.
pub fn file_name(lang: &str) -> Option<&'static str> {
    embedded::FILES.iter().find(|(l, _, _)| *l == lang).map(|(_, name, _)| *name)
}

/// A pack file's content: its language, the pack, and every UI string sorted by key.
struct Installed {
    lang: String,
    pack: Pack,
    strings: Vec<(String, String)>,
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();
/// The language chosen for this page, before its pack file is installed (see [`choose_language`]).
static CHOSEN: OnceLock<&'static str> = OnceLock::new();

/// Makes `lang` the language of this page if the app is offered in it, and returns the language the
/// page is in. A page keeps one language: changing it loads the page again (see `ui::language`).
pub fn choose_language(lang: &str) -> &'static str {
    if let Some(known) = languages().find(|l| *l == lang) {
        let _ = CHOSEN.set(known);
    }
    language()
}

/// The language of this page: the installed pack's, else the chosen one, else English.
pub fn language() -> &'static str {
    match installed() {
        Some(i) => languages().find(|l| *l == i.lang).unwrap_or("en"),
        None => CHOSEN.get().copied().unwrap_or("en"),
    }
}

/// Whether the page's language is written right to left (charts, tables and documents mirror).
pub fn right_to_left() -> bool {
    crate::core::language::is_right_to_left(language())
}

/// The mark before decimals in the page's language ("62,5" in French).
pub fn decimal_mark() -> char {
    crate::core::language::decimal_mark(language())
}

/// The content pack: the installed one, or an empty pack with the real identity before that.
pub fn pack() -> &'static Pack {
    installed().map(|i| &i.pack).unwrap_or_else(|| {
        static EMPTY: OnceLock<Pack> = OnceLock::new();
        EMPTY.get_or_init(|| Pack {
            info: info().clone(),
            vocabulary: Default::default(),
            readiness: Default::default(),
            risk: Default::default(),
            workbook: Default::default(),
            changes: Default::default(),
        })
    })
}

/// The installed pack file. On the host (tests, tools) the compiled-in English one is installed on
/// first use, whichever of the pack or its strings is asked for first.
fn installed() -> Option<&'static Installed> {
    #[cfg(not(target_arch = "wasm32"))]
    if INSTALLED.get().is_none() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
        // Cannot fail: build.rs wrote these bytes from this model; the tests would say otherwise.
        let _ = install(bytes);
    }
    INSTALLED.get()
}

/// The pack's identity, available before the pack file has arrived.
pub fn info() -> &'static PackInfo {
    &embedded::INFO
}

/// Whether the pack file has been installed, so that [`pack`] has content.
pub fn is_installed() -> bool {
    INSTALLED.get().is_some()
}

/// Why a pack file was not installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallError {
    /// The bytes are not the file this build of the app was made with (stale cache, wrong server files).
    NotOurs { expected: u64, found: u64 },
    /// The fingerprint matched but the bytes do not decode: a bug, since build.rs wrote them. (The
    /// decoder's own words are left out: their text would join the first load, 0.3 KB, for a case
    /// that the build's tests rule out.)
    Undecodable,
}

impl fmt::Display for InstallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The fingerprints or the decoder's words: a technical detail for whoever set up the server.
            InstallError::NotOurs { expected, found } => f.write_str(&t_with(
                "content.not_ours",
                &[("detail", &format!("{found:016x} ≠ {expected:016x}"))],
            )),
            InstallError::Undecodable => {
                f.write_str(&t_with("content.not_ours", &[("detail", "fingerprint matches, decoding fails")]))
            }
        }
    }
}

/// Checks and decodes a pack file and makes it the pack of this app. Installing twice keeps the first.
pub fn install(bytes: &[u8]) -> Result<(), InstallError> {
    if !is_installed() {
        let (lang, pack, strings) = decode(bytes)?;
        let _ = INSTALLED.set(Installed { lang, pack, strings });
    }
    Ok(())
}

/// Checks that `bytes` are one of this build's pack files and decodes them: the language, the pack
/// and its UI strings.
#[allow(clippy::type_complexity)]
pub fn decode(bytes: &[u8]) -> Result<(String, Pack, Vec<(String, String)>), InstallError> {
    let found = digest::fnv1a64(bytes);
    if !embedded::FILES.iter().any(|(_, _, f)| *f == found) {
        let expected = embedded::FILES.iter().find(|(l, _, _)| *l == language()).map_or(0, |(_, _, f)| *f);
        return Err(InstallError::NotOurs { expected, found });
    }
    postcard::from_bytes(bytes).map_err(|_| InstallError::Undecodable)
}

/// The shell's UI strings in the page's language.
fn shell_strings() -> &'static [(&'static str, &'static str)] {
    let lang = language();
    embedded::SHELL_STRINGS.iter().find(|(l, _)| *l == lang).map_or(&[], |(_, table)| table)
}

/// The UI strings of the page's language, sorted by key: all of them once the pack file is
/// installed, the shell's before.
pub fn strings() -> Vec<(&'static str, &'static str)> {
    match installed() {
        Some(i) => i.strings.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        None => shell_strings().to_vec(),
    }
}

/// The UI string for `key`, if there is one.
pub fn string(key: &str) -> Option<&'static str> {
    if let Some(i) = installed() {
        let table = &i.strings;
        return table.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|n| table[n].1.as_str());
    }
    let table = shell_strings();
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|n| table[n].1)
}

/// The UI string for `key`, for the app and the documents it writes alike. A missing key shows as the
/// key itself (tests guarantee there are none), easier to spot and report than an empty label.
pub fn t(key: &'static str) -> &'static str {
    string(key).unwrap_or(key)
}

/// The UI string for `key` with each `{name}` replaced by its value.
pub fn t_with(key: &'static str, values: &[(&str, &str)]) -> String {
    values.iter().fold(t(key).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_another_build_is_refused_and_names_both_fingerprints() {
        let e = decode(b"not a pack").expect_err("refused");
        assert!(matches!(e, InstallError::NotOurs { .. }));
        assert!(e.to_string().contains("not the one this version"));
        let real = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
        let truncated = &real[..real.len() / 2];
        assert!(matches!(decode(truncated), Err(InstallError::NotOurs { .. })));
    }

    #[test]
    fn the_compiled_in_file_decodes_to_the_pack_the_sources_describe() {
        let from_sources = source::load_dir(std::path::Path::new("content")).expect("pack loads");
        assert_eq!(pack(), &from_sources.pack);
        let strings: Vec<(String, String)> = from_sources.strings["en"].clone().into_iter().collect();
        assert_eq!(super::strings().len(), strings.len(), "every UI string travels in the pack file");
        assert_eq!(language(), "en");
        assert!(is_installed());
        assert_eq!(info(), &from_sources.pack.info);
    }
}
