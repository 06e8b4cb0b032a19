//! Several respondents' answers to one questionnaire: side by side, where they disagree, a suggested
//! agreed answer per item, and the merged assessment built from the choices made.
//!
//! The suggestion never depends on the order of respondents: for levels the median (the lower middle
//! one for an even count, so it is a level someone gave), otherwise the most frequent answer.

use crate::core::assessment::{Answer, Assessment};
use crate::core::questionnaire::Form;
use crate::core::register::{Risk, RiskRecord};
use crate::core::sort::set;
use std::collections::{BTreeMap, BTreeSet};

/// One item across respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    /// Each respondent's answer, in the order given.
    pub answers: Vec<Option<Answer>>,
    /// Highest minus lowest level, when at least two gave a level.
    pub spread: Option<u8>,
    /// At least two answered and not all the same.
    pub disagree: bool,
    pub suggestion: Option<Answer>,
}

/// Agreement within one section: of the items at least two answered, how many have one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    pub agreed: usize,
    pub compared: usize,
}

/// What the merged assessment takes for an item; printed as the compare table's option values
/// (`s`, the respondent's position, `b`) and read back from them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Pick {
    Suggested,
    /// The answer of the respondent at this position.
    From(usize),
    Blank,
}

impl std::fmt::Display for Pick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pick::Suggested => f.write_str("s"),
            Pick::From(i) => write!(f, "{i}"),
            Pick::Blank => f.write_str("b"),
        }
    }
}

impl std::str::FromStr for Pick {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "s" => Ok(Pick::Suggested),
            "b" => Ok(Pick::Blank),
            n => n.parse().ok().filter(|i: &usize| i.to_string() == n).map(Pick::From).ok_or_else(|| {
                let what = crate::core::content::t("errors.what_pick");
                crate::core::content::t_with("errors.unknown", &[("what", what), ("value", n)])
            }),
        }
    }
}

fn rank(a: &Answer) -> (u8, String) {
    match a {
        Answer::Level(l) => (0, l.to_string()),
        Answer::DontKnow => (1, String::new()),
        Answer::NotApplicable => (2, String::new()),
        Answer::Choice(c) => (3, c.clone()),
        Answer::Choices(c) => (4, c.join("\u{1f}")),
        Answer::Text(t) => (5, t.clone()),
        Answer::Checked(c) => (6, c.to_string()),
    }
}

/// The suggested agreed answer: the median level when anyone gave a level, else the most frequent
/// answer (ties broken by a fixed order of answers, never by who answered first).
pub fn suggest(answers: &[Option<Answer>]) -> Option<Answer> {
    let mut levels: Vec<u8> = answers
        .iter()
        .flatten()
        .filter_map(|a| if let Answer::Level(l) = a { Some(*l) } else { None })
        .collect();
    if !levels.is_empty() {
        crate::core::sort::by_key(&mut levels, |l| *l);
        return Some(Answer::Level(levels[(levels.len() - 1) / 2]));
    }
    let mut counts: BTreeMap<(u8, String), (usize, &Answer)> = BTreeMap::new();
    for a in answers.iter().flatten().filter(|a| a.is_given()) {
        counts.entry(rank(a)).or_insert((0, a)).0 += 1;
    }
    let best = counts.values().map(|(n, _)| *n).max()?;
    counts.values().find(|(n, _)| *n == best).map(|(_, a)| (*a).clone())
}

/// Every item of the form, then any other item someone answered (kept, never dropped), compared.
pub fn compare(form: &Form, list: &[&Assessment]) -> Vec<Row> {
    let mut ids: Vec<String> = form.items().map(|i| i.id.to_string()).collect();
    // Items answered in writing: where those differ, the suggestion keeps every answer.
    let written: BTreeSet<&str> = set(form.items().filter(|i| i.choices.is_empty()).map(|i| i.id));
    let known: BTreeSet<String> = set(ids.iter().cloned());
    let extra: BTreeSet<&String> =
        set(list.iter().flat_map(|a| a.answers.keys()).filter(|k| !known.contains(*k)));
    ids.extend(extra.into_iter().cloned());
    ids.into_iter()
        .map(|id| {
            let answers: Vec<Option<Answer>> =
                list.iter().map(|a| a.answers.get(&id).filter(|x| x.is_given()).cloned()).collect();
            let given: BTreeSet<(u8, String)> = set(answers.iter().flatten().map(rank));
            let levels: Vec<u8> = answers
                .iter()
                .flatten()
                .filter_map(|a| if let Answer::Level(l) = a { Some(*l) } else { None })
                .collect();
            let spread = (levels.len() > 1)
                .then(|| levels.iter().max().unwrap_or(&0) - levels.iter().min().unwrap_or(&0));
            let disagree = answers.iter().flatten().count() > 1 && given.len() > 1;
            let given_choice =
                |c: &&&str| answers.iter().flatten().any(|a| *a == Answer::Choice(c.to_string()));
            let cautious = form.cautious.iter().find(given_choice).filter(|_| disagree);
            let suggestion = match cautious {
                Some(c) => Some(Answer::Choice(c.to_string())),
                None if disagree && written.contains(id.as_str()) => Some(joined(list, &answers)),
                None => suggest(&answers),
            };
            Row { disagree, spread, suggestion, answers, id }
        })
        .collect()
}

/// Differing written answers, each after its respondent's label, in the order of the labels (so the
/// suggestion does not depend on who came first).
fn joined(list: &[&Assessment], answers: &[Option<Answer>]) -> Answer {
    let mut parts: Vec<(String, &str)> = list
        .iter()
        .zip(answers)
        .filter_map(|(a, x)| match x {
            Some(Answer::Text(t)) => Some((label(a), t.as_str())),
            _ => None,
        })
        .collect();
    parts.sort();
    Answer::Text(parts.iter().map(|(who, t)| format!("{who}: {t}")).collect::<Vec<_>>().join("\n\n"))
}

/// Agreement per section of the form, in order.
pub fn agreement(form: &Form, rows: &[Row]) -> Vec<Agreement> {
    form.sections
        .iter()
        .map(|s| {
            let mine = rows.iter().filter(|r| s.items.iter().any(|i| i.id == r.id));
            let compared: Vec<&Row> = mine.filter(|r| r.answers.iter().flatten().count() > 1).collect();
            Agreement { agreed: compared.iter().filter(|r| !r.disagree).count(), compared: compared.len() }
        })
        .collect()
}

/// How a respondent is named in merged notes: "name (role)", or their assessment's title.
pub fn label(a: &Assessment) -> String {
    match (a.respondent.name.trim(), a.respondent.role.trim()) {
        ("", _) => a.title.clone(),
        (n, "") => n.to_string(),
        (n, r) => format!("{n} ({r})"),
    }
}

/// The registers of several risk assessments as one: every risk of every source, numbered afresh
/// (`K1`…), in source order, its description ending with whose register it came from; every dismissed
/// proposal with each source's reason, labelled. Snapshots stay with their sources.
pub fn merge_registers(list: &[&Assessment]) -> RiskRecord {
    let mut out = RiskRecord::default();
    for a in list {
        let who = label(a);
        for r in &a.risk.register {
            // Written into the merged record in the language of the app that merges.
            let from = crate::core::content::t_with("compare.from_register", &[("who", &who), ("id", &r.id)]);
            let mut r: Risk = r.clone();
            // By position, as `risk_ids` numbers them.
            r.id = format!("K{}", out.register.len() + 1);
            r.description = if r.description.trim().is_empty() {
                from
            } else {
                format!("{}\n\n{from}", r.description.trim_end())
            };
            out.register.push(r);
        }
        for (template, reason) in &a.risk.dismissed {
            let line = format!("{who}: {reason}");
            out.dismissed
                .entry(template.clone())
                .and_modify(|all: &mut String| {
                    all.push('\n');
                    all.push_str(&line);
                })
                .or_insert(line);
        }
    }
    out
}

/// The id each source's risks take in the merged register ([`merge_registers`]), per source: old to
/// new (`K1`… by position, in source order; an id a register holds twice, its first), so what
/// pointed at a risk (a comment, a restricted mark) still does.
pub fn risk_ids(list: &[&Assessment]) -> Vec<BTreeMap<String, String>> {
    let mut n = 0;
    let mut out = Vec::new();
    for a in list {
        let mut ids = BTreeMap::new();
        for r in &a.risk.register {
            n += 1;
            ids.entry(r.id.clone()).or_insert_with(|| format!("K{n}"));
        }
        out.push(ids);
    }
    out
}

/// The merged answers and notes, from the picks made per item (unlisted items take the suggestion).
/// Notes are combined with each respondent's label; identical notes stay as they are.
pub fn merge(
    rows: &[Row],
    list: &[&Assessment],
    picks: &BTreeMap<String, Pick>,
) -> (BTreeMap<String, Answer>, BTreeMap<String, String>) {
    let mut answers = BTreeMap::new();
    for row in rows {
        let chosen = match picks.get(&row.id).unwrap_or(&Pick::Suggested) {
            Pick::Suggested => row.suggestion.clone(),
            Pick::From(i) => row.answers.get(*i).cloned().flatten(),
            Pick::Blank => None,
        };
        if let Some(a) = chosen {
            answers.insert(row.id.clone(), a);
        }
    }
    let keys: BTreeSet<&String> = set(list.iter().flat_map(|a| a.notes.keys()));
    let mut notes = BTreeMap::new();
    for key in keys {
        let given: Vec<(String, &String)> = list
            .iter()
            .filter_map(|a| a.notes.get(key).filter(|n| !n.trim().is_empty()).map(|n| (label(a), n)))
            .collect();
        let distinct: BTreeSet<&String> = set(given.iter().map(|(_, n)| *n));
        let text = match distinct.len() {
            0 => continue,
            1 => given[0].1.clone(),
            _ => given.iter().map(|(who, n)| format!("{who}: {n}")).collect::<Vec<_>>().join("\n\n"),
        };
        notes.insert(key.clone(), text);
    }
    (answers, notes)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{ContentRef, Kind, NewAssessment, Respondent};
    use crate::core::content::pack;
    use crate::core::questionnaire::readiness;
    use proptest::prelude::*;

    fn respondent(name: &str, answers: &[(&str, Answer)], notes: &[(&str, &str)]) -> Assessment {
        let details = NewAssessment {
            title: format!("{name}'s view"),
            subject: String::new(),
            respondent: Respondent { name: name.into(), role: String::new() },
        };
        let mut a = Assessment::new(name.into(), Kind::Readiness, details, ContentRef::of(pack()), 0);
        a.answers = answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        a.notes = notes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        a
    }

    #[test]
    fn registers_merge_into_their_union_numbered_afresh_with_their_sources() {
        let mut ana = respondent("Ana", &[], &[]);
        let mut ben = respondent("Ben", &[], &[]);
        let risk = |id: &str, title: &str, l: u8| Risk {
            id: id.into(),
            title: title.into(),
            likelihood: l,
            ..Risk::default()
        };
        ana.risk.register = vec![risk("K1", "Bias", 3), risk("K4", "Drift", 2)];
        ana.risk.dismissed.insert("T-x".into(), "Not used".into());
        ben.risk.register =
            vec![Risk { description: "Lists go stale.".into(), ..risk("K1", "Watchlist", 4) }];
        ben.risk.dismissed.insert("T-x".into(), "Out of scope".into());
        ben.risk.dismissed.insert("T-y".into(), "Done elsewhere".into());
        let merged = merge_registers(&[&ana, &ben]);
        let ids: Vec<(&str, &str, u8)> =
            merged.register.iter().map(|r| (r.id.as_str(), r.title.as_str(), r.likelihood)).collect();
        assert_eq!(ids, [("K1", "Bias", 3), ("K2", "Drift", 2), ("K3", "Watchlist", 4)]);
        assert_eq!(merged.register[1].description, "(From the register of Ana, K4.)");
        assert_eq!(merged.register[2].description, "Lists go stale.\n\n(From the register of Ben, K1.)");
        assert_eq!(merged.dismissed["T-x"], "Ana: Not used\nBen: Out of scope");
        assert_eq!(merged.dismissed["T-y"], "Ben: Done elsewhere");
        assert!(merged.snapshots.is_empty());
        assert_eq!(merge_registers(&[]), RiskRecord::default());
    }

    #[test]
    fn three_respondents_side_by_side_with_spread_agreement_and_merge() {
        let form = readiness(pack());
        let a = respondent(
            "Ana",
            &[("R1.1", Answer::Level(1)), ("R1.2", Answer::Level(3)), ("R9.9", Answer::Level(2))],
            &[("R1.1", "Policy draft.")],
        );
        let b = respondent(
            "Ben",
            &[("R1.1", Answer::Level(4)), ("R1.2", Answer::Level(3))],
            &[("R1.1", "Signed in May.")],
        );
        let c = respondent("Cai", &[("R1.1", Answer::Level(2)), ("R1.2", Answer::DontKnow)], &[]);
        let list = [&a, &b, &c];
        let rows = compare(&form, &list);
        let r11 = rows.iter().find(|r| r.id == "R1.1").expect("row");
        assert_eq!(
            (r11.spread, r11.disagree, r11.suggestion.clone()),
            (Some(3), true, Some(Answer::Level(2)))
        );
        let r12 = rows.iter().find(|r| r.id == "R1.2").expect("row");
        assert!(r12.disagree, "a level and a don't know differ");
        assert_eq!(r12.suggestion, Some(Answer::Level(3)));
        assert!(rows.iter().any(|r| r.id == "R9.9"), "an item the content lacks is kept");
        assert_eq!(agreement(&form, &rows)[0], Agreement { agreed: 0, compared: 2 });

        let picks = BTreeMap::from([("R1.2".to_string(), Pick::From(2)), ("R9.9".to_string(), Pick::Blank)]);
        let (answers, notes) = merge(&rows, &list, &picks);
        assert_eq!(answers.get("R1.1"), Some(&Answer::Level(2)));
        assert_eq!(answers.get("R1.2"), Some(&Answer::DontKnow));
        assert_eq!(answers.get("R9.9"), None);
        assert_eq!(notes.get("R1.1").map(String::as_str), Some("Ana: Policy draft.\n\nBen: Signed in May."));
    }

    fn answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
        let answer = prop_oneof![
            (0u8..=4).prop_map(Answer::Level),
            Just(Answer::DontKnow),
            Just(Answer::NotApplicable)
        ];
        proptest::collection::btree_map(
            prop_oneof![Just("R1.1"), Just("R1.2"), Just("R2.3"), Just("R9.9")].prop_map(String::from),
            answer,
            0..4,
        )
    }

    proptest! {
        // Merging an assessment with itself (once or twice) changes none of its answers or notes.
        #[test]
        fn merging_one_with_itself_changes_nothing(given in answers(), note in "[a-z ]{0,12}", twice in any::<bool>()) {
            let a = respondent("Ana", &[], &[("R1.1", note.as_str())]);
            let a = Assessment { answers: given, ..a };
            let list: Vec<&Assessment> = if twice { vec![&a, &a] } else { vec![&a] };
            let rows = compare(&readiness(pack()), &list);
            let (answers, notes) = merge(&rows, &list, &BTreeMap::new());
            prop_assert_eq!(answers, a.answers.clone());
            let expected: BTreeMap<String, String> = a.notes.clone().into_iter().filter(|(_, n)| !n.trim().is_empty()).collect();
            prop_assert_eq!(notes, expected);
        }

        // The suggested answers do not depend on the order of the respondents.
        #[test]
        fn suggestions_ignore_respondent_order(x in answers(), y in answers(), z in answers()) {
            let (a, b, c) = (respondent("a", &[], &[]), respondent("b", &[], &[]), respondent("c", &[], &[]));
            let (a, b, c) = (Assessment { answers: x, ..a }, Assessment { answers: y, ..b }, Assessment { answers: z, ..c });
            let form = readiness(pack());
            let one = merge(&compare(&form, &[&a, &b, &c]), &[&a, &b, &c], &BTreeMap::new()).0;
            let two = merge(&compare(&form, &[&c, &a, &b]), &[&c, &a, &b], &BTreeMap::new()).0;
            prop_assert_eq!(one, two);
        }
    }
}
