//! One behaviour suite for every storage backend: the in-memory one runs it in `cargo test`, the
//! browser's localStorage under wasm-bindgen-test in Chromium. Each behaviour is a function of its own,
//! and [`storage_tests!`](crate::storage_tests) writes one test per behaviour for a backend, so a
//! failure names the behaviour and the backend.

use super::*;
use crate::core::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use crate::core::content::model::Pack;

fn sample(id: &str, kind: Kind, title: &str, pack: &Pack) -> Assessment {
    let details = NewAssessment { title: title.into(), ..NewAssessment::default() };
    Assessment::new(id.into(), kind, details, ContentRef::of(pack), 1_000)
}

/// Writes one test per behaviour below for a backend: `storage_tests!(test, MemoryBackend::new, pack())`
/// (the first argument is the test attribute, `wasm_bindgen_test` in the browser).
#[macro_export]
macro_rules! storage_tests {
    ($test:meta, $fresh:expr, $pack:expr) => {
        #[$test]
        fn a_missing_key_reads_as_none() {
            $crate::library::conformance::a_missing_key_reads_as_none($fresh)
        }
        #[$test]
        fn values_round_trip_and_overwrite() {
            $crate::library::conformance::values_round_trip_and_overwrite($fresh)
        }
        #[$test]
        fn keys_list_what_is_stored_and_remove_forgets() {
            $crate::library::conformance::keys_list_what_is_stored_and_remove_forgets($fresh)
        }
        #[$test]
        fn a_large_value_is_kept_whole() {
            $crate::library::conformance::a_large_value_is_kept_whole($fresh)
        }
        #[$test]
        fn a_fresh_library_is_empty() {
            $crate::library::conformance::a_fresh_library_is_empty($fresh, $pack)
        }
        #[$test]
        fn a_create_never_replaces_a_stored_record() {
            $crate::library::conformance::a_create_never_replaces_a_stored_record($fresh, $pack)
        }
        #[$test]
        fn saving_bumps_the_revision_and_a_stale_copy_is_refused() {
            $crate::library::conformance::saving_bumps_the_revision_and_a_stale_copy_is_refused($fresh, $pack)
        }
        #[$test]
        fn the_listing_shows_the_latest_edit_first() {
            $crate::library::conformance::the_listing_shows_the_latest_edit_first($fresh, $pack)
        }
        #[$test]
        fn delete_restore_and_empty_the_bin() {
            $crate::library::conformance::delete_restore_and_empty_the_bin($fresh, $pack)
        }
        #[$test]
        fn damaged_and_newer_records_are_set_aside_untouched() {
            $crate::library::conformance::damaged_and_newer_records_are_set_aside_untouched($fresh, $pack)
        }
        #[$test]
        fn an_updated_listing_equals_a_fresh_one() {
            $crate::library::conformance::an_updated_listing_equals_a_fresh_one($fresh, $pack)
        }
        #[$test]
        fn a_lost_summary_is_rebuilt_from_its_record() {
            $crate::library::conformance::a_lost_summary_is_rebuilt_from_its_record($fresh, $pack)
        }
        #[$test]
        fn an_import_stores_the_new_and_returns_those_already_here() {
            $crate::library::conformance::an_import_stores_the_new_and_returns_those_already_here(
                $fresh, $pack,
            )
        }
        #[$test]
        fn what_the_reader_would_refuse_is_never_stored() {
            $crate::library::conformance::what_the_reader_would_refuse_is_never_stored($fresh, $pack)
        }
        #[$test]
        fn many_are_deleted_at_once() {
            $crate::library::conformance::many_are_deleted_at_once($fresh, $pack)
        }
    };
}

pub fn a_missing_key_reads_as_none<B: KeyValue>(fresh: impl FnOnce() -> B) {
    assert_eq!(fresh().get("rai.test.missing"), Ok(None));
}

/// Non-ASCII and empty values read back exactly; a second set replaces the first.
pub fn values_round_trip_and_overwrite<B: KeyValue>(fresh: impl FnOnce() -> B) {
    let mut kv = fresh();
    kv.set("rai.test.a", "one").expect("set");
    assert_eq!(kv.get("rai.test.a"), Ok(Some("one".into())));
    kv.set("rai.test.a", "two — ü 日本 \"quoted\" \n").expect("overwrite");
    assert_eq!(kv.get("rai.test.a"), Ok(Some("two — ü 日本 \"quoted\" \n".into())));
    kv.set("rai.test.b", "").expect("empty value");
    assert_eq!(kv.get("rai.test.b"), Ok(Some(String::new())));
}

pub fn keys_list_what_is_stored_and_remove_forgets<B: KeyValue>(fresh: impl FnOnce() -> B) {
    let mut kv = fresh();
    kv.set("rai.test.a", "one").expect("set");
    kv.set("rai.test.b", "").expect("set");
    let mut keys: Vec<String> =
        kv.keys().expect("keys").into_iter().filter(|k| k.starts_with("rai.test.")).collect();
    keys.sort();
    assert_eq!(keys, ["rai.test.a", "rai.test.b"]);
    kv.remove("rai.test.a").expect("remove");
    kv.remove("rai.test.never-there").expect("removing a missing key is fine");
    assert_eq!(kv.get("rai.test.a"), Ok(None));
}

pub fn a_large_value_is_kept_whole<B: KeyValue>(fresh: impl FnOnce() -> B) {
    let mut kv = fresh();
    let big = "x".repeat(200_000);
    kv.set("rai.test.big", &big).expect("a large value");
    assert_eq!(kv.get("rai.test.big").expect("get").map(|v| v.len()), Some(200_000));
}

/// A library with a readiness assessment `a` and a risk assessment `b`.
fn two<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) -> (Library<B>, Assessment, Assessment) {
    let mut lib = Library::new(fresh());
    let a = lib.create(sample("a", Kind::Readiness, "Agency readiness 2026", pack), pack).expect("create");
    let b = lib.create(sample("b", Kind::Risk, "Face search pilot", pack), pack).expect("create");
    (lib, a, b)
}

pub fn a_fresh_library_is_empty<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    assert_eq!(Library::new(fresh()).list(pack).expect("list"), Listing::default());
}

pub fn a_create_never_replaces_a_stored_record<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let (mut lib, a, _) = two(fresh, pack);
    assert_eq!(a.revision, 1);
    assert_eq!(lib.load("a"), Ok(a.clone()));
    let again = sample("a", Kind::Readiness, "Same id from a file", pack);
    assert_eq!(lib.create(again, pack), Err(SaveError::Exists));
    assert_eq!(lib.load("a"), Ok(a));
}

/// Saving bumps the revision; a copy at an older revision is refused, not applied, unless the user
/// chooses to keep it.
pub fn saving_bumps_the_revision_and_a_stale_copy_is_refused<B: KeyValue>(
    fresh: impl FnOnce() -> B,
    pack: &Pack,
) {
    let (mut lib, a, _) = two(fresh, pack);
    let mut edited = a.clone();
    edited.answers.insert("R1.1".into(), Answer::Level(3));
    let saved = lib.save(&edited, 5_000, pack).expect("save");
    assert_eq!((saved.revision, saved.updated), (2, 5_000));
    let stale = Assessment { title: "stale tab".into(), ..a.clone() };
    assert_eq!(lib.save(&stale, 6_000, pack), Err(SaveError::Conflict { stored: 2, yours: 1 }));
    assert_eq!(lib.load("a").expect("load").title, "Agency readiness 2026", "the stale save changed nothing");
    let kept = lib.overwrite(&stale, 7_000, pack).expect("the user may choose to keep this tab's copy");
    assert_eq!((kept.revision, kept.title.as_str()), (3, "stale tab"));
    assert_eq!(lib.load("a"), Ok(kept), "what is stored is the copy kept");
    let listed = lib.list(pack).expect("list");
    let a = listed.active.iter().find(|s| s.id == "a").expect("listed");
    assert_eq!((a.title.as_str(), a.answered), ("stale tab", 0), "the summary follows the record");
}

/// Most recently edited first, with progress from the summary.
pub fn the_listing_shows_the_latest_edit_first<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let (mut lib, a, _) = two(fresh, pack);
    let mut edited = a.clone();
    edited.answers.insert("R1.1".into(), Answer::Level(3));
    lib.save(&edited, 5_000, pack).expect("save");
    let listing = lib.list(pack).expect("list");
    assert_eq!(listing.active.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(listing.active[0].answered, 1);
    let b = lib.load("b").expect("load");
    lib.save(&Assessment { title: "edited later".into(), ..b }, 6_000, pack).expect("save");
    let listing = lib.list(pack).expect("list");
    assert_eq!(listing.active.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["b", "a"]);
}

pub fn delete_restore_and_empty_the_bin<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let (mut lib, _, b) = two(fresh, pack);
    lib.delete("b", 8_000, pack).expect("delete");
    let listing = lib.list(pack).expect("list");
    assert_eq!((listing.active.len(), listing.deleted.len()), (1, 1));
    lib.restore("b", 9_000, pack).expect("restore");
    assert_eq!(lib.list(pack).expect("list").active.len(), 2);
    assert_eq!(lib.load("b").expect("load").title, b.title);
    lib.delete("b", 10_000, pack).expect("delete");
    assert_eq!(lib.empty_bin(pack), Ok(1));
    assert_eq!(lib.load("b"), Err(LoadError::NotFound));
    assert!(lib.list(pack).expect("list").deleted.is_empty());
}

/// A damaged record and one from a newer app are listed as set aside, kept byte for byte, never
/// saved over, and left alone when the bin is emptied.
pub fn damaged_and_newer_records_are_set_aside_untouched<B: KeyValue>(
    fresh: impl FnOnce() -> B,
    pack: &Pack,
) {
    let (mut lib, _, _) = two(fresh, pack);
    let junk = "{ this is not a record";
    let newer = r#"{"schema":99,"revision":7,"assessment":{"id":"n","from":"the future"}}"#;
    lib.backend_mut().set(&format!("{RECORD_PREFIX}junk"), junk).expect("set");
    lib.backend_mut().set(&format!("{RECORD_PREFIX}n"), newer).expect("set");
    let listing = lib.list(pack).expect("one bad record does not hide the others");
    assert_eq!(listing.active.len(), 2);
    assert_eq!(listing.set_aside.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["junk", "n"]);
    assert!(matches!(listing.set_aside[1].problem, RecordError::TooNew { found: 99, .. }));
    let pretend = sample("n", Kind::Risk, "older app's copy", pack);
    assert!(matches!(
        lib.save(&Assessment { revision: 7, ..pretend.clone() }, 11_000, pack),
        Err(SaveError::SetAside(_))
    ));
    assert!(matches!(lib.overwrite(&pretend, 11_000, pack), Err(SaveError::SetAside(_))));
    assert_eq!(lib.raw("n"), Ok(Some(newer.to_string())));
    assert_eq!(lib.raw("junk"), Ok(Some(junk.to_string())));
    assert_eq!(lib.empty_bin(pack), Ok(0), "emptying the bin leaves set-aside records alone");
}

/// Updating one summary in a listing gives what a fresh listing gives.
pub fn an_updated_listing_equals_a_fresh_one<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let (mut lib, _, _) = two(fresh, pack);
    let mut listing = lib.list(pack).expect("list");
    let renamed = lib
        .save(&Assessment { title: "renamed".into(), ..lib.load("a").expect("load") }, 12_000, pack)
        .expect("save");
    listing.upsert(Summary::of(&renamed, pack));
    assert_eq!(listing, lib.list(pack).expect("list"));
}

pub fn a_lost_summary_is_rebuilt_from_its_record<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let (mut lib, _, _) = two(fresh, pack);
    lib.save(&Assessment { title: "renamed".into(), ..lib.load("a").expect("load") }, 12_000, pack)
        .expect("save");
    let before = lib.list(pack).expect("list");
    lib.backend_mut().remove(&format!("{SUMMARY_PREFIX}a")).expect("remove");
    assert_eq!(lib.list(pack).expect("list"), before, "rebuilt as it was, in its place");
}

/// When the backend is full, a save fails with `Full` and the stored copy is the previous one.
/// An import writes every new assessment at revision 1 in one batch and leaves those whose id is
/// stored already (even a record set aside) untouched, for the user to decide on.
pub fn an_import_stores_the_new_and_returns_those_already_here<B: KeyValue>(
    fresh: impl FnOnce() -> B,
    pack: &Pack,
) {
    let mut lib = Library::new(fresh());
    lib.create(sample("here", Kind::Readiness, "Already here", pack), pack).expect("create");
    lib.backend_mut().set(&format!("{RECORD_PREFIX}damaged"), "{not json").expect("set");
    let mut incoming: Vec<Assessment> =
        (0..30).map(|i| sample(&format!("new-{i}"), Kind::Risk, &format!("New {i}"), pack)).collect();
    incoming.push(sample("here", Kind::Readiness, "Their copy", pack));
    incoming.push(sample("damaged", Kind::Readiness, "Their copy of the damaged one", pack));
    let done = lib.import(incoming, pack).expect("import");
    assert_eq!(done.added, 30);
    let waiting: Vec<&str> = done.conflicts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(waiting, ["here", "damaged"]);
    let listing = lib.list(pack).expect("list");
    assert_eq!((listing.active.len(), listing.set_aside.len()), (31, 1));
    assert_eq!(lib.load("here").expect("kept").title, "Already here");
    assert_eq!(lib.load("new-7").expect("stored").revision, 1);
}

/// A title or note over the reader's limits is refused with where it is, on create and on save, and
/// the stored copy stays as it was: the library never holds a record it could not open again.
pub fn what_the_reader_would_refuse_is_never_stored<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    use crate::core::limits::{MAX_LINE, MAX_TEXT};
    let mut lib = Library::new(fresh());
    let long = sample("long", Kind::Readiness, &"t".repeat(MAX_LINE + 1), pack);
    match lib.create(long, pack) {
        Err(SaveError::Invalid(problem)) => assert!(problem.contains("title"), "{problem}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(lib.load("long"), Err(LoadError::NotFound));
    let a = lib.create(sample("a", Kind::Readiness, "Fine", pack), pack).expect("create");
    let mut noted = a.clone();
    noted.notes.insert("R1.1".into(), "n".repeat(MAX_TEXT + 1));
    assert!(matches!(lib.save(&noted, 2_000, pack), Err(SaveError::Invalid(_))));
    assert_eq!(lib.load("a").expect("kept"), a, "the stored copy is unchanged");
}

/// Many assessments move to "recently deleted" at once, and come back one by one.
pub fn many_are_deleted_at_once<B: KeyValue>(fresh: impl FnOnce() -> B, pack: &Pack) {
    let mut lib = Library::new(fresh());
    let ids: Vec<String> = (0..5).map(|i| format!("a{i}")).collect();
    for id in &ids {
        lib.create(sample(id, Kind::Readiness, id, pack), pack).expect("create");
    }
    assert_eq!(lib.delete_many(&ids[1..4], 5_000, pack), Ok(3));
    let listing = lib.list(pack).expect("list");
    assert_eq!((listing.active.len(), listing.deleted.len()), (2, 3));
    let missing = vec!["a0".to_string(), "gone".to_string(), "a4".to_string()];
    assert_eq!(lib.delete_many(&missing, 6_000, pack), Err((1, SaveError::NotFound)), "stops where it must");
}

/// A file too big for the space left is not imported in part: what the import wrote is removed
/// again, and the library lists exactly what it listed before.
pub fn a_full_storage_import_leaves_nothing_behind<B: KeyValue>(
    backend: B,
    filler: impl Fn(&mut B),
    pack: &Pack,
) {
    let mut lib = Library::new(backend);
    lib.create(sample("q", Kind::Readiness, "Before the import", pack), pack).expect("create");
    filler(lib.backend_mut());
    let before = lib.list(pack).expect("list");
    let keys_before = lib.backend().keys().expect("keys").len();
    let incoming: Vec<Assessment> = (0..200)
        .map(|i| {
            let mut a = sample(&format!("junk-{i}"), Kind::Readiness, "Junk", pack);
            a.notes.insert("R1.1".into(), "x".repeat(20_000));
            a
        })
        .collect();
    assert_eq!(lib.import(incoming, pack), Err(SaveError::Backend(BackendError::Full)));
    assert_eq!(lib.list(pack).expect("list"), before, "nothing of the import is listed");
    assert_eq!(lib.backend().keys().expect("keys").len(), keys_before, "nothing of it is stored");
}

pub fn full_storage_keeps_what_was_saved<B: KeyValue>(backend: B, filler: impl Fn(&mut B), pack: &Pack) {
    let mut lib = Library::new(backend);
    let a = lib.create(sample("q", Kind::Workbook, "Before the disk filled", pack), pack).expect("create");
    filler(lib.backend_mut());
    let mut big = a.clone();
    big.notes.insert("W1.1".into(), "a long note ".repeat(50_000));
    assert_eq!(lib.save(&big, 2_000, pack), Err(SaveError::Backend(BackendError::Full)));
    let stored = lib.load("q").expect("still loadable");
    assert_eq!((stored.revision, stored.notes.len()), (1, 0), "the previous save is intact");
}
