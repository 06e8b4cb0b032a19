//! A public transparency record of the system a risk assessment is about, following the fields of the
//! UK Algorithmic Transparency Recording Standard (ATRS; its template's Tier 1 and Tier 2 sections, see
//! docs/transparency-record.md for the mapping and what was confirmed against which source). It is a
//! draft for the agency to review and complete, never published by the app: it carries the profile's
//! facts, the risks' titles and descriptions, their mitigations' actions and status and the decision
//! on each, and leaves out what is not fit for publication as it stands (names of owners and deciders,
//! rationales, existing controls, dates, ratings, notes). A field the assessment does not hold is
//! written empty, for the agency to fill.

use super::profile_answer;
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::Pack;
use crate::core::register::sorted;
use crate::core::report::s;
use crate::core::report::workspace::{decision_key, status_key};
use std::collections::BTreeMap;
use std::fmt::Write;

pub const STANDARD: &str = "UK Algorithmic Transparency Recording Standard (ATRS)";
/// The template whose sections and fields the record follows.
pub const TEMPLATE: &str = "3.0";

/// One field: its key (machine name), and its value.
pub type Field = (&'static str, String);

/// A section of the record: its key and fields.
pub struct Section {
    pub key: &'static str,
    pub fields: Vec<Field>,
}

/// One risk as published: name, description, each mitigation as "action (status)", the decision.
pub struct PublicRisk {
    pub name: String,
    pub description: String,
    pub mitigations: Vec<String>,
    pub decision: String,
}

pub struct Record {
    pub sections: Vec<Section>,
    pub risks: Vec<PublicRisk>,
}

/// Profile answers as the record says them: empty when not answered.
fn answer(pack: &'static Pack, id: &str, answers: &BTreeMap<String, Answer>) -> String {
    let text = profile_answer(pack, id, answers);
    if text == s("results.unanswered") {
        String::new()
    } else {
        text
    }
}

/// Several profile answers in one field, each after its label ("Scale of use: pilot"), the empty
/// ones left out.
fn joined(pack: &'static Pack, ids: &[&str], answers: &BTreeMap<String, Answer>) -> String {
    ids.iter()
        .filter_map(|id| {
            let value = answer(pack, id, answers);
            let label = pack.risk.profile_fields.iter().find(|f| f.id == *id).map(|f| f.label.to_string());
            (!value.is_empty()).then(|| format!("{}: {value}", label.unwrap_or_default()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The record of the system `a` assesses.
pub fn record(pack: &'static Pack, a: &Assessment) -> Record {
    let ans = &a.answers;
    let one = |id: &str| answer(pack, id, ans);
    let many = |ids: &[&str]| joined(pack, ids, ans);
    let sections = vec![
        Section {
            key: "tier_1_overview",
            fields: vec![
                ("name", a.title.clone()),
                ("description", one("purpose")),
                ("website", String::new()),
                ("contact_email", String::new()),
            ],
        },
        Section {
            key: "owner_and_responsibility",
            fields: vec![
                ("organisation", a.subject.clone()),
                ("team", String::new()),
                ("senior_responsible_owner", String::new()),
                ("external_supplier_involvement", one("sourcing")),
                ("external_supplier", one("supplier")),
            ],
        },
        Section {
            key: "description_and_rationale",
            fields: vec![
                (
                    "detailed_description",
                    many(&["application_type", "face_mode", "timing", "prediction_subject"]),
                ),
                ("scope", many(&["people_affected", "scale", "use_period"])),
                ("legal_basis", many(&["legal_regime", "legal_basis"])),
                ("benefit", String::new()),
                ("previous_process", String::new()),
                ("alternatives_considered", String::new()),
            ],
        },
        Section {
            key: "decision_making_process",
            fields: vec![
                ("process_integration", one("decision_path")),
                ("provided_information", one("output_in_record")),
                ("frequency_and_scale_of_usage", many(&["use_frequency", "scale"])),
                ("human_decisions_and_review", many(&["oversight", "oversight_measures"])),
                ("required_training", String::new()),
                ("appeals_and_review", one("redress")),
            ],
        },
        Section {
            key: "tool_specification",
            fields: vec![("phase", one("stage")), ("data", one("data_categories"))],
        },
    ];
    let risks = sorted(pack, &a.risk.register)
        .into_iter()
        .map(|r| PublicRisk {
            name: r.title.clone(),
            description: r.description.clone(),
            mitigations: r
                .mitigations
                .iter()
                .filter(|m| !m.action.trim().is_empty())
                .map(|m| format!("{} ({})", m.action, s(status_key(m.status))))
                .collect(),
            decision: r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d))).to_string(),
        })
        .collect();
    Record { sections, risks }
}

fn json_text(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The record as JSON: what standard and template it follows, that it is a draft, then the sections
/// in the template's order and the risks.
pub fn json(record: &Record, written: &str) -> String {
    let mut o = String::from("{\n");
    let _ = writeln!(o, "  \"standard\": {},", json_text(STANDARD));
    let _ = writeln!(o, "  \"template_version\": {},", json_text(TEMPLATE));
    let _ = writeln!(o, "  \"status\": {},", json_text(s("transparency.draft")));
    let _ = writeln!(o, "  \"written\": {},", json_text(written));
    for section in &record.sections {
        let _ = writeln!(o, "  \"{}\": {{", section.key);
        for (i, (key, value)) in section.fields.iter().enumerate() {
            let comma = if i + 1 < section.fields.len() { "," } else { "" };
            let _ = writeln!(o, "    \"{key}\": {}{comma}", json_text(value));
        }
        o.push_str("  },\n");
    }
    o.push_str("  \"risks_mitigations_and_impact_assessments\": {\n    \"risks\": [");
    for (i, r) in record.risks.iter().enumerate() {
        let mitigations: Vec<String> = r.mitigations.iter().map(|m| json_text(m)).collect();
        let _ = write!(
            o,
            "{}\n      {{\"risk_name\": {}, \"risk_description\": {}, \"mitigations\": [{}], \"decision\": {}}}",
            if i == 0 { "" } else { "," },
            json_text(&r.name),
            json_text(&r.description),
            mitigations.join(", "),
            json_text(&r.decision)
        );
    }
    o.push_str(if record.risks.is_empty() { "]\n  }\n}\n" } else { "\n    ]\n  }\n}\n" });
    o
}

/// The record as CSV rows: section, field, value; each risk as its rows.
pub fn rows(record: &Record) -> Vec<Vec<String>> {
    let mut out = vec![vec!["section".to_string(), "field".into(), "value".into()]];
    for section in &record.sections {
        for (key, value) in &section.fields {
            out.push(vec![section.key.into(), (*key).into(), value.clone()]);
        }
    }
    for (n, r) in record.risks.iter().enumerate() {
        let section = format!("risk_{}", n + 1);
        out.push(vec![section.clone(), "risk_name".into(), r.name.clone()]);
        out.push(vec![section.clone(), "risk_description".into(), r.description.clone()]);
        out.push(vec![section.clone(), "mitigations".into(), r.mitigations.join("\n")]);
        out.push(vec![section, "decision".into(), r.decision.clone()]);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{ContentRef, Kind, NewAssessment};
    use crate::core::content::pack;
    use crate::core::register::{Decision, Mitigation, Risk, Status};

    fn sample() -> Assessment {
        let mut a = Assessment::new(
            "r-1".into(),
            Kind::Risk,
            NewAssessment {
                title: "Pilot".into(),
                subject: "North \"Police\"".into(),
                ..NewAssessment::default()
            },
            ContentRef::of(pack()),
            0,
        );
        a.answers.insert("purpose".into(), Answer::Text("Find missing children faster".into()));
        a.answers.insert("application_type".into(), Answer::Choice("image".into()));
        a.risk.register.push(Risk {
            id: "K1".into(),
            title: "Wrong match".into(),
            description: "A child is matched to someone else".into(),
            decided_by: "Chief Inspector Doe".into(),
            rationale: "internal".into(),
            controls: "the vendor's secret threshold".into(),
            decision: Some(Decision::Treat),
            mitigations: vec![Mitigation {
                action: "Two examiners confirm".into(),
                owner: "Sgt Roe".into(),
                due: "2027-03-31".into(),
                status: Status::Planned,
            }],
            ..Risk::default()
        });
        a
    }

    #[test]
    fn the_record_carries_the_profile_and_the_risks_fit_for_publication() {
        let r = record(pack(), &sample());
        let field = |section: &str, key: &str| {
            r.sections
                .iter()
                .find(|s| s.key == section)
                .and_then(|s| s.fields.iter().find(|f| f.0 == key))
                .map(|f| f.1.clone())
        };
        assert_eq!(field("tier_1_overview", "name").as_deref(), Some("Pilot"));
        assert_eq!(field("owner_and_responsibility", "organisation").as_deref(), Some("North \"Police\""));
        assert_eq!(field("tier_1_overview", "description").as_deref(), Some("Find missing children faster"));
        assert_eq!(field("tier_1_overview", "website").as_deref(), Some(""), "not held: left for the agency");
        assert!(field("description_and_rationale", "detailed_description")
            .unwrap_or_default()
            .starts_with("Application type: "));
        assert_eq!(
            field("decision_making_process", "appeals_and_review").as_deref(),
            Some(""),
            "unanswered is empty"
        );
        assert_eq!(r.risks[0].mitigations, vec!["Two examiners confirm (Planned)".to_string()]);
        assert_eq!(r.risks[0].decision, "Treat");
    }

    #[test]
    fn names_rationales_controls_and_dates_stay_out() {
        let r = record(pack(), &sample());
        let text = json(&r, "2027-01-05") + &crate::core::csv::write(&rows(&r));
        for private in ["Chief Inspector Doe", "Sgt Roe", "internal", "secret threshold", "2027-03-31"] {
            assert!(!text.contains(private), "{private} must not be published");
        }
    }

    #[test]
    fn the_json_is_valid_and_says_what_it_follows() {
        let v: serde_json::Value =
            serde_json::from_str(&json(&record(pack(), &sample()), "2027-01-05")).expect("valid JSON");
        assert_eq!(v["standard"], STANDARD);
        assert_eq!(v["template_version"], TEMPLATE);
        assert_eq!(v["tier_1_overview"]["name"], "Pilot");
        assert_eq!(v["risks_mitigations_and_impact_assessments"]["risks"][0]["risk_name"], "Wrong match");
        let empty = Assessment { risk: Default::default(), ..sample() };
        let v: serde_json::Value =
            serde_json::from_str(&json(&record(pack(), &empty), "2027-01-05")).expect("valid JSON");
        assert_eq!(v["risks_mitigations_and_impact_assessments"]["risks"], serde_json::json!([]));
    }
}
