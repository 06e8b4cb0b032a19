//! One behaviour suite for every storage backend: the in-memory one runs it in `cargo test`, the
//! browser's localStorage under wasm-bindgen-test in Chromium. Each function panics on the first
//! behaviour that differs from what the library relies on.

use super::*;
use crate::core::assessment::{Assessment, ContentRef, Kind, NewAssessment};
use crate::core::content::model::Pack;

fn sample(id: &str, kind: Kind, title: &str, pack: &Pack) -> Assessment {
    let details = NewAssessment { title: title.into(), ..NewAssessment::default() };
    Assessment::new(id.into(), kind, details, ContentRef::of(pack), 1_000)
}

/// Raw key-value semantics: missing keys, round trips (including non-ASCII), overwrite, remove, keys.
pub fn key_value_semantics<B: KeyValue>(mut fresh: impl FnMut() -> B) {
    let mut kv = fresh();
    assert_eq!(kv.get("rai.test.missing"), Ok(None));
    kv.set("rai.test.a", "one").expect("set");
    assert_eq!(kv.get("rai.test.a"), Ok(Some("one".into())));
    kv.set("rai.test.a", "two — ü 日本 \"quoted\" \n").expect("overwrite");
    assert_eq!(kv.get("rai.test.a"), Ok(Some("two — ü 日本 \"quoted\" \n".into())));
    kv.set("rai.test.b", "").expect("empty value");
    assert_eq!(kv.get("rai.test.b"), Ok(Some(String::new())));
    let mut keys: Vec<String> =
        kv.keys().expect("keys").into_iter().filter(|k| k.starts_with("rai.test.")).collect();
    keys.sort();
    assert_eq!(keys, ["rai.test.a", "rai.test.b"]);
    kv.remove("rai.test.a").expect("remove");
    kv.remove("rai.test.never-there").expect("removing a missing key is fine");
    assert_eq!(kv.get("rai.test.a"), Ok(None));
    let big = "x".repeat(200_000);
    kv.set("rai.test.big", &big).expect("a large value");
    assert_eq!(kv.get("rai.test.big").expect("get").map(|v| v.len()), Some(200_000));
}

/// The library's behaviour on this backend: create, list, save with revisions, conflicts, delete,
/// restore, empty the bin, and records that must be set aside rather than touched.
pub fn library_behaviour<B: KeyValue>(mut fresh: impl FnMut() -> B, pack: &Pack) {
    let mut lib = Library::new(fresh());
    assert_eq!(lib.list(pack).expect("list"), Listing::default(), "a fresh library is empty");

    let a = lib.create(sample("a", Kind::Readiness, "Agency readiness 2026", pack), pack).expect("create");
    assert_eq!(a.revision, 1);
    let b = lib.create(sample("b", Kind::Risk, "Face search pilot", pack), pack).expect("create");
    assert_eq!(lib.load("a"), Ok(a.clone()));
    let again = sample("a", Kind::Readiness, "Same id from a file", pack);
    assert_eq!(lib.create(again, pack), Err(SaveError::Exists), "a create never replaces a stored record");
    assert_eq!(lib.load("a"), Ok(a.clone()));

    // Saving bumps the revision; a copy at an older revision is refused, not applied.
    let mut edited = a.clone();
    edited.answers.insert("R1.1".into(), crate::core::assessment::Answer::Level(3));
    let saved = lib.save(&edited, 5_000, pack).expect("save");
    assert_eq!((saved.revision, saved.updated), (2, 5_000));
    let stale = Assessment { title: "stale tab".into(), ..a.clone() };
    assert_eq!(lib.save(&stale, 6_000, pack), Err(SaveError::Conflict { stored: 2, yours: 1 }));
    assert_eq!(lib.load("a").expect("load").title, "Agency readiness 2026", "the stale save changed nothing");
    let kept = lib.overwrite(&stale, 7_000, pack).expect("the user may choose to keep this tab's copy");
    assert_eq!((kept.revision, kept.title.as_str()), (3, "stale tab"));

    // Listing: most recently edited first, with progress from the summary.
    let listing = lib.list(pack).expect("list");
    assert_eq!(listing.active.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(listing.active[0].answered, 0, "the overwrite kept the stale tab's (empty) answers");

    // Delete, restore, delete again and empty the bin.
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

    // A damaged record and one from a newer app are listed as set aside, kept byte for byte, never saved over.
    let junk = "{ this is not a record";
    let newer = r#"{"schema":99,"revision":7,"assessment":{"id":"n","from":"the future"}}"#;
    lib.backend_mut().set(&format!("{RECORD_PREFIX}junk"), junk).expect("set");
    lib.backend_mut().set(&format!("{RECORD_PREFIX}n"), newer).expect("set");
    let listing = lib.list(pack).expect("one bad record does not hide the others");
    assert_eq!(listing.active.len(), 1);
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

    // Updating one summary in a listing gives what a fresh listing gives.
    let mut listing = lib.list(pack).expect("list");
    let renamed = lib
        .save(&Assessment { title: "renamed".into(), ..lib.load("a").expect("load") }, 12_000, pack)
        .expect("save");
    listing.upsert(Summary::of(&renamed, pack));
    assert_eq!(listing, lib.list(pack).expect("list"));

    // A lost summary is rebuilt from the record.
    lib.backend_mut().remove(&format!("{SUMMARY_PREFIX}a")).expect("remove");
    assert_eq!(lib.list(pack).expect("list").active[0].title, "renamed");
}

/// When the backend is full, a save fails with `Full` and the stored copy is the previous one.
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
