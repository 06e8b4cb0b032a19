//! The assessment library on the in-memory backend: the shared conformance suite, stored-record
//! versions, and properties of saving and loading.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[path = "support/strategies.rs"]
mod strategies;
use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::library::{
    self, conformance, decode, encode, Library, MemoryBackend, RecordError, SaveError,
};
use rai_assess::pack;
use strategies::assessment;

/// The conformance suite on the in-memory backend, one test per behaviour.
mod memory_backend {
    use rai_assess::library::MemoryBackend;
    use rai_assess::pack;
    rai_assess::storage_tests!(test, MemoryBackend::new, pack());
}

// Storage full: the user is told (an error), and what was saved before survives.
#[test]
fn full_memory_keeps_what_was_saved() {
    conformance::full_storage_keeps_what_was_saved(MemoryBackend::with_quota(200_000), |_| {}, pack());
}

// Storage full part way through an import: nothing of the import stays.
#[test]
fn a_full_memory_import_leaves_nothing_behind() {
    conformance::a_full_storage_import_leaves_nothing_behind(
        MemoryBackend::with_quota(1_000_000),
        |_| {},
        pack(),
    );
}

// One committed fixture per stored-record version; each must load in this version of the app.
#[test]
fn every_committed_record_version_loads() {
    let dir = std::path::Path::new("tests/fixtures/records");
    let mut versions = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures dir") {
        let path = entry.expect("entry").path();
        let raw = std::fs::read_to_string(&path).expect("read fixture");
        let a = decode(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match a.kind {
            Kind::Readiness => {
                assert_eq!(a.answers.get("R1.2"), Some(&Answer::DontKnow));
                // Version 4 carries a review: one approval of this very content; version 5 a
                // comment and the next review too.
                if raw.contains("\"schema\": 5") {
                    let review = rai_assess::review::Review::of(&a);
                    assert_eq!((review.comments.len(), review.open_comments()), (1, 1));
                    assert_eq!(review.next.map(|n| n.date), Some("2027-11-30".to_string()));
                }
                if raw.contains("\"schema\": 4") || raw.contains("\"schema\": 5") {
                    let review = rai_assess::review::read::read(&a.review.0, &a.id, a.kind, "review")
                        .expect("a review that reads");
                    assert_eq!(review.approvals.len(), 1);
                    assert_eq!(rai_assess::review::standing(&a).status, rai_assess::review::Status::Approved);
                    let copy = rai_assess::review::as_approved(&a, 1).expect("its copy");
                    assert_eq!(
                        rai_assess::answer_file::fingerprint::of(&copy).wire(),
                        review.approvals[0].fingerprint
                    );
                }
            }
            Kind::Workbook => {
                assert_eq!(a.workbook.log.len(), 3, "{}", path.display());
                assert_eq!(a.workbook.log[1].supersedes, "D1");
                assert_eq!(a.revision, 7);
            }
            _ => {
                assert_eq!(a.risk.register.len(), 2, "{}", path.display());
                assert_eq!(a.risk.register[0].mitigations.len(), 2);
                assert_eq!(a.revision, 7);
            }
        }
        versions += 1;
    }
    assert_eq!(versions, library::CURRENT_SCHEMA as usize, "one fixture per schema version");
}

#[test]
fn a_record_from_a_newer_app_is_refused_with_the_version_needed() {
    let err = decode(r#"{"schema":6,"revision":1,"assessment":{}}"#).expect_err("too new");
    assert_eq!(err, RecordError::TooNew { found: 6, supported: 5 });
    assert!(err.to_string().contains("newer version of the app"));
}

proptest! {
    // Whatever a user types, a stored record reads back exactly.
    #[test]
    fn encode_then_decode_is_identity(a in assessment()) {
        prop_assert_eq!(decode(&encode(&a)), Ok(a));
    }

    // Every accepted save raises the revision by one and the stored copy equals what was saved.
    #[test]
    fn saves_raise_the_revision_by_one(titles in proptest::collection::vec("[a-zA-Z ]{0,20}", 1..8)) {
        let mut lib = Library::new(MemoryBackend::new());
        let new = NewAssessment { title: "t".into(), ..NewAssessment::default() };
        let mut current = lib.create(Assessment::new("x".into(), Kind::Workbook, new, ContentRef::of(pack()), 0), pack()).expect("create");
        for (i, title) in titles.into_iter().enumerate() {
            let next = lib.save(&Assessment { title, ..current.clone() }, i as i64, pack()).expect("save");
            prop_assert_eq!(next.revision, current.revision + 1);
            prop_assert_eq!(lib.load("x").expect("load"), next.clone());
            current = next;
        }
        let stale = Assessment { revision: current.revision - 1, ..current.clone() };
        prop_assert!(
            matches!(lib.save(&stale, 99, pack()), Err(SaveError::Conflict { .. })),
            "a stale copy is refused"
        );
    }
}
