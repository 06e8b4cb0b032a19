use super::*;
use crate::core::answer_file::open_plain;
use crate::core::assessment::{ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn risk_at(version: &str) -> Assessment {
    let content = ContentRef { id: pack().info.id.to_string(), version: version.into() };
    Assessment::new("a".into(), Kind::Risk, NewAssessment::default(), content, 0)
}

fn choice(v: &str) -> Answer {
    Answer::Choice(v.into())
}

#[test]
fn a_merged_question_hands_its_answer_and_note_to_the_one_that_asks_it_now() {
    let mut a = risk_at("1.0.0");
    a.answers.insert("S1.1.2".into(), choice("no"));
    a.notes.insert("S1.1.2".into(), "No written opinion yet.".into());
    assert!(upgrade(pack(), &mut a));
    assert_eq!(a.answers.get("S1.1.1"), Some(&choice("no")));
    assert_eq!(a.notes.get("S1.1.1").map(String::as_str), Some("No written opinion yet."));
    assert!(!a.answers.contains_key("S1.1.2"));
    assert_eq!(a.content.version, pack().info.version.as_ref());
    assert!(kept_aside(pack(), &a).is_empty());
}

#[test]
fn an_answer_whose_successor_is_answered_already_is_kept_aside_with_how_it_read() {
    let mut a = risk_at("1.1.0");
    a.answers.insert("S1.1.1".into(), choice("yes"));
    a.answers.insert("S1.1.2".into(), choice("no"));
    upgrade(pack(), &mut a);
    assert_eq!(a.answers.get("S1.1.1"), Some(&choice("yes")), "the item's own answer stays");
    let kept = kept_aside(pack(), &a);
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].id.as_str(), kept[0].answer.as_ref()), ("S1.1.2", Some(&choice("no"))));
    let change = kept[0].change.expect("known from an earlier version");
    assert!(change.was.contains("confirmed the legal basis in writing"));
    assert_eq!(change.now.as_ref(), ["S1.1.1"]);
}

#[test]
fn a_merged_answer_kept_aside_still_proposes_the_risk_its_successor_would() {
    let mut a = risk_at("1.0.0");
    a.answers.insert("S1.1.1".into(), choice("yes"));
    a.answers.insert("S1.1.2".into(), choice("partly"));
    upgrade(pack(), &mut a);
    let waiting = crate::core::risk::pending(pack(), &a);
    let legal = waiting.iter().find(|(t, _)| *t == "T-legal-basis").expect("never safer for the upgrade");
    assert_eq!(legal.1, ["S1.1.2"]);
    a.answers.insert("S1.1.2".into(), choice("yes"));
    assert!(!crate::core::risk::pending(pack(), &a).iter().any(|(t, _)| *t == "T-legal-basis"));
}

#[test]
fn a_note_stays_aside_when_its_answer_moves_to_a_profile_field_that_takes_no_notes() {
    let mut a = risk_at("1.0.0");
    a.answers.insert("S2.3.6".into(), choice("yes"));
    a.notes.insert("S2.3.6".into(), "Drafts become signed reports.".into());
    upgrade(pack(), &mut a);
    assert_eq!(a.answers.get("output_in_record"), Some(&choice("yes")));
    let kept = kept_aside(pack(), &a);
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].id.as_str(), kept[0].answer.as_ref()), ("S2.3.6", None));
    assert_eq!(kept[0].note.as_deref(), Some("Drafts become signed reports."));
}

#[test]
fn a_screening_answer_that_became_a_profile_choice_is_renamed_on_the_way() {
    let mut a = risk_at("1.0.0");
    a.answers.insert("S2.3.6".into(), choice("partly"));
    upgrade(pack(), &mut a);
    assert_eq!(a.answers.get("output_in_record"), Some(&choice("yes")));
    let mut b = risk_at("1.0.0");
    b.answers.insert("S2.3.6".into(), choice("no"));
    upgrade(pack(), &mut b);
    assert_eq!(b.answers.get("output_in_record"), Some(&choice("no")), "a value not renamed stays");
}

#[test]
fn a_split_question_is_kept_aside_and_names_the_questions_that_ask_it_now() {
    let mut a = risk_at("1.0.0");
    a.answers.insert("S3.3.4".into(), choice("yes"));
    upgrade(pack(), &mut a);
    assert_eq!(a.answers.get("S3.3.4"), Some(&choice("yes")), "never dropped");
    let kept = kept_aside(pack(), &a);
    assert_eq!(
        kept[0].change.map(|c| c.now.to_vec()),
        Some(vec!["S3.3.7".into(), "S3.3.11".into(), "S3.3.12".into(), "S3.3.13".into()])
    );
}

#[test]
fn an_assessment_of_this_or_a_later_version_or_another_pack_is_left_as_it_is() {
    for version in [pack().info.version.to_string(), "9.0.0".into(), "not a version".into()] {
        let mut a = risk_at(&version);
        a.answers.insert("S1.1.2".into(), choice("no"));
        let before = a.clone();
        assert!(!upgrade(pack(), &mut a), "{version}");
        assert_eq!(a, before, "{version}");
    }
    let mut other = risk_at("1.0.0");
    other.content.id = "another-pack".into();
    other.answers.insert("S1.1.2".into(), choice("no"));
    let before = other.clone();
    assert!(!upgrade(pack(), &mut other));
    assert_eq!(other, before);
}

/// A fully answered assessment of each kind, answered against content 1.0.0.
fn fixture(kind: &str) -> Assessment {
    let path = format!("{}/tests/fixtures/content-1.0.0/{kind}.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file = open_plain(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let [a] = file.assessments.as_slice() else { panic!("{path}: one assessment") };
    a.clone()
}

#[test]
fn every_answer_and_note_of_a_fully_answered_1_0_0_assessment_is_carried_or_kept_aside() {
    for kind in ["readiness", "risk", "workbook"] {
        let before = fixture(kind);
        let mut after = before.clone();
        upgrade(pack(), &mut after);
        assert_eq!(after.content.version, pack().info.version.as_ref(), "{kind}");
        assert_eq!(after.answers.len(), before.answers.len(), "{kind}: no answer lost");
        assert_eq!(after.notes.len(), before.notes.len(), "{kind}: no note lost");
        let known = after.kind.item_ids(pack());
        let kept = kept_aside(pack(), &after);
        for (id, answer) in &before.answers {
            let moved = pack().changes.iter().find(|c| c.id == *id).and_then(|c| match c.now.as_ref() {
                [to] if !after.answers.contains_key(id.as_str()) => Some(to.to_string()),
                _ => None,
            });
            match moved {
                Some(to) => assert!(after.answers.contains_key(&to), "{kind}: {id} moved to {to}"),
                None if known.contains(&id.as_str()) => {
                    assert_eq!(after.answers.get(id), Some(answer), "{kind}: {id} intact")
                }
                None => {
                    assert!(kept.iter().any(|k| k.id == *id && k.change.is_some()), "{kind}: {id} kept aside")
                }
            }
        }
    }
}

#[test]
fn the_1_0_0_risk_fixture_keeps_aside_the_split_questions_and_the_merged_one_whose_successor_is_answered() {
    let mut a = fixture("risk");
    let old = a.answers.get("S2.3.6").cloned();
    upgrade(pack(), &mut a);
    let kept: Vec<String> = kept_aside(pack(), &a).into_iter().map(|k| k.id).collect();
    // S2.3.6 keeps only its note aside: its answer went to a profile field, which takes no notes.
    assert_eq!(kept, ["S1.1.2", "S2.2.4", "S2.3.6", "S3.3.4"]);
    assert_eq!(a.notes.get("S1.1.2").map(String::as_str), Some("Written opinion LO-1 of 2026-03-02."));
    assert_eq!(old, Some(choice("partly")));
    assert_eq!(
        a.answers.get("output_in_record"),
        Some(&choice("yes")),
        "a new profile field takes its answer"
    );
}

proptest! {
    /// Whatever an old assessment holds under changed ids and their successors, upgrading keeps every
    /// answer and note (moved or where it was) and a second run changes nothing.
    #[test]
    fn upgrading_never_loses_an_answer_or_a_note(
        picks in proptest::collection::vec((0usize..8, 0usize..4, any::<bool>(), any::<bool>()), 0..12)
    ) {
        let ids: Vec<String> = pack().changes.iter().flat_map(|c| std::iter::once(c.id.to_string()).chain(c.now.iter().map(|n| n.to_string()))).collect();
        let mut a = risk_at("1.0.0");
        for (i, v, with_answer, with_note) in picks {
            let id = &ids[i % ids.len()];
            if with_answer { a.answers.insert(id.clone(), choice(["yes", "partly", "no", "unsure"][v])); }
            if with_note { a.notes.insert(id.clone(), format!("note {i} {v}")); }
        }
        let notes: BTreeMap<String, ()> = a.notes.values().map(|n| (n.clone(), ())).collect();
        let (answers, count) = (a.answers.len(), a.notes.len());
        upgrade(pack(), &mut a);
        prop_assert_eq!(a.answers.len(), answers);
        prop_assert_eq!(a.notes.len(), count);
        for n in notes.keys() { prop_assert!(a.notes.values().any(|m| m == n)); }
        let once = a.clone();
        upgrade(pack(), &mut a);
        prop_assert_eq!(a, once);
    }
}
