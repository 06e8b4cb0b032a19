//! The report page's print and download controls (`core::report::actions`), drawn and run by the tools
//! module: the app keeps an empty element for them and calls `report_actions` with the assessment's
//! id when the page opens. A download reads the assessment as stored (the report page shows the
//! stored record), writes the file (`browser::office`) and offers it; a problem shows under the
//! buttons as an alert.

use crate::panel::{self, Listener};
use rai_assess::assessment::Assessment;
use rai_assess::office::{self, FileRequest};
use rai_assess::render::Request;
use rai_assess::report::{
    actions::{actions_html, Target},
    escape::html,
    ReportMeta,
};
use rai_assess::review::as_approved;
use rai_assess::system::{date_time, now_ms};
use rai_assess::{t, t_with};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// The element the app keeps for the controls.
const HOLDER: &str = "report-actions";

thread_local! {
    /// The element filled last and the listener put on it.
    static PANEL: panel::Slot = const { RefCell::new(None) };
}

/// The assessment as stored, or its approved version as it was approved.
fn stored(target: &str) -> Result<Assessment, String> {
    let Target { id, version, public } = Target::parse(target)?;
    let lib = crate::store::library()?;
    let a = lib.load(&id).map_err(|e| e.to_string())?;
    match version {
        // Every download of the public version is made from it: nothing restricted reaches a file.
        None if public => Ok(rai_assess::review::public::public_copy(&a)),
        None => Ok(a),
        Some(v) => {
            as_approved(&a, v).ok_or_else(|| t_with("review.no_version", &[("version", &v.to_string())]))
        }
    }
}

/// Fills the report page's controls for the assessment `id` and runs them.
#[wasm_bindgen]
pub fn report_actions(id: &str) {
    let Some(holder) = panel::element(HOLDER) else { return };
    let a = match stored(id) {
        Ok(a) => a,
        Err(problem) => {
            panel::release(&PANEL, &["click"]);
            // The report above may still show (the app read it); the downloads cannot be offered.
            let text = t_with("report.controls_unavailable", &[("problem", &problem)]);
            holder.set_inner_html(&format!("<p class=\"notice problem\" role=\"alert\">{}</p>", html(&text)));
            return;
        }
    };
    holder.set_inner_html(&actions_html(a.kind));
    let id = id.to_string();
    panel::listen(
        &PANEL,
        holder,
        &["click"],
        Listener::new(move |event: web_sys::Event| on_click(&id, &event)),
    );
}

/// Puts `text` in the controls' line of this class (`report-status` or `report-problem`); a problem
/// shows as a notice.
fn say(class: &str, text: &str) {
    let line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("#{HOLDER} .{class}")).ok().flatten());
    if let Some(line) = line {
        line.set_text_content(Some(text));
        if class == "report-problem" {
            let notice = if text.is_empty() {
                "report-actions report-problem"
            } else {
                "report-actions report-problem notice problem"
            };
            let _ = line.set_attribute("class", notice);
        }
    }
}

fn on_click(id: &str, event: &web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(button) = target.closest("button").ok().flatten() else { return };
    if button.get_attribute("data-act").as_deref() == Some("print") {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
        return;
    }
    let Some(format) = button.get_attribute("data-format") else { return };
    // One file at a time per button: a second click while it is written does nothing.
    if button.get_attribute("aria-busy").is_some() {
        return;
    }
    let answers = button
        .owner_document()
        .and_then(|d| d.get_element_by_id("report-carry"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked());
    say("report-problem", "");
    say("report-status", t("report.writing"));
    let _ = button.set_attribute("aria-busy", "true");
    let report = stored(id).and_then(|a| {
        let now = now_ms();
        let meta = ReportMeta { generated: date_time(now), updated: date_time(a.updated), now };
        serde_json::to_string(&Request::Report { record: a, meta }).map_err(|e| e.to_string())
    });
    spawn_local(async move {
        let saved = match report {
            Ok(report) => office::save(&FileRequest { report: &report, format: &format, answers }).await,
            Err(e) => Err(e),
        };
        let _ = button.remove_attribute("aria-busy");
        match saved {
            Ok(saved) => {
                let mut text = t_with("report.saved", &[("file", &saved.name)]);
                if saved.charts_left_out > 0 {
                    let count = saved.charts_left_out.to_string();
                    text = format!("{text} {}", t_with("report.charts_left_out", &[("count", &count)]));
                }
                say("report-status", &text);
            }
            Err(e) => {
                say("report-status", "");
                say("report-problem", &e);
            }
        }
    });
}
