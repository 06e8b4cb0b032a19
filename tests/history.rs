//! The history on the host: every save logs what changed, from what to what, when and by the name
//! this browser remembers; typing in one field in one sitting is one entry; going back leaves none;
//! the log is bounded with the older entries counted; it is not content.
#![cfg(not(target_arch = "wasm32"))]

use rai_assess::answer_file::fingerprint;
use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::library::{KeyValue, Library, MemoryBackend, YOU};
use rai_assess::pack;
use rai_assess::register::Risk;
use rai_assess::review::history::MAX_HISTORY;
use rai_assess::review::{standing, Review};

const MINUTE: i64 = 60_000;

fn library(name: &str) -> (Library<MemoryBackend>, Assessment) {
    let mut backend = MemoryBackend::new();
    backend.set(YOU, &format!(r#"{{"by":"{name}","role":"Analyst"}}"#)).expect("set");
    let mut lib = Library::new(backend);
    let a = Assessment::new(
        "h-1".into(),
        Kind::Risk,
        NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    let a = lib.create(a, pack()).expect("created");
    (lib, a)
}

fn history(a: &Assessment) -> Vec<(String, String, String, String)> {
    Review::of(a)
        .history
        .iter()
        .map(|e| (e.what.clone(), e.by.clone(), e.old.to_string(), e.new.to_string()))
        .collect()
}

#[test]
fn a_save_logs_each_field_changed_from_what_to_what_by_the_name_remembered() {
    let (mut lib, mut a) = library("A. Okafor");
    a.answers.insert("S1.1.1".into(), Answer::Choice("partly".into()));
    a.title = "Face search pilot, phase 2".into();
    a.risk.register.push(Risk { id: "K1".into(), title: "Bias".into(), likelihood: 3, ..Risk::default() });
    let a = lib.save(&a, 1_790_000_100_000, pack()).expect("saved");
    let log = history(&a);
    let find =
        |what: &str| log.iter().find(|e| e.0 == what).cloned().unwrap_or_else(|| panic!("{what} in {log:?}"));
    assert_eq!(
        find("title"),
        (
            "title".into(),
            "A. Okafor".into(),
            "\"Face search pilot\"".into(),
            "\"Face search pilot, phase 2\"".into()
        )
    );
    assert_eq!(find("S1.1.1").2, "null");
    assert_eq!(find("K1 · likelihood").3, "3");
    // Not content: no fingerprint or status sees it.
    let mut plain = a.clone();
    plain.review = Default::default();
    assert_eq!(fingerprint::of(&a), fingerprint::of(&plain));
    assert_eq!(standing(&a).status, standing(&plain).status);
}

#[test]
fn typing_in_one_field_in_one_sitting_is_one_entry_and_going_back_leaves_none() {
    let (mut lib, mut a) = library("A. Okafor");
    let t0 = 1_790_000_000_000;
    for (i, text) in ["S", "Signed", "Signed minutes"].into_iter().enumerate() {
        a.notes.insert("S1.1.1".into(), text.into());
        a = lib.save(&a, t0 + i as i64 * MINUTE, pack()).expect("saved");
    }
    assert_eq!(
        history(&a),
        [("S1.1.1 · note".into(), "A. Okafor".into(), "null".into(), "\"Signed minutes\"".into())]
    );
    // An hour later, another sitting: a second entry.
    a.notes.insert("S1.1.1".into(), "Signed minutes, 3 May".into());
    a = lib.save(&a, t0 + 60 * MINUTE, pack()).expect("saved");
    assert_eq!(history(&a).len(), 2);
    // Typed back as it was in the same sitting: nothing changed, nothing logged.
    a.notes.insert("S1.1.1".into(), "Signed minutes".into());
    a = lib.save(&a, t0 + 61 * MINUTE, pack()).expect("saved");
    assert_eq!(history(&a).len(), 1);
}

#[test]
fn the_history_keeps_the_latest_entries_and_counts_the_older_ones() {
    let (mut lib, mut a) = library("A. Okafor");
    let t0 = 1_790_000_000_000;
    for i in 0..(MAX_HISTORY + 30) {
        a.notes.insert(format!("S1.1.{i}"), "x".into());
        a = lib.save(&a, t0 + i as i64, pack()).expect("saved");
    }
    let review = Review::of(&a);
    assert_eq!(review.history.len(), MAX_HISTORY);
    let summary = review.summary.expect("older ones counted");
    assert_eq!((summary.count, summary.from, summary.to), (30, t0, t0 + 29));
    assert_eq!(review.history[0].what, "S1.1.30 · note");
}

#[test]
fn a_long_value_is_kept_cut_short() {
    let (mut lib, mut a) = library("");
    a.notes.insert("S1.1.1".into(), "é".repeat(5_000));
    let a = lib.save(&a, 1_790_000_100_000, pack()).expect("saved");
    let e = &Review::of(&a).history[0];
    assert_eq!(e.by, "", "no name given in this browser");
    let kept = e.new.as_str().expect("text");
    assert_eq!(kept.chars().count(), rai_assess::review::history::MAX_VALUE + 1);
    assert!(kept.ends_with('…'));
}

#[test]
fn a_file_that_replaces_the_record_brings_its_history_and_logs_nothing_as_this_browsers_user() {
    // The respondent's browser: a rating changed, logged by their name.
    let (mut theirs, mut a) = library("A. Okafor");
    a.title = "Face search pilot, phase 2".into();
    let sent = theirs.save(&a, 1_790_000_100_000, pack()).expect("saved");
    // The reviewer's browser had the first version, with a change of its own.
    let (mut mine, mut b) = library("C. Reviewer");
    b.subject = "Northshire Police".into();
    let b = mine.save(&b, 1_790_000_050_000, pack()).expect("saved");
    let replaced = mine
        .replace_with_file(&Assessment { revision: b.revision, ..sent }, 1_790_000_200_000, pack())
        .expect("replaced");
    let log = history(&replaced);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log.iter().any(|e| e.0 == "title" && e.1 == "A. Okafor"));
    assert!(log.iter().any(|e| e.0 == "subject" && e.1 == "C. Reviewer"));
    assert!(!log.iter().any(|e| e.0 == "title" && e.1 == "C. Reviewer"), "the file's change is not mine");
}

#[test]
fn an_editor_draft_that_holds_the_review_it_was_loaded_with_loses_no_history() {
    // The app's editor keeps its draft and takes only the revision back from a save.
    let (mut lib, mut draft) = library("A. Okafor");
    let t0 = 1_790_000_000_000;
    for (i, title) in ["One", "Two", "Three"].into_iter().enumerate() {
        draft.title = title.into();
        let saved = lib.save(&draft, t0 + i as i64 * 60 * MINUTE, pack()).expect("saved");
        draft.revision = saved.revision;
    }
    let stored = lib.load(&draft.id).expect("load");
    let titles: Vec<String> = history(&stored).into_iter().map(|e| e.3).collect();
    assert_eq!(titles, ["\"One\"", "\"Two\"", "\"Three\""]);
}

#[test]
fn every_entry_fits_the_file_and_a_change_far_into_a_long_text_still_shows() {
    use rai_assess::register::{Mitigation, Snapshot};
    let (mut lib, mut a) = library("A. Okafor");
    let long = "word ".repeat(400);
    a.notes.insert("S1.1.1".into(), long.clone());
    a.answers.insert("S1.1.2".into(), Answer::Text(long.clone()));
    let risk = Risk {
        id: "K1".into(),
        title: "Bias".into(),
        mitigations: vec![Mitigation { action: "x".repeat(300), ..Mitigation::default() }; 5],
        ..Risk::default()
    };
    a.risk.register.push(risk.clone());
    let register = (1..=5).map(|i| Risk { id: format!("K{i}"), ..risk.clone() }).collect();
    a.risk.snapshots.push(Snapshot { taken: 1, label: "Pilot".into(), register });
    a = lib.save(&a, 1_790_000_000_000, pack()).expect("saved");
    // An edit past the first 200 characters, an hour later.
    a.notes.insert("S1.1.1".into(), format!("{long}and one more"));
    a = lib.save(&a, 1_790_003_600_000, pack()).expect("saved");
    let review = Review::of(&a);
    let last = review.history.iter().rev().find(|e| e.what == "S1.1.1 · note").expect("logged");
    assert_ne!(last.old, last.new, "the change shows");
    assert!(last.new.as_str().expect("text").contains("and one more"));
    for e in &review.history {
        assert!(e.old.to_string().len() <= 4_000 && e.new.to_string().len() <= 4_000, "{}", e.what);
        assert!(!e.what.is_empty());
    }
    assert_eq!(
        review.history.iter().find(|e| e.what == "risk · snapshots").map(|e| e.new.clone()),
        Some(1.into())
    );
    // And the record still opens in the tools module, its review read with the file's rules.
    let read = rai_assess::review::read::read(&a.review.0, &a.id, a.kind, "review");
    assert!(read.is_ok(), "{read:?}");
}

/// The review panel's history section, as the reader sees it (its markup, from the heading on).
fn history_panel(a: &Assessment) -> String {
    let view = rai_assess::review::event::ReviewView::default();
    let html = rai_assess::report::review::review_html(pack(), a, &view, "2026-12-06");
    html[html.find("review-history").expect("a history")..].to_string()
}

#[test]
fn the_history_panel_shows_a_changed_date_in_words() {
    let (mut lib, mut a) = library("A. Okafor");
    let entry = |date: &str| rai_assess::workbook::Entry {
        id: "D1".into(),
        stage: "decide".into(),
        date: date.into(),
        ..Default::default()
    };
    a.workbook.log.push(entry("2027-01-31"));
    let mut a = lib.save(&a, 1_790_000_100_000, pack()).expect("saved");
    a.workbook.log[0] = entry("2027-03-01");
    let a = lib.save(&a, 1_790_000_100_000 + 20 * MINUTE, pack()).expect("saved");
    let history = history_panel(&a);
    assert!(
        history.contains("D1 · date</span></th><td>31 January 2027</td><td>1 March 2027</td>"),
        "{history}"
    );
    assert!(!history.contains("2027-03-01") && !history.contains("2027-01-31"), "{history}");
}

#[test]
fn the_history_panel_shows_when_a_decision_was_recorded_as_a_date_and_time() {
    let (mut lib, mut a) = library("A. Okafor");
    a.workbook.log.push(rai_assess::workbook::Entry {
        id: "D1".into(),
        stage: "decide".into(),
        verdict: Some(rai_assess::workbook::Verdict::Go),
        date: "2026-11-18".into(),
        by: "A. Chief".into(),
        rationale: "The need is shown.".into(),
        ..Default::default()
    });
    let mut a = lib.save(&a, 1_790_000_100_000, pack()).expect("saved");
    a.workbook.log[0].recorded = Some(1_795_000_000_000);
    let a = lib.save(&a, 1_790_000_100_000 + 20 * MINUTE, pack()).expect("saved");
    let history = history_panel(&a);
    assert!(
        history.contains("D1 · recorded</span></th><td>–</td><td>18 November 2026, 11:06 UTC</td>"),
        "{history}"
    );
}
