//! The spreadsheet of an assessment (`ooxml::xlsx`): for a readiness assessment one row per question
//! and a sheet of scores; for a risk assessment the register, one row per risk, and its mitigations,
//! one row each, with levels as numbers and as words and due dates as dates.

use super::frame::facts;
use super::{answer_text, s, ReportMeta};
use crate::core::assessment::{Answer, Assessment, Kind};
use crate::core::content::model::Pack;
use crate::core::ooxml::xlsx::{Cell, Sheet};
use crate::core::questionnaire;
use crate::core::register::{level, right_labels, sorted, Risk};
use crate::core::report::workspace::{decision_key, status_key};
use crate::core::scoring::readiness::score;

fn columns(headings: &[(&'static str, u32)]) -> Vec<(String, u32)> {
    headings.iter().map(|(key, width)| (s(key).to_string(), *width)).collect()
}

/// The sheets of `a` (`None` for a tool without them), the last one saying what the file is: the
/// assessment, the tool, who and when, and that the tool is independent.
pub fn sheets(pack: &'static Pack, a: &Assessment, tool: &str, meta: &ReportMeta) -> Option<Vec<Sheet>> {
    let mut list = match a.kind {
        Kind::Readiness => readiness(pack, a),
        Kind::Risk => risk(pack, a),
        Kind::Workbook => return None,
    };
    let mut rows = vec![
        [s("sheet.assessment").to_string(), a.title.clone()],
        [s("sheet.tool").to_string(), tool.to_string()],
    ];
    rows.extend(facts(a, meta).into_iter().map(|(k, v)| [k, v]));
    rows.push([s("sheet.independence").to_string(), s("app.independence").to_string()]);
    list.push(Sheet {
        name: s("sheet.about").into(),
        columns: columns(&[("sheet.field", 28), ("sheet.value", 90)]),
        rows: rows.into_iter().map(|[k, v]| vec![Cell::text(k), Cell::text(v)]).collect(),
    });
    Some(list)
}

fn readiness(pack: &'static Pack, a: &Assessment) -> Vec<Sheet> {
    let form = questionnaire::readiness(pack);
    let mut answers = Vec::new();
    for section in &form.sections {
        for item in &section.items {
            let given = a.answers.get(item.id);
            let number = match given {
                Some(Answer::Level(n)) => Cell::int(*n),
                _ => Cell::Empty,
            };
            answers.push(vec![
                Cell::text(item.id),
                Cell::text(format!("{} {}", section.id, section.title)),
                Cell::text(item.text),
                number,
                Cell::text(answer_text(&form, item.id, given).0),
                Cell::text(a.notes.get(item.id).map(String::as_str).unwrap_or_default()),
            ]);
        }
    }
    let result = score(pack, &a.answers);
    let mut scores: Vec<Vec<Cell>> = result
        .dimensions
        .iter()
        .map(|d| {
            let name = pack
                .readiness
                .dimensions
                .iter()
                .find(|x| x.id == d.id)
                .map(|x| x.name.as_ref())
                .unwrap_or_default();
            vec![
                Cell::text(d.id),
                Cell::text(name),
                d.score.map_or(Cell::Empty, Cell::tenths),
                Cell::text(d.band.map(|b| b.label.as_ref()).unwrap_or_default()),
                Cell::int(d.answered as i64),
                Cell::int(d.applicable as i64),
            ]
        })
        .collect();
    scores.push(vec![
        Cell::Empty,
        Cell::text(s("sheet.overall")),
        result.overall.map_or(Cell::Empty, Cell::tenths),
        Cell::text(result.overall_band.map(|b| b.label.as_ref()).unwrap_or_default()),
        Cell::int(result.answered as i64),
        Cell::int(result.applicable as i64),
    ]);
    vec![
        Sheet {
            name: s("sheet.answers").into(),
            columns: columns(&[
                ("sheet.id", 8),
                ("sheet.dimension", 28),
                ("sheet.question", 60),
                ("sheet.level", 10),
                ("sheet.answer", 30),
                ("sheet.notes", 60),
            ]),
            rows: answers,
        },
        Sheet {
            name: s("sheet.scores").into(),
            columns: columns(&[
                ("sheet.id", 8),
                ("sheet.dimension", 40),
                ("sheet.score", 14),
                ("sheet.band", 18),
                ("sheet.answered", 12),
                ("sheet.applicable", 12),
            ]),
            rows: scores,
        },
    ]
}

/// A rating as a number, empty when not rated.
fn rating(n: u8) -> Cell {
    if n == 0 {
        Cell::Empty
    } else {
        Cell::int(n)
    }
}

fn level_label(pack: &Pack, l: u8, sv: u8) -> Cell {
    Cell::text(level(pack, l, sv).map_or_else(|| s("risk.not_rated").to_string(), |x| x.label.to_string()))
}

fn risk(pack: &'static Pack, a: &Assessment) -> Vec<Sheet> {
    let risks: Vec<&Risk> = sorted(pack, &a.risk.register);
    let register = risks
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.id.as_str()),
                Cell::text(r.title.as_str()),
                Cell::text(r.description.as_str()),
                Cell::text(r.principles.join(", ")),
                Cell::text(right_labels(pack, &r.rights).join("; ")),
                Cell::text(r.affected_groups.join(", ")),
                Cell::text(r.stage.as_str()),
                rating(r.likelihood),
                rating(r.severity),
                level_label(pack, r.likelihood, r.severity),
                Cell::text(r.controls.as_str()),
                rating(r.residual_likelihood),
                rating(r.residual_severity),
                level_label(pack, r.residual_likelihood, r.residual_severity),
                Cell::text(r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d)))),
                Cell::text(r.decided_by.as_str()),
                Cell::text(r.rationale.as_str()),
            ]
        })
        .collect();
    let mitigations = risks
        .iter()
        .flat_map(|r| {
            r.mitigations.iter().map(|m| {
                vec![
                    Cell::text(r.id.as_str()),
                    Cell::text(r.title.as_str()),
                    Cell::text(m.action.as_str()),
                    Cell::text(m.owner.as_str()),
                    if m.due.is_empty() { Cell::Empty } else { Cell::Date(m.due.clone()) },
                    Cell::text(s(status_key(m.status))),
                ]
            })
        })
        .collect();
    vec![
        Sheet {
            name: s("sheet.register").into(),
            columns: columns(&[
                ("sheet.id", 8),
                ("sheet.title", 36),
                ("sheet.description", 50),
                ("sheet.principles", 20),
                ("sheet.rights", 30),
                ("sheet.affected_groups", 24),
                ("sheet.stage", 16),
                ("sheet.likelihood", 12),
                ("sheet.severity", 12),
                ("sheet.inherent_level", 14),
                ("sheet.controls", 40),
                ("sheet.residual_likelihood", 14),
                ("sheet.residual_severity", 14),
                ("sheet.residual_level", 14),
                ("sheet.decision", 20),
                ("sheet.decided_by", 20),
                ("sheet.rationale", 40),
            ]),
            rows: register,
        },
        Sheet {
            name: s("sheet.mitigations").into(),
            columns: columns(&[
                ("sheet.risk", 8),
                ("sheet.title", 36),
                ("sheet.action", 50),
                ("sheet.owner", 20),
                ("sheet.due", 12),
                ("sheet.status", 14),
            ]),
            rows: mitigations,
        },
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{ContentRef, NewAssessment};
    use crate::core::content::pack;
    use crate::core::register::{Decision, Mitigation, Status};

    fn new(kind: Kind) -> Assessment {
        Assessment::new(
            "a-1".into(),
            kind,
            NewAssessment { title: "Unit".into(), ..NewAssessment::default() },
            ContentRef::of(pack()),
            0,
        )
    }

    fn meta() -> ReportMeta {
        ReportMeta { generated: "2027-01-05 10:00".into(), updated: "2027-01-04 09:00".into(), now: 0 }
    }

    #[test]
    fn the_last_sheet_says_what_the_file_is() {
        let list = sheets(pack(), &new(Kind::Risk), "Risk assessment", &meta()).expect("risk has sheets");
        let about = list.last().expect("an about sheet");
        assert_eq!(about.name, "About this file");
        assert_eq!(about.rows[0], vec![Cell::text("Assessment"), Cell::text("Unit")]);
        assert!(about
            .rows
            .iter()
            .any(|r| r == &vec![Cell::text("Report generated"), Cell::text("5 January 2027, 10:00")]));
        assert!(about
            .rows
            .iter()
            .any(|r| matches!(&r[1], Cell::Text(t) if t.contains("not an official product"))));
    }

    fn row<'a>(sheet: &'a Sheet, first: &str) -> &'a [Cell] {
        sheet.rows.iter().find(|r| r[0] == Cell::text(first)).unwrap_or_else(|| panic!("no row {first}"))
    }

    #[test]
    fn a_readiness_assessment_gives_one_row_per_question_and_its_scores() {
        let mut a = new(Kind::Readiness);
        a.answers.insert("R1.1".into(), Answer::Level(3));
        a.answers.insert("R1.2".into(), Answer::DontKnow);
        a.notes.insert("R1.1".into(), "=approved in 2026".into());
        let sheets = sheets(pack(), &a, "Readiness", &meta()).expect("readiness has sheets");
        let questions: usize = questionnaire::readiness(pack()).sections.iter().map(|s| s.items.len()).sum();
        assert_eq!(sheets[0].rows.len(), questions);
        let r11 = row(&sheets[0], "R1.1");
        assert_eq!(r11[3], Cell::int(3));
        assert_eq!(r11[5], Cell::text("=approved in 2026"), "a note that looks like a formula stays text");
        assert!(matches!(&r11[4], Cell::Text(t) if t.starts_with("3")), "{:?}", r11[4]);
        assert_eq!(row(&sheets[0], "R1.2")[3], Cell::Empty, "no level for don't know");
        // R1 has one answer with a level: 3 of 4 is 75.
        let r1 = row(&sheets[1], "R1");
        assert_eq!((&r1[2], &r1[4]), (&Cell::tenths(750), &Cell::int(1)));
        assert_eq!(sheets[1].rows.last().map(|r| r[1].clone()), Some(Cell::text("Overall")));
    }

    #[test]
    fn a_risk_assessment_gives_its_register_and_one_row_per_mitigation() {
        let mut a = new(Kind::Risk);
        a.risk.register.push(Risk {
            id: "K1".into(),
            title: "No legal basis".into(),
            likelihood: 3,
            severity: 5,
            residual_likelihood: 2,
            residual_severity: 4,
            decision: Some(Decision::Treat),
            mitigations: vec![
                Mitigation {
                    action: "Legal opinion".into(),
                    owner: "Legal".into(),
                    due: "2027-03-31".into(),
                    status: Status::InProgress,
                },
                Mitigation { action: "Pause use".into(), ..Mitigation::default() },
            ],
            ..Risk::default()
        });
        let sheets = sheets(pack(), &a, "Risk", &meta()).expect("risk has sheets");
        let k1 = row(&sheets[0], "K1");
        assert_eq!((&k1[7], &k1[8]), (&Cell::int(3), &Cell::int(5)));
        assert_eq!(k1[9], Cell::text(level(pack(), 3, 5).map(|l| l.label.to_string()).unwrap_or_default()));
        assert_eq!(k1[14], Cell::text("Treat"));
        assert_eq!(sheets[1].rows.len(), 2);
        assert_eq!(sheets[1].rows[0][4], Cell::Date("2027-03-31".into()));
        assert_eq!(sheets[1].rows[0][5], Cell::text("In progress"));
        assert_eq!(sheets[1].rows[1][4], Cell::Empty, "no due date: an empty cell");
    }

    #[test]
    fn a_workbook_has_no_spreadsheet() {
        assert!(sheets(pack(), &new(Kind::Workbook), "Workbook", &meta()).is_none());
    }
}
