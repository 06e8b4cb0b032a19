//! Answers kept aside: given to items this content does not ask (an earlier version's question that was
//! split or removed, or whose successor had its own answer; or an id from another version). Listed on
//! the results and in the report with how the question read and what asks it now, so nothing an
//! assessment holds is out of sight, and none of it counts.

use super::document::{Block, Line, Table};
use super::{fill, s};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::Pack;
use crate::core::questionnaire::plain_answer;
use crate::core::upgrade::kept_aside;

/// The section, or nothing when every answer belongs to an item of this content.
pub fn kept_blocks(pack: &Pack, a: &Assessment) -> Vec<Block> {
    let kept = kept_aside(pack, a);
    if kept.is_empty() {
        return Vec::new();
    }
    let rows = kept
        .iter()
        .map(|k| {
            let was = k.change.map_or_else(|| s("kept.unknown").to_string(), |c| c.was.to_string());
            let now = k.change.map(|c| c.now.iter().map(|id| named(pack, id)).collect::<Vec<_>>().join(", "));
            let answer = k.answer.as_ref().map(words);
            // An empty cell says so in words: a dash is not read out at the default punctuation level.
            let cells = [Some(was), answer, k.note.clone(), now].map(|c| c.filter(|c| !c.is_empty()));
            let cells = cells.map(|c| c.unwrap_or_else(|| s("kept.none").into()));
            (k.id.clone(), cells.into_iter().map(Line::text).collect())
        })
        .collect();
    let heading = fill("kept.heading", &[("count", &kept.len().to_string())]);
    vec![Block::section(
        Some("r-kept"),
        vec![
            Block::h(2, heading.clone()),
            Block::Para(Some("hint"), Line::text(s("kept.intro"))),
            Block::Table(Table {
                class: Some("kept"),
                // Named by the region (the heading's words), like the other tables of results.
                region: Some(heading.clone()),
                caption: None,
                head: ["kept.col_item", "kept.col_was", "kept.col_answer", "kept.col_note", "kept.col_now"]
                    .iter()
                    .map(|k| s(k).to_string())
                    .collect(),
                rows,
            }),
        ],
    )]
}

/// A question by its number; a profile field by its label, as the profile shows it.
fn named(pack: &Pack, id: &str) -> String {
    match pack.risk.profile_fields.iter().find(|f| f.id == id) {
        Some(f) => fill("kept.profile_field", &[("label", &f.label)]),
        None => id.to_string(),
    }
}

/// A screening answer in the words the questionnaire used; anything else as it is.
fn words(answer: &Answer) -> String {
    let key = match answer {
        Answer::Choice(c) => match c.as_str() {
            "yes" => "risk.answer_yes",
            "partly" => "risk.answer_partly",
            "no" => "risk.answer_no",
            "unsure" => "risk.answer_unsure",
            _ => return plain_answer(answer),
        },
        _ => return plain_answer(answer),
    };
    s(key).to_string()
}
