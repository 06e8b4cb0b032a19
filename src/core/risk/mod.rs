//! The risk assessment of one AI system, in the pure core: which profile fields and screening
//! questions apply to the system described, which risks its answers propose, the matrix that rates a
//! risk, the register (`register.rs`) and its snapshots. The app informs; people decide.

pub mod control;
pub mod edit;
pub mod event;
pub mod legal;
pub mod view;

use crate::core::assessment::Answer;
use crate::core::assessment::Assessment;
use crate::core::content::model::{
    Condition, OptionsFrom, Pack, ProfileField, ScreeningAnswer, ScreeningQuestion,
};
use std::collections::BTreeMap;

pub use crate::core::register::{level, rank};

/// The profile as far as it counts: answers to the fields that apply, in order. A field hidden by an
/// earlier answer keeps its stored answer, but that answer decides nothing.
pub fn effective_profile(pack: &Pack, answers: &BTreeMap<String, Answer>) -> BTreeMap<String, Answer> {
    let mut shown = BTreeMap::new();
    for f in pack.risk.profile_fields.iter() {
        if holds(&f.show_if, &shown) {
            if let Some(a) = answers.get(f.id.as_ref()).filter(|a| a.is_given()) {
                shown.insert(f.id.to_string(), a.clone());
            }
        }
    }
    shown
}

/// Whether the profile view shows a field: its conditions hold or, for the field that records an
/// exception, a prohibited practice applies even unticked (implied by the profile), so it appears
/// whenever the finding does. Progress counts by the conditions alone (`holds`).
pub fn shown(pack: &Pack, f: &ProfileField, profile: &BTreeMap<String, Answer>) -> bool {
    holds(&f.show_if, profile) || legal::asked_by_finding(pack, f, profile)
}

/// Whether every condition holds for the profile: the field's value, or one of its selected values,
/// is among `any_of`; for a condition on several fields (`a|b`), that of any of them.
pub fn holds(conditions: &[Condition], profile: &BTreeMap<String, Answer>) -> bool {
    conditions.iter().all(|c| {
        c.field.split('|').any(|field| match profile.get(field) {
            Some(Answer::Choice(v)) => c.any_of.iter().any(|a| a == v),
            Some(Answer::Choices(vs)) => vs.iter().any(|v| c.any_of.iter().any(|a| a == v)),
            _ => false,
        })
    })
}

/// The screening questions that apply to the system as profiled, in content order.
pub fn applicable<'p>(pack: &'p Pack, answers: &BTreeMap<String, Answer>) -> Vec<&'p ScreeningQuestion> {
    let profile = effective_profile(pack, answers);
    pack.risk.screening.iter().filter(|q| holds(&q.show_if, &profile)).collect()
}

/// A screening answer as stored (`Answer::Choice("no")`).
pub fn screening_answer(answer: Option<&Answer>) -> Option<ScreeningAnswer> {
    match answer {
        Some(Answer::Choice(c)) => match c.as_str() {
            "yes" => Some(ScreeningAnswer::Yes),
            "partly" => Some(ScreeningAnswer::Partly),
            "no" => Some(ScreeningAnswer::No),
            "unsure" => Some(ScreeningAnswer::Unsure),
            _ => None,
        },
        _ => None,
    }
}

/// A risk an answer proposes: the question, the answer given and the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub question: String,
    pub answer: ScreeningAnswer,
    pub template: String,
}

/// What the screening says: proposals from applicable questions whose answer signals a risk, and how
/// many answers are set aside because a profile change hid their question (kept, not counted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Screening {
    pub proposals: Vec<Proposal>,
    pub answered: usize,
    pub applicable: usize,
    pub set_aside: usize,
}

pub fn screen(pack: &Pack, answers: &BTreeMap<String, Answer>) -> Screening {
    let applicable = applicable(pack, answers);
    let mut out = Screening { applicable: applicable.len(), ..Screening::default() };
    for q in &applicable {
        let Some(given) = screening_answer(answers.get(q.id.as_ref())) else { continue };
        out.answered += 1;
        if q.risk_when.contains(&given) {
            out.proposals.push(Proposal {
                question: q.id.to_string(),
                answer: given,
                template: q.proposes.to_string(),
            });
        }
    }
    out.set_aside = pack
        .risk
        .screening
        .iter()
        .filter(|q| {
            !applicable.iter().any(|a| a.id == q.id) && screening_answer(answers.get(q.id.as_ref())).is_some()
        })
        .count();
    out
}

/// The risk profile's options for a field: listed in the field, or drawn from a vocabulary.
pub fn options(pack: &'static Pack, f: &ProfileField) -> Vec<(&'static str, &'static str)> {
    match f.options_from {
        Some(OptionsFrom::ApplicationTypes) => {
            pack.vocabulary.application_types.iter().map(|a| (a.id.as_ref(), a.name.as_ref())).collect()
        }
        Some(OptionsFrom::Stages) => {
            pack.vocabulary.stages.iter().map(|a| (a.id.as_ref(), a.name.as_ref())).collect()
        }
        None => pack
            .risk
            .profile_fields
            .iter()
            .find(|x| x.id == f.id)
            .map(|x| x.options.iter().map(|o| (o.id.as_ref(), o.label.as_ref())).collect())
            .unwrap_or_default(),
    }
}

/// Proposals waiting for a decision: one per template, with the questions that raised it, in the
/// order of the screening; a template already in the register or dismissed is not proposed again.
pub fn pending(pack: &'static Pack, a: &Assessment) -> Vec<(&'static str, Vec<String>)> {
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    for p in screen(pack, &a.answers).proposals.into_iter().chain(merged_proposals(pack, a)) {
        let done = a.risk.register.iter().any(|r| r.template == p.template)
            || a.risk.dismissed.contains_key(&p.template);
        let Some(t) = pack.risk.templates.iter().find(|t| t.id == p.template) else { continue };
        if done {
            continue;
        }
        match out.iter_mut().find(|(id, _)| *id == t.id.as_ref()) {
            Some((_, qs)) => qs.push(p.question),
            None => out.push((t.id.as_ref(), vec![p.question])),
        }
    }
    out
}

/// Proposals raised by answers kept aside from an earlier version of the content whose question was
/// merged into one that already had its own answer (`core::upgrade`): judged by the question that asks
/// it now, so that carrying an assessment forward never makes it look safer than it was answered.
fn merged_proposals(pack: &Pack, a: &Assessment) -> Vec<Proposal> {
    let asked = applicable(pack, &a.answers);
    pack.changes
        .iter()
        .filter_map(|ch| {
            let [to] = ch.now.as_ref() else { return None };
            let q = asked.iter().find(|q| q.id == *to)?;
            let given = screening_answer(a.answers.get(ch.id.as_ref()))?;
            q.risk_when.contains(&given).then(|| Proposal {
                question: ch.id.to_string(),
                answer: given,
                template: q.proposes.to_string(),
            })
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::pack;

    fn choice(v: &str) -> Answer {
        Answer::Choice(v.into())
    }

    // Every cell of the 5×5 matrix, against the table written in content/risk.toml.
    #[test]
    fn matrix_lookup_is_exactly_the_published_table() {
        let table = [
            ["low", "low", "low", "medium", "high"],
            ["low", "low", "medium", "medium", "high"],
            ["low", "medium", "medium", "high", "critical"],
            ["medium", "medium", "high", "high", "critical"],
            ["medium", "medium", "high", "critical", "critical"],
        ];
        for l in 1..=5u8 {
            for s in 1..=5u8 {
                let got = level(pack(), l, s).map(|r| r.id.as_ref());
                assert_eq!(got, Some(table[usize::from(l) - 1][usize::from(s) - 1]), "L{l} S{s}");
                if l < 5 {
                    let (here, above) =
                        (level(pack(), l, s).expect("cell"), level(pack(), l + 1, s).expect("cell"));
                    assert!(rank(pack(), above) >= rank(pack(), here), "never falls as likelihood rises");
                }
                if s < 5 {
                    let (here, right) =
                        (level(pack(), l, s).expect("cell"), level(pack(), l, s + 1).expect("cell"));
                    assert!(rank(pack(), right) >= rank(pack(), here), "never falls as severity rises");
                }
            }
        }
        for (l, s) in [(0, 1), (1, 0), (6, 1), (1, 6), (0, 0), (255, 255)] {
            assert_eq!(level(pack(), l, s), None, "out of range L{l} S{s}");
        }
    }

    #[test]
    fn a_condition_on_several_fields_holds_when_any_of_them_does() {
        let asked = |pairs: &[(&str, &str)]| {
            let profile: BTreeMap<String, Answer> =
                pairs.iter().map(|(f, v)| (f.to_string(), choice(v))).collect();
            applicable(pack(), &profile).iter().any(|q| q.id == "S2.1.3")
        };
        // The energy question: a generative model, continuous video, or models trained in-house.
        assert!(!asked(&[]), "not before the profile says so");
        assert!(!asked(&[("application_type", "risk-prediction"), ("sourcing", "buy")]));
        assert!(asked(&[("application_type", "content-generation")]));
        assert!(asked(&[("application_type", "image"), ("timing", "live")]));
        assert!(!asked(&[("application_type", "image"), ("timing", "after")]));
        assert!(asked(&[("application_type", "risk-prediction"), ("sourcing", "build")]));
    }

    #[test]
    fn a_one_to_many_face_system_gets_its_conditional_questions() {
        let base = applicable(pack(), &BTreeMap::new()).len();
        let mut profile = BTreeMap::from([("application_type".to_string(), choice("image"))]);
        let image = applicable(pack(), &profile).len();
        profile.insert("face_mode".into(), choice("1ton"));
        let face_1n = applicable(pack(), &profile);
        assert!(image >= base && face_1n.len() > image, "{base} {image} {}", face_1n.len());
        assert!(face_1n.iter().any(|q| q.show_if.iter().any(|c| c.field == "face_mode")));

        // Answer a 1:N-only question with a risk-signalling answer; then change the profile away.
        let only_1n = face_1n.iter().find(|q| q.show_if.iter().any(|c| c.field == "face_mode")).expect("one");
        let risky = *only_1n.risk_when.first().expect("a risk answer");
        let value = match risky {
            ScreeningAnswer::Yes => "yes",
            ScreeningAnswer::Partly => "partly",
            ScreeningAnswer::No => "no",
            ScreeningAnswer::Unsure => "unsure",
        };
        let mut answers = profile.clone();
        answers.insert(only_1n.id.to_string(), choice(value));
        let before = screen(pack(), &answers);
        assert!(before.proposals.iter().any(|p| p.question == only_1n.id && p.template == only_1n.proposes));
        assert_eq!(before.set_aside, 0);

        answers.insert("application_type".into(), choice("text-speech"));
        let after = screen(pack(), &answers);
        assert!(
            !after.proposals.iter().any(|p| p.question == only_1n.id),
            "a hidden question proposes nothing"
        );
        assert_eq!(after.set_aside, 1, "its answer is kept but set aside");
        assert_eq!(answers.get(only_1n.id.as_ref()), Some(&choice(value)), "and still stored");
        assert!(
            !effective_profile(pack(), &answers).contains_key("face_mode"),
            "a hidden field decides nothing"
        );
    }

    #[test]
    fn answers_that_do_not_signal_a_risk_propose_nothing() {
        let mut answers = BTreeMap::new();
        for q in applicable(pack(), &answers) {
            let safe = ["yes", "partly", "no", "unsure"]
                .into_iter()
                .find(|v| screening_answer(Some(&choice(v))).is_some_and(|a| !q.risk_when.contains(&a)));
            if let Some(v) = safe {
                answers.insert(q.id.to_string(), choice(v));
            }
        }
        let result = screen(pack(), &answers);
        assert!(result.proposals.is_empty(), "{:?}", result.proposals.first());
        assert!(result.answered > 0);
    }
}
