//! The fingerprint of an assessment: SHA-256 of its canonical content, so that a reader can check that
//! a file, a report and a signed paper copy hold the same assessment. It shows that content changed,
//! not who changed it: anyone can compute it.
//!
//! The canonical content is the assessment as an answer file writes it (`WireAssessment`) without what
//! describes the copy rather than the content (`updated`, the time of the last save), its review
//! (which records approvals of the content, each with its own fingerprint) and the fingerprint itself, as JSON with object keys in code-point order and no whitespace, after a line
//! naming the form. Key order and layout in a file therefore never change it; any change of an answer,
//! note, title, risk, rating or decision does. Documented in docs/answer-file-format.md.

use super::wire::WireAssessment;
use crate::core::assessment::Assessment;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Names the canonical form in the hashed bytes, so a later form can never collide with this one.
const FORM: &str = "rai-assess.canonical.1\n";
/// How the fingerprint is written in a file: this prefix, then 64 lowercase hex digits.
pub const PREFIX: &str = "sha256:";

/// A SHA-256 fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// As files carry it: `sha256:` and 64 lowercase hex digits.
    pub fn wire(&self) -> String {
        let mut out = String::with_capacity(PREFIX.len() + 64);
        out.push_str(PREFIX);
        for b in self.0 {
            let _ = write!(out, "{b:02x}");
        }
        out
    }

    /// Reads what [`Fingerprint::wire`] wrote; `None` for anything else.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let hex = text.strip_prefix(PREFIX)?.as_bytes();
        if hex.len() != 64 {
            return None;
        }
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let mut out = [0u8; 32];
        for (i, pair) in hex.chunks(2).enumerate() {
            out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
        }
        Some(Fingerprint(out))
    }

    /// For a person comparing by eye: 16 groups of four hex digits, `3f2a 9c01 …`.
    pub fn for_people(&self) -> String {
        let hex = &self.wire()[PREFIX.len()..];
        let groups: Vec<&str> = (0..16).map(|i| &hex[i * 4..i * 4 + 4]).collect();
        groups.join(" ")
    }
}

/// The canonical content of `a` (see the module's comment).
pub fn canonical(a: &Assessment) -> String {
    let mut value = serde_json::to_value(WireAssessment::from_domain(a)).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("updated");
        map.remove("review");
        map.remove("fingerprint");
    }
    // serde_json's maps are ordered by key (no `preserve_order`), and `to_string` adds no whitespace.
    let mut out = String::from(FORM);
    out.push_str(&serde_json::to_string(&value).unwrap_or_default());
    out
}

/// The fingerprint of `a`'s canonical content.
pub fn of(a: &Assessment) -> Fingerprint {
    Fingerprint(Sha256::digest(canonical(a).as_bytes()).into())
}

/// What a file's fingerprint of one assessment says about the content read with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The content is what was fingerprinted.
    Matches,
    /// The content changed after the fingerprint was written (or the fingerprint did).
    Differs,
    /// The file carries none (written before format 7).
    Absent,
    /// A file of format 7 or later carries none: it was taken out.
    Missing,
}

/// Checks the fingerprint a file gives for `a` (as written, if any) against its content.
pub fn check(claimed: Option<&str>, a: &Assessment) -> Check {
    match claimed {
        None => Check::Absent,
        Some(text) if Fingerprint::parse(text) == Some(of(a)) => Check::Matches,
        Some(_) => Check::Differs,
    }
}

#[cfg(test)]
mod tests;
