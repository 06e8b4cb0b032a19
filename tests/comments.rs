//! Comments on the host: combining two copies' comments is a union that loses nothing, gives the same
//! whichever copy comes first and changes nothing when done twice; comments travel in answer files,
//! and a file with a comment twice or one too long is refused with the place named.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

#[allow(dead_code)] // the other strategies serve the other test files
#[path = "support/strategies.rs"]
mod strategies;

use rai_assess::answer_file;
use rai_assess::assessment::{Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::pack;
use rai_assess::render::{read_file, FileBody, Reading};
use rai_assess::review::comments::{union, Comment, MAX_COMMENT};
use rai_assess::review::edit::{apply, Edit};
use rai_assess::review::{keep_review, Review, Stamp, Stored};
use serde_json::Value;

fn as_json(list: &[Comment]) -> Value {
    serde_json::to_value(list).expect("json")
}

/// The comments of `a` and `b` where `b` holds the same comments as `a` by id (same words, as
/// copies of one assessment have), each with its own resolutions.
fn copies() -> impl Strategy<Value = (Vec<Comment>, Vec<Comment>)> {
    (strategies::comments(), strategies::comments(), any::<Vec<(bool, i64)>>()).prop_map(
        |(a, extra, marks)| {
            let mut b: Vec<Comment> = a.clone();
            for (c, (resolve, at)) in b.iter_mut().zip(marks) {
                if resolve {
                    c.resolved =
                        Some(Stamp { by: "Other".into(), role: String::new(), at: at.rem_euclid(1 << 40) });
                } else {
                    c.reopened =
                        Some(Stamp { by: "Other".into(), role: String::new(), at: at.rem_euclid(1 << 40) });
                }
            }
            // And comments only `b` has.
            b.extend(extra.into_iter().map(|c| Comment { id: format!("b-{}", c.id), ..c }));
            (a, b)
        },
    )
}

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> =
        v.as_array().expect("list").iter().map(|c| c["id"].as_str().expect("id").to_string()).collect();
    out.sort();
    out
}

proptest! {
    #[test]
    fn combining_loses_no_comment_and_is_the_same_either_way_and_twice((a, b) in copies()) {
        let (a, b) = (as_json(&a), as_json(&b));
        let ab = union(&a, &b);
        let ba = union(&b, &a);
        prop_assert_eq!(&ab, &ba, "the order of the copies does not matter");
        prop_assert_eq!(&union(&ab, &b), &ab, "combining again changes nothing");
        prop_assert_eq!(&union(&ab, &ab), &ab);
        let mut all = ids(&a);
        all.extend(ids(&b));
        all.sort();
        all.dedup();
        prop_assert_eq!(ids(&ab), all, "every comment of either copy is kept");
    }

    #[test]
    fn the_later_resolution_and_the_later_reopening_win((a, b) in copies()) {
        let ab = union(&as_json(&a), &as_json(&b));
        for c in ab.as_array().expect("list") {
            for key in ["resolved", "reopened"] {
                let times: Vec<i64> = [&a, &b]
                    .iter()
                    .flat_map(|l| l.iter().filter(|x| x.id == c["id"].as_str().unwrap_or_default()))
                    .filter_map(|x| if key == "resolved" { x.resolved.as_ref() } else { x.reopened.as_ref() })
                    .map(|s| s.at)
                    .collect();
                prop_assert_eq!(c[key]["at"].as_i64(), times.iter().max().copied());
            }
        }
    }
}

fn sample() -> Assessment {
    Assessment::new(
        "cm-file".into(),
        Kind::Risk,
        NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    )
}

fn commented() -> Assessment {
    let mut a = sample();
    let edit = Edit::Comment {
        on: "S1.1".into(),
        text: "Which data?".into(),
        by: "C. Reviewer".into(),
        role: "Legal".into(),
    };
    apply(&mut a, edit, 1_795_000_000_000).expect("written");
    a
}

fn reading(text: String) -> Reading<Assessment> {
    read_file(FileBody::Text(text), false)
}

#[test]
fn comments_travel_in_answer_files() {
    let a = commented();
    let text = answer_file::write(&[&a], &ContentRef::of(pack()), 1_795_000_000_000);
    let Reading::Plain { assessments, .. } = reading(text) else { panic!("read") };
    let comments = Review::of(&assessments[0]).comments;
    assert_eq!(comments, Review::of(&a).comments);
    assert_eq!((comments[0].on.as_str(), comments[0].by.as_str()), ("S1.1", "C. Reviewer"));
}

fn refused(v: &Value) -> String {
    match reading(v.to_string()) {
        Reading::Refused { problem } => problem,
        _ => panic!("expected a refusal"),
    }
}

#[test]
fn a_file_with_a_comment_twice_or_too_long_is_refused_with_the_place_named() {
    let a = commented();
    let v: Value =
        serde_json::from_str(&answer_file::write(&[&a], &ContentRef::of(pack()), 1_795_000_000_000))
            .expect("json");
    let mut twice = v.clone();
    let c = twice["assessments"][0]["review"]["comments"][0].clone();
    twice["assessments"][0]["review"]["comments"].as_array_mut().expect("list").push(c);
    let problem = refused(&twice);
    assert!(problem.contains("comments[1].id") && problem.contains("twice"), "{problem}");
    let mut long = v.clone();
    long["assessments"][0]["review"]["comments"][0]["text"] = "x".repeat(MAX_COMMENT + 1).into();
    assert!(refused(&long).contains("comments[0].text"));
    let mut odd = v;
    odd["assessments"][0]["review"]["comments"][0]["resolved"] = "yes".into();
    assert!(refused(&odd).contains("comments[0].resolved"));
}

#[test]
fn a_record_replaced_by_a_copy_without_comments_keeps_them() {
    let stored = commented();
    let mut incoming: Stored = sample().review;
    keep_review(&stored.review, &mut incoming);
    assert_eq!(
        Review::of(&Assessment { review: incoming, ..sample() }).comments,
        Review::of(&stored).comments
    );
}

#[test]
fn the_format_8_fixture_reads_with_its_comments_next_review_and_matching_fingerprint() {
    let text = std::fs::read_to_string("tests/fixtures/answer-files/v8.json").expect("v8");
    let Reading::Plain { assessments, fingerprints, .. } = reading(text) else { panic!("read") };
    assert_eq!(fingerprints.matched, 1, "a review is not content: the v7 content's fingerprint holds");
    let review = Review::of(&assessments[0]);
    assert_eq!((review.comments.len(), review.open_comments()), (2, 1));
    let next = review.next.expect("next review");
    assert_eq!(next.date, "2027-06-30");
    assert_eq!(next.events.len(), 2);
}

#[test]
fn a_file_with_a_malformed_comment_id_target_or_next_review_is_refused_with_the_place_named() {
    let text = std::fs::read_to_string("tests/fixtures/answer-files/v8.json").expect("v8");
    let v: Value = serde_json::from_str(&text).expect("json");
    let with = |path: &[&str], value: Value| {
        let mut w = v.clone();
        let mut at = &mut w["assessments"][0]["review"];
        for p in path {
            at = match p.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*p],
            };
        }
        *at = value;
        refused(&w)
    };
    assert!(with(&["comments", "0", "id"], "x\" onclick=\"y".into()).contains("comments[0].id"));
    assert!(with(&["comments", "1", "on"], "<b>K1</b>".into()).contains("comments[1].on"));
    assert!(with(&["next", "date"], "30/06/2027".into()).contains("next.date"));
    assert!(with(&["next", "events", "1"], "new_model".into()).contains("next.events[1]"));
    assert!(with(&["next", "events", "0"], "weather".into()).contains("next.events[0]"));
}

#[test]
fn a_replacement_that_would_pass_the_limit_of_comments_is_refused_and_the_stored_copy_kept() {
    use rai_assess::library::{Library, MemoryBackend, SaveError};
    use rai_assess::review::comments::MAX_COMMENTS;
    let mut lib = Library::new(MemoryBackend::new());
    let many = |prefix: &str, n: usize| {
        let list: Vec<Comment> = (0..n)
            .map(|i| Comment {
                id: format!("{prefix}{i}"),
                on: String::new(),
                by: "C".into(),
                role: "L".into(),
                at: i as i64,
                text: "Why?".into(),
                resolved: None,
                reopened: None,
            })
            .collect();
        Stored::from(&Review { comments: list, ..Review::default() })
    };
    let stored = lib.create(Assessment { review: many("a", 600), ..sample() }, pack()).expect("created");
    let incoming = Assessment { review: many("b", 600), ..stored.clone() };
    let refused = lib.overwrite(&incoming, 2, pack()).expect_err("over the limit");
    assert!(
        matches!(refused, SaveError::Invalid(ref why) if why.contains(&MAX_COMMENTS.to_string())),
        "{refused}"
    );
    assert_eq!(lib.load(&stored.id).expect("still there").review, stored.review);
}

/// An assessment of `kind` by `who`, with the comment `text` on the item `on`.
fn commented_by(kind: Kind, who: &str, on: &str, text: &str) -> Assessment {
    let mut a = Assessment::new(
        format!("{}-{who}", kind.id()),
        kind,
        NewAssessment { title: format!("{who}'s view"), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    let edit = Edit::Comment { on: on.into(), text: text.into(), by: who.into(), role: "Analyst".into() };
    apply(&mut a, edit, 7).expect("commented");
    a
}

/// `list` merged into a new assessment of `kind` by the tools module, as the compare view asks.
fn merged(kind: Kind, list: &[&Assessment]) -> Assessment {
    use rai_assess::render::{render, Request};
    let into = Assessment::new(
        "merged".into(),
        kind,
        NewAssessment { title: "Agreed".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        1_790_000_000_000,
    );
    let json = |a: &Assessment| serde_json::to_value(a).expect("json");
    let records = list.iter().map(|a| json(a)).collect();
    let request = Request::Merge { records, picks: Default::default(), into: json(&into) };
    serde_json::from_str(&render(request).expect("merged").text).expect("a record")
}

/// The item each comment of `a` is on, with its words.
fn comments_on(a: &Assessment) -> Vec<(String, String)> {
    Review::of(a).comments.into_iter().map(|c| (c.on, c.text)).collect()
}

/// A risk assessment by `who` with one risk, K1, a comment on it and the risk marked restricted.
fn respondent_with_a_risk(who: &str, title: &str) -> Assessment {
    let mut a = commented_by(Kind::Risk, who, "K1", &format!("{who} asks about {title}"));
    let risk = rai_assess::register::Risk { id: "K1".into(), title: title.into(), ..Default::default() };
    a.risk.register.push(risk);
    apply(&mut a, Edit::Restrict { id: "K1".into(), restricted: true }, 8).expect("restricted");
    a
}

#[test]
fn a_merge_keeps_each_comment_and_restricted_mark_on_the_risk_it_was_about() {
    let (a, b) = (respondent_with_a_risk("Ana", "Bias"), respondent_with_a_risk("Ben", "Drift"));
    let merged = merged(Kind::Risk, &[&a, &b]);
    let titles: Vec<(&str, &str)> =
        merged.risk.register.iter().map(|r| (r.id.as_str(), r.title.as_str())).collect();
    assert_eq!(titles, [("K1", "Bias"), ("K2", "Drift")]);
    let on = comments_on(&merged);
    assert!(on.contains(&("K1".into(), "Ana asks about Bias".into())), "{on:?}");
    assert!(on.contains(&("K2".into(), "Ben asks about Drift".into())), "Ben's K1 is the merged K2: {on:?}");
    let mut marks = Review::of(&merged).restricted;
    marks.sort();
    assert_eq!(marks, ["K1", "K2"]);
}

#[test]
fn a_merge_keeps_each_comment_on_the_decision_it_was_about() {
    let book = |who: &str, rationale: &str| {
        let mut a = commented_by(Kind::Workbook, who, "D1", &format!("{who} asks"));
        a.workbook.log.push(rai_assess::workbook::Entry {
            id: "D1".into(),
            stage: "decide".into(),
            date: "2026-11-01".into(),
            rationale: rationale.into(),
            ..Default::default()
        });
        a
    };
    let (a, b) = (book("Ana", "Needed for the pilot."), book("Ben", "Not yet shown to be needed."));
    let merged = merged(Kind::Workbook, &[&a, &b]);
    let ben =
        merged.workbook.log.iter().find(|e| e.rationale.starts_with("Not yet")).expect("Ben's decision");
    assert_eq!(ben.id, "D2");
    let on = comments_on(&merged);
    assert!(
        on.contains(&("D1".into(), "Ana asks".into())) && on.contains(&("D2".into(), "Ben asks".into())),
        "{on:?}"
    );
}

#[test]
fn a_merge_never_moves_a_comment_on_a_removed_risk_onto_another() {
    // Ana's register lost K1 (its comment and mark stay); her K2 and K3 become the merged K1, K2.
    let mut a = respondent_with_a_risk("Ana", "Bias");
    a.risk.register[0].id = "K2".into();
    a.risk.register.push(rai_assess::register::Risk {
        id: "K3".into(),
        title: "Drift".into(),
        ..Default::default()
    });
    let edit =
        Edit::Comment { on: "K3".into(), text: "On drift".into(), by: "Ana".into(), role: "Analyst".into() };
    apply(&mut a, edit, 9).expect("commented");
    let merged = merged(Kind::Risk, &[&a]);
    let on = comments_on(&merged);
    assert!(on.contains(&("K1.gone-1".into(), "Ana asks about Bias".into())), "{on:?}");
    assert!(on.contains(&("K2".into(), "On drift".into())), "{on:?}");
    assert!(Review::of(&merged).restricted.is_empty(), "the mark on the removed K1 goes");
}

#[test]
fn a_review_asked_for_and_sent_back_at_once_is_refused_with_its_place() {
    let stamp = serde_json::json!({ "by": "A", "role": "B", "at": 1 });
    let review = serde_json::json!({ "requested": stamp, "changes": stamp });
    let e = rai_assess::review::read::read(&review, "x", Kind::Readiness, "review").expect_err("refused");
    assert_eq!(e.path, "review.changes");
}
