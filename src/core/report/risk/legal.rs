//! The legal findings of a risk assessment as blocks: "likely prohibited" with the practices and their
//! articles, or, once the team has written why an exception applies, the exception as recorded (on the
//! results, the register and the report); then the high-risk classification with its reasons and the
//! deployer's duties met and open (on the results and the report).

use super::super::document::{Block, Inline, Line};
use super::super::{fill, s};
use crate::core::assessment::Assessment;
use crate::core::content::model::legal_fields::article_of;
use crate::core::content::model::{Choice, Pack};
use crate::core::risk::legal::{classification, exceptable, prohibited, Classification};

/// An option's label without the article it ends with, since the references follow it in full.
fn plain_label(c: &Choice) -> &str {
    match c.label.rsplit_once(" (") {
        Some((head, tail))
            if tail.ends_with(')')
                && c.refs.iter().any(|r| article_of(r).is_some_and(|a| tail.contains(a))) =>
        {
            head
        }
        _ => c.label.as_ref(),
    }
}

/// A practice, use or duty as a line: its words, then its references.
fn line(c: &Choice) -> Line {
    Line::default()
        .and(Inline::Text(plain_label(c).to_string()))
        .and(Inline::Text(" · ".into()))
        .and(Inline::Span("r-ref", c.refs.join(", ")))
}

/// The prohibited-practices finding's sections: "likely prohibited" for practices with no exception
/// claimed, then the exception as the team claimed it; empty when no prohibited practice applies.
pub fn prohibited_finding(pack: &'static Pack, a: &Assessment) -> Vec<Block> {
    let Some(found) = prohibited(pack, &a.answers) else { return Vec::new() };
    let list = |cs: &[&Choice]| Block::List { ordered: false, items: cs.iter().map(|c| line(c)).collect() };
    // The summary of the exceptions, once, where an exception is possible or claimed.
    let mut summary = found.exception.is_some() || found.standing.iter().any(|c| exceptable(pack, c));
    let mut out = Vec::new();
    if !found.standing.is_empty() {
        let mut blocks = vec![
            Block::h(2, s("legal.prohibited_heading")),
            Block::Note(s("legal.prohibited_label").into(), s("legal.prohibited").into()),
            list(&found.standing),
        ];
        if summary && found.exception.is_none() {
            blocks.push(Block::p(s("legal.exceptions_summary")));
            summary = false;
        }
        out.push(Block::section(Some("r-finding"), blocks));
    }
    if let Some(reason) = found.exception {
        let claimed = Line::default()
            .and(Inline::Span("r-label", s("legal.exception_label").into()))
            .and(Inline::Text(format!(" {reason}")));
        let mut blocks = vec![
            Block::h(2, s("legal.exception_heading")),
            list(&found.excepted),
            Block::Para(Some("r-note"), claimed),
            Block::p(s("legal.exception")),
        ];
        if summary {
            blocks.push(Block::p(s("legal.exceptions_summary")));
        }
        out.push(Block::section(Some("r-finding"), blocks));
    }
    out
}

/// The high-risk classification's section; empty until the profile says something about it.
pub fn classification_finding(pack: &'static Pack, a: &Assessment) -> Vec<Block> {
    let blocks = match classification(pack, &a.answers) {
        None => return Vec::new(),
        Some(Classification::NotListed) => {
            vec![Block::h(2, s("legal.not_listed_heading")), Block::p(s("legal.not_listed"))]
        }
        Some(Classification::HighRisk { uses, met, open }) => {
            let total = (met.len() + open.len()).to_string();
            let duty = |key: &'static str, d: &&Choice| {
                let mut l = Line::default().and(Inline::Strong(s(key).into())).and(Inline::Text(" ".into()));
                l.0.extend(line(d).0);
                l
            };
            let mut blocks = vec![Block::h(2, s("legal.high_heading")), Block::p(s("legal.high"))];
            if prohibited(pack, &a.answers).is_some_and(|f| !f.standing.is_empty()) {
                blocks.push(Block::Note(String::new(), s("legal.high_if_prohibited").into()));
            }
            blocks.extend([
                Block::List { ordered: false, items: uses.iter().map(|u| line(u)).collect() },
                Block::h(3, s("legal.duties_heading")),
                Block::p(fill("legal.duties_count", &[("open", &open.len().to_string()), ("total", &total)])),
                Block::List {
                    ordered: false,
                    items: open
                        .iter()
                        .map(|d| duty("legal.duty_open", d))
                        .chain(met.iter().map(|d| duty("legal.duty_met", d)))
                        .collect(),
                },
            ]);
            blocks
        }
    };
    vec![Block::section(Some("r-class"), blocks)]
}

/// Every legal finding, in the order the results and the report show them.
pub fn findings(pack: &'static Pack, a: &Assessment) -> Vec<Block> {
    let mut out = prohibited_finding(pack, a);
    out.extend(classification_finding(pack, a));
    out
}
