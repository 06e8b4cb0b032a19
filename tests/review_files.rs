//! Reviews in answer files and storage on the host: approvals travel with their copies, approving
//! does not change an assessment's fingerprint, a changed approved copy is named on import, a file
//! cannot smuggle a review into an approved copy, and replacing a record never loses an approval.
#![cfg(not(target_arch = "wasm32"))]

use rai_assess::answer_file::fingerprint::{self, Check};
use rai_assess::answer_file::{self, Opened};
use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::library::{Library, MemoryBackend};
use rai_assess::pack;
use rai_assess::render::{read_file, FileBody, Reading};
use rai_assess::review::edit::{apply, Edit, Signoff};
use rai_assess::review::{as_approved, standing, Review, Status};

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "rv-file".into(),
        Kind::Readiness,
        NewAssessment { title: "Northshire readiness".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    a.answers.insert("R1.1".into(), Answer::Level(3));
    a
}

fn approve(a: &mut Assessment, statement: &str) {
    let signoff = Signoff {
        by: "C. Reviewer".into(),
        role: "Head of legal".into(),
        date: "2026-12-06".into(),
        statement: statement.into(),
        conditions: "Review after three months.".into(),
    };
    let print = fingerprint::of(a).wire();
    apply(a, Edit::Approve { signoff, fingerprint: print }, 1_795_000_000_000).expect("approved");
}

fn write(a: &Assessment) -> String {
    answer_file::write(&[a], &ContentRef::of(pack()), 1_795_000_000_000)
}

fn plain(text: &str) -> answer_file::Exported {
    match answer_file::open(text.as_bytes()) {
        Ok(Opened::Plain(e)) => e,
        other => panic!("expected a plain file, got {other:?}"),
    }
}

#[test]
fn an_approved_assessment_travels_with_its_approvals_and_reads_as_approved() {
    let mut a = sample();
    let before = fingerprint::of(&a);
    approve(&mut a, "Fit for the pilot.");
    assert_eq!(fingerprint::of(&a), before, "a review is not content: approving changes no fingerprint");
    a.answers.insert("R1.1".into(), Answer::Level(1));
    let file = plain(&write(&a));
    assert_eq!(file.assessments, vec![a.clone()]);
    assert_eq!(file.fingerprints, vec![Check::Matches]);
    let Reading::Plain { fingerprints, .. } = read_file(FileBody::Text(write(&a)), false) else {
        panic!("read")
    };
    assert!(fingerprints.differ.is_empty() && fingerprints.matched == 1);
    let got = &file.assessments[0];
    assert_eq!(standing(got).status, Status::Draft);
    assert!(standing(got).changed);
    let v1 = as_approved(got, 1).expect("version 1 travelled");
    assert_eq!(v1.answers.get("R1.1"), Some(&Answer::Level(3)));
    assert_eq!(fingerprint::of(&v1).wire(), Review::of(got).approvals[0].fingerprint);
}

#[test]
fn a_changed_approved_copy_is_named_and_still_read() {
    let mut a = sample();
    a.notes.insert("R1.1".into(), "Signed minutes".into());
    approve(&mut a, "Fit for the pilot.");
    a.notes.insert("R1.1".into(), "Draft minutes".into());
    // Only the approved copy says "Signed minutes": changing it there changes what was approved.
    let text = write(&a).replace("Signed minutes", "Signed minutes, amended");
    let file = plain(&text);
    assert_eq!(file.fingerprints, vec![Check::Matches], "the current content is untouched");
    let Reading::Plain { assessments, fingerprints, .. } = read_file(FileBody::Text(text), false) else {
        panic!("read")
    };
    assert_eq!(fingerprints.differ, vec!["Northshire readiness, version 1 as approved".to_string()]);
    assert_eq!(assessments.len(), 1, "still imported");
}

fn refused(text: &str) -> String {
    match read_file(FileBody::Text(text.to_string()), false) {
        Reading::Refused { problem } => problem,
        _ => panic!("expected a refusal"),
    }
}

#[test]
fn a_file_cannot_put_a_review_inside_an_approved_copy_or_a_copy_of_another_assessment() {
    let mut a = sample();
    approve(&mut a, "Fit.");
    let mut v: serde_json::Value = serde_json::from_str(&write(&a)).expect("json");
    let review = v["assessments"][0]["review"].clone();
    let mut nested = v.clone();
    nested["assessments"][0]["review"]["approvals"][0]["content"]["review"] = review;
    assert!(refused(&nested.to_string()).contains("without a review of its own"));
    let mut other = v.clone();
    other["assessments"][0]["review"]["approvals"][0]["content"]["id"] = "someone-else".into();
    assert!(refused(&other.to_string()).contains("a copy of this same assessment"));
    v["assessments"][0]["review"]["approvals"][0]["version"] = 0.into();
    assert!(refused(&v.to_string()).contains("approvals[0].version"));
}

#[test]
fn replacing_a_record_keeps_every_approval_it_had() {
    let mut lib = Library::new(MemoryBackend::new());
    let mut a = lib.create(sample(), pack()).expect("created");
    approve(&mut a, "Fit for the pilot.");
    let a = lib.save(&a, 2, pack()).expect("saved");
    // An older copy from a file, made before the approval, replaces it.
    let older = sample();
    let replaced = lib.overwrite(&older, 3, pack()).expect("replaced");
    assert_eq!(Review::of(&replaced).approvals, Review::of(&a).approvals, "the approval stayed");
    assert_eq!(standing(&replaced).status, Status::Approved, "the content is what was approved");
    let mut changed = sample();
    changed.title = "Renamed".into();
    let replaced = lib.overwrite(&changed, 4, pack()).expect("replaced");
    assert_eq!(Review::of(&replaced).approvals.len(), 1);
    assert!(standing(&replaced).changed, "a new draft, changed since approval");
}
