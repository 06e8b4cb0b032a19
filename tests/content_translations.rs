//! Translations of the content pack: every offered language has the English pack's structure with its
//! own texts, and a translation that is incomplete, has extra texts, is left in English or changes
//! placeholders is refused with a message naming the file and the text.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/content_copy.rs"]
mod content_copy;
use content_copy::copy_dir;

use rai_assess::source::load_dir;
use std::path::{Path, PathBuf};

/// A private copy of `content/` with `file` changed by `edit`; the problems loading it gives.
fn refused(name: &str, file: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("rai-assess-translation-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("content"), &dir);
    let path: PathBuf = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read file");
    std::fs::write(&path, edit(text)).expect("write file");
    let problems = match load_dir(&dir) {
        Ok(_) => panic!("a broken translation was accepted ({name})"),
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

/// The first translated language, for breaking copies of.
fn translated() -> String {
    let loaded = load_dir(Path::new("content")).expect("shipped pack loads");
    loaded.translations.keys().next().expect("at least one translation ships").clone()
}

#[test]
fn every_offered_language_has_the_english_structure_with_its_own_texts() {
    let loaded = load_dir(Path::new("content")).expect("shipped pack loads");
    let offered: Vec<&str> = loaded.pack.info.languages.iter().map(|l| l.as_ref()).collect();
    assert!(offered.len() > 1, "the app is offered in more than English");
    for lang in offered.iter().filter(|l| **l != "en") {
        let t = &loaded.translations[*lang];
        let en = &loaded.pack;
        let ids = |p: &rai_assess::model::Pack| -> Vec<String> {
            p.readiness.dimensions.iter().flat_map(|d| d.questions.iter().map(|q| q.id.to_string())).collect()
        };
        assert_eq!(ids(t), ids(en), "{lang}: the same questions in the same order");
        let (q, q_en) = (&t.readiness.dimensions[0].questions[0], &en.readiness.dimensions[0].questions[0]);
        assert_ne!(q.text, q_en.text, "{lang}: the question is in the language");
        assert_eq!(q.principles, q_en.principles, "{lang}: tags are ids, not translated");
        assert_eq!(t.risk.matrix, en.risk.matrix, "{lang}: the risk matrix is the same");
        assert_ne!(t.risk.templates[0].title, en.risk.templates[0].title);
        assert!(loaded.strings.contains_key(*lang), "{lang}: UI strings ship");
    }
}

#[test]
fn every_translation_was_made_from_the_english_as_it_reads_now() {
    let loaded = load_dir(Path::new("content")).expect("shipped pack loads");
    let stale: Vec<String> = loaded.stale.iter().take(20).map(|p| format!("{}: {}", p.file, p.id)).collect();
    assert!(stale.is_empty(), "{} translation(s) to check, the first: {stale:#?}", loaded.stale.len());
}

#[test]
fn a_changed_english_text_makes_its_translation_stale() {
    let dir = std::env::temp_dir().join(format!("rai-assess-translation-{}-stale", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("content"), &dir);
    let path = dir.join("risk.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    let name = "name = \"Risk assessment of one AI system\"";
    assert!(text.contains(name), "update this test: the risk name changed");
    std::fs::write(&path, text.replacen(name, "name = \"Risk assessment of one AI-based system\"", 1))
        .expect("write");
    let loaded = load_dir(&dir).expect("a changed English text still builds");
    let _ = std::fs::remove_dir_all(&dir);
    let lang = translated();
    assert!(
        loaded.stale.iter().any(|p| p.file == format!("lang/{lang}/risk.toml") && p.id == "name"),
        "{:?}",
        loaded.stale
    );
}

#[test]
fn a_missing_translation_is_refused_naming_the_text() {
    let lang = translated();
    let problems = refused("missing", &format!("lang/{lang}/risk.toml"), |text| {
        text.lines().filter(|l| !l.starts_with("\"name\" = ")).collect::<Vec<_>>().join("\n")
    });
    assert!(
        problems.iter().any(|p| p.contains(&format!("lang/{lang}/risk.toml"))
            && p.contains("name")
            && p.contains("has no translation")),
        "{problems:?}"
    );
}

#[test]
fn a_translation_left_in_english_is_refused() {
    let lang = translated();
    let english_name = load_dir(Path::new("content")).expect("loads").pack.risk.name.to_string();
    let problems = refused("english", &format!("lang/{lang}/risk.toml"), |text| {
        text.lines()
            .map(|l| {
                if l.starts_with("\"name\" = ") {
                    format!("\"name\" = {english_name:?}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert!(problems.iter().any(|p| p.contains("left in English")), "{problems:?}");
}

#[test]
fn a_ui_string_with_other_placeholders_is_refused() {
    let lang = translated();
    let problems = refused("placeholder", &format!("strings/{lang}.toml"), |text| {
        text.replacen("{count}", "{total}", 1)
    });
    assert!(
        problems.iter().any(|p| p.contains(&format!("strings/{lang}.toml")) && p.contains("placeholders")),
        "{problems:?}"
    );
}

#[test]
fn a_text_a_translation_invents_is_refused() {
    let lang = translated();
    let problems = refused("extra", &format!("lang/{lang}/workbook.toml"), |text| {
        format!("{text}\n\"stage[nowhere].intro\" = \"x y\"\n")
    });
    assert!(
        problems.iter().any(|p| p.contains("stage[nowhere].intro") && p.contains("translates no text")),
        "{problems:?}"
    );
}

#[test]
fn month_names_out_of_place_are_refused() {
    let lang = translated();
    let problems = refused("months", &format!("strings/{lang}.toml"), |text| {
        // "|janvier|février|…": an empty first part, and every month one place late.
        text.replacen("months = \"", "months = \"|", 1)
    });
    assert!(
        problems.iter().any(|p| p.contains("dates.months") && p.contains("expected 12 parts")),
        "{problems:?}"
    );
}
