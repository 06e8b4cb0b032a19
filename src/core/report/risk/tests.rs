use super::heat::cells;
use super::*;
use crate::core::answer_file::{self, Opened};
use crate::core::assessment::{ContentRef, Kind, NewAssessment};
use crate::core::content::pack;
use crate::core::register::{Decision, Mitigation, Status};
use crate::core::report::tags::tags;

fn risk(id: &str, title: &str, l: u8, sv: u8, rl: u8, rs: u8, principles: &[&str]) -> Risk {
    Risk {
        id: id.into(),
        title: title.into(),
        likelihood: l,
        severity: sv,
        residual_likelihood: rl,
        residual_severity: rs,
        principles: principles.iter().map(|p| p.to_string()).collect(),
        ..Risk::default()
    }
}

fn sample() -> Assessment {
    let mut a = Assessment::new(
        "r-1".into(),
        Kind::Risk,
        NewAssessment { title: "Face search <pilot>".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        0,
    );
    a.answers.insert("application_type".into(), Answer::Choice("image".into()));
    a.answers.insert("face_mode".into(), Answer::Choice("1ton".into()));
    a.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    let mut k1 = risk("K1", "No legal basis", 3, 5, 2, 4, &["P1.1", "P5.1"]);
    k1.mitigations = vec![
        Mitigation {
            action: "Legal opinion".into(),
            owner: "Legal".into(),
            due: "2026-01-01".into(),
            status: Status::InProgress,
        },
        Mitigation {
            action: "Limit <scope>".into(),
            owner: String::new(),
            due: String::new(),
            status: Status::Planned,
        },
    ];
    k1.decision = Some(Decision::Treat);
    a.risk.register =
        vec![risk("K2", "Fatigue", 2, 2, 0, 0, &["P2.1"]), k1, risk("K3", "Unrated", 0, 0, 0, 0, &["P1.1"])];
    a
}

fn meta() -> ReportMeta {
    ReportMeta {
        generated: "2026-11-23 10:00".into(),
        updated: "2026-11-22 09:00".into(),
        now: 1_795_000_000_000,
    }
}

#[test]
fn heat_maps_count_each_rated_risk_in_its_cell() {
    let a = sample();
    let inherent = cells(&a.risk.register, false);
    assert_eq!(inherent[2][4], 1, "K1 at L3 S5");
    assert_eq!(inherent[1][1], 1, "K2 at L2 S2");
    assert_eq!(inherent.iter().flatten().sum::<usize>(), 2, "the unrated risk is in no cell");
    let residual = cells(&a.risk.register, true);
    assert_eq!(residual[1][3], 1);
    assert_eq!(residual.iter().flatten().sum::<usize>(), 1);
    let html = crate::core::report::document::html(&heat_map(pack(), &a.risk.register, false));
    assert!(html.contains("role=\"img\""));
    // The table alternative: row "3 Possible", column 5 holds "1 · Critical".
    assert!(html.contains("<tr><th scope=\"row\">3 Possible</th><td>0 · Low</td><td>0 · Medium</td><td>0 · Medium</td><td>0 · High</td><td>1 · Critical</td></tr>"), "{html}");
}

#[test]
fn results_read_the_register_by_level_and_say_what_is_open() {
    let a = sample();
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    assert!(html.contains(s("results.decide")));
    let (k1, k2, k3) = (
        html.find("K1 No legal basis").unwrap_or(0),
        html.find("K2 Fatigue").unwrap_or(0),
        html.find("K3 Unrated").unwrap_or(0),
    );
    assert!(k1 > 0 && k1 < k2 && k2 < k3, "highest level first, unrated last");
    assert!(html.contains("Critical (L3 × S5)"));
    assert!(html.contains("<td>2 (2 open)</td>"), "K1: two mitigations, neither done");
    // Attention: the overdue one and the one without an owner, escaped.
    assert!(html.contains("<strong>Overdue:</strong> K1 No legal basis: Legal opinion"), "{html}");
    assert!(html.contains("<strong>No owner:</strong> K1 No legal basis: Limit &lt;scope&gt;"));
    // Where the risk concentrates: P1.1 has two risks, the highest Critical.
    let row = &html[html.find("<th scope=\"row\">P1.1 Legitimacy</th>").expect("a row for P1.1")..];
    let row = &row[..row.find("</tr>").unwrap_or(row.len())];
    assert!(row.ends_with("</svg> 2</td><td>Critical</td>"), "{row}");
    let bar = &tags(row, "rect")[0];
    assert_eq!(bar["width"], "100", "the longest bar: P1.1 has the most risks");
    assert!(html.contains("<li>1 risks are not rated yet.</li>"));
    assert!(html.contains("2 risks have no decision yet."));
    assert!(html.contains("proposed risks wait"), "S1.1.1 = no proposes the legal-basis template");
}

#[test]
fn the_report_carries_the_register_and_reimports() {
    let mut a = sample();
    a.risk.dismissed.insert("T-frt-watchlist".into(), "Run by <another> agency".into());
    a.notes.insert("S1.1.1".into(), "Mandate <unclear>".into());
    let doc =
        crate::core::report::report_document(pack(), &a, &meta(), true).expect("a report for this kind");
    assert!(doc.contains("<h1>Face search &lt;pilot&gt;</h1>"));
    assert!(doc.contains("Run by &lt;another&gt; agency"));
    assert!(doc.contains("Mandate &lt;unclear&gt;"));
    assert!(!doc.contains("<scope>") && !doc.contains("<pilot>"), "user text is escaped");
    match answer_file::open(doc.as_bytes()) {
        Ok(Opened::Plain(file)) => assert_eq!(file.assessments[0].risk, a.risk),
        other => panic!("{other:?}"),
    }
    let md = crate::core::report::report_markdown(pack(), &a, &meta()).expect("a report for this kind");
    assert!(md.starts_with("# Face search \\<pilot\\>"), "{md}");
    assert!(
        md.contains("| 3 Possible | 0 · Low | 0 · Medium | 0 · Medium | 0 · High | 1 · Critical |"),
        "{md}"
    );
    assert!(md.contains("### K1 No legal basis"));
}

// The finding leads the results, above the summary, with each practice's article.
#[test]
fn a_ticked_prohibited_practice_leads_the_results_with_its_article() {
    let mut a = sample();
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    a.answers.insert("prohibited_practices".into(), Answer::Choices(vec!["face-scraping".into()]));
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    let (before, _) = html.split_once("Summary").expect("a summary");
    assert!(before.contains("<h2>Likely prohibited: EU AI Act, Article 5</h2>"), "{before}");
    assert!(before.contains("<span class=\"r-ref\">AI Act Art. 5(1)(e)</span>"), "{before}");
    let md = crate::core::report::document::markdown(&risk_results(pack(), &a, "2026-11-23"));
    assert!(md.contains("## Likely prohibited: EU AI Act, Article 5"), "{md}");
}

// The classification follows the finding, its duties open first, each with its article, in words.
#[test]
fn a_high_risk_system_lists_its_uses_and_its_open_duties() {
    let mut a = sample();
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    a.answers.insert("deployer_duties".into(), Answer::Choices(vec!["logs".into()]));
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    let (before, _) = html.split_once("Summary").expect("a summary");
    let class =
        before.split_once("<h2>High-risk AI system: EU AI Act, Annex III</h2>").expect("classified").1;
    assert!(class.contains("<span class=\"r-ref\">AI Act Annex III(1)(a)</span>"), "{class}");
    assert!(class.contains("11 of 12 duties still open"), "{class}");
    let open = class.find("<strong>Open:</strong>").expect("an open duty");
    let met = class.find("<strong>Met:</strong> The logs").expect("the met duty");
    assert!(open < met, "open duties first");
    assert!(!class.contains("(Art. 26(6))"), "the article is not said twice");
}

#[test]
fn what_is_open_names_a_standing_finding_and_open_duties() {
    let mut a = sample();
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    a.answers.insert("prohibited_practices".into(), Answer::Choices(vec!["face-scraping".into()]));
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    assert!(html.contains("The finding &quot;likely prohibited&quot; stands"), "{html}");
    assert!(html.contains("Deployer duties still open: 12."), "{html}");
}

// Face scraping admits no exception: the summary of the exceptions would only mislead there.
#[test]
fn the_exceptions_are_summarised_only_where_one_is_possible_and_once() {
    let summary = "The exceptions, in summary.";
    let mut a = sample();
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    a.answers.insert("prohibited_practices".into(), Answer::Choices(vec!["face-scraping".into()]));
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    assert!(!html.contains(summary));
    a.answers.insert(
        "prohibited_practices".into(),
        Answer::Choices(vec!["face-scraping".into(), "realtime-rbi".into()]),
    );
    a.answers.insert("prohibited_exception".into(), Answer::Text("Art. 5(1)(h)(i)".into()));
    let html = crate::core::report::document::html(&risk_results(pack(), &a, "2026-11-23"));
    assert_eq!(html.matches(summary).count(), 1, "{html}");
    assert!(html.contains("An exception to a prohibited practice is claimed"));
}

// The report's profile says what the profile view says: an implied practice counts, ticked or not.
#[test]
fn the_reports_profile_names_an_implied_practice() {
    let mut a = sample();
    for (field, value) in [("legal_regime", "eu"), ("timing", "live"), ("public_space", "yes")] {
        a.answers.insert(field.into(), Answer::Choice(value.into()));
    }
    let meta = meta();
    let html = crate::core::report::document::html(&risk_report(pack(), &a, &meta));
    let profile = html.split("class=\"r-profile\"").nth(1).expect("the profile");
    let row = profile.split("Practices the EU AI Act prohibits").nth(1).expect("the practices row");
    let row = &row[..row.find("</dd>").expect("its answer")];
    assert!(row.contains("Counted from your other answers: Identifying people at a distance"), "{row}");
}

/// The sample with rights: K1 harms private life and liberty, K2 private life, K3 none.
fn with_rights() -> Assessment {
    let mut a = sample();
    for r in a.risk.register.iter_mut() {
        r.rights = match r.id.as_str() {
            "K1" => vec!["privacy".into(), "liberty".into()],
            "K2" => vec!["privacy".into()],
            _ => Vec::new(),
        };
    }
    a.risk.register[1].affected_groups = vec!["Suspects".into(), "Everyone searched".into()];
    a
}

#[test]
fn each_right_lists_the_risks_that_would_harm_it_with_their_highest_levels() {
    let a = with_rights();
    let p = pack();
    let stake = at_stake(p, &a.risk.register);
    assert_eq!(stake.len(), p.risk.rights.len(), "every right of the pack, touched or not");
    let privacy = stake.iter().find(|x| x.right.id == "privacy").expect("privacy");
    assert_eq!(privacy.risks.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["K1", "K2"]);
    assert_eq!(privacy.highest(p, false).map(|l| l.id.as_ref()), level(p, 3, 5).map(|l| l.id.as_ref()));
    assert_eq!(privacy.highest(p, true).map(|l| l.id.as_ref()), level(p, 2, 4).map(|l| l.id.as_ref()));
    assert!(stake.iter().find(|x| x.right.id == "child").is_some_and(|x| x.risks.is_empty()));

    let html = super::super::results_html(p, &a, "2026-11-23").expect("results");
    let section = &html[html.find("Rights at stake").expect("the section")..];
    assert!(section.contains("Private life and personal data"), "{section}");
    assert!(section.contains("EU Charter Art. 7 · EU Charter Art. 8 · ECHR Art. 8"), "its articles");
    assert!(section.contains("Legal opinion (K1;"), "the mitigations of its risks");
    assert!(
        section.contains("No risk in the register is linked to: Human dignity;"),
        "untouched rights named"
    );
    let md = super::super::report_markdown(p, &a, &meta()).expect("markdown");
    assert!(md.contains("## Rights at stake"), "the report's Markdown has it too");
}

#[test]
fn with_no_risk_linked_to_a_right_the_section_says_how_to_link_them() {
    let html = super::super::results_html(pack(), &sample(), "2026-11-23").expect("results");
    assert!(html.contains("No risk in the register is linked to a right yet."), "{html}");
}

#[test]
fn the_rights_assessment_follows_article_27_then_summarises_for_the_authority() {
    let mut a = with_rights();
    // Under the EU regime a one-to-many face search is a high-risk use: Art. 27 applies.
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    a.answers.insert("use_period".into(), Answer::Text("From March 2027 <for a year>".into()));
    a.answers
        .insert("redress".into(), Answer::Text("Complaints go to the professional standards unit.".into()));
    let doc = super::super::fria_document(pack(), &a, &meta()).expect("a risk assessment has one");
    assert!(doc.starts_with("<!DOCTYPE html>") && !doc.contains("<script"), "one file, no script");
    let mut at = 0;
    for part in [
        "(a) How and for what",
        "(b) Period",
        "(c) People",
        "(d) Specific risks",
        "(e) Human oversight",
        "(f) If the risks",
        "Summary for the notification",
    ] {
        let found = doc[at..].find(part).unwrap_or_else(|| panic!("{part} after the part before it"));
        at += found;
    }
    assert!(doc.contains("From March 2027 &lt;for a year&gt;"), "answers shown, escaped");
    assert!(doc.contains("Groups named in the register&#39;s risks: Suspects; Everyone searched."), "{doc}");
    assert!(doc.contains("K1 No legal basis: Treat"), "each risk's decision");
    let summary = &doc[doc.find("Summary for the notification").expect("summary")..];
    assert!(summary.contains("Private life and personal data: highest residual level"), "{summary}");
    assert!(summary.contains("Complaints go to the professional standards unit."));
    assert!(doc.contains("Fundamental-rights impact assessment (AI Act Art. 27)"));
}

#[test]
fn without_a_high_risk_use_the_rights_assessment_is_voluntary_and_notifies_no_one() {
    let mut a = with_rights();
    a.answers.insert("legal_regime".into(), Answer::Choice("other".into()));
    let doc = super::super::fria_document(pack(), &a, &meta()).expect("a risk assessment has one");
    assert!(doc.contains("laid out as AI Act Art. 27 asks"), "{doc}");
    assert!(doc.contains("No notification to a market surveillance authority follows"));
    assert!(!doc.contains("Summary for the notification"), "no summary for an authority");
}

#[test]
fn the_rights_assessment_leaves_out_what_the_profile_does_not_ask() {
    let mut a = with_rights();
    a.answers.insert("application_type".into(), Answer::Choice("text-speech".into()));
    let timing = pack().risk.profile_fields.iter().find(|f| f.id == "timing").expect("a timing field");
    let doc = super::super::fria_document(pack(), &a, &meta()).expect("a risk assessment has one");
    assert!(!doc.contains(timing.label.as_ref()), "timing is asked of image analysis only");
    a.answers.insert("application_type".into(), Answer::Choice("image".into()));
    let doc = super::super::fria_document(pack(), &a, &meta()).expect("a risk assessment has one");
    assert!(doc.contains(timing.label.as_ref()), "and shown, unanswered, where it is asked");
}

#[test]
fn an_unrated_risk_never_makes_a_right_look_safer_and_unlinked_risks_are_named() {
    let mut a = with_rights();
    a.answers.insert("legal_regime".into(), Answer::Choice("eu".into()));
    // K2 (privacy) rated after mitigation, K1 (privacy, liberty) not.
    a.risk.register[1].residual_likelihood = 0;
    a.risk.register[1].residual_severity = 0;
    a.risk.register[0].residual_likelihood = 1;
    a.risk.register[0].residual_severity = 1;
    a.risk
        .register
        .push(Risk { rights: vec!["old-right".into()], ..risk("K4", "Renamed right", 2, 2, 1, 1, &[]) });
    let html = super::super::results_html(pack(), &a, "2026-11-23").expect("results");
    let privacy = level(pack(), 1, 1).expect("a level").label.to_string();
    assert!(html.contains(&format!("{privacy} (1 not rated yet)")), "{html}");
    let loose = &html[html.find("linked to no right listed here").expect("the unlinked risks")..];
    assert!(loose.contains("K3 Unrated"), "a risk with no right: {loose}");
    assert!(
        loose.contains("K4 Renamed right</strong> (rights this content does not list: old-right)"),
        "{loose}"
    );
    let doc = super::super::fria_document(pack(), &a, &meta()).expect("a document");
    let summary = &doc[doc.find("Summary for the notification").expect("summary")..];
    // K1 is not rated after mitigation, nor is K3.
    assert!(
        summary.contains("Risks not yet rated after mitigation</dt><dd class=\"r-note\">2</dd>"),
        "{summary}"
    );
}

#[test]
fn only_a_risk_assessment_has_a_rights_assessment() {
    let mut a = sample();
    a.kind = Kind::Readiness;
    assert_eq!(super::super::fria_document(pack(), &a, &meta()), None);
}
