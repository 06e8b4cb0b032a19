//! The workbook's links to the risk assessment of the same system and to the agency's readiness
//! assessment: what the app tells the tools module about the library (the assessments there, and the
//! linked ones as stored), the open risks a stage shows, and the risk ids a decision's evidence cites.

use crate::core::assessment::{Answer, Assessment, Kind};
use crate::core::library::decode;
use crate::core::register::{Decision, Risk, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An assessment in this browser that a workbook can link to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Linkable {
    pub id: String,
    pub title: String,
}

/// What the app sends of the library for the workbook, with every drawing and every edit: built
/// from storage, never saved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkSent {
    /// The risk assessments in this browser (not in the bin), most recently edited first.
    pub library: Vec<Linkable>,
    /// The linked risk assessment's record as storage keeps it, when it is there. Read by the
    /// tools module, so the first load carries no writer of registers.
    pub stored: Option<String>,
    /// The readiness assessments in this browser, and the linked one's record, likewise.
    pub readiness: Vec<Linkable>,
    pub readiness_stored: Option<String>,
}

/// What the workbook's drawing knows of the library: [`LinkSent`] as read by the tools module.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(from = "LinkSent")]
pub struct LinkContext {
    pub library: Vec<Linkable>,
    /// The linked risk assessment's register, when it is in this browser, readable, and not in
    /// the bin.
    pub register: Option<Vec<Risk>>,
    /// Its answers (the screening's among them), on the same terms.
    pub answers: BTreeMap<String, Answer>,
    pub readiness: Vec<Linkable>,
    /// The linked readiness assessment's answers, on the same terms.
    pub readiness_answers: Option<BTreeMap<String, Answer>>,
}

thread_local! {
    // The records last read: every edit of the workbook brings the same ones, and reading them again
    // would cost each keystroke a few milliseconds. Same text, same result.
    static LAST: std::cell::RefCell<Vec<(String, Option<Assessment>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A stored record of this kind, readable and not in the bin.
fn read(raw: Option<String>, kind: Kind) -> Option<Assessment> {
    let raw = raw?;
    let a = LAST.with_borrow_mut(|last| {
        if let Some((_, a)) = last.iter().find(|(text, _)| *text == raw) {
            return a.clone();
        }
        // Read as the workbook's own content version asks it: moved answers are where it looks.
        let a = decode(&raw).ok().map(|mut a| {
            crate::core::upgrade::upgrade(crate::core::content::pack(), &mut a);
            a
        });
        last.insert(0, (raw, a.clone()));
        last.truncate(2);
        a
    })?;
    (a.kind == kind && a.deleted.is_none()).then_some(a)
}

impl From<LinkSent> for LinkContext {
    fn from(sent: LinkSent) -> Self {
        let risk = read(sent.stored, Kind::Risk);
        let readiness = read(sent.readiness_stored, Kind::Readiness);
        let (register, answers) =
            risk.map_or((None, BTreeMap::new()), |a| (Some(a.risk.register), a.answers));
        LinkContext {
            library: sent.library,
            register,
            answers,
            readiness: sent.readiness,
            readiness_answers: readiness.map(|a| a.answers),
        }
    }
}

/// A risk still to be dealt with: no decision yet, or to be treated with no mitigation yet or one
/// not done.
pub fn is_open(r: &Risk) -> bool {
    match r.decision {
        None => true,
        Some(Decision::Treat) => {
            r.mitigations.is_empty() || r.mitigations.iter().any(|m| m.status != Status::Done)
        }
        Some(_) => false,
    }
}

/// The risk ids (`K1`, `K12`) a text names, each once, in the order first named.
pub fn cited(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let digits = word.strip_prefix('K').unwrap_or("");
        if !digits.is_empty()
            && digits.len() <= 6
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !out.contains(&word)
        {
            out.push(word);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{Assessment, ContentRef, NewAssessment};
    use crate::core::content::pack;
    use crate::core::library::encode;
    use crate::core::register::Mitigation;

    #[test]
    fn the_register_is_read_from_the_stored_record_of_a_live_risk_assessment_only() {
        let mut risk =
            Assessment::new("r-1".into(), Kind::Risk, NewAssessment::default(), ContentRef::of(pack()), 0);
        risk.risk.register = vec![Risk { id: "K1".into(), ..Risk::default() }];
        risk.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
        let context = LinkContext::from(LinkSent { stored: Some(encode(&risk)), ..LinkSent::default() });
        assert_eq!(context.answers.get("S1.1.1"), Some(&Answer::Choice("no".into())));
        let read =
            |stored: Option<String>| LinkContext::from(LinkSent { stored, ..LinkSent::default() }).register;
        assert_eq!(read(Some(encode(&risk))).map(|r| r.len()), Some(1));
        let binned = Assessment { deleted: Some(5), ..risk.clone() };
        let workbook = Assessment { kind: Kind::Workbook, ..risk.clone() };
        for stored in [None, Some(encode(&binned)), Some(encode(&workbook)), Some("{not a record".into())] {
            assert_eq!(read(stored), None);
        }
        // A readiness assessment is read for its answers, in its own place only.
        let readiness = Assessment { kind: Kind::Readiness, ..risk.clone() };
        let both = LinkContext::from(LinkSent {
            stored: Some(encode(&readiness)),
            readiness_stored: Some(encode(&readiness)),
            ..LinkSent::default()
        });
        assert_eq!((both.register, both.readiness_answers.map(|a| a.len())), (None, Some(1)));
    }

    #[test]
    fn evidence_cites_risk_ids_once_each() {
        assert_eq!(cited("K1, LO-2026-14\nK12 and K1 again; SK3 K2b K"), ["K1", "K12"]);
        assert!(cited("").is_empty());
    }

    #[test]
    fn a_risk_is_open_until_decided_and_treated_risks_until_their_mitigations_are_done() {
        let open = Risk::default();
        let accepted = Risk { decision: Some(Decision::Accept), ..Risk::default() };
        let m = |status| Mitigation { status, ..Mitigation::default() };
        let treating = Risk {
            decision: Some(Decision::Treat),
            mitigations: vec![m(Status::Done), m(Status::Planned)],
            ..Risk::default()
        };
        let treated =
            Risk { decision: Some(Decision::Treat), mitigations: vec![m(Status::Done)], ..Risk::default() };
        assert_eq!([&open, &accepted, &treating, &treated].map(is_open), [true, false, true, false]);
    }
}
