//! One entry point for the text the core writes for a tool's views and downloads: results, reports
//! (HTML, self-contained document, Markdown), the register as CSV, and the risk workspace with its
//! edits. Arguments and results are plain strings (the assessment as JSON), so the app can run this
//! in a second wasm module that it loads only when such a view opens (`src/bin/rai-tools.rs`); the
//! first load then carries none of this code. See docs/architecture.md.

use crate::core::answer_file::read_stored;
use crate::core::assessment::{Assessment, Kind};
use crate::core::content::pack;
use crate::core::report::{self, ReportMeta};
use crate::core::risk::register::to_csv;
use crate::core::risk::workspace::{self, Event, ViewState};
use crate::core::{guidance, merge, questionnaire};
use serde::Serialize;

/// What an `apply` returns: the outcome, the assessment when it changed, the HTML when it is redrawn.
#[derive(Serialize)]
struct Applied {
    changed: bool,
    redraw: bool,
    focus: Option<String>,
    record: Option<Assessment>,
    html: Option<String>,
    /// When set, `html` is this risk's card only, and `changes` the comparison of snapshots.
    card: Option<String>,
    changes: Option<String>,
}

fn record(json: &str) -> Result<Assessment, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    read_stored(&value)
}

fn meta(args: &[String]) -> ReportMeta {
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    ReportMeta { generated: arg(1), updated: arg(2), now: arg(3).parse().unwrap_or(0) }
}

/// The questions compared and merged for a kind of assessment: the readiness questionnaire, or the
/// risk screening (the profile's answers are compared as further items).
pub fn form_of(kind: Kind) -> questionnaire::Form {
    match kind {
        Kind::Risk => questionnaire::risk_screening(pack()),
        _ => questionnaire::readiness(pack()),
    }
}

/// Runs `op` on `args` (the first is the assessment as JSON). `view` keeps what the register view
/// holds between calls (typed reasons, the pair compared).
pub fn render(op: &str, args: &[String], view: &mut ViewState) -> Result<String, String> {
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let unknown = || format!("there is no entry \"{}\"", arg(0));
    // Guidance pages, by entry id.
    match op {
        "methods" => return Ok(report::methods::methods_html(pack())),
        "principle" => {
            let p = guidance::principle(pack(), arg(0)).ok_or_else(unknown)?;
            return Ok(report::guidance::principle_html(pack(), p));
        }
        "apptype" => {
            let t = guidance::application_type(pack(), arg(0)).ok_or_else(unknown)?;
            return Ok(report::guidance::application_type_html(pack(), t));
        }
        "stage_related" => {
            return Ok(report::guidance::related_html(pack(), &guidance::related_to_stage(pack(), arg(0))))
        }
        "compare" => {
            let list = args.iter().map(|r| record(r)).collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&Assessment> = list.iter().collect();
            let form = form_of(refs.first().map_or(Kind::Readiness, |a| a.kind));
            let rows = merge::compare(&form, &refs);
            return Ok(report::compare::compare_html(&form, &refs, &rows, &merge::agreement(&form, &rows)));
        }
        _ => {}
    }
    let a = record(arg(0))?;
    let none = || format!("no {op} for this kind of assessment");
    Ok(match op {
        "results" => report::results_html(pack(), &a, arg(1)).ok_or_else(none)?,
        "report" => report::report_html(pack(), &a, &meta(args)).ok_or_else(none)?,
        "report_doc" => report::report_document(pack(), &a, &meta(args)),
        "report_md" => report::report_markdown(pack(), &a, &meta(args)),
        "csv" => to_csv(pack(), &a.risk.register),
        "profile" => workspace::profile_html(pack(), &a.answers),
        "register" => workspace::register_html(pack(), &a, view),
        "apply" => {
            let mut a = a;
            let event = Event {
                name: arg(1).into(),
                value: arg(2).into(),
                checked: arg(3) == "true",
                click: arg(4) == "true",
            };
            let out = workspace::apply(pack(), &mut a, view, &event, arg(5).parse().unwrap_or(0));
            let html = out.redraw.then(|| match (arg(6), &out.card) {
                ("profile", _) => workspace::profile_html(pack(), &a.answers),
                (_, Some(id)) => workspace::card_html(pack(), &a, view, id),
                _ => workspace::register_html(pack(), &a, view),
            });
            let applied = Applied {
                changed: out.changed,
                redraw: out.redraw,
                focus: out.focus,
                record: out.changed.then(|| a.clone()),
                html,
                changes: out.card.as_ref().and_then(|_| workspace::current_changes(pack(), &a, view)),
                card: out.card,
            };
            serde_json::to_string(&applied).map_err(|e| e.to_string())?
        }
        _ => return Err(format!("unknown operation {op}")),
    })
}
