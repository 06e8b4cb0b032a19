//! The questionnaire engine's model: a tool's questions as sections of items with their choices, built
//! from the content pack, plus progress and navigation over a set of answers.
//!
//! The view renders any [`Form`] the same way, so a tool is a function from the pack to a form, never a
//! component of its own. Item ids are the stable numbers users see (`R3.2`): the same in the app, the
//! report and answer files, and independent of which items are shown.

use crate::core::assessment::{Answer, Assessment, Kind};
use crate::core::content::model::{Condition, Pack, ScreeningAnswer, Text};
use crate::core::content::string;
use crate::core::risk;
use std::collections::BTreeMap;

/// One tool's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub sections: Vec<Section>,
    /// What the sections are, for the contents list ("Dimensions", "Principles").
    pub contents: &'static str,
    /// Choices from the least settled, for items where a merge must not settle what respondents
    /// disagree on (a workbook check): the suggestion is then the least settled answer given.
    /// Empty: the suggestion is the median level or the most frequent answer.
    pub cautious: &'static [&'static str],
}

/// A group of items shown under one heading, such as a readiness dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub items: Vec<Item>,
}

/// One question with the answers it accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The stable visible number, also the key of its answer and notes.
    pub id: &'static str,
    pub text: &'static str,
    /// Why the question matters, shown on demand.
    pub why: &'static str,
    pub principles: &'static [Text],
    pub choices: Vec<Choice>,
    /// Asked only when the profile meets these conditions (risk screening); empty: always asked.
    pub show_if: &'static [Condition],
    /// Who is usually best placed to answer it (a role's name); empty when the content does not say.
    pub who: &'static str,
}

/// One answer an item accepts, as the user reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub answer: Answer,
    /// Short and unique within the item ("2 · Defined", "Don't know"); also the form value.
    pub label: String,
    /// What choosing it means for this item (the rubric); may be empty.
    pub detail: &'static str,
}

impl Choice {
    /// A value for the radio button, unique within the item.
    pub fn value(&self) -> String {
        match &self.answer {
            Answer::Level(l) => l.to_string(),
            Answer::DontKnow => "dk".into(),
            Answer::NotApplicable => "na".into(),
            Answer::Choice(c) => format!("c-{c}"),
            Answer::Choices(c) => format!("cs-{}", c.join("-")),
            Answer::Text(_) => "text".into(),
            Answer::Checked(c) => format!("ck-{c}"),
        }
    }
}

/// The questions a kind of assessment answers: the readiness questionnaire, or the risk screening
/// (the profile is a form of its own); `None` for a tool whose questions are not an engine form.
pub fn of_kind(pack: &'static Pack, kind: Kind) -> Option<Form> {
    match kind {
        Kind::Readiness => Some(readiness(pack)),
        Kind::Risk => Some(risk_screening(pack)),
        Kind::Workbook => None,
    }
}

/// What compare and merge put side by side for a kind: its engine form, or for the workbook every
/// stage's prompts and checks (the workbook's own view is not an engine form).
pub fn compared(pack: &'static Pack, kind: Kind) -> Form {
    of_kind(pack, kind).unwrap_or_else(|| workbook(pack))
}

/// The workbook as a form, for comparing respondents: one section per stage, its prompts (answered
/// in text) and then its checks (done, not done, not applicable).
pub fn workbook(pack: &'static Pack) -> Form {
    let text = |key: &str| string(key).unwrap_or_default();
    let states = [("done", "workbook.c_done"), ("not_done", "workbook.c_not_done"), ("na", "workbook.c_na")];
    let sections = pack
        .workbook
        .stages
        .iter()
        .map(|st| Section {
            // The stage's number as its items carry it (`W1` for `W1.1`).
            id: st.prompts.first().map_or(st.stage.as_ref(), |p| p.id.split('.').next().unwrap_or_default()),
            title: pack.vocabulary.stages.iter().find(|v| v.id == st.stage).map_or("", |v| v.name.as_ref()),
            intro: st.intro.as_ref(),
            items: st
                .prompts
                .iter()
                .map(|p| Item {
                    id: p.id.as_ref(),
                    text: p.text.as_ref(),
                    why: p.help.as_ref(),
                    principles: p.principles.as_ref(),
                    choices: Vec::new(),
                    show_if: &[],
                    who: "",
                })
                .chain(st.checks.iter().map(|c| {
                    Item {
                        id: c.id.as_ref(),
                        text: c.text.as_ref(),
                        why: c.evidence.as_ref(),
                        principles: &[],
                        choices: states
                            .iter()
                            .map(|(id, key)| Choice {
                                answer: Answer::Choice((*id).into()),
                                label: text(key).to_string(),
                                detail: "",
                            })
                            .collect(),
                        show_if: &[],
                        who: c.owner.as_ref(),
                    }
                }))
                .collect(),
        })
        .collect();
    Form { sections, contents: text("workbook.stages_heading"), cautious: &["not_done", "na", "done"] }
}

/// The readiness questionnaire: one section per dimension; each question offers its five rubric levels,
/// then "Don't know" and "Not applicable".
pub fn readiness(pack: &'static Pack) -> Form {
    let r = &pack.readiness;
    let label = |key: &str| string(key).unwrap_or(key).to_string();
    let sections = r
        .dimensions
        .iter()
        .map(|d| Section {
            id: d.id.as_ref(),
            title: d.name.as_ref(),
            intro: d.description.as_ref(),
            items: d
                .questions
                .iter()
                .map(|q| {
                    let mut choices: Vec<Choice> = q
                        .levels
                        .iter()
                        .zip(r.levels.iter())
                        .map(|(rubric, level)| Choice {
                            answer: Answer::Level(level.value),
                            label: format!("{} · {}", level.value, level.label),
                            detail: rubric.as_ref(),
                        })
                        .collect();
                    choices.push(Choice {
                        answer: Answer::DontKnow,
                        label: label("answer.dont_know"),
                        detail: "",
                    });
                    choices.push(Choice {
                        answer: Answer::NotApplicable,
                        label: label("answer.not_applicable"),
                        detail: "",
                    });
                    Item {
                        id: q.id.as_ref(),
                        text: q.text.as_ref(),
                        why: q.why.as_ref(),
                        principles: q.principles.as_ref(),
                        choices,
                        show_if: &[],
                        who: role(pack, &q.ask),
                    }
                })
                .collect(),
        })
        .collect();
    Form { sections, contents: string("questions.contents").unwrap_or_default(), cautious: &[] }
}

/// The name of the role with id `id`, or nothing.
fn role(pack: &'static Pack, id: &str) -> &'static str {
    pack.vocabulary.roles.iter().find(|r| r.id == id).map_or("", |r| r.label.as_ref())
}

/// The risk screening: one section per instrumental principle that has questions; each question
/// offers yes, partly, no and unsure, and the answers that signal a risk say so. Questions that depend
/// on the profile carry its conditions (see [`Form::applies`]).
pub fn risk_screening(pack: &'static Pack) -> Form {
    let text = |key: &str| string(key).unwrap_or_default();
    let sections = pack
        .vocabulary
        .principles
        .iter()
        .filter(|p| p.parent.is_some())
        .map(|p| Section {
            id: p.id.as_ref(),
            title: p.name.as_ref(),
            intro: p.summary.as_ref(),
            items: pack
                .risk
                .screening
                .iter()
                .filter(|q| q.principle == p.id)
                .map(|q| Item {
                    id: q.id.as_ref(),
                    text: q.text.as_ref(),
                    why: q.why.as_ref(),
                    principles: std::slice::from_ref(&q.principle),
                    choices: [
                        ("yes", ScreeningAnswer::Yes),
                        ("partly", ScreeningAnswer::Partly),
                        ("no", ScreeningAnswer::No),
                        ("unsure", ScreeningAnswer::Unsure),
                    ]
                    .into_iter()
                    .map(|(id, a)| Choice {
                        answer: Answer::Choice(id.into()),
                        label: text(&format!("risk.answer_{id}")).to_string(),
                        detail: if q.risk_when.contains(&a) { text("risk.signals") } else { "" },
                    })
                    .collect(),
                    show_if: q.show_if.as_ref(),
                    who: role(pack, &q.ask),
                })
                .collect(),
        })
        .filter(|s| !s.items.is_empty())
        .collect();
    Form { sections, contents: text("risk.principles"), cautious: &[] }
}

/// How many items of a set have an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down so that 100 means everything is answered.
    pub fn percent(self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// How an answer reads: its item's own label for it, or a plain description.
pub fn answer_label(item: Option<&Item>, answer: &Answer) -> String {
    let known = item.and_then(|i| i.choices.iter().find(|c| &c.answer == answer));
    known.map_or_else(|| plain_answer(answer), |c| c.label.clone())
}

/// An answer described without its item's own labels (an item the content does not have).
pub fn plain_answer(answer: &Answer) -> String {
    use crate::core::content::t;
    match answer {
        Answer::Level(l) => l.to_string(),
        Answer::DontKnow => t("answer.dont_know").into(),
        Answer::NotApplicable => t("answer.not_applicable").into(),
        Answer::Choice(c) | Answer::Text(c) => c.clone(),
        Answer::Choices(c) => c.join(", "),
        Answer::Checked(c) => c.to_string(),
    }
}

impl Form {
    /// Every item in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// Which items are asked given these answers: those without conditions, and those whose
    /// conditions the profile meets. Hidden items keep their answers, which then count for nothing.
    pub fn applies(&self, answers: &BTreeMap<String, Answer>) -> impl Fn(&Item) -> bool {
        let profile = risk::effective_profile(crate::core::content::pack(), answers);
        move |item: &Item| risk::holds(item.show_if, &profile)
    }

    /// Progress per section, in order, and overall, over the items asked.
    pub fn progress(&self, answers: &BTreeMap<String, Answer>) -> (Vec<Progress>, Progress) {
        let asked = self.applies(answers);
        let per: Vec<Progress> = self
            .sections
            .iter()
            .map(|s| {
                let items = s.items.iter().filter(|i| asked(i));
                Progress {
                    answered: items.clone().filter(|i| is_answered(answers, i.id)).count(),
                    total: items.count(),
                }
            })
            .collect();
        let all = per.iter().fold(Progress::default(), |a, p| Progress {
            answered: a.answered + p.answered,
            total: a.total + p.total,
        });
        (per, all)
    }

    /// The first unanswered item after `after` (or from the start), wrapping around; `None` when every
    /// item is answered.
    pub fn next_unanswered(
        &self,
        answers: &BTreeMap<String, Answer>,
        after: Option<&str>,
    ) -> Option<&'static str> {
        let asked = self.applies(answers);
        let ids: Vec<&'static str> = self.items().filter(|i| asked(i)).map(|i| i.id).collect();
        let start = after.and_then(|a| ids.iter().position(|id| *id == a)).map_or(0, |p| p + 1);
        (0..ids.len()).map(|k| ids[(start + k) % ids.len()]).find(|id| !is_answered(answers, id))
    }
}

/// Whether the item has an answer that says something.
pub fn is_answered(answers: &BTreeMap<String, Answer>, id: &str) -> bool {
    answers.get(id).is_some_and(Answer::is_given)
}

/// Items with an answer that says something, out of the items the pack asks. For a risk assessment,
/// only what its profile asks counts: shown profile fields and applicable screening questions.
pub fn progress(pack: &Pack, a: &Assessment) -> (usize, usize) {
    if a.kind == Kind::Risk {
        let given = |id: &str| a.answers.get(id).is_some_and(Answer::is_given);
        let profile = risk::effective_profile(pack, &a.answers);
        let fields: Vec<&str> = pack
            .risk
            .profile_fields
            .iter()
            .filter(|f| risk::holds(&f.show_if, &profile))
            .map(|f| f.id.as_ref())
            .collect();
        let asked = risk::applicable(pack, &a.answers);
        let answered =
            fields.iter().filter(|f| given(f)).count() + asked.iter().filter(|q| given(&q.id)).count();
        return (answered, fields.len() + asked.len());
    }
    (a.answers.values().filter(|a| a.is_given()).count(), a.kind.item_count(pack))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::ContentRef;
    use crate::core::content::pack;

    #[test]
    fn a_risk_assessment_counts_only_what_its_profile_asks() {
        let pack = crate::core::content::pack();
        let mut a = Assessment::new("r".into(), Kind::Risk, Default::default(), ContentRef::of(pack), 0);
        let (_, before) = progress(pack, &a);
        a.answers.insert("application_type".into(), Answer::Choice("image".into()));
        a.answers.insert("face_mode".into(), Answer::Choice("1ton".into()));
        a.answers.insert("S1.3.3".into(), Answer::Choice("no".into()));
        let (answered, total) = progress(pack, &a);
        assert_eq!(answered, 3);
        assert!(total > before, "face mode and the 1:N questions are now asked");
        a.answers.insert("application_type".into(), Answer::Choice("text-speech".into()));
        let (answered, _) = progress(pack, &a);
        assert_eq!(answered, 1, "hidden answers are kept but not counted");
    }

    #[test]
    fn readiness_has_every_question_in_order_with_seven_choices() {
        let form = readiness(pack());
        let count: usize = pack().readiness.dimensions.iter().map(|d| d.questions.len()).sum();
        assert_eq!(form.items().count(), count);
        let first = form.items().next().expect("a question");
        assert_eq!(first.id, "R1.1");
        assert_eq!(first.choices.len(), 7);
        assert_eq!(first.choices[2].answer, Answer::Level(2));
        assert!(first.choices[2].label.starts_with("2 · "));
        assert_eq!(first.choices[5].label, "Don't know");
        assert_eq!(first.choices[6].label, "Not applicable");
        for item in form.items() {
            let mut values: Vec<String> = item.choices.iter().map(Choice::value).collect();
            values.sort();
            values.dedup();
            assert_eq!(values.len(), item.choices.len(), "{} has two choices with one value", item.id);
        }
    }

    #[test]
    fn progress_counts_any_answer_and_next_unanswered_wraps() {
        let form = readiness(pack());
        let ids: Vec<&str> = form.items().map(|i| i.id).collect();
        let mut answers = BTreeMap::new();
        assert_eq!(form.next_unanswered(&answers, None), Some(ids[0]));
        answers.insert(ids[0].to_string(), Answer::Level(3));
        answers.insert(ids[1].to_string(), Answer::DontKnow);
        answers.insert(ids[2].to_string(), Answer::NotApplicable);
        let (per, all) = form.progress(&answers);
        assert_eq!(per[0].answered, 3);
        assert_eq!(all.answered, 3);
        assert_eq!(all.total, ids.len());
        assert_eq!(form.next_unanswered(&answers, None), Some(ids[3]));
        assert_eq!(form.next_unanswered(&answers, Some(ids[ids.len() - 1])), Some(ids[3]));
        for id in &ids {
            answers.insert(id.to_string(), Answer::Level(1));
        }
        assert_eq!(form.next_unanswered(&answers, None), None);
        assert_eq!(form.progress(&answers).1.percent(), 100);
    }
}
