//! The risk editor as the app drives it: inputs on the controls this module writes, read back by
//! `risk::event::handle` and applied to the assessment; the markup drawn after each.

use super::*;
use crate::core::assessment::{Answer, ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::register::{Decision, Status};
use crate::core::report::tags::tag;
use crate::core::risk::edit::{Draw, EditError, Save};
use crate::core::risk::event::{handle, Input, Outcome, Refusal};
use crate::core::risk::screen;

fn fresh() -> Assessment {
    Assessment::new("a".into(), Kind::Risk, NewAssessment::default(), ContentRef::of(pack()), 0)
}

fn change(
    a: &mut Assessment,
    v: &mut ViewState,
    name: &str,
    value: &str,
    checked: bool,
) -> Result<Outcome, Refusal> {
    let control = name.parse().expect("a control the markup writes");
    handle(pack(), a, v, Input::Changed { control, value: value.into(), checked }, 0)
}

fn edit(a: &mut Assessment, v: &mut ViewState, name: &str, value: &str) -> Result<Outcome, Refusal> {
    change(a, v, name, value, false)
}

fn tick(a: &mut Assessment, v: &mut ViewState, name: &str, value: &str, on: bool) {
    change(a, v, name, value, on).expect("ticked");
}

fn click(a: &mut Assessment, v: &mut ViewState, action: &str, now: i64) -> Result<Outcome, Refusal> {
    handle(pack(), a, v, Input::Clicked(action.parse().expect("an action the markup writes")), now)
}

fn focus(o: &Result<Outcome, Refusal>) -> Option<String> {
    match o {
        Ok(o) => o.focus.as_ref().map(|f| f.to_string()),
        Err(r) => r.focus.as_ref().map(|f| f.to_string()),
    }
}

/// A profiled 1:N face system with two risk-signalling answers.
fn face_system() -> (Assessment, ViewState) {
    let (mut a, mut v) = (fresh(), ViewState::default());
    edit(&mut a, &mut v, "pf.application_type", "image").expect("a choice");
    edit(&mut a, &mut v, "pf.face_mode", "1ton").expect("a choice");
    a.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    a.answers.insert("S1.1.6".into(), Answer::Choice("partly".into()));
    a.answers.insert("S1.3.3".into(), Answer::Choice("no".into()));
    (a, v)
}

#[test]
fn the_profile_hides_fields_whose_conditions_fail_and_keeps_their_answers() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    let html = profile_html(pack(), &a.answers, None);
    let face =
        |html: &str| tag(html, "fieldset", "aria-describedby", "pf.face_mode.h").contains_key("hidden");
    assert!(face(&html), "the face question waits for an image system");
    let chose = edit(&mut a, &mut v, "pf.application_type", "image").expect("an option");
    assert_eq!(chose.draw, Draw::Profile, "a choice redraws the profile");
    let html = profile_html(pack(), &a.answers, None);
    assert!(!face(&html), "shown for an image system");
    edit(&mut a, &mut v, "pf.face_mode", "1ton").expect("an option");
    let html = profile_html(pack(), &a.answers, None);
    let chosen = tag(&html, "input", "id", "pf.face_mode.1ton");
    assert_eq!((chosen["name"], chosen["value"], chosen.get("checked")), ("pf.face_mode", "1ton", Some(&"")));
    edit(&mut a, &mut v, "pf.application_type", "text-speech").expect("an option");
    assert_eq!(a.answers.get("face_mode"), Some(&Answer::Choice("1ton".into())), "kept while hidden");
    // Text is saved as typed without a redraw; emptied, it is no answer.
    let typed = edit(&mut a, &mut v, "pf.purpose", "Find <missing> people");
    assert_eq!(typed, Ok(Outcome { save: Some(Save::Soon), draw: Draw::Nothing, focus: None }));
    assert!(profile_html(pack(), &a.answers, None).contains("Find &lt;missing&gt; people</textarea>"));
    edit(&mut a, &mut v, "pf.purpose", "").expect("text");
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

// A value no control offers is refused with a message, and nothing changes.
#[test]
fn an_unknown_field_or_option_is_refused_and_changes_nothing() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    let before = a.clone();
    let refused = edit(&mut a, &mut v, "pf.application_type", "crystal-ball").expect_err("not an option");
    assert_eq!(
        refused.problem,
        EditError::Unknown("errors.what_option", "application_type: crystal-ball".into())
    );
    assert!(edit(&mut a, &mut v, "pf.colour", "blue").is_err());
    assert!(edit(&mut a, &mut v, "rk.K9.title", "Nobody").is_err(), "no such risk");
    assert_eq!(a, before);
}

#[test]
fn proposals_are_one_per_template_until_accepted_or_dismissed_with_a_reason() {
    let (mut a, mut v) = face_system();
    let waiting = crate::core::risk::pending(pack(), &a);
    let legal = waiting.iter().find(|(t, _)| *t == "T-legal-basis").expect("legal basis proposed");
    assert_eq!(legal.1, ["S1.1.1", "S1.1.6"], "one proposal, raised by both questions");
    assert!(waiting.iter().any(|(t, _)| *t == "T-frt-watchlist"), "the 1:N-only question proposes");
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Raised by your answers to S1.1.1, S1.1.6."));
    assert!(html.contains("data-act=\"accept.T-legal-basis\""));

    let accepted = click(&mut a, &mut v, "accept.T-legal-basis", 0);
    assert_eq!(focus(&accepted).as_deref(), Some("rk.K1.title"));
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
    assert!(!crate::core::risk::pending(pack(), &a).iter().any(|(t, _)| *t == "T-legal-basis"));

    // No reason, no dismissal: the user is told and taken to the field.
    let before = a.clone();
    let refused = click(&mut a, &mut v, "dismiss.T-frt-watchlist", 0);
    assert_eq!(refused.as_ref().map_err(|r| &r.problem), Err(&EditError::ReasonNeeded));
    assert_eq!(focus(&refused).as_deref(), Some("dr.T-frt-watchlist"));
    assert_eq!(a, before, "nothing dismissed");
    edit(&mut a, &mut v, "dr.T-frt-watchlist", "  Watchlist <run> by another agency ").expect("typed");
    assert_eq!(a, before, "a reason typed is the view's until it is used");
    assert!(click(&mut a, &mut v, "dismiss.T-frt-watchlist", 0).is_ok());
    assert_eq!(
        a.risk.dismissed.get("T-frt-watchlist").map(String::as_str),
        Some("Watchlist <run> by another agency")
    );
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Watchlist &lt;run&gt; by another agency"), "kept and shown, escaped");
    assert!(!crate::core::risk::pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));
    click(&mut a, &mut v, "undismiss.T-frt-watchlist", 0).expect("undone");
    assert!(crate::core::risk::pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));

    // A profile change hides the 1:N question: its proposal goes, its answer stays.
    edit(&mut a, &mut v, "pf.face_mode", "1to1").expect("an option");
    assert!(!crate::core::risk::pending(pack(), &a).iter().any(|(t, _)| *t == "T-frt-watchlist"));
    assert_eq!(screen(pack(), &a.answers).set_aside, 1);
}

#[test]
fn a_risk_added_by_hand_is_rated_mitigated_decided_and_removed_only_on_confirmation() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    let first = click(&mut a, &mut v, "add", 0).expect("added");
    assert_eq!(first.draw, Draw::Register, "the first risk replaces the empty register's line");
    let second = click(&mut a, &mut v, "add", 0).expect("added");
    assert_eq!(second.draw, Draw::Appended("K2".into()), "later ones are drawn alone");
    assert_eq!(a.risk.register.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["K1", "K2"]);
    edit(&mut a, &mut v, "rk.K2.title", "Staff fatigue").expect("typed");
    edit(&mut a, &mut v, "rk.K2.groups", "Officers\n\n  Reviewers  \n").expect("typed");
    assert_eq!(a.risk.register[1].affected_groups, ["Officers", "Reviewers"]);
    let rated = edit(&mut a, &mut v, "rk.K2.l", "4").expect("rated");
    assert_eq!(rated.draw, Draw::Card("K2".into()), "a rating redraws its card only");
    let card = card_html(pack(), &a, &v, "K2").expect("a card");
    assert!(card.starts_with("<article class=\"risk-card\" id=\"rk.K2\""));
    edit(&mut a, &mut v, "rk.K2.s", "3").expect("rated");
    assert_eq!(
        edit(&mut a, &mut v, "rk.K2.rl", "9").map_err(|r| r.problem),
        Err(EditError::Rating(9)),
        "out of range: refused"
    );
    let html = register_html(pack(), &a, &v);
    assert!(
        html.contains(
            "Inherent level: <strong class=\"lvl lvl-high\">High</strong> (likelihood 4 × severity 3)"
        ),
        "{html}"
    );
    assert!(html.contains("Residual level: <strong class=\"lvl\">Not rated</strong>"));
    let rated = tag(&html, "input", "id", "rk.K2.l.4");
    assert_eq!((rated["name"], rated["value"], rated.get("checked")), ("rk.K2.l", "4", Some(&"")));
    tick(&mut a, &mut v, "rk.K2.pr", "P5.1", true);
    tick(&mut a, &mut v, "rk.K2.pr", "P2.1", true);
    assert_eq!(a.risk.register[1].principles, ["P2.1", "P5.1"]);
    edit(&mut a, &mut v, "rk.K2.decision", "treat").expect("decided");
    assert_eq!(a.risk.register[1].decision, Some(Decision::Treat));
    edit(&mut a, &mut v, "rk.K2.decision", "").expect("undecided");
    assert_eq!(a.risk.register[1].decision, None);

    let added = click(&mut a, &mut v, "addm.K2", 0);
    assert_eq!(focus(&added).as_deref(), Some("mt.K2.0.action"));
    edit(&mut a, &mut v, "mt.K2.0.action", "Rotate reviewers").expect("typed");
    edit(&mut a, &mut v, "mt.K2.0.owner", "Shift lead").expect("typed");
    edit(&mut a, &mut v, "mt.K2.0.due", "2027-01-31").expect("a date");
    edit(&mut a, &mut v, "mt.K2.0.status", "in-progress").expect("a status");
    click(&mut a, &mut v, "addm.K2", 0).expect("added");
    edit(&mut a, &mut v, "mt.K2.1.due", "2027-03-01").expect("a date");
    assert_eq!(
        edit(&mut a, &mut v, "mt.K2.1.due", "31/01/2027").map_err(|r| r.problem),
        Err(EditError::NotADate("31/01/2027".into()))
    );
    let m = &a.risk.register[1].mitigations;
    assert_eq!(
        (m[0].owner.as_str(), m[0].due.as_str(), m[0].status),
        ("Shift lead", "2027-01-31", Status::InProgress)
    );
    assert_eq!(m[1].due, "2027-03-01", "not a date: the date before is kept");
    click(&mut a, &mut v, "removem.K2.0", 0).expect("removed");
    assert_eq!(a.risk.register[1].mitigations.len(), 1);

    assert!(click(&mut a, &mut v, "remove.K1", 0).is_err(), "no removal without the question asked");
    assert_eq!(a.risk.register.len(), 2);
    let asked = click(&mut a, &mut v, "ask.K1", 0).expect("asked");
    assert!(asked.save.is_none() && a.risk.register.len() == 2, "asking removes nothing");
    assert_eq!(focus(&Ok(asked)).as_deref(), Some("b.keep.K1"));
    assert!(register_html(pack(), &a, &v).contains("Remove K1 and everything recorded for it?"));
    click(&mut a, &mut v, "keep.K1", 0).expect("kept");
    assert_eq!(a.risk.register.len(), 2);
    click(&mut a, &mut v, "ask.K1", 0).expect("asked");
    click(&mut a, &mut v, "remove.K1", 0).expect("removed");
    assert_eq!(a.risk.register.len(), 1);
    click(&mut a, &mut v, "add", 0).expect("added");
    assert_eq!(a.risk.register[1].id, "K3", "a removed risk's id is never reused");
}

// A refused input changes neither the assessment nor what the view holds: a reason typed stays.
#[test]
fn a_refused_input_keeps_the_view_as_it_was() {
    let (mut a, mut v) = face_system();
    let long = "x".repeat(crate::core::limits::MAX_TEXT + 1);
    edit(&mut a, &mut v, "dr.T-frt-watchlist", &long).expect("typed");
    let (before, view) = (a.clone(), v.clone());
    let refused = click(&mut a, &mut v, "dismiss.T-frt-watchlist", 0).expect_err("too long");
    assert!(matches!(refused.problem, EditError::TooLong(_)));
    assert_eq!((a, v), (before, view));
}

// A proposal clicked twice (the second click on a view not yet redrawn) gives one risk.
#[test]
fn a_proposal_is_accepted_once() {
    let (mut a, mut v) = face_system();
    click(&mut a, &mut v, "accept.T-legal-basis", 0).expect("accepted");
    let again = click(&mut a, &mut v, "accept.T-legal-basis", 0).expect_err("once");
    assert_eq!(again.problem, EditError::AlreadyAccepted("T-legal-basis".into()));
    assert_eq!(a.risk.register.len(), 1);
}

// Only the current register or a snapshot can be compared.
#[test]
fn an_unknown_register_is_not_compared() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    click(&mut a, &mut v, "snap", 5).expect("taken");
    edit(&mut a, &mut v, "cmp.a", "5").expect("a snapshot");
    let refused = edit(&mut a, &mut v, "cmp.b", "6").expect_err("no such snapshot");
    assert_eq!(refused.problem, EditError::Unknown("errors.what_snapshot_to_compare", "6".into()));
    assert_eq!(v.compare, ("5".to_string(), String::new()));
}

// The app refuses to keep what its own reader would refuse to load.
#[test]
fn a_text_over_the_limits_is_refused_before_it_is_kept() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    click(&mut a, &mut v, "add", 0).expect("added");
    let long = "x".repeat(crate::core::limits::MAX_LINE + 1);
    let refused = edit(&mut a, &mut v, "rk.K1.title", &long).expect_err("too long");
    assert_eq!(refused.problem.to_string(), "This text is too long: at most 10000 characters are kept.");
    assert_eq!(a.risk.register[0].title, "");
}

#[test]
fn snapshots_keep_the_register_and_show_what_changed() {
    let (mut a, mut v) = (fresh(), ViewState::default());
    click(&mut a, &mut v, "add", 0).expect("added");
    edit(&mut a, &mut v, "rk.K1.title", "Bias").expect("typed");
    edit(&mut a, &mut v, "rk.K1.l", "2").expect("rated");
    edit(&mut a, &mut v, "rk.K1.s", "2").expect("rated");
    edit(&mut a, &mut v, "snap.label", " Design stage ").expect("typed");
    click(&mut a, &mut v, "snap", 1_795_000_000_000).expect("taken");
    assert_eq!(a.risk.snapshots[0].label, "Design stage");
    assert_eq!(a.risk.snapshots[0].register, a.risk.register);
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("Design stage (18 November 2026)"), "{html}");
    assert!(html.contains(s("risk.no_changes")));
    // Two snapshots in one millisecond stay apart.
    click(&mut a, &mut v, "snap", 1_795_000_000_000).expect("taken");
    assert_eq!(a.risk.snapshots[1].taken, 1_795_000_000_001);
    click(&mut a, &mut v, "unsnap.1795000000001", 0).expect("asked");
    click(&mut a, &mut v, "dropsnap.1795000000001", 0).expect("deleted");

    edit(&mut a, &mut v, "rk.K1.l", "5").expect("rated");
    click(&mut a, &mut v, "add", 0).expect("added");
    edit(&mut a, &mut v, "rk.K2.title", "Drift").expect("typed");
    let html = register_html(pack(), &a, &v);
    assert!(html.contains("<h4>New risks</h4><ul><li>K2 Drift</li>"), "{html}");
    assert!(html.contains("K1 Bias: inherent Low (L2 × S2) → Medium (L5 × S2)"), "{html}");

    // Comparing the current register with itself shows nothing; a deleted snapshot is gone.
    edit(&mut a, &mut v, "cmp.a", "current").expect("chosen");
    assert!(register_html(pack(), &a, &v).contains(s("risk.no_changes")));
    assert!(click(&mut a, &mut v, "dropsnap.1795000000000", 0).is_err(), "deleting asks first");
    assert_eq!(a.risk.snapshots.len(), 1);
    click(&mut a, &mut v, "unsnap.1795000000000", 0).expect("asked");
    assert!(register_html(pack(), &a, &v).contains("Delete the snapshot Design stage (18 November 2026)?"));
    click(&mut a, &mut v, "dropsnap.1795000000000", 0).expect("deleted");
    assert!(a.risk.snapshots.is_empty());
}

// Every name and action the markup writes is one the dispatcher reads back.
#[test]
fn every_control_and_button_written_parses() {
    let (mut a, mut v) = face_system();
    click(&mut a, &mut v, "accept.T-legal-basis", 0).expect("accepted");
    click(&mut a, &mut v, "addm.K1", 0).expect("added");
    click(&mut a, &mut v, "snap", 1).expect("taken");
    let html = register_html(pack(), &a, &v) + &profile_html(pack(), &a.answers, None);
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        html.split(&key)
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let (names, acts, ids) = (attr("name"), attr("data-act"), attr("id"));
    assert!(names.len() > 40 && acts.len() > 5);
    for n in names {
        let parsed = n.parse::<crate::core::risk::control::Control>().expect(&n);
        assert_eq!(parsed.to_string(), n, "printed back as written");
    }
    for n in acts {
        let parsed = n.parse::<crate::core::risk::control::Action>().expect(&n);
        assert_eq!(parsed.to_string(), n, "printed back as written");
        assert!(ids.contains(&format!("b.{n}")) || n.starts_with("goto."), "b.{n} is where focus returns");
    }
    // Where edits send focus is on the page.
    for target in
        ["rk.K1.title", "rk.K1.h", "mt.K1.0.action", "b.addm.K1", "h-proposals", "h-register", "h-snapshots"]
    {
        assert!(ids.iter().any(|i| i == target), "{target}");
    }
}

/// An EU live one-to-many face search of public spaces: the profile alone implies Art. 5(1)(h).
fn eu_live_face_search() -> (Assessment, ViewState) {
    let (mut a, mut v) = (fresh(), ViewState::default());
    for (field, option) in [
        ("legal_regime", "eu"),
        ("application_type", "image"),
        ("face_mode", "1ton"),
        ("timing", "live"),
        ("public_space", "yes"),
    ] {
        edit(&mut a, &mut v, &format!("pf.{field}"), option).expect("an option");
    }
    (a, v)
}

/// Whether the profile shows the exception field: its paragraph carries no `hidden`.
fn exception_shown(a: &Assessment) -> bool {
    let html = profile_html(pack(), &a.answers, None);
    let at = html.find("<label for=\"pf.prohibited_exception\">").expect("the field is drawn");
    let opening = &html[html[..at].rfind("<p ").expect("its paragraph")..at];
    !opening.contains("hidden")
}

#[test]
fn the_exception_field_appears_only_when_a_practice_that_admits_one_applies() {
    let (mut a, mut v) = eu_live_face_search();
    assert!(exception_shown(&a), "implied by the live public face search");
    edit(&mut a, &mut v, "pf.timing", "after").expect("an option");
    assert!(!exception_shown(&a), "retrospective: nothing to except");
    tick(&mut a, &mut v, "pf.prohibited_practices", "face-scraping", true);
    assert!(!exception_shown(&a), "face scraping admits no exception");
    tick(&mut a, &mut v, "pf.prohibited_practices", "emotion-workplace", true);
    assert!(exception_shown(&a), "emotion recognition may be for medical or safety reasons");
}

#[test]
fn the_register_opens_with_the_finding_until_an_exception_is_recorded() {
    let (mut a, mut v) = eu_live_face_search();
    let html = register_html(pack(), &a, &v);
    let finding = html.split("</section>").next().unwrap_or_default();
    assert!(finding.contains("Likely prohibited: EU AI Act, Article 5"), "{finding}");
    assert!(finding.contains("AI Act Art. 5(1)(h)"), "{finding}");
    edit(&mut a, &mut v, "pf.prohibited_exception", "Art. 5(1)(h)(i) <abducted child>, court order 12/2027")
        .expect("text");
    let html = register_html(pack(), &a, &v);
    assert!(!html.contains("Likely prohibited"));
    assert!(html.contains("Prohibited practice: exception claimed, not checked by the app"));
    assert!(html.contains("Art. 5(1)(h)(i) &lt;abducted child&gt;, court order 12/2027"));
}

#[test]
fn outside_the_eu_the_register_has_no_finding() {
    let (mut a, mut v) = eu_live_face_search();
    edit(&mut a, &mut v, "pf.legal_regime", "uk").expect("an option");
    assert!(!register_html(pack(), &a, &v).contains("r-finding"));
}

#[test]
fn the_duties_appear_when_a_high_risk_use_is_implied() {
    let duties = |a: &Assessment| {
        !tag(&profile_html(pack(), &a.answers, None), "fieldset", "aria-describedby", "pf.deployer_duties.h")
            .contains_key("hidden")
    };
    let (mut a, mut v) = (fresh(), ViewState::default());
    edit(&mut a, &mut v, "pf.legal_regime", "eu").expect("an option");
    assert!(!duties(&a));
    edit(&mut a, &mut v, "pf.application_type", "image").expect("an option");
    edit(&mut a, &mut v, "pf.face_mode", "1ton").expect("an option");
    assert!(duties(&a), "a one-to-many face search is remote biometric identification");
}

#[test]
fn an_implied_practice_says_it_follows_from_the_answers() {
    let (a, _) = eu_live_face_search();
    let html = profile_html(pack(), &a.answers, None);
    let rbi = html.split("id=\"pf.prohibited_practices.realtime-rbi\"").nth(1).expect("the option");
    let label = &rbi[..rbi.find("</label>").expect("its label")];
    assert!(label.contains("<strong>Counted from your other answers:</strong> Identifying"), "{label}");
    let scraping = html.split("id=\"pf.prohibited_practices.face-scraping\"").nth(1).expect("the option");
    assert!(!scraping[..scraping.find("</label>").expect("its label")].contains("Counted from"));
}

#[test]
fn a_risk_takes_its_templates_rights_and_the_team_ticks_them_on_its_card() {
    let (mut a, mut v) = face_system();
    click(&mut a, &mut v, "accept.T-legal-basis", 0).expect("accepted");
    let template = pack().risk.templates.iter().find(|t| t.id == "T-legal-basis").expect("template");
    let from_template: Vec<String> = template.rights.iter().map(|x| x.to_string()).collect();
    assert_eq!(a.risk.register[0].rights, from_template);
    let card = card_html(pack(), &a, &v, "K1").expect("a card");
    assert!(card.contains("<legend>Rights it would harm</legend>"), "{card}");
    let child = tag(&card, "input", "id", "rk.K1.rt.child");
    assert_eq!((child["name"], child["value"], child.get("checked")), ("rk.K1.rt", "child", None));
    tick(&mut a, &mut v, "rk.K1.rt", "child", true);
    tick(&mut a, &mut v, "rk.K1.rt", "dignity", true);
    assert_eq!(
        a.risk.register[0].rights,
        ["dignity", "privacy", "child", "administration"],
        "in the pack's order"
    );
    tick(&mut a, &mut v, "rk.K1.rt", "child", false);
    assert!(!a.risk.register[0].rights.iter().any(|x| x == "child"));
    let before = a.clone();
    assert!(change(&mut a, &mut v, "rk.K1.rt", "happiness", true).is_err(), "no such right");
    assert_eq!(a, before);

    // An id this content does not list (from another version) is said on the card and kept.
    a.risk.register[0].rights.insert(0, "old-right".into());
    let card = card_html(pack(), &a, &v, "K1").expect("a card");
    assert!(card.contains("kept as written: old-right"), "{card}");
    tick(&mut a, &mut v, "rk.K1.rt", "child", true);
    assert!(a.risk.register[0].rights.iter().any(|x| x == "old-right"), "kept through an edit");
}
