use super::*;
use crate::core::assessment::{Answer, ContentRef, Kind, NewAssessment};

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "fp-1".into(),
        Kind::Readiness,
        NewAssessment { title: "Northshire".into(), ..NewAssessment::default() },
        ContentRef { id: "rai-le-core".into(), version: "1.0.0".into() },
        1_790_000_000_000,
    );
    a.answers.insert("R1.1".into(), Answer::Level(3));
    a.notes.insert("R1.1".into(), "Signed \"quoted\" é\u{1}".into());
    a
}

#[test]
fn the_canonical_form_is_named_sorted_and_without_whitespace_or_save_time() {
    let c = canonical(&sample());
    let (form, json) = c.split_once('\n').expect("two lines");
    assert_eq!(form, "rai-assess.canonical.1");
    assert!(!json.contains(": ") && !json.contains(", ") && !json.contains('\n'), "{json}");
    assert!(!json.contains("\"updated\"") && !json.contains("\"fingerprint\""), "{json}");
    let keys = ["\"answers\"", "\"content\"", "\"created\"", "\"kind\"", "\"notes\"", "\"title\""];
    let at: Vec<usize> = keys.iter().map(|k| json.find(k).expect(k)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "keys in order: {json}");
}

#[test]
fn the_save_time_and_storage_state_do_not_change_it_but_content_does() {
    let a = sample();
    let mut later = a.clone();
    later.updated += 86_400_000;
    later.revision = 9;
    later.deleted = Some(5);
    assert_eq!(of(&a), of(&later));
    let mut changed = a.clone();
    changed.notes.insert("R1.1".into(), "Signed \"quoted\" e\u{1}".into());
    assert_ne!(of(&a), of(&changed));
    let mut changed = a.clone();
    changed.answers.insert("R1.1".into(), Answer::Level(2));
    assert_ne!(of(&a), of(&changed));
}

#[test]
fn it_is_written_and_read_as_sha256_hex_and_shown_in_groups_of_four() {
    let f = of(&sample());
    let wire = f.wire();
    assert!(wire.starts_with("sha256:") && wire.len() == 71, "{wire}");
    assert_eq!(Fingerprint::parse(&wire), Some(f));
    let people = f.for_people();
    assert_eq!(people.split(' ').count(), 16);
    assert_eq!(people.replace(' ', ""), wire["sha256:".len()..]);
    for bad in [
        "",
        "sha256:",
        &wire.to_uppercase(),
        &wire[..70],
        &format!("{wire}0"),
        &wire.replace("sha256", "md5"),
    ] {
        assert_eq!(Fingerprint::parse(bad), None, "{bad}");
    }
}

#[test]
fn a_check_says_whether_the_content_matches_what_was_fingerprinted() {
    let a = sample();
    let wire = of(&a).wire();
    assert_eq!(check(Some(&wire), &a), Check::Matches);
    assert_eq!(check(None, &a), Check::Absent);
    assert_eq!(check(Some("sha256:nonsense"), &a), Check::Differs);
    let mut changed = a.clone();
    changed.title.push('!');
    assert_eq!(check(Some(&wire), &changed), Check::Differs);
}

#[test]
fn the_sha256_is_the_standard_one() {
    // FIPS 180-2's "abc" vector: the digest crate is used, not hand-written code, but a wrong feature
    // or a swapped call would show here.
    let digest: [u8; 32] = Sha256::digest(b"abc").into();
    assert_eq!(
        Fingerprint(digest).wire(),
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
