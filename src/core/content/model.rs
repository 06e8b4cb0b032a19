//! The content-pack model: what `content/*.toml` holds, as typed data.
//!
//! Plain serde types with no dependency on the rest of the crate, because `build.rs` compiles this file
//! too (it reads the TOML, validates it and embeds it as JSON). `deny_unknown_fields` turns a misspelt
//! key in a pack into an error instead of silently missing text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole content pack, as embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub info: PackInfo,
    pub vocabulary: Vocabulary,
    pub readiness: Readiness,
    pub risk: Risk,
    pub workbook: Workbook,
}

/// `pack.toml`: identity and version of the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    pub toolkit_edition: String,
    pub languages: Vec<String>,
}

/// `vocabulary.toml`: the controlled vocabularies every tag refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(rename = "principle")]
    pub principles: Vec<Principle>,
    #[serde(rename = "stage")]
    pub stages: Vec<Stage>,
    #[serde(rename = "application_type")]
    pub application_types: Vec<ApplicationType>,
    #[serde(rename = "term")]
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    /// The core principle of an instrumental one; `None` for the five core principles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: String,
    pub summary: String,
    pub in_policing: String,
    pub red_flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// Position on the life-cycle line; alternative paths (build or buy) share a position.
    pub order: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_to: Option<String>,
    pub purpose: String,
    pub key_questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationType {
    pub id: String,
    pub name: String,
    pub description: String,
    pub examples: Vec<String>,
    pub typical_concerns: Vec<String>,
    pub principles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
}

/// `readiness.toml`: the organizational readiness questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    pub id: String,
    pub name: String,
    pub intro: String,
    pub method: String,
    #[serde(rename = "level")]
    pub levels: Vec<MaturityLevel>,
    #[serde(rename = "band")]
    pub bands: Vec<Band>,
    #[serde(rename = "dimension")]
    pub dimensions: Vec<Dimension>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    pub value: u8,
    pub label: String,
    pub description: String,
}

/// A score band on 0..=100: `from` inclusive, `to` exclusive except for the last band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub label: String,
    pub from: u32,
    pub to: u32,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(rename = "question")]
    pub questions: Vec<ReadinessQuestion>,
    pub next_steps: Vec<NextSteps>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuestion {
    pub id: String,
    pub text: String,
    pub why: String,
    /// What maturity levels 0..=4 look like for this item: the rubric.
    pub levels: Vec<String>,
    pub principles: Vec<String>,
    pub stages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    pub band: String,
    pub steps: Vec<String>,
}

/// `risk.toml`: the risk assessment of one AI system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub name: String,
    pub intro: String,
    pub method: String,
    pub matrix_rationale: String,
    /// `matrix[likelihood - 1][severity - 1]` is a risk-level id.
    pub matrix: Vec<Vec<String>>,
    #[serde(rename = "profile_field")]
    pub profile_fields: Vec<ProfileField>,
    pub likelihood: Vec<ScaleLevel>,
    pub severity: Vec<ScaleLevel>,
    #[serde(rename = "risk_level")]
    pub risk_levels: Vec<RiskLevel>,
    pub screening: Vec<ScreeningQuestion>,
    #[serde(rename = "template")]
    pub templates: Vec<RiskTemplate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    Longtext,
    Choice,
    Multi,
}

/// Where a choice field takes its options from when they are not listed inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionsFrom {
    ApplicationTypes,
    Stages,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    pub id: String,
    pub label: String,
    pub help: String,
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<OptionsFrom>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// Holds when the profile field's value (or, for a multi field, any selected value) is one of `any_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub value: u8,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskLevel {
    pub id: String,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScreeningAnswer {
    Yes,
    Partly,
    No,
    Unsure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningQuestion {
    pub id: String,
    pub principle: String,
    pub text: String,
    pub why: String,
    pub risk_when: Vec<ScreeningAnswer>,
    pub proposes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub show_if: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskTemplate {
    pub id: String,
    pub title: String,
    pub description: String,
    pub principles: Vec<String>,
    pub affected_groups: Vec<String>,
    pub mitigations: Vec<String>,
}

/// `workbook.toml`: the life-cycle workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workbook {
    pub id: String,
    pub name: String,
    pub intro: String,
    #[serde(rename = "stage")]
    pub stages: Vec<WorkbookStage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookStage {
    pub stage: String,
    pub intro: String,
    pub decision_guidance: String,
    pub decision_go: String,
    pub decision_change: String,
    pub decision_stop: String,
    #[serde(rename = "prompt")]
    pub prompts: Vec<Prompt>,
    #[serde(rename = "check")]
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub help: String,
    pub principles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub text: String,
}

/// UI strings of one language, by flat key such as `nav.about`.
pub type StringTable = BTreeMap<String, String>;
