use super::*;
use crate::core::assessment::{ContentRef, Kind, NewAssessment};
use crate::core::content::pack;

fn fresh() -> Assessment {
    Assessment::new("a".into(), Kind::Risk, NewAssessment::default(), ContentRef::of(pack()), 0)
}

fn edit(a: &mut Assessment, view: &mut ViewState, name: &str, value: &str) -> Outcome {
    apply(pack(), a, view, &Event { name: name.into(), value: value.into(), ..Event::default() }, 0)
}

fn tick(a: &mut Assessment, view: &mut ViewState, name: &str, value: &str, checked: bool) -> Outcome {
    apply(pack(), a, view, &Event { name: name.into(), value: value.into(), checked, click: false }, 0)
}

fn click(a: &mut Assessment, view: &mut ViewState, act: &str, arg: &str, now: i64) -> Outcome {
    apply(
        pack(),
        a,
        view,
        &Event { name: act.into(), value: arg.into(), click: true, ..Event::default() },
        now,
    )
}

/// A profiled 1:N face system with two risk-signalling answers.
fn face_system() -> (Assessment, ViewState) {
    let (mut a, mut v) = (fresh(), ViewState::default());
    edit(&mut a, &mut v, "pf.application_type", "image");
    edit(&mut a, &mut v, "pf.face_mode", "1ton");
    edit(&mut a, &mut v, "S1.1.1", "no"); // not a profile field: ignored by apply
    a.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    a.answers.insert("S1.1.2".into(), Answer::Choice("partly".into()));
    a.answers.insert("S1.3.3".into(), Answer::Choice("no".into()));
    (a, v)
}

#[test]
fn the_profile_hides_fields_whose_conditions_fail_and_keeps_their_answers() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    let html = profile_html(pack(), &a.answers);
    assert!(html.contains("<fieldset class=\"pf-group\" aria-describedby=\"pf.face_mode.h\" hidden>"));
    assert!(edit(&mut a, &mut v, "pf.application_type", "image").redraw, "a choice redraws");
    let html = profile_html(pack(), &a.answers);
    assert!(html.contains("<fieldset class=\"pf-group\" aria-describedby=\"pf.face_mode.h\"><legend>"));
    edit(&mut a, &mut v, "pf.face_mode", "1ton");
    assert!(profile_html(pack(), &a.answers)
        .contains("id=\"pf.face_mode.1ton\" name=\"pf.face_mode\" value=\"1ton\" checked"));
    edit(&mut a, &mut v, "pf.application_type", "text-speech");
    assert_eq!(a.answers.get("face_mode"), Some(&Answer::Choice("1ton".into())), "kept while hidden");
    // Text is saved as typed without a redraw; emptied, it is no answer.
    let typed = edit(&mut a, &mut v, "pf.purpose", "Find <missing> people");
    assert_eq!(typed, Outcome { changed: true, redraw: false, focus: None, card: None });
    assert!(profile_html(pack(), &a.answers).contains("Find &lt;missing&gt; people</textarea>"));
    edit(&mut a, &mut v, "pf.purpose", "");
    assert!(!a.answers.contains_key("purpose"));
    // Several choices keep the field's order whatever the clicks.
    tick(&mut a, &mut v, "pf.data_categories", "biometric", true);
    tick(&mut a, &mut v, "pf.data_categories", "personal", true);
    assert_eq!(
        a.answers.get("data_categories"),
        Some(&Answer::Choices(vec!["personal".into(), "biometric".into()]))
    );
    tick(&mut a, &mut v, "pf.data_categories", "personal", false);
    tick(&mut a, &mut v, "pf.data_categories", "biometric", false);
    assert!(!a.answers.contains_key("data_categories"));
}

#[test]
fn proposals_are_one_per_template_until_accepted_or_dismissed_with_a_reason() {
    let (mut a, mut v) = face_system();
    let waiting = pending(pack(), &a);
    let legal = waiting.iter().find(|(t, _)| *t == "T-legal-basis").expect("legal basis proposed");
    assert_eq!(legal.1, ["S1.1.1", "S1.1.2"], "one proposal, raised by both questions");
    assert!(waiting.iter().any(|(t, _)| *t == "T-frt-watchlist"), "the 1:N-only question proposes");
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Raised by your answers to S1.1.1, S1.1.2."));

    let accepted = click(&mut a, &mut v, "accept", "T-legal-basis", 0);
    assert_eq!(accepted.focus.as_deref(), Some("rk.K1.title"));
    let r = &a.risk.register[0];
    assert_eq!(
        (r.id.as_str(), r.template.as_str(), r.title.as_str()),
        ("K1", "T-legal-basis", "No sound legal basis")
    );
    assert_eq!(r.principles, ["P1.1", "P5.1"]);
    assert!(
        !r.mitigations.is_empty()
            && r.mitigations.iter().all(|m| m.owner.is_empty() && m.status == Status::Planned)
    );
    assert!(!pending(pack(), &a).iter().any(|(t, _)| *t == "T-legal-basis"));

    // No reason, no dismissal: the user is told and taken to the field.
    let refused = click(&mut a, &mut v, "dismiss", "T-frt-watchlist", 0);
    assert!(!refused.changed);
    assert_eq!(refused.focus.as_deref(), Some("dr.T-frt-watchlist"));
    assert!(register_html(pack(), &a, &v).contains(s("risk.reason_needed")));
    edit(&mut a, &mut v, "dr.T-frt-watchlist", "  Watchlist <run> by another agency ");
    assert!(click(&mut a, &mut v, "dismiss", "T-frt-watchlist", 0).changed);
    assert_eq!(
        a.risk.dismissed.get("T-frt-watchlist").map(String::as_str),
        Some("Watchlist <run> by another agency")
    );
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Watchlist &lt;run&gt; by another agency"), "kept and shown, escaped");
    assert!(!pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));
    click(&mut a, &mut v, "undismiss", "T-frt-watchlist", 0);
    assert!(pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));

    // A profile change hides the 1:N question: its proposal goes, its answer stays.
    edit(&mut a, &mut v, "pf.face_mode", "1to1");
    assert!(!pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));
    assert_eq!(screen(pack(), &a.answers).set_aside, 1);
}

#[test]
fn a_risk_added_by_hand_is_rated_mitigated_decided_and_removed_only_on_confirmation() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    click(&mut a, &mut v, "add", "", 0);
    click(&mut a, &mut v, "add", "", 0);
    assert_eq!(a.risk.register.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["K1", "K2"]);
    edit(&mut a, &mut v, "rk.K2.title", "Staff fatigue");
    edit(&mut a, &mut v, "rk.K2.groups", "Officers\n\n  Reviewers  \n");
    assert_eq!(a.risk.register[1].affected_groups, ["Officers", "Reviewers"]);
    let rated = edit(&mut a, &mut v, "rk.K2.l", "4");
    assert!(rated.redraw && rated.card.as_deref() == Some("K2"), "a rating redraws its card only");
    assert!(card_html(pack(), &a, &v, "K2").starts_with("<article class=\"risk-card\" id=\"rk.K2\""));
    edit(&mut a, &mut v, "rk.K2.s", "3");
    edit(&mut a, &mut v, "rk.K2.rl", "9"); // out of range: not rated
    let html = register_html(pack(), &a, &v);
    assert!(
        html.contains(
            "Inherent level: <strong class=\"lvl lvl-high\">High</strong> (likelihood 4 × severity 3)"
        ),
        "{html}"
    );
    assert!(html.contains("Residual level: <strong class=\"lvl\">Not rated</strong>"));
    assert!(html.contains("id=\"rk.K2.l.4\" name=\"rk.K2.l\" value=\"4\" checked"));
    tick(&mut a, &mut v, "rk.K2.pr", "P5.1", true);
    tick(&mut a, &mut v, "rk.K2.pr", "P2.1", true);
    assert_eq!(a.risk.register[1].principles, ["P2.1", "P5.1"]);
    edit(&mut a, &mut v, "rk.K2.decision", "treat");
    assert_eq!(a.risk.register[1].decision, Some(Decision::Treat));
    edit(&mut a, &mut v, "rk.K2.decision", "");
    assert_eq!(a.risk.register[1].decision, None);

    let added = click(&mut a, &mut v, "addm", "K2", 0);
    assert_eq!(added.focus.as_deref(), Some("mt.K2.0.action"));
    edit(&mut a, &mut v, "mt.K2.0.action", "Rotate reviewers");
    edit(&mut a, &mut v, "mt.K2.0.owner", "Shift lead");
    edit(&mut a, &mut v, "mt.K2.0.due", "2027-01-31");
    edit(&mut a, &mut v, "mt.K2.0.status", "in-progress");
    click(&mut a, &mut v, "addm", "K2", 0);
    edit(&mut a, &mut v, "mt.K2.1.due", "31/01/2027");
    let m = &a.risk.register[1].mitigations;
    assert_eq!(
        (m[0].owner.as_str(), m[0].due.as_str(), m[0].status),
        ("Shift lead", "2027-01-31", Status::InProgress)
    );
    assert_eq!(m[1].due, "", "not a date: not kept");
    click(&mut a, &mut v, "removem", "K2.0", 0);
    assert_eq!(a.risk.register[1].mitigations.len(), 1);

    click(&mut a, &mut v, "remove", "K1", 0);
    assert_eq!(a.risk.register.len(), 2, "no removal without the question asked");
    let asked = click(&mut a, &mut v, "ask", "K1", 0);
    assert!(!asked.changed && a.risk.register.len() == 2, "asking removes nothing");
    assert!(register_html(pack(), &a, &v).contains("Remove K1 and everything recorded for it?"));
    click(&mut a, &mut v, "keep", "K1", 0);
    assert_eq!(a.risk.register.len(), 2);
    click(&mut a, &mut v, "ask", "K1", 0);
    click(&mut a, &mut v, "remove", "K1", 0);
    assert_eq!(a.risk.register.len(), 1);
    click(&mut a, &mut v, "add", "", 0);
    assert_eq!(a.risk.register[1].id, "K3", "a removed risk's id is never reused");
}

#[test]
fn snapshots_keep_the_register_and_show_what_changed() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    click(&mut a, &mut v, "add", "", 0);
    edit(&mut a, &mut v, "rk.K1.title", "Bias");
    edit(&mut a, &mut v, "rk.K1.l", "2");
    edit(&mut a, &mut v, "rk.K1.s", "2");
    edit(&mut a, &mut v, "snap.label", " Design stage ");
    click(&mut a, &mut v, "snap", "", 1_795_000_000_000);
    assert_eq!(a.risk.snapshots[0].label, "Design stage");
    assert_eq!(a.risk.snapshots[0].register, a.risk.register);
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Design stage (2026-11-18)"), "{html}");
    assert!(html.contains(s("risk.no_changes")));

    edit(&mut a, &mut v, "rk.K1.l", "5");
    click(&mut a, &mut v, "add", "", 0);
    edit(&mut a, &mut v, "rk.K2.title", "Drift");
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("<h4>New risks</h4><ul><li>K2 Drift</li>"), "{html}");
    assert!(html.contains("K1 Bias: inherent Low (L2 × S2) → Medium (L5 × S2)"), "{html}");

    // Comparing the current register with itself shows nothing; a deleted snapshot is gone.
    edit(&mut a, &mut v, "cmp.a", "current");
    assert!(register_html(pack(), &a, &v).contains(s("risk.no_changes")));
    click(&mut a, &mut v, "unsnap", "1795000000000", 0);
    assert_eq!(a.risk.snapshots.len(), 1, "deleting asks first");
    assert!(register_html(pack(), &a, &v).contains("Delete the snapshot Design stage (2026-11-18)?"));
    click(&mut a, &mut v, "dropsnap", "1795000000000", 0);
    assert!(a.risk.snapshots.is_empty());
}

#[test]
fn dates_read_as_people_write_them() {
    assert_eq!(crate::core::report::date_of(0), "1970-01-01");
    assert_eq!(crate::core::report::date_of(951_782_400_000), "2000-02-29");
    assert_eq!(crate::core::report::date_of(1_795_000_000_000), "2026-11-18");
}
