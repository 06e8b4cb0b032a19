//! The legal findings of a risk assessment as blocks, for the results, the register and the report:
//! "likely prohibited" with the practices and their articles, or, once the team has written why an
//! exception applies, the exception as recorded.

use super::super::document::{Block, Inline, Line};
use super::super::s;
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::risk::legal::prohibited;

/// The finding's section; empty when no prohibited practice applies.
pub fn findings(pack: &'static Pack, a: &Assessment) -> Vec<Block> {
    let Some(found) = prohibited(pack, &a.answers) else { return Vec::new() };
    let practices = found
        .practices
        .iter()
        .map(|p| {
            // The label ends with its article in brackets; the references say it in full instead.
            let label = p.label.rsplit_once(" (Art.").map_or(p.label.as_ref(), |(head, _)| head);
            Line::default()
                .and(Inline::Text(label.to_string()))
                .and(Inline::Text(" · ".into()))
                .and(Inline::Span("r-ref", p.refs.join(", ")))
        })
        .collect();
    let mut blocks = Vec::new();
    match found.exception {
        None => {
            blocks.push(Block::h(2, s("legal.prohibited_heading")));
            blocks.push(Block::Note(s("legal.prohibited_label").into(), s("legal.prohibited").into()));
            blocks.push(Block::List { ordered: false, items: practices });
        }
        Some(reason) => {
            blocks.push(Block::h(2, s("legal.exception_heading")));
            blocks.push(Block::List { ordered: false, items: practices });
            let line = Line::default()
                .and(Inline::Span("r-label", s("legal.exception_label").into()))
                .and(Inline::Text(format!(" {reason}")));
            blocks.push(Block::Para(Some("r-note"), line));
            blocks.push(Block::p(s("legal.exception")));
        }
    }
    vec![Block::section(Some("r-finding"), blocks)]
}
