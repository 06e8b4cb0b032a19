//! A public transparency record of the system a risk assessment is about, following the fields of the
//! UK Algorithmic Transparency Recording Standard (ATRS; the sections of its template v3.0, see
//! docs/transparency-record.md for the mapping, our additions and what was confirmed against which
//! source). It is a draft for the agency to review and complete, never published by the app. It holds
//! the profile's answers (only those the profile still asks), the risks' titles and descriptions, their
//! mitigations' actions and status and the decision on each. The owners of mitigations, who decided,
//! rationales, existing controls, ratings and due dates stay out; free text is copied as written, so
//! the record says to check it for names, legal advice and operational detail. A field the assessment
//! does not hold is written empty, for the agency to fill.

use super::{fria, profile_value};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::Pack;
use crate::core::report::s;
use crate::core::report::workspace::{decision_key, status_key};
use crate::core::risk::{effective_profile, shown};
use std::collections::BTreeMap;
use std::fmt::Write;

pub const STANDARD: &str = "UK Algorithmic Transparency Recording Standard (ATRS)";
/// The template whose sections and fields the record follows.
pub const TEMPLATE: &str = "3.0";

/// Every profile field the record reads: each must be a field of the content (tested).
pub const PROFILE_FIELDS: [&str; 20] = [
    "purpose",
    "sourcing",
    "supplier",
    "application_type",
    "face_mode",
    "timing",
    "prediction_subject",
    "people_affected",
    "use_period",
    "legal_regime",
    "legal_basis",
    "decision_path",
    "output_in_record",
    "use_frequency",
    "scale",
    "oversight",
    "oversight_measures",
    "redress",
    "stage",
    "data_categories",
];

/// One field: its key (machine name), and its value.
pub type Field = (&'static str, String);

/// A section of the record: its key and fields.
pub struct Section {
    pub key: &'static str,
    pub fields: Vec<Field>,
}

/// One risk as published: name, description, each mitigation as "action (status)", the decision
/// (empty when none was recorded).
pub struct PublicRisk {
    pub name: String,
    pub description: String,
    pub mitigations: Vec<String>,
    pub decision: String,
}

/// An impact assessment the record names, for the agency to date and link.
pub struct ImpactAssessment {
    pub name: String,
    pub description: String,
}

pub struct Record {
    pub sections: Vec<Section>,
    pub impact_assessments: Vec<ImpactAssessment>,
    pub risks: Vec<PublicRisk>,
}

/// What the profile says for these fields, each "Label: answer" on a line of its own; a field the
/// profile no longer asks (its condition no longer holds) or nobody answered is left out.
fn profile_text(pack: &'static Pack, a: &Assessment, ids: &[&str]) -> String {
    let profile = effective_profile(pack, &a.answers);
    let answers: &BTreeMap<String, Answer> = &a.answers;
    ids.iter()
        .filter_map(|id| {
            let field = pack.risk.profile_fields.iter().find(|f| f.id == *id && shown(pack, f, &profile))?;
            let value = profile_value(pack, id, answers)?;
            Some(if ids.len() == 1 { value } else { format!("{}: {value}", field.label) })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The record of the system `a` assesses.
pub fn record(pack: &'static Pack, a: &Assessment) -> Record {
    let one = |id: &str| profile_text(pack, a, &[id]);
    let many = |ids: &[&str]| profile_text(pack, a, ids);
    let empty = String::new;
    let sections = vec![
        Section {
            key: "tier_1_overview",
            fields: vec![
                ("name", a.title.clone()),
                ("description", one("purpose")),
                ("website", empty()),
                ("contact_email", empty()),
            ],
        },
        Section {
            key: "owner_and_responsibility",
            fields: vec![
                ("organisation", a.subject.clone()),
                ("team", empty()),
                ("senior_responsible_owner", empty()),
                ("external_supplier_involvement", one("sourcing")),
                ("external_supplier", one("supplier")),
                ("companies_house_number", empty()),
                ("external_supplier_role", empty()),
                ("procurement_procedure_type", empty()),
                ("data_access_terms", empty()),
            ],
        },
        Section {
            key: "description_and_rationale",
            fields: vec![
                (
                    "detailed_description",
                    many(&["application_type", "face_mode", "timing", "prediction_subject"]),
                ),
                ("scope", many(&["people_affected", "use_period"])),
                ("benefit", empty()),
                ("previous_process", empty()),
                ("alternatives_considered", empty()),
            ],
        },
        Section {
            key: "decision_making_process",
            fields: vec![
                ("process_integration", many(&["decision_path", "output_in_record"])),
                ("provided_information", empty()),
                ("frequency_and_scale_of_usage", many(&["use_frequency", "scale"])),
                ("human_decisions_and_review", many(&["oversight", "oversight_measures"])),
                ("required_training", empty()),
                ("appeals_and_review", one("redress")),
            ],
        },
        Section {
            key: "tool_specification",
            fields: vec![("phase", one("stage")), ("data", one("data_categories"))],
        },
        // Not an ATRS field we could confirm: the legal basis a public record of police AI is asked for.
        Section {
            key: "additional_not_in_atrs",
            fields: vec![("legal_basis", many(&["legal_regime", "legal_basis"]))],
        },
    ];
    let mut impact_assessments = vec![ImpactAssessment {
        name: s("transparency.ia_risk").into(),
        description: s("transparency.ia_risk_description").into(),
    }];
    if fria::required(pack, a) {
        impact_assessments.push(ImpactAssessment {
            name: s("transparency.ia_fria").into(),
            description: s("transparency.ia_fria_description").into(),
        });
    }
    // In the register's own order: sorted by level, the order would give the ratings away.
    let risks = a
        .risk
        .register
        .iter()
        .map(|r| PublicRisk {
            name: r.title.clone(),
            description: r.description.clone(),
            mitigations: r
                .mitigations
                .iter()
                .filter(|m| !m.action.trim().is_empty())
                .map(|m| format!("{} ({})", m.action, s(status_key(m.status))))
                .collect(),
            decision: r.decision.map(|d| s(decision_key(d)).to_string()).unwrap_or_default(),
        })
        .collect();
    Record { sections, impact_assessments, risks }
}

fn json_text(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// What the record is: standard, template, that it is a draft and what to check, and when written.
fn about(written: &str) -> [(&'static str, String); 4] {
    [
        ("standard", STANDARD.to_string()),
        ("template_version", TEMPLATE.to_string()),
        ("status", s("transparency.draft").to_string()),
        ("written", written.to_string()),
    ]
}

/// The record as JSON: what it follows and that it is a draft (`"draft": true`), then the sections
/// in the template's order, the impact assessments and the risks.
pub fn json(record: &Record, written: &str) -> String {
    let mut o = String::from("{\n  \"draft\": true,\n");
    for (key, value) in about(written) {
        let _ = writeln!(o, "  \"{key}\": {},", json_text(&value));
    }
    for section in &record.sections {
        let _ = writeln!(o, "  \"{}\": {{", section.key);
        for (i, (key, value)) in section.fields.iter().enumerate() {
            let comma = if i + 1 < section.fields.len() { "," } else { "" };
            let _ = writeln!(o, "    \"{key}\": {}{comma}", json_text(value));
        }
        o.push_str("  },\n");
    }
    o.push_str("  \"risks_mitigations_and_impact_assessments\": {\n    \"impact_assessments\": [");
    let list: Vec<String> = record
        .impact_assessments
        .iter()
        .map(|ia| {
            format!(
                "\n      {{\"name\": {}, \"description\": {}, \"date_completed\": \"\", \"link\": \"\"}}",
                json_text(&ia.name),
                json_text(&ia.description)
            )
        })
        .collect();
    o.push_str(&list.join(","));
    o.push_str(if list.is_empty() { "],\n    \"risks\": [" } else { "\n    ],\n    \"risks\": [" });
    let risks: Vec<String> = record
        .risks
        .iter()
        .map(|r| {
            let mitigations: Vec<String> = r.mitigations.iter().map(|m| json_text(m)).collect();
            format!(
                "\n      {{\"risk_name\": {}, \"risk_description\": {}, \"mitigations\": [{}], \"decision\": {}}}",
                json_text(&r.name),
                json_text(&r.description),
                mitigations.join(", "),
                json_text(&r.decision)
            )
        })
        .collect();
    o.push_str(&risks.join(","));
    o.push_str(if risks.is_empty() { "]\n  }\n}\n" } else { "\n    ]\n  }\n}\n" });
    o
}

/// The record as CSV rows: section, field, value; first what the record is (a draft), then the
/// sections, each impact assessment and each risk as its rows.
pub fn rows(record: &Record, written: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec!["section".to_string(), "field".into(), "value".into()]];
    out.push(vec!["record".into(), "draft".into(), "true".into()]);
    for (key, value) in about(written) {
        out.push(vec!["record".into(), key.into(), value]);
    }
    for section in &record.sections {
        for (key, value) in &section.fields {
            out.push(vec![section.key.into(), (*key).into(), value.clone()]);
        }
    }
    for (n, ia) in record.impact_assessments.iter().enumerate() {
        let section = format!("impact_assessment_{}", n + 1);
        out.push(vec![section.clone(), "name".into(), ia.name.clone()]);
        out.push(vec![section.clone(), "description".into(), ia.description.clone()]);
        out.push(vec![section.clone(), "date_completed".into(), String::new()]);
        out.push(vec![section, "link".into(), String::new()]);
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
            likelihood: 2,
            severity: 2,
            mitigations: vec![Mitigation {
                action: "Two examiners confirm".into(),
                owner: "Sgt Roe".into(),
                due: "2027-03-31".into(),
                status: Status::Planned,
            }],
            ..Risk::default()
        });
        a.risk.register.push(Risk {
            id: "K2".into(),
            title: "Undecided".into(),
            likelihood: 5,
            severity: 5,
            ..Risk::default()
        });
        a
    }

    fn field(r: &Record, section: &str, key: &str) -> Option<String> {
        r.sections
            .iter()
            .find(|s| s.key == section)
            .and_then(|s| s.fields.iter().find(|f| f.0 == key))
            .map(|f| f.1.clone())
    }

    #[test]
    fn the_record_carries_the_profile_and_the_risks_fit_for_publication() {
        let r = record(pack(), &sample());
        assert_eq!(field(&r, "tier_1_overview", "name").as_deref(), Some("Pilot"));
        assert_eq!(
            field(&r, "owner_and_responsibility", "organisation").as_deref(),
            Some("North \"Police\"")
        );
        assert_eq!(
            field(&r, "tier_1_overview", "description").as_deref(),
            Some("Find missing children faster")
        );
        assert_eq!(
            field(&r, "tier_1_overview", "website").as_deref(),
            Some(""),
            "not held: left for the agency"
        );
        assert!(field(&r, "description_and_rationale", "detailed_description")
            .unwrap_or_default()
            .starts_with("Application type: "));
        assert_eq!(
            field(&r, "decision_making_process", "appeals_and_review").as_deref(),
            Some(""),
            "unanswered is empty"
        );
        assert_eq!(r.risks[0].mitigations, vec!["Two examiners confirm (Planned)".to_string()]);
        assert_eq!(r.risks[0].decision, "Treat");
        assert_eq!(r.risks[1].decision, "", "no decision recorded: empty, not a word");
        assert_eq!(r.impact_assessments.len(), 1, "no high-risk use: the risk assessment only");
    }

    #[test]
    fn an_answer_the_profile_no_longer_asks_is_not_published() {
        let mut a = sample();
        // A face function answered while the system was an image tool, then the type changed.
        a.answers.insert("face_mode".into(), Answer::Choice("1ton".into()));
        assert!(field(&record(pack(), &a), "description_and_rationale", "detailed_description")
            .unwrap_or_default()
            .contains('\n'));
        a.answers.insert("application_type".into(), Answer::Choice("text-speech".into()));
        let detailed = field(&record(pack(), &a), "description_and_rationale", "detailed_description")
            .unwrap_or_default();
        assert!(!detailed.contains("Face"), "{detailed}");
    }

    #[test]
    fn risks_keep_the_register_order_not_their_levels() {
        let names: Vec<String> = record(pack(), &sample()).risks.into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["Wrong match", "Undecided"], "the critical K2 is not put first");
    }

    #[test]
    fn every_profile_field_the_record_reads_exists() {
        for id in PROFILE_FIELDS {
            assert!(pack().risk.profile_fields.iter().any(|f| f.id == id), "no profile field {id}");
        }
    }

    #[test]
    fn names_rationales_controls_ratings_and_dates_stay_out() {
        let r = record(pack(), &sample());
        let text = json(&r, "2027-01-05") + &crate::core::csv::write(&rows(&r, "2027-01-05"));
        for private in
            ["Chief Inspector Doe", "Sgt Roe", "internal", "secret threshold", "2027-03-31", "Critical"]
        {
            assert!(!text.contains(private), "{private} must not be published");
        }
    }

    #[test]
    fn both_files_say_they_are_a_draft_and_what_they_follow() {
        let r = record(pack(), &sample());
        let v: serde_json::Value = serde_json::from_str(&json(&r, "2027-01-05")).expect("valid JSON");
        assert_eq!(v["draft"], true);
        assert_eq!(v["standard"], STANDARD);
        assert_eq!(v["template_version"], TEMPLATE);
        assert_eq!(v["tier_1_overview"]["name"], "Pilot");
        let part = &v["risks_mitigations_and_impact_assessments"];
        assert_eq!(part["risks"][0]["risk_name"], "Wrong match");
        assert_eq!(part["impact_assessments"][0]["date_completed"], "");
        let rows = rows(&r, "2027-01-05");
        assert_eq!(rows[1], ["record", "draft", "true"]);
        assert_eq!(rows[2], ["record", "standard", STANDARD]);
        let empty = Assessment { risk: Default::default(), ..sample() };
        let v: serde_json::Value =
            serde_json::from_str(&json(&record(pack(), &empty), "2027-01-05")).expect("valid JSON");
        assert_eq!(v["risks_mitigations_and_impact_assessments"]["risks"], serde_json::json!([]));
    }
}
