//! Which items changed since the latest approval, for the marks the editor shows beside them
//! ("Changed since version 2 was approved"). Works on the stored review's JSON, as the app's first
//! load holds it; the tools module's [`super::changes`] says what changed in each, from what to what.

use crate::core::assessment::Assessment;

/// The latest approved version, and the names of the items that differ from it: question ids (an
/// answer or a note; a workbook prompt or check, whose owner counts too), the general notes' key,
/// `title`, `subject`, `respondent`, `role` for the details, and risks and workbook decisions by id
/// (new or changed; one removed is in `changed` alone).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Since {
    pub version: u32,
    /// Anything at all differs (risks and workbook entries included).
    pub changed: bool,
    pub items: Vec<String>,
}

impl Since {
    /// Whether `item` changed since the approval.
    pub fn has(&self, item: &str) -> bool {
        self.items.iter().any(|i| i == item)
    }
}

/// What changed in `a` since its latest approval; `None` when it has none, or the approved copy's
/// content was dropped (see `MAX_APPROVALS`) and there is nothing to compare with.
pub fn since(a: &Assessment) -> Option<Since> {
    let latest = a.review.0["approvals"].as_array()?.last()?;
    let version = latest["version"].as_u64()? as u32;
    let copy = &latest["content"];
    if copy.is_null() {
        return None;
    }
    let now = super::current_json(copy, a)?;
    let mut items = Vec::new();
    let mut put = |name: &str| {
        if !items.iter().any(|i| i == name) {
            items.push(name.to_string());
        }
    };
    for field in ["title", "subject"] {
        if now[field] != copy[field] {
            put(field);
        }
    }
    for (field, name) in [("name", "respondent"), ("role", "role")] {
        if now["respondent"][field] != copy["respondent"][field] {
            put(name);
        }
    }
    // Answers and notes by item (a workbook check's state and note among them), a check's owner by check.
    let (book, approved) = (&now["workbook"]["owners"], &copy["workbook"]["owners"]);
    for (mine, theirs) in
        [(&now["answers"], &copy["answers"]), (&now["notes"], &copy["notes"]), (book, approved)]
    {
        for (one, other) in [(mine, theirs), (theirs, mine)] {
            for (id, value) in one.as_object().into_iter().flatten() {
                if other[id.as_str()] != *value {
                    put(id);
                }
            }
        }
    }
    // Risks and workbook decisions by id: new, or not as approved.
    for list in [["risk", "register"], ["workbook", "log"]] {
        let (mine, theirs) = (&now[list[0]][list[1]], &copy[list[0]][list[1]]);
        let then = theirs.as_array().map_or(&[][..], Vec::as_slice);
        for x in mine.as_array().into_iter().flatten() {
            if !then.contains(x) {
                put(x["id"].as_str().unwrap_or_default());
            }
        }
    }
    Some(Since { version, changed: now != *copy, items })
}

/// Whether `a` has an approved version to compare with.
pub fn has_approval(a: &Assessment) -> bool {
    a.review.0["approvals"].as_array().is_some_and(|l| l.last().is_some_and(|p| !p["content"].is_null()))
}
