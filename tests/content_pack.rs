//! The content pack: the shipped one is valid and complete, and broken copies are refused with a message
//! naming the file, the id and the problem (the same checks stop `build.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/content_copy.rs"]
mod content_copy;
use content_copy::copy_dir;

use rai_assess::source::load_dir;
use rai_assess::validate::{Problem, REQUIRED_PRINCIPLES};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn shipped() -> rai_assess::source::LoadedPack {
    load_dir(Path::new("content")).unwrap_or_else(|problems| {
        panic!(
            "shipped pack is invalid:\n{}",
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
        )
    })
}

/// A private copy of `content/` to break on purpose.
fn copy_of_content() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "rai-assess-pack-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("content"), &dir);
    dir
}

/// Replaces the first occurrence of `from` in `file`; the snippet must exist, or the test is stale.
fn break_file(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read pack file");
    assert!(text.contains(from), "snippet {from:?} not found in {file}: update this test");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write pack file");
}

/// Loads the broken copy and asserts one problem names this file and id and says this.
fn assert_refused(dir: &Path, file: &str, id: &str, message: &str) -> Vec<Problem> {
    let problems = match load_dir(dir) {
        Ok(_) => panic!("a broken pack was accepted ({file}: {id}: {message})"),
        Err(problems) => problems,
    };
    let _ = std::fs::remove_dir_all(dir);
    assert!(
        problems.iter().any(|p| p.file == file && p.id == id && p.message.contains(message)),
        "expected `{file}: {id}: …{message}…` among:\n{}",
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    );
    problems
}

#[test]
fn shipped_pack_is_valid_and_embedded_unchanged() {
    let loaded = shipped();
    assert_eq!(&loaded.pack, rai_assess::pack(), "the app embeds exactly the pack in content/");
    let embedded: Vec<(String, String)> =
        rai_assess::strings().iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let on_disk: Vec<(String, String)> = loaded.strings["en"].clone().into_iter().collect();
    assert_eq!(embedded, on_disk, "the app embeds exactly strings/en.toml, sorted by key");
    assert_eq!(rai_assess::t("nav.about"), "About");
}

// The floor for a pack worth using: these counts are reported in the issue note.
#[test]
fn shipped_pack_has_the_content_the_tools_need() {
    let pack = shipped().pack;
    let v = &pack.vocabulary;
    let ids: BTreeSet<&str> = v.principles.iter().map(|p| p.id.as_ref()).collect();
    assert!(REQUIRED_PRINCIPLES.iter().all(|p| ids.contains(p)));
    assert_eq!(v.principles.iter().filter(|p| p.parent.is_none()).count(), 5);
    assert_eq!(v.principles.iter().filter(|p| p.parent.is_some()).count(), 17);
    assert_eq!(v.stages.len(), 6);
    assert_eq!(v.application_types.len(), 5);
    assert!(v.terms.len() >= 30, "glossary has {} terms", v.terms.len());

    let r = &pack.readiness;
    assert!(r.dimensions.len() >= 8);
    assert!(r.dimensions.iter().all(|d| (5..=8).contains(&d.questions.len())));
    assert!(r.dimensions.iter().map(|d| d.questions.len()).sum::<usize>() >= 48);

    let risk = &pack.risk;
    assert!(risk.screening.len() >= 40);
    for p in v.principles.iter().filter(|p| p.parent.is_some()) {
        let n = risk.screening.iter().filter(|s| s.principle == p.id).count();
        assert!(n >= 2, "{} has {n} screening question(s)", p.id);
    }
    let conditional_on = |field: &str, value: &str| {
        risk.screening
            .iter()
            .any(|s| s.show_if.iter().any(|c| c.field == field && c.any_of.iter().any(|v| v == value)))
    };
    assert!(conditional_on("face_mode", "1ton"), "1:N face identification questions");
    assert!(conditional_on("prediction_subject", "individuals"), "predictions about individuals");
    assert_eq!(risk.likelihood.len(), 5);
    assert_eq!(risk.severity.len(), 5);

    for stage in pack.workbook.stages.iter() {
        assert!(stage.prompts.len() >= 6, "{} has {} prompts", stage.stage, stage.prompts.len());
        assert!(!stage.checks.is_empty());
    }
}

#[test]
fn duplicate_ids_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "readiness.toml", "id = \"R1.2\"", "id = \"R1.1\"");
    assert_refused(&dir, "readiness.toml", "R1.1", "id is used more than once");
}

#[test]
fn tags_that_do_not_resolve_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "proposes = \"T-legal-basis\"", "proposes = \"T-no-such-template\"");
    assert_refused(&dir, "risk.toml", "S1.1.1", "unknown template \"T-no-such-template\"");
}

#[test]
fn a_prompt_related_to_a_question_that_does_not_exist_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "workbook.toml", "related = [\"S1.1.1\"", "related = [\"S9.9.9\"");
    assert_refused(&dir, "workbook.toml", "W1.3", "`related` refers to unknown id \"S9.9.9\"");
}

#[test]
fn a_band_that_skips_a_level_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "readiness.toml", "levels = [0, 1]", "levels = [0]");
    assert_refused(&dir, "readiness.toml", "developing", "band lists level 2 where level 1 comes next");
}

#[test]
fn bands_that_leave_a_level_out_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "readiness.toml", "levels = [4]", "levels = []");
    assert_refused(&dir, "readiness.toml", "leading", "band names no maturity level");
}

#[test]
fn a_malformed_legal_reference_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "refs = [\"AI Act Art. 5(1)(e)\"]", "refs = [\"AIA art 5.1.e\"]");
    assert_refused(&dir, "risk.toml", "prohibited_practices.face-scraping", "is not a reference");
}

#[test]
fn a_template_must_name_at_least_one_right_and_only_rights_that_exist() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "rights = [\"environment\"]", "rights = []");
    assert_refused(&dir, "risk.toml", "T-environmental-footprint", "`rights` needs at least 1 item(s)");
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "rights = [\"environment\"]", "rights = [\"planet\"]");
    assert_refused(
        &dir,
        "risk.toml",
        "T-environmental-footprint",
        "`rights` refers to unknown id \"planet\"",
    );
}

#[test]
fn a_right_must_cite_well_formed_articles() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "refs = [\"EU Charter Art. 37\"]", "refs = [\"Charter 37\"]");
    assert_refused(&dir, "risk.toml", "environment", "is not a reference");
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "refs = [\"EU Charter Art. 37\"]", "refs = []");
    assert_refused(&dir, "risk.toml", "environment", "a right needs `refs`");
}

#[test]
fn a_reference_the_label_does_not_show_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "refs = [\"AI Act Art. 5(1)(e)\"]", "refs = [\"AI Act Art. 5(1)(c)\"]");
    assert_refused(
        &dir,
        "risk.toml",
        "prohibited_practices.face-scraping",
        "does not name its reference \"Art. 5(1)(c)\"",
    );
}

#[test]
fn a_reference_named_only_in_part_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "refs = [\"AI Act Art. 5(1)(e)\"]", "refs = [\"AI Act Art. 5\"]");
    assert_refused(
        &dir,
        "risk.toml",
        "prohibited_practices.face-scraping",
        "does not name its reference \"Art. 5\"",
    );
}

#[test]
fn an_implied_practice_must_name_real_fields() {
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "{ field = \"public_space\", any_of = [\"yes\"] }]",
        "{ field = \"public_spaces\", any_of = [\"yes\"] }]",
    );
    assert_refused(
        &dir,
        "risk.toml",
        "prohibited_practices.realtime-rbi",
        "`implied_if` refers to unknown or free-text profile field \"public_spaces\"",
    );
}

#[test]
fn duties_not_asked_for_every_high_risk_use_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "\"asylum-visa\", \"migration-identification\"] }]", "\"asylum-visa\"] }]");
    assert_refused(&dir, "risk.toml", "deployer_duties", "any option of \"high_risk_uses\" is ticked");
}

#[test]
fn an_exception_asked_for_an_option_not_listed_is_refused() {
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "any_of = [\"emotion-workplace\", \"realtime-rbi\"] }]",
        "any_of = [\"emotion-workplace\", \"none\"] }]",
    );
    assert_refused(
        &dir,
        "risk.toml",
        "prohibited_exception",
        "some options of \"prohibited_practices\" (those that admit an exception)",
    );
}

#[test]
fn the_critical_items_are_the_four_the_method_names() {
    let critical: Vec<&str> = rai_assess::pack()
        .readiness
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter())
        .filter(|q| q.critical)
        .map(|q| q.id.as_ref())
        .collect();
    // Legal review, impact assessment, logs, the power to suspend: what the method text names.
    assert_eq!(critical, ["R3.1", "R3.2", "R6.4", "R9.3"]);
}

/// The first matrix row as written in risk.toml.
const MATRIX_ROW_1: &str = "[\"low\",    \"low\",    \"low\",    \"medium\",   \"high\"]";

#[test]
fn matrix_cells_must_be_defined_levels() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", MATRIX_ROW_1, "[\"low\", \"low\", \"low\", \"severe\", \"high\"]");
    assert_refused(
        &dir,
        "risk.toml",
        "matrix[likelihood 1][severity 4]",
        "\"severe\" is not a defined risk level",
    );
}

#[test]
fn a_matrix_that_falls_as_risk_rises_is_refused() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", MATRIX_ROW_1, "[\"low\", \"low\", \"low\", \"medium\", \"low\"]");
    assert_refused(&dir, "risk.toml", "matrix[likelihood 1][severity 5]", "level falls");
}

#[test]
fn conditionals_must_name_real_fields_and_values() {
    let dir = copy_of_content();
    let shown_if = "show_if = [{ field = \"face_mode\", any_of = [\"1ton\"] }]";
    break_file(&dir, "risk.toml", shown_if, &shown_if.replace("1ton", "1-to-n"));
    let problems = assert_refused(
        &dir,
        "risk.toml",
        "S1.3.3",
        "value \"1-to-n\" is not an option of field \"face_mode\"",
    );
    // The translations apply to the same broken English, so they are refused for it too.
    assert!(problems.iter().all(|p| p.file.ends_with("risk.toml")));
}

/// Replaces the whole line that follows `anchor` (e.g. the `text = ...` line after an id) with `line`.
fn replace_line_after(dir: &Path, file: &str, anchor: &str, line: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read pack file");
    let start = text.find(anchor).unwrap_or_else(|| panic!("{anchor:?} not in {file}: update this test"))
        + anchor.len();
    let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
    std::fs::write(path, format!("{}{line}{}", &text[..start], &text[end..])).expect("write pack file");
}

#[test]
fn empty_text_is_refused() {
    let dir = copy_of_content();
    replace_line_after(&dir, "workbook.toml", "id = \"W1.1\"\n", "text = \"   \"");
    assert_refused(&dir, "workbook.toml", "W1.1", "`text` is empty");
}

// Placeholder words are caught anywhere in a text, in any case, not only at its start.
#[test]
fn placeholder_text_is_refused() {
    let dir = copy_of_content();
    replace_line_after(
        &dir,
        "workbook.toml",
        "id = \"W1.1\"\n",
        "text = \"Write this prompt later, TODO before release.\"",
    );
    assert_refused(&dir, "workbook.toml", "W1.1", "placeholder text \"todo\"");

    let dir = copy_of_content();
    replace_line_after(&dir, "workbook.toml", "id = \"W1.1\"\n", "text = \"Lorem ipsum dolor sit amet.\"");
    assert_refused(&dir, "workbook.toml", "W1.1", "placeholder text \"lorem\"");
}

#[test]
fn a_broken_toml_file_is_named() {
    let dir = copy_of_content();
    replace_line_after(&dir, "workbook.toml", "id = \"W1.1\"\n", "text = \"unterminated");
    assert_refused(&dir, "workbook.toml", "-", "not valid for this format");
}

// Ids appear in addresses and element ids: a space or an accent would break links silently.
#[test]
fn ids_that_cannot_appear_in_an_address_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "vocabulary.toml", "id = \"false-positive\"", "id = \"false positive\"");
    assert_refused(&dir, "vocabulary.toml", "false positive", "ids may only use");
}

#[test]
fn misspelt_keys_are_refused() {
    let dir = copy_of_content();
    break_file(&dir, "readiness.toml", "why = ", "wyh = ");
    assert_refused(&dir, "readiness.toml", "-", "unknown field `wyh`");
}

#[test]
fn every_principle_of_the_toolkit_must_be_present_and_screened() {
    let dir = copy_of_content();
    break_file(&dir, "vocabulary.toml", "id = \"P4.2\"", "id = \"P4.9\"");
    assert_refused(&dir, "vocabulary.toml", "P4.2", "principle of the toolkit's structure is missing");

    let dir = copy_of_content();
    let risk = std::fs::read_to_string(dir.join("risk.toml")).expect("read");
    std::fs::write(dir.join("risk.toml"), risk.replace("principle = \"P5.2\"", "principle = \"P5.1\""))
        .expect("write");
    assert_refused(&dir, "risk.toml", "P5.2", "no screening question covers this principle");
}

// A second language is only a file, but it must carry every key of the reference language.
#[test]
fn every_language_file_has_every_key() {
    let dir = copy_of_content();
    std::fs::write(dir.join("strings/fr.toml"), "[nav]\nabout = \"À propos\"\nextra = \"En trop\"\n")
        .expect("write");
    let problems = assert_refused(&dir, "strings/fr.toml", "nav.home", "key is missing");
    assert!(problems.iter().any(|p| p.id == "nav.extra" && p.message.contains("not in strings/en.toml")));
}

#[test]
fn a_missing_file_is_named() {
    let dir = copy_of_content();
    std::fs::remove_file(dir.join("workbook.toml")).expect("remove");
    assert_refused(&dir, "workbook.toml", "-", "cannot read");
}

#[test]
fn a_changed_id_must_be_gone_from_the_pack_and_point_at_items_it_has() {
    let dir = copy_of_content();
    break_file(&dir, "changes.toml", "id = \"S1.1.2\"", "id = \"S1.1.3\"");
    assert_refused(&dir, "changes.toml", "S1.1.3", "the pack still has this id");
    let dir = copy_of_content();
    break_file(&dir, "changes.toml", "now = [\"S1.1.1\"]", "now = [\"S1.1.9\"]");
    assert_refused(&dir, "changes.toml", "S1.1.2", "`now` refers to unknown item \"S1.1.9\"");
    let dir = copy_of_content();
    break_file(&dir, "changes.toml", "since = \"1.2.0\"", "since = \"9.0.0\"");
    assert_refused(&dir, "changes.toml", "S1.1.2", "`since` is later than the pack's version");
}

#[test]
fn renamed_values_need_one_successor_that_offers_them() {
    let dir = copy_of_content();
    break_file(&dir, "changes.toml", "to = \"yes\"", "to = \"maybe\"");
    assert_refused(
        &dir,
        "changes.toml",
        "S2.3.6",
        "`values` maps to \"maybe\", which \"output_in_record\" does not offer",
    );
    let dir = copy_of_content();
    break_file(
        &dir,
        "changes.toml",
        "now = [\"output_in_record\"]",
        "now = [\"output_in_record\", \"S2.3.7\"]",
    );
    assert_refused(&dir, "changes.toml", "S2.3.6", "`values` needs exactly one item in `now`");
}

#[test]
fn a_question_must_say_who_should_answer_it_with_a_known_role() {
    let dir = copy_of_content();
    break_file(&dir, "risk.toml", "ask = \"legal\"", "ask = \"judge\"");
    assert_refused(&dir, "risk.toml", "S1.1.1", "`ask` refers to unknown id \"judge\"");
}

#[test]
fn a_condition_on_several_fields_must_name_real_fields_and_their_values() {
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "field = \"application_type|timing|sourcing\"",
        "field = \"application_type|weather\"",
    );
    assert_refused(&dir, "risk.toml", "S2.1.3", "unknown or free-text profile field \"weather\"");
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "any_of = [\"content-generation\", \"live\"",
        "any_of = [\"content-generation\", \"sunny\"",
    );
    assert_refused(
        &dir,
        "risk.toml",
        "S2.1.3",
        "value \"sunny\" is not an option of field \"application_type|timing|sourcing\"",
    );
}

#[test]
fn a_profile_field_may_only_depend_on_fields_asked_before_it() {
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "show_if = [{ field = \"application_type\", any_of = [\"content-generation\", \"text-speech\"] }]\n\n[[profile_field]]\nid = \"decision_path\"",
        "show_if = [{ field = \"application_type|redress_choice\", any_of = [\"content-generation\", \"text-speech\"] }]\n\n[[profile_field]]\nid = \"decision_path\"",
    );
    assert_refused(
        &dir,
        "risk.toml",
        "output_in_record",
        "unknown or free-text profile field \"redress_choice\"",
    );
    let dir = copy_of_content();
    break_file(
        &dir,
        "risk.toml",
        "show_if = [{ field = \"application_type\", any_of = [\"content-generation\", \"text-speech\"] }]\n\n[[profile_field]]\nid = \"decision_path\"",
        "show_if = [{ field = \"application_type|decision_path\", any_of = [\"content-generation\", \"legal-effect\"] }]\n\n[[profile_field]]\nid = \"decision_path\"",
    );
    assert_refused(
        &dir,
        "risk.toml",
        "output_in_record",
        "names \"decision_path\", which is asked after this field",
    );
}
