use super::*;

/// The sample as its file in `content/samples` holds it.
fn read(id: &str) -> Result<Assessment, String> {
    let path = format!("{}/content/{}", env!("CARGO_MANIFEST_DIR"), path(id));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    copy(&text, "sample".into(), 0).map(|a| Assessment { id: String::new(), ..a })
}
use crate::core::assessment::{Answer, GENERAL_NOTES};
use crate::core::content::pack;
use crate::core::questionnaire::progress;
use crate::core::register::level;
use crate::core::risk::pending;

#[test]
fn every_sample_opens_and_says_it_is_fictional_wherever_it_appears() {
    for (id, kind, title) in SAMPLES {
        let a = read(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(a.title.starts_with("Sample (fictional): "), "{id}: title {}", a.title);
        assert_eq!((a.kind, a.title.as_str()), (kind, title), "{id}: the list says what the file holds");
        assert!(a.subject.starts_with("Fictional agency: "), "{id}: subject {}", a.subject);
        assert!(a.respondent.name.starts_with("Fictional "), "{id}: respondent {}", a.respondent.name);
        let general = a.notes.get(GENERAL_NOTES).map(String::as_str).unwrap_or_default();
        assert!(general.starts_with("FICTIONAL EXAMPLE: "), "{id}: general notes {general}");
        assert_eq!(a.content.version, pack().info.version.as_ref(), "{id}: answered against this content");
    }
}

#[test]
fn every_sample_is_fully_answered() {
    for (id, _, _) in SAMPLES {
        let a = read(id).expect("opens");
        // A workbook is answered along its route (the stages it skips are not asked): every prompt
        // written, every check given a state, "not done" included, as a stage under way has.
        let (answered, total) = match a.kind {
            Kind::Workbook => crate::core::workbook::stages(pack(), &a).iter().fold((0, 0), |(n, t), st| {
                let p = crate::core::workbook::progress(&a, st);
                let stated = st.checks.iter().filter(|c| a.answers.contains_key(c.id.as_ref())).count();
                (n + p.answered + stated, t + p.prompts + p.checks)
            }),
            _ => progress(pack(), &a),
        };
        assert_eq!(answered, total, "{id}: {answered} of {total} answered");
        assert!(total > 0, "{id}");
    }
}

#[test]
fn the_workbook_sample_is_worked_along_its_route_with_its_log() {
    let a = read("workbook-face-search").expect("opens");
    assert!(a.workbook.route.is_some(), "a route chosen");
    assert!(a.workbook.log.len() >= 3, "decisions logged");
    for st in crate::core::workbook::stages(pack(), &a) {
        if a.workbook.is_complete(&st.stage) {
            let open = crate::core::workbook::open_blocking(&a, st);
            assert!(
                open.is_empty() || a.workbook.override_of(&st.stage).is_some(),
                "{}: complete with open blocking checks and no override",
                st.stage
            );
        }
    }
}

#[test]
fn every_risk_sample_has_a_worked_register() {
    let p = pack();
    let risks: Vec<Assessment> =
        SAMPLES.iter().map(|(id, _, _)| read(id).expect("opens")).filter(|a| a.kind == Kind::Risk).collect();
    assert_eq!(risks.len(), 5, "five risk assessments");
    for a in &risks {
        assert!(
            pending(p, a).is_empty(),
            "{}: every proposal accepted or dismissed: {:?}",
            a.title,
            pending(p, a)
        );
        assert!(a.risk.register.len() >= 4, "{}", a.title);
        assert!(
            a.risk.register.iter().any(|r| r.template.is_empty()),
            "{}: one risk written by hand",
            a.title
        );
        for r in &a.risk.register {
            let what = format!("{} {}", a.title, r.id);
            assert!(level(p, r.likelihood, r.severity).is_some(), "{what}: rated");
            assert!(
                level(p, r.residual_likelihood, r.residual_severity).is_some(),
                "{what}: rated after mitigation"
            );
            assert!(r.decision.is_some() && !r.rationale.trim().is_empty(), "{what}: decided, with reasons");
            assert!(!r.mitigations.is_empty(), "{what}: mitigated");
            assert!(!r.rights.is_empty(), "{what}: linked to a right");
            assert!(
                r.rights.iter().all(|x| p.risk.rights.iter().any(|y| y.id == *x)),
                "{what}: known rights"
            );
        }
    }
}

#[test]
fn the_readiness_sample_shows_a_critical_gap() {
    let a = read("readiness-agency").expect("opens");
    assert_eq!(a.kind, Kind::Readiness);
    let critical = pack().readiness.dimensions.iter().flat_map(|d| d.questions.iter()).filter(|q| q.critical);
    let gaps =
        critical.filter(|q| matches!(a.answers.get(q.id.as_ref()), Some(Answer::Level(0 | 1)))).count();
    assert!(gaps > 0, "at least one critical item at level 0 or 1");
}

#[test]
fn a_copy_is_a_new_assessment_and_the_list_offers_every_sample() {
    let text =
        std::fs::read_to_string(format!("{}/content/samples/abuse-triage.json", env!("CARGO_MANIFEST_DIR")))
            .expect("the file");
    let a = copy(&text, "new-id".into(), 42).expect("a copy");
    assert_eq!((a.id.as_str(), a.created, a.updated), ("new-id", 42, 42));
    assert!(
        !a.answers.is_empty() && !a.risk.register.is_empty(),
        "the answers and register as in the sample"
    );
    assert!(copy("{\"format\":\"something else\"}", "x".into(), 0).is_err(), "not an answer file");
    let html = list_html();
    for (id, _, _) in SAMPLES {
        assert!(html.contains(&format!("data-act=\"sample.{id}\"")), "{id}");
    }
    assert!(html.contains("Sample (fictional): "), "{html}");
}
