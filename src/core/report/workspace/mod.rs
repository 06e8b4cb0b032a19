//! The risk tool's editable parts as the pure core writes them: the system profile, the proposals
//! from the screening, the register and its snapshots, as HTML with plain form controls named by
//! `risk::control`.
//!
//! Written as text rather than as components: the app shows this HTML, reads each input's control
//! name back (`risk::event`) and applies the edit to its draft (`risk::edit`), so the whole editor is
//! host-tested and costs the download a fraction of what a component per control would. Every
//! control has a label and an id that survives a re-render, which is how the view puts focus back.
//! This module only writes; it changes nothing.

mod card;
mod changes;
pub(crate) mod form;
mod profile;

pub use card::{decision_key, status_key};
pub use changes::{changes, changes_html, current_changes, snapshot_name};
pub use profile::profile_html;

use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::review::since::since;
use crate::core::risk::control::{Action, Control};
use crate::core::risk::pending;
use crate::core::risk::view::{Confirm, ViewState};
use form::{button, select, text_field};
use std::fmt::Write;

/// The element id of the register's list of cards; a new card is added at its end.
pub const CARDS_ID: &str = "risk-cards";
/// The element id of the register's contents (links to each card).
pub const CONTENTS_ID: &str = "risk-contents";

/// The card of one risk, as [`register_html`] draws it; `None` when there is no such risk.
pub fn card_html(pack: &'static Pack, a: &Assessment, view: &ViewState, id: &str) -> Option<String> {
    let r = a.risk.register.iter().find(|r| r.id == id)?;
    let mut out = String::new();
    card::risk_card(&mut out, pack, r, view, since(a).as_ref());
    Some(out)
}

/// A risk card's heading, as [`card_html`] draws it; `None` when there is no such risk.
pub fn heading_html(a: &Assessment, id: &str) -> Option<String> {
    let r = a.risk.register.iter().find(|r| r.id == id)?;
    let mut out = String::new();
    card::heading(&mut out, r, since(a).as_ref());
    Some(out)
}

/// The register's contents: a link to each risk's card, in register order.
pub fn contents_html(a: &Assessment) -> String {
    let mut out = format!(
        "<nav id=\"{CONTENTS_ID}\" aria-label=\"{}\"><ol class=\"risk-contents\">",
        s("risk.register")
    );
    for r in &a.risk.register {
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"link-button\" data-act=\"{}\">{} {}</button></li>",
            html(&Action::GoTo(r.id.clone()).to_string()),
            html(&r.id),
            html(&r.title),
        );
    }
    out.push_str("</ol></nav>");
    out
}

/// The proposals, the register, and the snapshots, as the register view shows them.
pub fn register_html(pack: &'static Pack, a: &Assessment, view: &ViewState) -> String {
    let mut out =
        crate::core::report::document::html(&crate::core::report::risk::prohibited_finding(pack, a));
    proposals(&mut out, pack, a, view);
    register(&mut out, pack, a, view);
    snapshots(&mut out, pack, a, view);
    out
}

fn proposals(out: &mut String, pack: &'static Pack, a: &Assessment, view: &ViewState) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-proposals\"><h2 id=\"h-proposals\" tabindex=\"-1\">{}</h2>",
        s("risk.proposals")
    );
    let waiting = pending(pack, a);
    if waiting.is_empty() {
        let _ = write!(out, "<p>{}</p>", s("risk.no_proposals"));
    } else {
        let _ = write!(out, "<p class=\"hint\">{}</p>", s("risk.proposals_hint"));
    }
    for (template, questions) in &waiting {
        let Some(t) = pack.risk.templates.iter().find(|x| x.id == *template) else { continue };
        let _ = write!(
            out,
            "<article class=\"proposal\" aria-labelledby=\"pp.{id}\"><h3 id=\"pp.{id}\">{}</h3><p>{}</p><p class=\"hint\">{}</p>",
            html(&t.title),
            html(&t.description),
            fill("risk.raised_by", &[("questions", &questions.join(", "))]),
            id = html(template)
        );
        out.push_str("<p class=\"actions\">");
        let accept = fill("risk.accept", &[("title", &html(&t.title))]);
        button(out, &Action::Accept(template.to_string()), &accept, "");
        out.push_str("</p>");
        let reason = view.reasons.get(*template).map(String::as_str).unwrap_or_default();
        text_field(out, &Control::Reason(template.to_string()), s("risk.dismiss_reason"), reason, false);
        out.push_str("<p class=\"actions\">");
        let dismiss = fill("risk.dismiss", &[("title", &html(&t.title))]);
        button(out, &Action::Dismiss(template.to_string()), &dismiss, "secondary");
        out.push_str("</p></article>");
    }
    if !a.risk.dismissed.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul class=\"dismissed\">", s("risk.dismissed"));
        for (template, reason) in &a.risk.dismissed {
            let title = pack
                .risk
                .templates
                .iter()
                .find(|x| x.id == *template)
                .map_or(template.as_str(), |t| t.title.as_ref());
            let _ = write!(out, "<li><strong>{}</strong>: {} ", html(title), html(reason));
            let undo = fill("risk.undismiss", &[("title", &html(title))]);
            button(out, &Action::Undismiss(template.clone()), &undo, "secondary");
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
}

fn register(out: &mut String, pack: &'static Pack, a: &Assessment, view: &ViewState) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-register\"><h2 id=\"h-register\" tabindex=\"-1\">{}</h2>",
        s("risk.register")
    );
    if a.risk.register.is_empty() {
        let _ = write!(out, "<p>{}</p>", s("risk.empty_register"));
    } else {
        out.push_str(&contents_html(a));
    }
    let _ = write!(out, "<div id=\"{CARDS_ID}\">");
    let marks = since(a);
    for r in &a.risk.register {
        card::risk_card(out, pack, r, view, marks.as_ref());
    }
    out.push_str("</div><p class=\"actions\">");
    button(out, &Action::AddRisk, s("risk.add"), "");
    out.push_str("</p></section>");
}

fn snapshots(out: &mut String, pack: &'static Pack, a: &Assessment, view: &ViewState) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-snapshots\"><h2 id=\"h-snapshots\" tabindex=\"-1\">{}</h2><p class=\"hint\">{}</p>",
        s("risk.snapshots"),
        s("risk.snapshots_hint")
    );
    text_field(out, &Control::SnapshotLabel, s("risk.snapshot_label"), &view.snapshot_label, false);
    out.push_str("<p class=\"actions\">");
    button(out, &Action::TakeSnapshot, s("risk.take_snapshot"), "");
    out.push_str("</p>");
    if !a.risk.snapshots.is_empty() {
        let mut choices = vec![("current".to_string(), s("risk.current").to_string())];
        out.push_str("<ul class=\"snapshots\">");
        for snap in &a.risk.snapshots {
            let name = snapshot_name(snap);
            let _ = write!(out, "<li>{} ", html(&name));
            if view.confirm == Some(Confirm::DeleteSnapshot(snap.taken)) {
                let question = fill("risk.confirm_delete_snapshot", &[("name", &html(&name))]);
                let _ = write!(out, "<span role=\"alert\">{question}</span> ");
                button(out, &Action::DropSnapshot(snap.taken), s("risk.remove_yes"), "danger");
                button(out, &Action::KeepSnapshot(snap.taken), s("risk.remove_no"), "secondary");
            } else {
                let label = fill("risk.delete_snapshot", &[("name", &html(&name))]);
                button(out, &Action::AskDeleteSnapshot(snap.taken), &label, "secondary");
            }
            out.push_str("</li>");
            choices.push((snap.taken.to_string(), name));
        }
        out.push_str("</ul>");
        let opts: Vec<(&str, &str)> = choices.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let _ = write!(out, "<h3>{}</h3><div class=\"field-pair\">", s("risk.compare"));
        let (from, to) = changes::compare_pair(a, view);
        select(out, &Control::CompareFrom, s("risk.compare_from"), &from, &opts);
        select(out, &Control::CompareTo, s("risk.compare_to"), &to, &opts);
        out.push_str("</div>");
        out.push_str(&changes_html(pack, a, &from, &to));
    }
    out.push_str("</section>");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
