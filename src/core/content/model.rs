//! The content-pack model: what `content/*.toml` holds, as typed data.
//!
//! Plain serde types with no dependency on the rest of the crate, because `build.rs` compiles this file
//! too (it reads the TOML, validates it and writes the pack file the app fetches). `deny_unknown_fields` turns a misspelt
//! key in a pack into an error instead of silently missing text.
//!
//! Texts and lists are `Cow<'static, …>`: borrowed in the few `static`s `build.rs` writes out as Rust
//! (see `build/rust_literal.rs`), owned everywhere else. The app receives the pack as a postcard file
//! (see `content::load`), which ignores field names, so serde renames apply to reading TOML alone.
//! `Default` on the four parts gives the empty pack shown before the file has arrived.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A text of the pack.
pub type Text = Cow<'static, str>;
/// A list of the pack.
pub type List<T> = Cow<'static, [T]>;

/// A whole content pack, as embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub info: PackInfo,
    pub vocabulary: Vocabulary,
    pub readiness: Readiness,
    pub risk: Risk,
    pub workbook: Workbook,
    /// `changes.toml`: ids earlier versions had, and where their answers go (`crate::core::upgrade`).
    pub changes: List<IdChange>,
}

/// The `[[change]]` list of `changes.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    #[serde(rename(deserialize = "change"), default)]
    pub changes: List<IdChange>,
}

/// An item id an earlier version of the content had and this one does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdChange {
    pub id: Text,
    /// The content version that no longer has it.
    pub since: Text,
    /// The question as it read, shown beside an answer kept aside.
    pub was: Text,
    /// The items that ask it now: one takes its answer and note (renamed or merged); with several
    /// (split) or none (removed) they are kept aside and these listed.
    #[serde(default)]
    pub now: List<Text>,
    /// Answer values renamed on the way (a screening answer that became a profile choice).
    #[serde(default)]
    pub values: List<ValueChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueChange {
    pub from: Text,
    pub to: Text,
}

/// `pack.toml`: identity and version of the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub id: Text,
    pub version: Text,
    pub title: Text,
    pub toolkit_edition: Text,
    pub languages: List<Text>,
}

/// `vocabulary.toml`: the controlled vocabularies every tag refers to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(rename(deserialize = "principle"))]
    pub principles: List<Principle>,
    #[serde(rename(deserialize = "stage"))]
    pub stages: List<Stage>,
    #[serde(rename(deserialize = "application_type"))]
    pub application_types: List<ApplicationType>,
    #[serde(rename(deserialize = "term"))]
    pub terms: List<Term>,
    /// Who in an agency is usually best placed to answer a question (`ask` on each question).
    #[serde(rename(deserialize = "role"))]
    pub roles: List<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: Text,
    /// The core principle of an instrumental one; `None` for the five core principles.
    #[serde(default)]
    pub parent: Option<Text>,
    pub name: Text,
    pub summary: Text,
    pub in_policing: Text,
    pub red_flags: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Text,
    pub name: Text,
    /// Position on the life-cycle line; alternative paths (build or buy) share a position.
    pub order: u8,
    #[serde(default)]
    pub alternative_to: Option<Text>,
    pub purpose: Text,
    pub key_questions: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationType {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    pub examples: List<Text>,
    pub typical_concerns: List<Text>,
    pub principles: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: Text,
    pub term: Text,
    pub definition: Text,
    #[serde(default)]
    pub see_also: List<Text>,
}

/// `readiness.toml`: the organizational readiness questionnaire.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    pub id: Text,
    pub name: Text,
    pub intro: Text,
    pub method: Text,
    #[serde(rename(deserialize = "level"))]
    pub levels: List<MaturityLevel>,
    #[serde(rename(deserialize = "band"))]
    pub bands: List<Band>,
    #[serde(rename(deserialize = "dimension"))]
    pub dimensions: List<Dimension>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    pub value: u8,
    pub label: Text,
    pub description: Text,
}

/// A score band, named for the maturity levels it covers: a score falls in the band of its nearest
/// level (see `scoring::readiness::band_of`), so the cut-offs sit half-way between levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: Text,
    pub label: Text,
    /// The maturity levels (0-4) this band stands for, ascending; the bands share them out in order.
    pub levels: List<u8>,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    #[serde(rename(deserialize = "question"))]
    pub questions: List<ReadinessQuestion>,
    pub next_steps: List<NextSteps>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuestion {
    pub id: Text,
    pub text: Text,
    pub why: Text,
    /// The role (`Vocabulary::roles`) usually best placed to answer it.
    pub ask: Text,
    /// What maturity levels 0..=4 look like for this item: the rubric.
    pub levels: List<Text>,
    pub principles: List<Text>,
    pub stages: List<Text>,
    /// A safeguard whose absence matters whatever the overall score: an answer at level 0 or 1 is a
    /// critical gap on the results and in the report.
    #[serde(default)]
    pub critical: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    pub band: Text,
    pub steps: List<Text>,
}

/// `risk.toml`: the risk assessment of one AI system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Text,
    pub name: Text,
    pub intro: Text,
    pub method: Text,
    pub matrix_rationale: Text,
    /// `matrix[likelihood - 1][severity - 1]` is a risk-level id.
    pub matrix: List<List<Text>>,
    #[serde(rename(deserialize = "profile_field"))]
    pub profile_fields: List<ProfileField>,
    pub likelihood: List<ScaleLevel>,
    pub severity: List<ScaleLevel>,
    #[serde(rename(deserialize = "risk_level"))]
    pub risk_levels: List<RiskLevel>,
    pub screening: List<ScreeningQuestion>,
    #[serde(rename(deserialize = "template"))]
    pub templates: List<RiskTemplate>,
    /// The fundamental rights a risk can touch (AI Act Art. 27): each a label in our words and the
    /// articles that protect it (`refs`), never `implied_if`.
    #[serde(rename(deserialize = "right"))]
    pub rights: List<Choice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "lowercase"))]
pub enum FieldKind {
    Text,
    Longtext,
    Choice,
    Multi,
}

/// Where a choice field takes its options from when they are not listed inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "snake_case"))]
pub enum OptionsFrom {
    ApplicationTypes,
    Stages,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    pub id: Text,
    pub label: Text,
    pub help: Text,
    pub kind: FieldKind,
    #[serde(default)]
    pub options: List<Choice>,
    #[serde(default)]
    pub options_from: Option<OptionsFrom>,
    #[serde(default)]
    pub show_if: List<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Text,
    pub label: Text,
    /// Legal references for this option, such as "AI Act Art. 5(1)(h)": each also written in the label.
    /// A multi field whose options have them lists practices the law prohibits (see `risk::legal`).
    #[serde(default)]
    pub refs: List<Text>,
    /// The option counts as chosen when the profile meets all of these, ticked or not (a practice the
    /// rest of the profile already describes). For a deployer's duty: the duty applies only when they
    /// hold (the uses counted with those implied).
    #[serde(default)]
    pub implied_if: List<Condition>,
}

/// The stable ids of the profile fields the legal findings read (`risk::legal`); the validator checks
/// that they fit together.
pub mod legal_fields {
    /// The multi field listing practices the law prohibits.
    pub const PROHIBITED: &str = "prohibited_practices";
    /// The text field where the team records why an exception applies.
    pub const EXCEPTION: &str = "prohibited_exception";
    /// The multi field listing uses the law classes as high-risk.
    pub const HIGH_RISK: &str = "high_risk_uses";
    /// The multi field where the team ticks the duties of a high-risk system's deployer already met.
    pub const DUTIES: &str = "deployer_duties";
    /// The instruments a legal reference may cite, as written in `refs`.
    pub const INSTRUMENTS: [&str; 8] =
        ["AI Act", "Directive 2016/680", "GDPR", "EU Charter", "ECHR", "ICCPR", "ICESCR", "UNCRC"];

    /// A reference without its instrument: "Art. 5(1)(h)" of "AI Act Art. 5(1)(h)".
    pub fn article_of(r: &str) -> Option<&str> {
        INSTRUMENTS.iter().find_map(|i| r.strip_prefix(i).and_then(|x| x.strip_prefix(' ')))
    }
}

/// Holds when the profile field's value (or, for a multi field, any selected value) is one of `any_of`.
/// `field` may name several fields joined by `|` (`application_type|sourcing`): then it holds when any
/// of them does, each value belonging to one of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: Text,
    pub any_of: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub value: u8,
    pub label: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskLevel {
    pub id: Text,
    pub label: Text,
    pub description: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "lowercase"))]
pub enum ScreeningAnswer {
    Yes,
    Partly,
    No,
    Unsure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningQuestion {
    pub id: Text,
    pub principle: Text,
    pub text: Text,
    pub why: Text,
    /// The role (`Vocabulary::roles`) usually best placed to answer it.
    pub ask: Text,
    pub risk_when: List<ScreeningAnswer>,
    pub proposes: Text,
    #[serde(default)]
    pub stages: List<Text>,
    #[serde(default)]
    pub application_types: List<Text>,
    #[serde(default)]
    pub show_if: List<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskTemplate {
    pub id: Text,
    pub title: Text,
    pub description: Text,
    pub principles: List<Text>,
    /// The rights (`Risk::rights` ids) the risk would harm, most direct first.
    pub rights: List<Text>,
    pub affected_groups: List<Text>,
    pub mitigations: List<Text>,
}

/// `workbook.toml`: the life-cycle workbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workbook {
    pub id: Text,
    pub name: Text,
    pub intro: Text,
    #[serde(rename(deserialize = "stage"))]
    pub stages: List<WorkbookStage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookStage {
    pub stage: Text,
    pub intro: Text,
    pub decision_guidance: Text,
    pub decision_go: Text,
    pub decision_change: Text,
    pub decision_stop: Text,
    #[serde(rename(deserialize = "prompt"))]
    pub prompts: List<Prompt>,
    #[serde(rename(deserialize = "check"))]
    pub checks: List<Check>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: Text,
    pub text: Text,
    pub help: Text,
    pub principles: List<Text>,
    /// Screening questions (`S…`) and readiness questions (`R…`) that ask the same fact: the
    /// workbook shows them, with the linked risk assessment's answers.
    #[serde(default)]
    pub related: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: Text,
    pub text: Text,
    /// What a reviewer should find on file when the check is done.
    pub evidence: Text,
    /// The role that owns the check.
    pub owner: Text,
    /// A stage with this check open cannot be marked complete without a recorded override.
    #[serde(default)]
    pub blocking: bool,
}

/// A content version ("1.2.0") as numbers that compare in order; `None` if it is not three numbers.
pub fn version_key(v: &str) -> Option<(u32, u32, u32)> {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Some(a)), Some(Some(b)), Some(Some(c)), None) => Some((a, b, c)),
        _ => None,
    }
}

/// UI strings of one language, by flat key such as `nav.about`.
pub type StringTable = BTreeMap<String, String>;
