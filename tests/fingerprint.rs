//! Fingerprints of answer files on the host: stable under key order and layout, changed by any change
//! of content, checked on import, and computable without this app (the committed fixture's value was
//! computed with Python's json and hashlib, as docs/answer-file-format.md shows).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[path = "support/strategies.rs"]
mod strategies;
use rai_assess::answer_file::fingerprint::{self, Check};
use rai_assess::answer_file::{self, Opened};
use rai_assess::assessment::{Answer, Assessment, ContentRef};
use rai_assess::pack;
use serde_json::Value;

fn plain(bytes: &[u8]) -> answer_file::Exported {
    match answer_file::open(bytes) {
        Ok(Opened::Plain(e)) => e,
        other => panic!("expected a plain file, got {other:?}"),
    }
}

fn write(a: &Assessment) -> String {
    answer_file::write(&[a], &ContentRef::of(pack()), 1_790_000_000_000)
}

/// The same JSON with every object's keys in reverse order and another layout, as another tool
/// might write it.
fn relaid(text: &str) -> String {
    fn out(v: &Value, to: &mut String) {
        match v {
            Value::Object(m) => {
                to.push_str("{\n");
                for (i, (k, v)) in m.iter().rev().enumerate() {
                    to.push_str(if i == 0 { "  " } else { " ,\n  " });
                    to.push_str(&Value::String(k.clone()).to_string());
                    to.push_str(" : ");
                    out(v, to);
                }
                to.push_str("\n}");
            }
            Value::Array(list) => {
                to.push_str("[ ");
                for (i, v) in list.iter().enumerate() {
                    to.push_str(if i == 0 { "" } else { " , " });
                    out(v, to);
                }
                to.push_str(" ]");
            }
            other => to.push_str(&other.to_string()),
        }
    }
    let mut to = String::new();
    out(&serde_json::from_str(text).expect("json"), &mut to);
    to
}

#[test]
fn the_committed_fixture_matches_the_value_computed_outside_the_app() {
    let bytes = std::fs::read("tests/fixtures/answer-files/v7.json").expect("v7");
    let file = plain(&bytes);
    assert_eq!(file.fingerprints, vec![Check::Matches]);
    // Computed with docs/answer-file-format.md's Python lines, not with this app.
    assert_eq!(
        fingerprint::of(&file.assessments[0]).wire(),
        "sha256:a5df6f2afc8c0f672471291c4dae3da01ebefcc22cbff8f56c09b4f29525ee9a"
    );
}

#[test]
fn a_file_from_before_fingerprints_reads_as_unchecked() {
    let file = plain(&std::fs::read("tests/fixtures/answer-files/v6.json").expect("v6"));
    assert!(file.fingerprints.iter().all(|c| *c == Check::Absent));
}

#[test]
fn a_changed_answer_in_a_file_is_read_with_a_mismatch_not_refused() {
    let mut a = sample();
    a.notes.insert("R1.1".into(), "Approved by the board".into());
    let text = write(&a).replace("Approved by the board", "Approved by the chief");
    let file = plain(text.as_bytes());
    assert_eq!(file.fingerprints, vec![Check::Differs]);
    assert_eq!(file.assessments[0].notes["R1.1"], "Approved by the chief");
}

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "fp-2".into(),
        rai_assess::assessment::Kind::Readiness,
        Default::default(),
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    a.answers.insert("R1.1".into(), Answer::Level(1));
    a
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    // Key order and layout never change a fingerprint: a file re-laid out by another tool still matches.
    #[test]
    fn key_order_and_whitespace_do_not_change_it(a in strategies::assessment()) {
        let text = relaid(&write(&a));
        let file = plain(text.as_bytes());
        prop_assert_eq!(file.fingerprints, vec![Check::Matches]);
    }

    // Any change of content does: here the title, a note or an answer.
    #[test]
    fn any_change_of_content_changes_it(a in strategies::assessment(), what in 0u8..3, text in "\\PC{0,12}") {
        let mut b = a.clone();
        match what {
            0 => b.title.push_str(&text),
            1 => { b.notes.insert("R9.9".into(), text); }
            _ => { b.answers.insert("R9.9".into(), Answer::Text(text)); }
        }
        prop_assume!(b != a);
        prop_assert_ne!(fingerprint::of(&a), fingerprint::of(&b));
        let file = plain(write(&a).as_bytes());
        prop_assert_eq!(fingerprint::check(Some(&fingerprint::of(&a).wire()), &b), Check::Differs);
        prop_assert_eq!(file.fingerprints, vec![Check::Matches]);
    }
}

#[test]
fn a_fingerprint_taken_out_of_a_current_file_is_named_not_taken_for_an_old_file() {
    let text = write(&sample());
    let mut v: Value = serde_json::from_str(&text).expect("json");
    if let Some(m) = v["assessments"][0].as_object_mut() {
        m.remove("fingerprint");
    }
    let file = plain(v.to_string().as_bytes());
    assert_eq!(file.fingerprints, vec![Check::Missing]);
}
