//! Answer files on the host: lossless round trip, one fixture per format version, refusal of newer
//! versions, a plain-words message for each kind of bad file, and a fuzz test of the reader.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[path = "support/strategies.rs"]
mod strategies;
use rai_assess::answer_file::{self, FileError, Opened, Sealed};
use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, Respondent};
use rai_assess::pack;
use rai_assess::register::{Decision, Status};
use rai_assess::render;
use std::time::{Duration, Instant};

fn content() -> ContentRef {
    ContentRef::of(pack())
}

fn sample(id: &str) -> Assessment {
    let mut a = Assessment {
        id: id.into(),
        kind: Kind::Readiness,
        title: "Northshire readiness".into(),
        subject: "Northshire Police".into(),
        respondent: Respondent { name: "A. Okafor".into(), role: "Ethics officer".into() },
        created: 1_790_000_000_000,
        updated: 1_790_000_900_000,
        content: content(),
        answers: Default::default(),
        notes: Default::default(),
        revision: 0,
        deleted: None,
        risk: Default::default(),
        workbook: Default::default(),
        review: Default::default(),
    };
    a.answers.insert("R1.1".into(), Answer::Level(3));
    a.answers.insert("R1.2".into(), Answer::DontKnow);
    a.notes.insert("R1.1".into(), "Signed </script><script>alert(1)</script> & \"quoted\"".into());
    a
}

fn plain(bytes: &[u8]) -> answer_file::Exported {
    match answer_file::open(bytes) {
        Ok(Opened::Plain(e)) => e,
        other => panic!("expected a plain file, got {other:?}"),
    }
}

fn error(text: &str) -> FileError {
    answer_file::open(text.as_bytes()).expect_err("refused")
}

#[test]
fn every_committed_fixture_opens_and_there_is_one_per_version() {
    let mut versions = 0;
    for entry in std::fs::read_dir("tests/fixtures/answer-files").expect("fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let file = plain(&bytes);
        assert!(!file.assessments.is_empty(), "{path:?}");
        versions += 1;
    }
    assert_eq!(versions, answer_file::FORMAT_VERSION as usize);
    let v1 = plain(&std::fs::read("tests/fixtures/answer-files/v1.json").expect("v1"));
    assert_eq!(v1.assessments[0].answers.get("R1.1"), Some(&Answer::Level(2)));
    assert_eq!(
        v1.assessments[0].notes.get("R1.1").map(String::as_str),
        Some("Strategy drafted. <b>not markup</b>")
    );
    let v4 = plain(&std::fs::read("tests/fixtures/answer-files/v4.json").expect("v4"));
    let book = &v4.assessments[0].workbook;
    assert_eq!(book.route, Some(rai_assess::workbook::Route::Buy));
    assert_eq!(book.log.len(), 3);
    assert_eq!(book.log[1].supersedes, "D1");
    assert_eq!(book.log[0].conditions[0].status, Status::InProgress);
    assert_eq!(book.log[2].recorded, None);
    assert!(book.override_of("decide").is_some_and(|o| o.given()) && book.is_complete("decide"));
    assert!(book.log.iter().all(|e| e.from.is_empty()), "format 4 has no provenance");
    let v5 = plain(&std::fs::read("tests/fixtures/answer-files/v5.json").expect("v5"));
    let log = &v5.assessments[0].workbook.log;
    assert_eq!((log[0].from.as_str(), log[3].from.as_str()), ("", "Ben Ode, D2"));
    let linked = v5.assessments[0].workbook.linked.as_ref().expect("a linked risk assessment");
    assert_eq!(linked.title, "Face search pilot: risk assessment");
    assert_eq!(v5.assessments[0].workbook.readiness.as_ref().map(|l| l.id.as_str()), Some("readiness-2026"));
    assert!(book.linked.is_none());
    let v2 = plain(&std::fs::read("tests/fixtures/answer-files/v2.json").expect("v2"));
    let risk = &v2.assessments[0].risk;
    assert_eq!(risk.register.len(), 2);
    assert_eq!((risk.register[0].likelihood, risk.register[0].severity), (3, 5));
    assert_eq!(risk.register[0].mitigations[0].status, Status::InProgress);
    assert_eq!(risk.register[0].decision, Some(Decision::Treat));
    assert_eq!(risk.dismissed.get("T-osint-collection").map(String::as_str), Some("No online data is used."));
    assert_eq!(risk.snapshots[0].register[0].likelihood, 4);
    // Before format 6 a risk had no rights: one from a template takes the template's, one written by
    // hand none.
    let template = pack().risk.templates.iter().find(|t| t.id == "T-legal-basis").expect("template");
    assert_eq!(risk.register[0].rights, template.rights.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    assert!(!risk.register[0].rights.is_empty());
    assert!(risk.register[1].rights.is_empty());
    let v6 = plain(&std::fs::read("tests/fixtures/answer-files/v6.json").expect("v6"));
    let risk = &v6.assessments[0].risk;
    assert_eq!(risk.register[0].rights, ["liberty", "privacy"], "the file's rights, in its order");
    assert!(risk.register[1].rights.is_empty(), "rights cleared stay cleared");
    assert_eq!(risk.snapshots[0].register[0].rights, ["privacy"]);
}

// Each broken risk value is refused with its path, and nothing of the file is taken.
#[test]
fn a_broken_register_is_refused_with_where_it_is() {
    let good = std::fs::read_to_string("tests/fixtures/answer-files/v2.json").expect("v2");
    for (bad, expected) in [
        (
            good.replace("\"likelihood\": 3", "\"likelihood\": 9"),
            "risk.register[0].likelihood: expected a whole number from 0 to 5, found 9",
        ),
        (
            good.replace("\"in-progress\"", "\"someday\""),
            "risk.register[0].mitigations[0].status: expected planned, in-progress or done",
        ),
        (
            good.replace("\"2026-12-15\"", "\"15/12/2026\""),
            "risk.register[0].mitigations[0].due: expected a date such as 2026-12-31",
        ),
        (
            good.replace("\"treat\"", "\"ignore\""),
            "risk.register[0].decision: expected accept, treat, avoid, transfer or null",
        ),
        (good.replace("\"id\": \"K2\"", "\"id\": \"K1\""), "risk.register[1].id: expected a unique risk id"),
        (
            good.replace("\"dismissed\": {", "\"dismissed\": {\"T-x\": 3, "),
            "risk.dismissed.T-x: expected text, found 3",
        ),
        (good.replace("\"controls\": \"\",", ""), "risk.register[1]: expected a field \"controls\""),
    ] {
        assert_ne!(bad, good, "{expected}");
        let e = error(&bad).to_string();
        assert!(e.contains(expected), "{e}\n  expected: {expected}");
    }
}

// A decision log whose replacements go round in a circle is refused, with where.
#[test]
fn a_circle_of_superseded_decisions_is_refused() {
    let good = std::fs::read_to_string("tests/fixtures/answer-files/v5.json").expect("v5");
    let mut v: serde_json::Value = serde_json::from_str(&good).expect("json");
    v["assessments"][0]["workbook"]["log"][0]["supersedes"] = "D2".into();
    let e = error(&v.to_string()).to_string();
    assert!(e.contains("workbook.log[0].supersedes: expected another recorded entry, superseded once and never in a circle"), "{e}");
}

#[test]
fn the_example_in_the_docs_opens() {
    let doc = std::fs::read_to_string("docs/answer-file-example.json").expect("example");
    let file = plain(doc.as_bytes());
    assert_eq!(file.assessments.len(), 2);
    // Its fingerprints were computed with the Python lines in docs/answer-file-format.md.
    assert!(file.fingerprints.iter().all(|c| *c == answer_file::fingerprint::Check::Matches));
}

#[test]
fn a_newer_format_is_refused_naming_the_app_version_needed() {
    let text = r#"{"format":"rai-assess.answers","format_version":9,"app_version":"3.1.0","exported":0}"#;
    let e = error(text);
    assert_eq!(e, FileError::TooNew { version: 9, written_by: "3.1.0".into() });
    assert!(e.to_string().contains("Open it with RAI Assess 3.1.0 or later"), "{e}");
}

#[test]
fn each_kind_of_bad_file_names_its_problem() {
    let good = answer_file::write(&[&sample("a-1")], &content(), 5);
    let cases: Vec<(String, &str)> = vec![
        (
            "{\"format\": \"rai-assess.answers\",\n  \"format_version\": 1,,}".into(),
            "not valid JSON at line 2, column",
        ),
        (
            "{\"format\":\"cnil-pia\"}".into(),
            "expected \"format\": \"rai-assess.answers\", found \"format\": \"cnil-pia\"",
        ),
        ("[1,2]".into(), "found a list"),
        ("{}".into(), "no \"format\" field"),
        ("".into(), "the file is empty"),
        ("<html><body>Hello</body></html>".into(), "holds no answers"),
        (
            good.replace("\"v\":3", "\"v\":7"),
            "at assessments[0].answers.R1.1: expected a level from 0 to 4, found 7",
        ),
        (
            good.replace("\"v\":3", "\"v\":300"),
            "at assessments[0].answers.R1.1.v: expected a whole number from 0 to 255, found 300",
        ),
        (
            good.replace("\"kind\":\"readiness\"", "\"kind\":\"audit\""),
            "at assessments[0].kind: expected readiness, risk or workbook, found \"audit\"",
        ),
        (
            good.replace("\"title\":\"Northshire readiness\"", "\"title\":42"),
            "at assessments[0].title: expected text, found 42",
        ),
        (
            good.replace(
                &format!("\"format_version\":{}", answer_file::FORMAT_VERSION),
                "\"format_version\":0",
            ),
            "format 0 does not exist",
        ),
        (
            good.replace("\"id\":\"a-1\"", "\"id\":\"../../etc\""),
            "at assessments[0].id: expected up to 64 letters",
        ),
        (
            good.replace("\"t\":\"dont_know\"", "\"t\":\"maybe\""),
            "at assessments[0].answers.R1.2.t: expected level, dont_know",
        ),
        (good.replace(",\"notes\":{", ",\"notez\":{"), "found the field \"notez\""),
        (
            good.replace("\"subject\"", "\"subjekt\""),
            "at assessments[0]: found the field \"subjekt\", which this format does not have",
        ),
    ];
    for (text, expected) in cases {
        let message = error(&text).to_string();
        assert!(message.contains(expected), "for {text:.60}…\n  got: {message}\n  expected: {expected}");
    }
    assert!(
        error("\u{0}\u{159}").to_string().contains("not valid JSON")
            || matches!(error("\u{0}"), FileError::NotJson { .. })
    );
    let not_text = answer_file::open(&[0x7b, 0xff, 0xfe]).expect_err("refused");
    assert_eq!(not_text, FileError::NotText { at: 1 });
    let huge = vec![b' '; answer_file::MAX_BYTES as usize + 1];
    assert!(answer_file::open(&huge).expect_err("too large").to_string().contains("at most 10 MB"));
    let two = answer_file::write(&[&sample("x"), &sample("x")], &content(), 5);
    assert_eq!(error(&two), FileError::Duplicate { id: "x".into() });
}

#[test]
fn a_report_carries_its_answer_file_and_markup_in_notes_cannot_break_out() {
    let a = sample("r-1");
    let file = answer_file::write(&[&a], &content(), 5);
    let element = answer_file::embed_in_report(&file);
    assert_eq!(element.matches("</script>").count(), 1, "only the element's own end tag");
    let report = format!("<!DOCTYPE html><html><body><main>…</main>{element}</body></html>");
    assert_eq!(plain(report.as_bytes()).assessments, vec![a]);
}

#[test]
fn sealed_files_keep_their_parameters_and_weak_ones_are_refused() {
    let aad = answer_file::header_aad(answer_file::FORMAT_VERSION, 600_000, &[7; 16], &[9; 12]);
    let sealed =
        Sealed { iterations: 600_000, salt: vec![7; 16], nonce: vec![9; 12], ciphertext: vec![1; 40], aad };
    let text = answer_file::write_sealed(&sealed);
    assert_eq!(answer_file::open(text.as_bytes()), Ok(Opened::Encrypted(sealed.clone())));
    // The header the cipher authenticates names every parameter; a file from before version 3 has none.
    let header = String::from_utf8(sealed.aad.clone()).expect("text");
    assert_eq!(header, "rai-assess.answers\n8\nPBKDF2-SHA-256\n600000\nBwcHBwcHBwcHBwcHBwcHBw==\nAES-256-GCM\nCQkJCQkJCQkJCQkJ");
    let older = text.replace("\"format_version\":8", "\"format_version\":2");
    assert!(matches!(answer_file::open(older.as_bytes()), Ok(Opened::Encrypted(s)) if s.aad.is_empty()));
    let weak = text.replace("600000", "1000");
    assert!(error(&weak).to_string().contains("expected 600000 to 10000000, found 1000"));
    let bad_nonce = text.replace("CQkJCQkJCQkJCQkJ", "CQkJ");
    assert!(error(&bad_nonce).to_string().contains("encryption.nonce: expected 12 to 12 bytes, found 3"));
}

/// What a file carries: no revision, never in the bin.
fn assessment() -> impl Strategy<Value = Assessment> {
    strategies::assessment().prop_map(|a| Assessment { revision: 0, deleted: None, ..a })
}

/// One of the ways a file gets damaged: cut short, a byte changed, junk inserted, nested deeply.
fn mutate(text: &str, how: u8, at: usize, junk: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = at % (bytes.len() + 1);
    match how % 5 {
        0 => bytes.truncate(at),
        1 if at < bytes.len() => bytes[at] = junk.bytes().next().unwrap_or(0xff),
        2 => bytes.splice(at..at, junk.bytes()).for_each(drop),
        3 => bytes.splice(at..at, "[".repeat(5000).into_bytes()).for_each(drop),
        _ => bytes.splice(at..at, [0xc3, 0x28]).for_each(drop),
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    // Exported then imported, an assessment is itself (storage state, revision and bin, is not exported).
    #[test]
    fn export_then_import_is_identity(list in proptest::collection::vec(assessment(), 1..4)) {
        let mut seen = std::collections::BTreeSet::new();
        let list: Vec<Assessment> = list.into_iter().filter(|a| seen.insert(a.id.clone())).collect();
        let refs: Vec<&Assessment> = list.iter().collect();
        let text = answer_file::write(&refs, &content(), 1_790_000_000_000);
        let file = plain(text.as_bytes());
        prop_assert_eq!(file.assessments, list);
        prop_assert_eq!(file.content, content());
    }

    // Random bytes and damaged files never panic the reader, always give a result, and stay fast.
    #[test]
    fn the_reader_survives_anything(
        random in proptest::collection::vec(any::<u8>(), 0..400),
        how in any::<u8>(),
        at in any::<usize>(),
        junk in "\\PC{0,8}|[{}\\[\\]\":,0-9e+-]{1,8}|99999999999999999999999",
    ) {
        let good = answer_file::write(&[&sample("f-1")], &content(), 5);
        for input in [random, mutate(&good, how, at, &junk)] {
            let started = Instant::now();
            let _ = answer_file::open(&input);
            prop_assert!(started.elapsed() < Duration::from_millis(200));
        }
    }
}

#[test]
fn answers_to_items_the_content_lacks_are_kept_and_flagged() {
    let file = plain(&std::fs::read("tests/fixtures/answer-files/v1.json").expect("v1"));
    let a = &file.assessments[0];
    assert_eq!(a.answers.get("R99.1"), Some(&Answer::Level(1)), "kept");
    assert_eq!(answer_file::unknown_items(pack(), a), vec!["R99.1".to_string()], "flagged; _general is not");
}

#[test]
fn file_names_say_what_the_file_holds() {
    let (a, b) = (sample("a"), sample("b"));
    assert_eq!(
        answer_file::file_name(&[&a], false, "2026-11-23", false),
        "rai-assess_readiness_northshire-readiness_2026-11-23.json"
    );
    assert_eq!(
        answer_file::file_name(&[&a], true, "2026-11-23", true),
        "rai-assess_readiness_northshire-readiness_2026-11-23_encrypted.json"
    );
    assert_eq!(
        answer_file::file_name(&[&a, &b], true, "2026-11-23", false),
        "rai-assess_backup_2-assessments_2026-11-23.json"
    );
    assert_eq!(
        answer_file::file_name(&[&a, &b], false, "2026-11-23", false),
        "rai-assess_2-assessments_2026-11-23.json"
    );
}

// A file with more assessments than one import takes is refused before any is read, naming the cap.
#[test]
fn a_file_with_too_many_assessments_is_refused() {
    let list: Vec<Assessment> =
        (0..=answer_file::MAX_ASSESSMENTS).map(|i| sample(&format!("a-{i}"))).collect();
    let refs: Vec<&Assessment> = list.iter().collect();
    let text = answer_file::write(&refs, &content(), 5);
    assert_eq!(error(&text), FileError::TooMany { count: answer_file::MAX_ASSESSMENTS + 1 });
    assert!(error(&text).to_string().contains("at most 500"));
    let at_cap = answer_file::write(&refs[1..], &content(), 5);
    assert_eq!(plain(at_cap.as_bytes()).assessments.len(), answer_file::MAX_ASSESSMENTS);
}

// The import box states the limits the library page applies to one import; they must not drift.
#[test]
fn the_import_hint_states_the_limits_of_one_import() {
    pack(); // installs the pack, and with it the UI strings
    let hint = rai_assess::t("share.import_hint");
    let said = format!(
        "up to {} at once and at most {} assessments per import",
        answer_file::MAX_FILES_PER_IMPORT,
        answer_file::MAX_ASSESSMENTS
    );
    assert!(hint.contains(&said), "{hint}");
}

/// What the tools module answers for a file, read as the app reads it.
fn reading(file: render::FileBody, decrypted: bool) -> render::Reading<serde_json::Value> {
    let request = render::Request::<serde_json::Value>::Open { file, decrypted };
    let written = render::render_json(&serde_json::to_string(&request).expect("json")).expect("written");
    render::Reading::from_json(&written.text).expect("a reading")
}

// Across the boundary to the tools module, a file's assessments arrive as the stored-record reader
// reads them, with the count of answers the content lacks; an encrypted file keeps its bytes.
#[test]
fn the_tools_module_reads_files_for_the_app() {
    let mut a = sample("a-1");
    a.answers.insert("R99.9".into(), Answer::Level(2));
    let text = answer_file::write(&[&a], &content(), 5);
    match reading(render::FileBody::Text(text.clone()), false) {
        render::Reading::Plain { assessments, unknown, .. } => {
            let back: Vec<Assessment> = assessments
                .into_iter()
                .map(|v| answer_file::read_stored(v).expect("stored record"))
                .collect();
            assert_eq!((back, unknown), (vec![a], 1));
        }
        other => panic!("{other:?}"),
    }
    let sealed = Sealed {
        iterations: answer_file::ITERATIONS,
        salt: vec![1; 16],
        nonce: vec![2; 12],
        ciphertext: (0..=255).collect(),
        aad: answer_file::header_aad(
            answer_file::FORMAT_VERSION,
            answer_file::ITERATIONS,
            &[1; 16],
            &[2; 12],
        ),
    };
    let locked = answer_file::write_sealed(&sealed);
    assert_eq!(reading(render::FileBody::Text(locked.clone()), false), render::Reading::Encrypted { sealed });
    let refused = |file, decrypted| match reading(file, decrypted) {
        render::Reading::Refused { problem } => problem,
        other => panic!("{other:?}"),
    };
    assert!(refused(render::FileBody::Text(locked), true).contains("itself encrypted"));
    assert!(refused(render::FileBody::NotText { at: 3 }, false).contains("byte 3"));
    assert!(refused(render::FileBody::TooLarge { bytes: 11 << 20 }, false).contains("11.0 MB"));
    assert!(
        render::Reading::from_json("{\"plain\":{}}").is_err(),
        "a malformed reply is an error, not a no-op"
    );
}
