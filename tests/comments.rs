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
