//! Legal findings a risk assessment's profile leads to. A practice the law prohibits is not one more
//! risk to rate and mitigate: it is a finding of its own, shown on the results, the register and the
//! report until the team records why an exception applies. Which field lists the practices (the multi
//! field whose options carry `refs`) and which records the exception (the text field shown when one of
//! them is ticked) is content, so the rules can follow the law.

use crate::core::assessment::Answer;
use crate::core::content::model::{Choice, FieldKind, Pack, ProfileField};
use crate::core::risk::{effective_profile, holds};
use std::collections::BTreeMap;

/// The finding "likely prohibited": the practices that apply and, once recorded, why an exception
/// applies (the team's words, never judged by the app).
#[derive(Debug, Clone, PartialEq)]
pub struct Prohibited {
    /// The practices ticked or implied by the profile, in content order.
    pub practices: Vec<&'static Choice>,
    /// The recorded exception; `None` while nothing is written.
    pub exception: Option<String>,
}

/// The field that lists prohibited practices: the multi field whose options carry legal references.
pub fn gate(pack: &Pack) -> Option<&ProfileField> {
    pack.risk
        .profile_fields
        .iter()
        .find(|f| f.kind == FieldKind::Multi && f.options.iter().any(|o| !o.refs.is_empty()))
}

/// Whether `f` is where the team records an exception: a text field asked when a practice is ticked.
pub fn is_exception(pack: &Pack, f: &ProfileField) -> bool {
    matches!(f.kind, FieldKind::Text | FieldKind::Longtext)
        && gate(pack).is_some_and(|g| f.show_if.iter().any(|c| c.field == g.id))
}

/// The prohibited practices the effective profile ticks or implies, in content order; none when the
/// profile does not ask about them (for example outside the EU).
pub fn practices<'p>(pack: &'p Pack, profile: &BTreeMap<String, Answer>) -> Vec<&'p Choice> {
    let Some(gate) = gate(pack) else {
        return Vec::new();
    };
    if !holds(&gate.show_if, profile) {
        return Vec::new();
    }
    let ticked = |id: &str| match profile.get(gate.id.as_ref()) {
        Some(Answer::Choices(cs)) => cs.iter().any(|c| c == id),
        Some(Answer::Choice(c)) => c == id,
        _ => false,
    };
    gate.options
        .iter()
        .filter(|o| !o.refs.is_empty())
        .filter(|o| ticked(&o.id) || (!o.implied_if.is_empty() && holds(&o.implied_if, profile)))
        .collect()
}

/// The finding for these answers; `None` when no prohibited practice applies.
pub fn prohibited(pack: &'static Pack, answers: &BTreeMap<String, Answer>) -> Option<Prohibited> {
    let practices = practices(pack, &effective_profile(pack, answers));
    if practices.is_empty() {
        return None;
    }
    let exception = pack.risk.profile_fields.iter().filter(|f| is_exception(pack, f)).find_map(|f| {
        match answers.get(f.id.as_ref()) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        }
    });
    Some(Prohibited { practices, exception })
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
        p.practices.iter().map(|c| c.id.as_ref()).collect()
    }

    #[test]
    fn a_ticked_practice_in_the_eu_is_likely_prohibited_with_its_article() {
        let a = profile(&[
            ("legal_regime", choice("eu")),
            ("prohibited_practices", Answer::Choices(vec!["emotion-workplace".into()])),
        ]);
        let found = prohibited(pack(), &a).expect("a finding");
        assert_eq!(ids(&found), ["emotion-workplace"]);
        assert_eq!(found.practices[0].refs.as_ref(), ["AI Act Art. 5(1)(f)"]);
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
        assert_eq!(
            prohibited(pack(), &a).and_then(|f| f.exception).as_deref(),
            Some("Art. 5(1)(h)(i): abducted child.")
        );
    }
}
