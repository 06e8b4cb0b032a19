//! Legal findings a risk assessment's profile leads to. A practice the law prohibits is not one more
//! risk to rate and mitigate: it is a finding of its own, shown on the results, the register and the
//! report until the team records why an exception applies. A use the law lists as high-risk makes the
//! system high-risk, with duties for the agency that the profile lists as a checklist. The fields are
//! content under the stable ids below (their options carry `refs` and may be implied by the rest of the
//! profile), so the rules follow the content and the validator checks that they fit together.

use crate::core::assessment::Answer;
use crate::core::content::model::{Choice, Pack, ProfileField};
use crate::core::risk::{effective_profile, holds};
use std::collections::BTreeMap;

pub use crate::core::content::model::legal_fields::{DUTIES, EXCEPTION, HIGH_RISK, PROHIBITED};

/// The finding "likely prohibited": the practices that apply, split by whether the team has claimed
/// an exception for them. Only the practices the exception field is asked for admit one; the claim is
/// the team's words, never judged by the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Prohibited {
    /// Practices that apply with no exception claimed (or none possible), in content order.
    pub standing: Vec<&'static Choice>,
    /// Practices that apply and admit an exception, when one is written.
    pub excepted: Vec<&'static Choice>,
    /// The exception as written; `None` while nothing is written or no practice admits one.
    pub exception: Option<String>,
}

/// The practices that admit an exception: those the exception field is asked for.
pub fn exceptable(pack: &Pack, c: &Choice) -> bool {
    field(pack, EXCEPTION)
        .is_some_and(|f| f.show_if.iter().any(|cond| cond.field == PROHIBITED && cond.any_of.contains(&c.id)))
}

/// The classification, once the profile says something about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Classification {
    /// The uses that make the system high-risk, and the deployer's duties met and still open.
    HighRisk { uses: Vec<&'static Choice>, met: Vec<&'static Choice>, open: Vec<&'static Choice> },
    /// The team ticked "none of these" and nothing in the profile implies a listed use.
    NotListed,
}

fn field<'p>(pack: &'p Pack, id: &str) -> Option<&'p ProfileField> {
    pack.risk.profile_fields.iter().find(|f| f.id == id)
}

fn ticked(profile: &BTreeMap<String, Answer>, field: &str, option: &str) -> bool {
    match profile.get(field) {
        Some(Answer::Choices(cs)) => cs.iter().any(|c| c == option),
        Some(Answer::Choice(c)) => c == option,
        _ => false,
    }
}

/// The options of `id` with legal references that the effective profile ticks or implies, in content
/// order; none when the field is not asked (for example outside the EU).
pub fn applying<'p>(pack: &'p Pack, profile: &BTreeMap<String, Answer>, id: &str) -> Vec<&'p Choice> {
    let Some(f) = field(pack, id).filter(|f| holds(&f.show_if, profile)) else {
        return Vec::new();
    };
    f.options
        .iter()
        .filter(|o| !o.refs.is_empty())
        .filter(|o| ticked(profile, id, &o.id) || (!o.implied_if.is_empty() && holds(&o.implied_if, profile)))
        .collect()
}

/// Whether the profile view shows `f` although its own conditions do not hold: the exception or the
/// duties, when a practice or a use applies only because the profile implies it.
pub fn asked_by_finding(pack: &Pack, f: &ProfileField, profile: &BTreeMap<String, Answer>) -> bool {
    match f.id.as_ref() {
        EXCEPTION => applying(pack, profile, PROHIBITED).into_iter().any(|c| exceptable(pack, c)),
        DUTIES => !applying(pack, profile, HIGH_RISK).is_empty(),
        _ => false,
    }
}

/// The finding for these answers; `None` when no prohibited practice applies.
pub fn prohibited(pack: &'static Pack, answers: &BTreeMap<String, Answer>) -> Option<Prohibited> {
    let practices = applying(pack, &effective_profile(pack, answers), PROHIBITED);
    if practices.is_empty() {
        return None;
    }
    let exception = match answers.get(EXCEPTION) {
        Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    };
    let (excepted, standing): (Vec<_>, Vec<_>) =
        practices.into_iter().partition(|c| exception.is_some() && exceptable(pack, c));
    let exception = exception.filter(|_| !excepted.is_empty());
    Some(Prohibited { standing, excepted, exception })
}

/// The classification for these answers; `None` while the profile neither ticks nor implies a listed
/// use and "none of these" is not ticked (or the question is not asked).
pub fn classification(pack: &'static Pack, answers: &BTreeMap<String, Answer>) -> Option<Classification> {
    let profile = effective_profile(pack, answers);
    let uses = applying(pack, &profile, HIGH_RISK);
    if uses.is_empty() {
        let asked = field(pack, HIGH_RISK).is_some_and(|f| holds(&f.show_if, &profile));
        return (asked && ticked(&profile, HIGH_RISK, "none")).then_some(Classification::NotListed);
    }
    // A duty with conditions applies only when they hold, the uses counted with those implied: the
    // checks on biometric identification are no duty for a polygraph.
    let mut with_uses = profile.clone();
    with_uses.insert(HIGH_RISK.to_string(), Answer::Choices(uses.iter().map(|u| u.id.to_string()).collect()));
    let duties: Vec<&'static Choice> = field(pack, DUTIES)
        .map(|f| {
            f.options.iter().filter(|d| d.implied_if.is_empty() || holds(&d.implied_if, &with_uses)).collect()
        })
        .unwrap_or_default();
    // Read from the answers, not the effective profile: the duties are asked whenever a use applies.
    let (met, open) = duties.into_iter().partition(|d| ticked(answers, DUTIES, &d.id));
    Some(Classification::HighRisk { uses, met, open })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::pack;

    fn profile(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn choice(v: &str) -> Answer {
        Answer::Choice(v.into())
    }

    fn ids(p: &Prohibited) -> Vec<&str> {
        p.standing.iter().chain(&p.excepted).map(|c| c.id.as_ref()).collect()
    }

    #[test]
    fn a_ticked_practice_in_the_eu_is_likely_prohibited_with_its_article() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["emotion-workplace".into()])),
        ]);
        let found = prohibited(pack(), &a).expect("a finding");
        assert_eq!(ids(&found), ["emotion-workplace"]);
        assert_eq!(found.standing[0].refs.as_ref(), ["AI Act Art. 5(1)(f)"]);
        assert_eq!(found.exception, None);
    }

    #[test]
    fn a_live_one_to_many_face_search_in_public_is_implied_without_a_tick() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("application_type", choice("image")),
            ("face_mode", choice("1ton")),
            ("timing", choice("live")),
            ("public_space", choice("yes")),
        ]);
        assert_eq!(prohibited(pack(), &a).map(|f| ids(&f).join(",")), Some("realtime-rbi".into()));
        let mut after = a.clone();
        after.insert("timing".into(), choice("after"));
        assert_eq!(prohibited(pack(), &after), None, "retrospective search is not the Art. 5(1)(h) practice");
    }

    #[test]
    fn outside_the_eu_or_with_none_ticked_there_is_no_finding() {
        let ticked = Answer::Choices(vec!["face-scraping".into()]);
        let uk = profile(&[("legal_regime", choice("uk")), ("prohibited_practices", ticked.clone())]);
        assert_eq!(prohibited(pack(), &uk), None, "the answer is kept but decides nothing");
        let none = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["none".into()])),
        ]);
        assert_eq!(prohibited(pack(), &none), None);
    }

    #[test]
    fn a_recorded_exception_is_carried_and_a_blank_one_is_not() {
        let mut a = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["realtime-rbi".into()])),
            ("prohibited_exception", Answer::Text("   ".into())),
        ]);
        assert_eq!(prohibited(pack(), &a).and_then(|f| f.exception), None);
        a.insert("prohibited_exception".into(), Answer::Text(" Art. 5(1)(h)(i): abducted child. ".into()));
        let found = prohibited(pack(), &a).expect("a finding");
        assert_eq!(found.exception.as_deref(), Some("Art. 5(1)(h)(i): abducted child."));
        assert_eq!((found.standing.len(), found.excepted.len()), (0, 1));
    }

    // Face scraping admits no exception: an exception written for live identification does not clear it.
    #[test]
    fn an_exception_clears_only_the_practices_that_admit_one() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["face-scraping".into(), "realtime-rbi".into()])),
            ("prohibited_exception", Answer::Text("Art. 5(1)(h)(ii)".into())),
        ]);
        let found = prohibited(pack(), &a).expect("a finding");
        let standing: Vec<&str> = found.standing.iter().map(|c| c.id.as_ref()).collect();
        assert_eq!(standing, ["face-scraping"]);
        assert_eq!(found.excepted.iter().map(|c| c.id.as_ref()).collect::<Vec<_>>(), ["realtime-rbi"]);
        let only_scraping = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["face-scraping".into()])),
            ("prohibited_exception", Answer::Text("kept from before".into())),
        ]);
        assert_eq!(
            prohibited(pack(), &only_scraping).and_then(|f| f.exception),
            None,
            "an old text decides nothing"
        );
    }

    #[test]
    fn a_one_to_many_face_search_is_high_risk_with_every_duty_open() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("application_type", choice("image")),
            ("face_mode", choice("1ton")),
        ]);
        let Some(Classification::HighRisk { uses, met, open }) = classification(pack(), &a) else {
            panic!("implied by the face search")
        };
        assert_eq!(uses.iter().map(|u| u.id.as_ref()).collect::<Vec<_>>(), ["remote-biometric-id"]);
        assert!(met.is_empty());
        assert_eq!(open.len(), 12, "every duty, those on biometric identification included");
    }

    #[test]
    fn ticked_duties_are_met_and_the_rest_stay_open() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("high_risk_uses", Answer::Choices(vec!["evidence-reliability".into()])),
            ("deployer_duties", Answer::Choices(vec!["logs".into(), "fria".into()])),
        ]);
        let Some(Classification::HighRisk { met, open, .. }) = classification(pack(), &a) else {
            panic!("ticked")
        };
        assert_eq!(met.iter().map(|d| d.id.as_ref()).collect::<Vec<_>>(), ["logs", "fria"]);
        assert_eq!(open.len(), 8, "the two duties on biometric identification do not apply");
        assert!(!open.iter().any(|d| d.id == "two-person-check"));
    }

    #[test]
    fn none_ticked_is_not_listed_and_unanswered_says_nothing() {
        let none = profile(&[
            ("legal_regime", choice("eu")),
            ("high_risk_uses", Answer::Choices(vec!["none".into()])),
        ]);
        assert_eq!(classification(pack(), &none), Some(Classification::NotListed));
        assert_eq!(classification(pack(), &profile(&[("legal_regime", choice("eu"))])), None);
        let outside = profile(&[
            ("legal_regime", choice("other")),
            ("high_risk_uses", Answer::Choices(vec!["none".into()])),
        ]);
        assert_eq!(classification(pack(), &outside), None, "not asked outside the EU");
    }
}
