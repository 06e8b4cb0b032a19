//! The workbook's link to the risk assessment of the same system: what the app tells the tools
//! module about the library (the risk assessments there, and the linked one's register), the open
//! risks a stage shows, and the risk ids a decision's evidence cites.

use crate::core::register::{Decision, Risk, Status};
use serde::{Deserialize, Serialize};

/// A risk assessment in this browser that a workbook can link to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Linkable {
    pub id: String,
    pub title: String,
}

/// What the app knows of the library for the workbook: given with every drawing and every edit,
/// built by the app from storage, never saved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkContext {
    /// The risk assessments in this browser (not in the bin), most recently edited first.
    pub library: Vec<Linkable>,
    /// The linked risk assessment's register, when it is in this browser.
    pub register: Option<Vec<Risk>>,
}

/// A risk still to be dealt with: no decision yet, or treated with a mitigation not done.
pub fn is_open(r: &Risk) -> bool {
    match r.decision {
        None => true,
        Some(Decision::Treat) => r.mitigations.iter().any(|m| m.status != Status::Done),
        Some(_) => false,
    }
}

/// The risk ids (`K1`, `K12`) a text names, each once, in the order first named.
pub fn cited(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let digits = word.strip_prefix('K').unwrap_or("");
        if !digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit()) && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::register::Mitigation;

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
        let treating = Risk { decision: Some(Decision::Treat), mitigations: vec![m(Status::Done), m(Status::Planned)], ..Risk::default() };
        let treated = Risk { decision: Some(Decision::Treat), mitigations: vec![m(Status::Done)], ..Risk::default() };
        assert_eq!([&open, &accepted, &treating, &treated].map(|r| is_open(r)), [true, false, true, false]);
    }
}
