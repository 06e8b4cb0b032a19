//! What the register view holds that is not part of the assessment: text typed but not yet used, a
//! question waiting for its answer, the registers compared. The app keeps it in a signal of the view
//! that shows it and sends it with each drawing; it is never saved.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// Reasons typed for dismissing a proposal, by template id.
    pub reasons: BTreeMap<String, String>,
    pub snapshot_label: String,
    /// The two registers compared: "current" or a snapshot's time; empty for the default.
    pub compare: (String, String),
    /// What waits for confirmation: a risk's removal or a snapshot's deletion.
    pub confirm: Option<Confirm>,
}

/// A question the view asks before an edit that loses work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confirm {
    RemoveRisk(String),
    DeleteSnapshot(i64),
}
