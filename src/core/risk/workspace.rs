//! The risk tool's editable parts as the pure core writes them: the system profile, the proposals
//! from the screening, the register and its snapshots, as HTML with plain form controls, and
//! [`apply`], which turns one user event on those controls into a change of the assessment.
//!
//! Written as text rather than as components: the app shows this HTML and passes every input, change
//! and click to `apply`, so the whole editor is host-tested and costs the download a fraction of what
//! a component per control would. Every control has a label and an id that survives a re-render,
//! which is how the view puts focus back where it was.

use super::register::{diff, Decision, Mitigation, Risk, Snapshot, Status};
use super::{effective_profile, holds, level, screen};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{FieldKind, OptionsFrom, Pack, ProfileField};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What the editor holds that is not part of the assessment: text typed but not yet used.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// Reasons typed for dismissing a proposal, by template id.
    pub reasons: BTreeMap<String, String>,
    pub snapshot_label: String,
    /// The two registers compared: "current" or a snapshot's time.
    pub compare: (String, String),
    /// The risk whose removal waits for confirmation.
    pub confirm: Option<String>,
    /// A problem to announce, such as a dismissal without a reason.
    pub message: String,
}

/// One user event on a control of the workspace.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// The control's `name`; for a button, its `data-act`.
    pub name: String,
    /// Its value; for a button, its `data-arg`.
    pub value: String,
    /// For a checkbox: whether it is now ticked.
    pub checked: bool,
    /// A click on a button rather than an edit.
    pub click: bool,
}

/// What the view does after [`apply`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The assessment changed: save it (typing: soon; anything else: now).
    pub changed: bool,
    /// Draw the workspace again (a choice or a button changed what is shown).
    pub redraw: bool,
    /// The id to move focus to after drawing, when it is not the control used.
    pub focus: Option<String>,
    /// Only this risk's card needs drawing again (a rating, a mitigation added or removed), which is
    /// much cheaper than the whole register.
    pub card: Option<String>,
}

/// The card of one risk, as [`register_html`] draws it; empty when there is no such risk.
pub fn card_html(pack: &'static Pack, a: &Assessment, view: &ViewState, id: &str) -> String {
    let mut out = String::new();
    if let Some(r) = a.risk.register.iter().find(|r| r.id == id) {
        risk_card(&mut out, pack, r, view);
    }
    out
}

/// What changed between the registers compared now, or nothing when there is no snapshot: drawn
/// again with a card, since a re-rating changes it.
pub fn current_changes(pack: &'static Pack, a: &Assessment, view: &ViewState) -> Option<String> {
    if a.risk.snapshots.is_empty() {
        return None;
    }
    let (from, to) = compare_pair(a, view);
    Some(changes_html(pack, a, &from, &to))
}

/// The risk profile's options for a field: listed in the field, or drawn from a vocabulary.
pub fn options(pack: &'static Pack, f: &ProfileField) -> Vec<(&'static str, &'static str)> {
    match f.options_from {
        Some(OptionsFrom::ApplicationTypes) => {
            pack.vocabulary.application_types.iter().map(|a| (a.id.as_ref(), a.name.as_ref())).collect()
        }
        Some(OptionsFrom::Stages) => {
            pack.vocabulary.stages.iter().map(|a| (a.id.as_ref(), a.name.as_ref())).collect()
        }
        None => pack
            .risk
            .profile_fields
            .iter()
            .find(|x| x.id == f.id)
            .map(|x| x.options.iter().map(|o| (o.id.as_ref(), o.label.as_ref())).collect())
            .unwrap_or_default(),
    }
}

fn attr_checked(on: bool) -> &'static str {
    if on {
        " checked"
    } else {
        ""
    }
}

/// The system profile: one control per field; a field whose conditions the profile does not meet is
/// drawn hidden, and its answer is kept.
pub fn profile_html(pack: &'static Pack, answers: &BTreeMap<String, Answer>) -> String {
    let shown = effective_profile(pack, answers);
    let mut out = String::new();
    for f in pack.risk.profile_fields.iter() {
        let id = format!("pf.{}", f.id);
        let hidden = if holds(&f.show_if, &shown) { "" } else { " hidden" };
        let help = format!("<span class=\"hint\" id=\"{id}.h\">{}</span>", html(&f.help));
        let given = answers.get(f.id.as_ref());
        match f.kind {
            FieldKind::Text | FieldKind::Longtext => {
                let value = match given {
                    Some(Answer::Text(t)) => html(t),
                    _ => String::new(),
                };
                let control = if f.kind == FieldKind::Text {
                    format!("<input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{value}\" aria-describedby=\"{id}.h\">")
                } else {
                    format!("<textarea id=\"{id}\" name=\"{id}\" rows=\"3\" aria-describedby=\"{id}.h\">{value}</textarea>")
                };
                let _ = write!(
                    out,
                    "<p class=\"field\"{hidden}><label for=\"{id}\">{}</label>{help}{control}</p>",
                    html(&f.label)
                );
            }
            FieldKind::Choice | FieldKind::Multi => {
                let multi = f.kind == FieldKind::Multi;
                let _ = write!(
                    out,
                    "<fieldset class=\"pf-group\" aria-describedby=\"{id}.h\"{hidden}><legend>{}</legend>{help}<div class=\"pf-options\">",
                    html(&f.label)
                );
                for (opt, label) in options(pack, f) {
                    let on = match given {
                        Some(Answer::Choice(c)) => c == opt,
                        Some(Answer::Choices(cs)) => cs.iter().any(|c| c == opt),
                        _ => false,
                    };
                    let _ = write!(
                        out,
                        "<label class=\"check\"><input type=\"{}\" id=\"{id}.{opt}\" name=\"{id}\" value=\"{opt}\"{}> {}</label>",
                        if multi { "checkbox" } else { "radio" },
                        attr_checked(on),
                        html(label)
                    );
                }
                out.push_str("</div></fieldset>");
            }
        }
    }
    out
}

/// A level's name and its class (`lvl-high`), or "Not rated".
fn level_text(pack: &'static Pack, l: u8, sev: u8) -> String {
    match level(pack, l, sev) {
        Some(x) => format!(
            "<strong class=\"lvl lvl-{}\">{}</strong> {}",
            html(&x.id),
            html(&x.label),
            fill("risk.rating", &[("l", &l.to_string()), ("s", &sev.to_string())])
        ),
        None => format!("<strong class=\"lvl\">{}</strong>", s("risk.not_rated")),
    }
}

/// A 1-to-5 scale as radios, each with its definition beside it; 0 (not rated) first.
fn scale(out: &mut String, pack: &'static Pack, id: &str, legend: &str, value: u8, severity: bool) {
    let levels = if severity { &pack.risk.severity } else { &pack.risk.likelihood };
    let _ = write!(out, "<fieldset class=\"scale\"><legend>{legend}</legend>");
    let _ = write!(
        out,
        "<label class=\"choice\"><input type=\"radio\" id=\"{id}.0\" name=\"{id}\" value=\"0\"{}> <span class=\"choice-label\">{}</span></label>",
        attr_checked(value == 0),
        s("risk.not_rated")
    );
    for x in levels.iter() {
        let _ = write!(
            out,
            "<label class=\"choice\"><input type=\"radio\" id=\"{id}.{v}\" name=\"{id}\" value=\"{v}\"{}> <span class=\"choice-label\">{v} · {}</span> <span class=\"choice-detail\">{}</span></label>",
            attr_checked(value == x.value),
            html(&x.label),
            html(&x.description),
            v = x.value,
        );
    }
    out.push_str("</fieldset>");
}

fn text_field(out: &mut String, id: &str, label: &str, value: &str, long: bool) {
    let value = html(value);
    if long {
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{id}\">{label}</label><textarea id=\"{id}\" name=\"{id}\" rows=\"3\">{value}</textarea></p>"
        );
    } else {
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{id}\">{label}</label><input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{value}\"></p>"
        );
    }
}

fn select(out: &mut String, id: &str, label: &str, current: &str, options: &[(&str, &str)]) {
    let _ = write!(
        out,
        "<p class=\"field\"><label for=\"{id}\">{label}</label><select id=\"{id}\" name=\"{id}\">"
    );
    for (v, text) in options {
        let on = if *v == current { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{on}>{}</option>", html(v), html(text));
    }
    out.push_str("</select></p>");
}

fn button(out: &mut String, act: &str, arg: &str, text: &str, class: &str) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"button small {class}\" id=\"b.{act}.{a}\" data-act=\"{act}\" data-arg=\"{a}\">{text}</button>",
        a = html(arg)
    );
}

/// One risk as an editable card.
fn risk_card(out: &mut String, pack: &'static Pack, r: &Risk, view: &ViewState) {
    let p = format!("rk.{}", r.id);
    let title = if r.title.trim().is_empty() { s("risk.untitled").to_string() } else { html(&r.title) };
    let _ = write!(
        out,
        "<article class=\"risk-card\" id=\"{p}\" aria-labelledby=\"{p}.h\"><h3 id=\"{p}.h\" tabindex=\"-1\"><span class=\"q-number\">{}</span> {title}</h3>",
        html(&r.id)
    );
    if !r.template.is_empty() {
        let _ = write!(
            out,
            "<p class=\"hint\">{}</p>",
            fill("risk.from_template", &[("id", &html(&r.template))])
        );
    }
    text_field(out, &format!("{p}.title"), s("risk.f_title"), &r.title, false);
    text_field(out, &format!("{p}.description"), s("risk.f_description"), &r.description, true);
    let _ = write!(
        out,
        "<fieldset class=\"pf-group\"><legend>{}</legend><div class=\"pf-options principles\">",
        s("risk.f_principles")
    );
    for pr in pack.vocabulary.principles.iter().filter(|x| x.parent.is_some()) {
        let on = r.principles.iter().any(|x| *x == pr.id);
        let _ = write!(
            out,
            "<label class=\"check\"><input type=\"checkbox\" id=\"{p}.pr.{i}\" name=\"{p}.pr\" value=\"{i}\"{}> {i} {}</label>",
            attr_checked(on),
            html(&pr.name),
            i = html(&pr.id)
        );
    }
    out.push_str("</div></fieldset>");
    text_field(out, &format!("{p}.groups"), s("risk.f_groups"), &r.affected_groups.join("\n"), true);
    let mut stages = vec![("", s("risk.no_stage"))];
    stages.extend(pack.vocabulary.stages.iter().map(|x| (x.id.as_ref(), x.name.as_ref())));
    select(out, &format!("{p}.stage"), s("risk.f_stage"), &r.stage, &stages);

    let _ = write!(out, "<h4>{}</h4><div class=\"scales\">", s("risk.inherent"));
    scale(out, pack, &format!("{p}.l"), s("risk.inherent_likelihood"), r.likelihood, false);
    scale(out, pack, &format!("{p}.s"), s("risk.inherent_severity"), r.severity, true);
    let _ = write!(
        out,
        "</div><p class=\"level-line\">{} {}</p>",
        s("risk.inherent_level"),
        level_text(pack, r.likelihood, r.severity)
    );
    text_field(out, &format!("{p}.controls"), s("risk.f_controls"), &r.controls, true);

    let _ = write!(out, "<h4>{}</h4>", s("risk.mitigations"));
    if r.mitigations.is_empty() {
        let _ = write!(out, "<p class=\"hint\">{}</p>", s("risk.no_mitigations"));
    }
    let statuses: Vec<(&str, &str)> = Status::ALL.iter().map(|x| (x.id(), s(status_key(*x)))).collect();
    for (k, m) in r.mitigations.iter().enumerate() {
        let q = format!("mt.{}.{k}", r.id);
        let _ = write!(
            out,
            "<fieldset class=\"mitigation\"><legend>{}</legend>",
            fill("risk.mitigation_n", &[("n", &(k + 1).to_string())])
        );
        text_field(out, &format!("{q}.action"), s("risk.f_action"), &m.action, true);
        out.push_str("<div class=\"field-pair\">");
        text_field(out, &format!("{q}.owner"), s("risk.f_owner"), &m.owner, false);
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{q}.due\">{}</label><input type=\"date\" id=\"{q}.due\" name=\"{q}.due\" value=\"{}\"></p>",
            s("risk.f_due"),
            html(&m.due)
        );
        select(out, &format!("{q}.status"), s("risk.f_status"), m.status.id(), &statuses);
        out.push_str("</div><p class=\"actions\">");
        button(
            out,
            "removem",
            &format!("{}.{k}", r.id),
            &fill("risk.remove_mitigation", &[("n", &(k + 1).to_string())]),
            "secondary",
        );
        out.push_str("</p></fieldset>");
    }
    out.push_str("<p class=\"actions\">");
    button(out, "addm", &r.id, &fill("risk.add_mitigation", &[("id", &html(&r.id))]), "secondary");
    out.push_str("</p>");

    let _ = write!(out, "<h4>{}</h4><div class=\"scales\">", s("risk.residual"));
    scale(out, pack, &format!("{p}.rl"), s("risk.residual_likelihood"), r.residual_likelihood, false);
    scale(out, pack, &format!("{p}.rs"), s("risk.residual_severity"), r.residual_severity, true);
    let _ = write!(
        out,
        "</div><p class=\"level-line\">{} {}</p>",
        s("risk.residual_level"),
        level_text(pack, r.residual_likelihood, r.residual_severity)
    );

    let _ = write!(out, "<h4>{}</h4>", s("risk.decision"));
    let mut decisions = vec![("", s("risk.undecided"))];
    decisions.extend(Decision::ALL.iter().map(|d| (d.id(), s(decision_key(*d)))));
    select(
        out,
        &format!("{p}.decision"),
        s("risk.f_decision"),
        r.decision.map_or("", |d| d.id()),
        &decisions,
    );
    text_field(out, &format!("{p}.decided_by"), s("risk.f_decided_by"), &r.decided_by, false);
    text_field(out, &format!("{p}.rationale"), s("risk.f_rationale"), &r.rationale, true);

    out.push_str("<p class=\"actions\">");
    if view.confirm.as_deref() == Some(r.id.as_str()) {
        let _ = write!(
            out,
            "<span role=\"alert\">{}</span> ",
            fill("risk.confirm_remove", &[("id", &html(&r.id))])
        );
        button(out, "remove", &r.id, s("risk.remove_yes"), "danger");
        button(out, "keep", &r.id, s("risk.remove_no"), "secondary");
    } else {
        button(out, "ask", &r.id, &fill("risk.remove", &[("id", &html(&r.id))]), "secondary");
    }
    out.push_str("</p></article>");
}

pub fn status_key(x: Status) -> &'static str {
    match x {
        Status::Planned => "risk.status_planned",
        Status::InProgress => "risk.status_in_progress",
        Status::Done => "risk.status_done",
    }
}

pub fn decision_key(d: Decision) -> &'static str {
    match d {
        Decision::Accept => "risk.decision_accept",
        Decision::Treat => "risk.decision_treat",
        Decision::Avoid => "risk.decision_avoid",
        Decision::Transfer => "risk.decision_transfer",
    }
}

/// Proposals waiting for a decision: one per template, with the questions that raised it, in the
/// order of the screening; a template already in the register or dismissed is not proposed again.
pub fn pending(pack: &'static Pack, a: &Assessment) -> Vec<(&'static str, Vec<String>)> {
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    for p in screen(pack, &a.answers).proposals {
        let done = a.risk.register.iter().any(|r| r.template == p.template)
            || a.risk.dismissed.contains_key(&p.template);
        let Some(t) = pack.risk.templates.iter().find(|t| t.id == p.template) else { continue };
        if done {
            continue;
        }
        match out.iter_mut().find(|(id, _)| *id == t.id.as_ref()) {
            Some((_, qs)) => qs.push(p.question),
            None => out.push((t.id.as_ref(), vec![p.question])),
        }
    }
    out
}

/// The proposals, the register, and the snapshots, as the register view shows them.
pub fn register_html(pack: &'static Pack, a: &Assessment, view: &ViewState) -> String {
    let mut out = String::new();
    let rec = &a.risk;
    // Proposals.
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
        button(&mut out, "accept", template, &fill("risk.accept", &[("title", &html(&t.title))]), "");
        out.push_str("</p>");
        let reason = view.reasons.get(*template).map(String::as_str).unwrap_or_default();
        text_field(&mut out, &format!("dr.{template}"), s("risk.dismiss_reason"), reason, false);
        out.push_str("<p class=\"actions\">");
        button(
            &mut out,
            "dismiss",
            template,
            &fill("risk.dismiss", &[("title", &html(&t.title))]),
            "secondary",
        );
        out.push_str("</p></article>");
    }
    if !rec.dismissed.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul class=\"dismissed\">", s("risk.dismissed"));
        for (template, reason) in &rec.dismissed {
            let title = pack
                .risk
                .templates
                .iter()
                .find(|x| x.id == *template)
                .map_or(template.as_str(), |t| t.title.as_ref());
            let _ = write!(out, "<li><strong>{}</strong>: {} ", html(title), html(reason));
            button(
                &mut out,
                "undismiss",
                template,
                &fill("risk.undismiss", &[("title", &html(title))]),
                "secondary",
            );
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");

    // Register.
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-register\"><h2 id=\"h-register\" tabindex=\"-1\">{}</h2>",
        s("risk.register")
    );
    if rec.register.is_empty() {
        let _ = write!(out, "<p>{}</p>", s("risk.empty_register"));
    } else {
        let _ = write!(out, "<nav aria-label=\"{}\"><ol class=\"risk-contents\">", s("risk.register"));
        for r in &rec.register {
            let _ = write!(
                out,
                "<li><button type=\"button\" class=\"link-button\" data-act=\"goto\" data-arg=\"{id}\">{id} {}</button></li>",
                html(&r.title),
                id = html(&r.id)
            );
        }
        out.push_str("</ol></nav>");
    }
    for r in &rec.register {
        risk_card(&mut out, pack, r, view);
    }
    out.push_str("<p class=\"actions\">");
    button(&mut out, "add", "", s("risk.add"), "");
    out.push_str("</p></section>");

    // Snapshots.
    let _ = write!(out, "<section aria-labelledby=\"h-snapshots\"><h2 id=\"h-snapshots\" tabindex=\"-1\">{}</h2><p class=\"hint\">{}</p>", s("risk.snapshots"), s("risk.snapshots_hint"));
    text_field(&mut out, "snap.label", s("risk.snapshot_label"), &view.snapshot_label, false);
    out.push_str("<p class=\"actions\">");
    button(&mut out, "snap", "", s("risk.take_snapshot"), "");
    out.push_str("</p>");
    if !rec.snapshots.is_empty() {
        let mut choices = vec![("current".to_string(), s("risk.current").to_string())];
        out.push_str("<ul class=\"snapshots\">");
        for snap in &rec.snapshots {
            let name = snapshot_name(snap);
            let _ = write!(out, "<li>{} ", html(&name));
            let taken = snap.taken.to_string();
            if view.confirm.as_deref() == Some(&format!("snap:{taken}")) {
                let question = fill("risk.confirm_delete_snapshot", &[("name", &html(&name))]);
                let _ = write!(out, "<span role=\"alert\">{question}</span> ");
                button(&mut out, "dropsnap", &taken, s("risk.remove_yes"), "danger");
                button(&mut out, "keepsnap", &taken, s("risk.remove_no"), "secondary");
            } else {
                let label = fill("risk.delete_snapshot", &[("name", &html(&name))]);
                button(&mut out, "unsnap", &taken, &label, "secondary");
            }
            out.push_str("</li>");
            choices.push((snap.taken.to_string(), name));
        }
        out.push_str("</ul>");
        let opts: Vec<(&str, &str)> = choices.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let _ = write!(out, "<h3>{}</h3><div class=\"field-pair\">", s("risk.compare"));
        let (from, to) = compare_pair(a, view);
        select(&mut out, "cmp.a", s("risk.compare_from"), &from, &opts);
        select(&mut out, "cmp.b", s("risk.compare_to"), &to, &opts);
        out.push_str("</div>");
        out.push_str(&changes_html(pack, a, &from, &to));
    }
    let _ = write!(out, "</section><p class=\"q-notice\" role=\"alert\">{}</p>", html(&view.message));
    out
}

/// A snapshot as listed: its label and date.
pub fn snapshot_name(snap: &Snapshot) -> String {
    let date = crate::core::report::date_of(snap.taken);
    if snap.label.trim().is_empty() {
        date
    } else {
        format!("{} ({date})", snap.label.trim())
    }
}

/// The compared registers: as chosen, or by default the latest snapshot against the current register.
fn compare_pair(a: &Assessment, view: &ViewState) -> (String, String) {
    let latest = a.risk.snapshots.last().map_or("current".to_string(), |x| x.taken.to_string());
    let pick = |v: &str, default: String| if v.is_empty() { default } else { v.to_string() };
    (pick(&view.compare.0, latest), pick(&view.compare.1, "current".into()))
}

fn register_of<'a>(a: &'a Assessment, key: &str) -> &'a [Risk] {
    a.risk.snapshots.iter().find(|x| x.taken.to_string() == key).map_or(&a.risk.register, |x| &x.register)
}

/// What changed from one register to another: new, closed and re-rated risks.
pub fn changes_html(pack: &'static Pack, a: &Assessment, from: &str, to: &str) -> String {
    let (before, after) = (register_of(a, from), register_of(a, to));
    let c = diff(before, after);
    let title = |list: &[Risk], id: &str| {
        list.iter().find(|r| r.id == id).map(|r| html(&r.title)).unwrap_or_default()
    };
    let mut out = String::from("<div class=\"changes\" role=\"status\">");
    if c.new.is_empty() && c.closed.is_empty() && c.rerated.is_empty() {
        let _ = write!(out, "<p>{}</p>", s("risk.no_changes"));
    }
    for (key, ids, list) in [("risk.new_risks", &c.new, after), ("risk.closed_risks", &c.closed, before)] {
        if !ids.is_empty() {
            let _ = write!(out, "<h4>{}</h4><ul>", s(key));
            for id in ids {
                let _ = write!(out, "<li>{} {}</li>", html(id), title(list, id));
            }
            out.push_str("</ul>");
        }
    }
    if !c.rerated.is_empty() {
        let _ = write!(out, "<h4>{}</h4><ul>", s("risk.rerated"));
        for (id, old, new) in &c.rerated {
            let word = |l: u8, sev: u8| level(pack, l, sev).map_or(s("risk.not_rated"), |x| x.label.as_ref());
            let _ = write!(
                out,
                "<li>{} {}: {}</li>",
                html(id),
                title(after, id),
                fill(
                    "risk.rerated_line",
                    &[
                        ("before", &format!("{} (L{} × S{})", word(old[0], old[1]), old[0], old[1])),
                        ("after", &format!("{} (L{} × S{})", word(new[0], new[1]), new[0], new[1])),
                        ("rbefore", word(old[2], old[3])),
                        ("rafter", word(new[2], new[3])),
                    ]
                )
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>");
    out
}

/// The next free risk id: `K` and one more than the highest number used, snapshots included, so a
/// removed risk's id is never given to another.
pub fn next_id(a: &Assessment) -> String {
    let num = |r: &Risk| r.id.strip_prefix('K').and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
    let top = a
        .risk
        .register
        .iter()
        .chain(a.risk.snapshots.iter().flat_map(|x| x.register.iter()))
        .map(num)
        .max()
        .unwrap_or(0);
    format!("K{}", top.saturating_add(1))
}

fn set_text(answers: &mut BTreeMap<String, Answer>, key: &str, value: &str) {
    if value.is_empty() {
        answers.remove(key);
    } else {
        answers.insert(key.to_string(), Answer::Text(value.to_string()));
    }
}

/// Applies one event to the assessment and the view state. `now` stamps snapshots.
pub fn apply(pack: &'static Pack, a: &mut Assessment, view: &mut ViewState, ev: &Event, now: i64) -> Outcome {
    let changed = |redraw: bool| Outcome { changed: true, redraw, ..Outcome::default() };
    let to = |focus: String| Outcome { changed: true, redraw: true, focus: Some(focus), card: None };
    let card = |id: &str, focus: Option<String>| Outcome {
        changed: true,
        redraw: true,
        focus,
        card: Some(id.to_string()),
    };
    view.message.clear();
    if ev.click {
        let arg = ev.value.as_str();
        return match ev.name.as_str() {
            "accept" => {
                let Some(t) = pack.risk.templates.iter().find(|t| t.id == arg) else {
                    return Outcome::default();
                };
                let id = next_id(a);
                let stage = match a.answers.get("stage") {
                    Some(Answer::Choice(c)) => c.clone(),
                    _ => String::new(),
                };
                a.risk.register.push(Risk {
                    id: id.clone(),
                    template: t.id.to_string(),
                    title: t.title.to_string(),
                    description: t.description.to_string(),
                    principles: t.principles.iter().map(|x| x.to_string()).collect(),
                    affected_groups: t.affected_groups.iter().map(|x| x.to_string()).collect(),
                    stage,
                    mitigations: t
                        .mitigations
                        .iter()
                        .map(|m| Mitigation { action: m.to_string(), ..Mitigation::default() })
                        .collect(),
                    ..Risk::default()
                });
                to(format!("rk.{id}.title"))
            }
            "dismiss" => {
                let reason = view.reasons.get(arg).map(|r| r.trim().to_string()).unwrap_or_default();
                if reason.is_empty() {
                    view.message = s("risk.reason_needed").to_string();
                    return Outcome { redraw: true, focus: Some(format!("dr.{arg}")), ..Outcome::default() };
                }
                view.reasons.remove(arg);
                a.risk.dismissed.insert(arg.to_string(), reason);
                to("h-proposals".into())
            }
            "undismiss" => {
                a.risk.dismissed.remove(arg);
                to("h-proposals".into())
            }
            "add" => {
                let id = next_id(a);
                a.risk.register.push(Risk { id: id.clone(), ..Risk::default() });
                to(format!("rk.{id}.title"))
            }
            // Whole redraws: another card may still show an earlier question.
            "ask" => {
                view.confirm = Some(arg.to_string());
                Outcome { redraw: true, focus: Some(format!("b.keep.{arg}")), ..Outcome::default() }
            }
            "keep" => {
                view.confirm = None;
                Outcome { redraw: true, focus: Some(format!("b.ask.{arg}")), ..Outcome::default() }
            }
            "remove" if view.confirm.as_deref() == Some(arg) => {
                view.confirm = None;
                a.risk.register.retain(|r| r.id != arg);
                to("h-register".into())
            }
            "addm" => match a.risk.register.iter_mut().find(|r| r.id == arg) {
                Some(r) => {
                    r.mitigations.push(Mitigation::default());
                    card(arg, Some(format!("mt.{arg}.{}.action", r.mitigations.len() - 1)))
                }
                None => Outcome::default(),
            },
            "removem" => {
                let (rid, k) = arg.rsplit_once('.').unwrap_or_default();
                let k: usize = k.parse().unwrap_or(usize::MAX);
                match a.risk.register.iter_mut().find(|r| r.id == rid) {
                    Some(r) if k < r.mitigations.len() => {
                        r.mitigations.remove(k);
                        card(rid, Some(format!("b.addm.{rid}")))
                    }
                    _ => Outcome::default(),
                }
            }
            "snap" => {
                a.risk.snapshots.push(Snapshot {
                    taken: now,
                    label: std::mem::take(&mut view.snapshot_label).trim().to_string(),
                    register: a.risk.register.clone(),
                });
                view.compare = (String::new(), String::new());
                to("h-snapshots".into())
            }
            // Deleting a snapshot, like removing a risk, asks first.
            "unsnap" => {
                view.confirm = Some(format!("snap:{arg}"));
                Outcome { redraw: true, focus: Some(format!("b.keepsnap.{arg}")), ..Outcome::default() }
            }
            "keepsnap" => {
                view.confirm = None;
                Outcome { redraw: true, focus: Some(format!("b.unsnap.{arg}")), ..Outcome::default() }
            }
            "dropsnap" if view.confirm.as_deref() == Some(&format!("snap:{arg}")) => {
                view.confirm = None;
                a.risk.snapshots.retain(|x| x.taken.to_string() != arg);
                view.compare = (String::new(), String::new());
                to("h-snapshots".into())
            }
            "goto" => Outcome { focus: Some(format!("rk.{arg}.h")), ..Outcome::default() },
            _ => Outcome::default(),
        };
    }
    let name = ev.name.as_str();
    let value = ev.value.as_str();
    if let Some(field) = name.strip_prefix("pf.") {
        let Some(f) = pack.risk.profile_fields.iter().find(|f| f.id == field) else {
            return Outcome::default();
        };
        return match f.kind {
            FieldKind::Text | FieldKind::Longtext => {
                set_text(&mut a.answers, field, value);
                changed(false)
            }
            FieldKind::Choice => {
                a.answers.insert(field.to_string(), Answer::Choice(value.to_string()));
                changed(true)
            }
            FieldKind::Multi => {
                let mut list = match a.answers.remove(field) {
                    Some(Answer::Choices(c)) => c,
                    _ => Vec::new(),
                };
                list.retain(|c| c != value);
                if ev.checked {
                    list.push(value.to_string());
                }
                // In the field's order, whatever the order of clicks.
                let order = options(pack, f);
                crate::core::sort::by_key(&mut list, |c| order.iter().position(|(o, _)| o == c));
                if !list.is_empty() {
                    a.answers.insert(field.to_string(), Answer::Choices(list));
                }
                changed(true)
            }
        };
    }
    if let Some(template) = name.strip_prefix("dr.") {
        view.reasons.insert(template.to_string(), value.to_string());
        return Outcome::default();
    }
    match name {
        "snap.label" => {
            view.snapshot_label = value.to_string();
            return Outcome::default();
        }
        "cmp.a" | "cmp.b" => {
            let (from, to) = compare_pair(a, view);
            view.compare = if name == "cmp.a" { (value.to_string(), to) } else { (from, value.to_string()) };
            return Outcome { redraw: true, ..Outcome::default() };
        }
        _ => {}
    }
    if let Some(rest) = name.strip_prefix("mt.") {
        let mut parts = rest.splitn(3, '.');
        let (rid, k, field) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        let k: usize = k.parse().unwrap_or(usize::MAX);
        let Some(m) = a.risk.register.iter_mut().find(|r| r.id == rid).and_then(|r| r.mitigations.get_mut(k))
        else {
            return Outcome::default();
        };
        match field {
            "action" => m.action = value.to_string(),
            "owner" => m.owner = value.to_string(),
            "due" => {
                m.due =
                    if crate::core::answer_file::is_date(value) { value.to_string() } else { String::new() }
            }
            "status" => m.status = Status::from_id(value).unwrap_or_default(),
            _ => return Outcome::default(),
        }
        return changed(false);
    }
    let Some(rest) = name.strip_prefix("rk.") else { return Outcome::default() };
    let Some((rid, field)) = rest.split_once('.') else { return Outcome::default() };
    let Some(r) = a.risk.register.iter_mut().find(|r| r.id == rid) else { return Outcome::default() };
    let rating = || value.parse::<u8>().ok().filter(|n| *n <= 5).unwrap_or(0);
    match field {
        "title" => r.title = value.to_string(),
        "description" => r.description = value.to_string(),
        "groups" => {
            r.affected_groups =
                value.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
        }
        "controls" => r.controls = value.to_string(),
        "decided_by" => r.decided_by = value.to_string(),
        "rationale" => r.rationale = value.to_string(),
        "stage" => {
            r.stage = value.to_string();
            return changed(false);
        }
        "decision" => {
            r.decision = Decision::from_id(value);
            return changed(false);
        }
        "l" | "s" | "rl" | "rs" => {
            let n = rating();
            match field {
                "l" => r.likelihood = n,
                "s" => r.severity = n,
                "rl" => r.residual_likelihood = n,
                _ => r.residual_severity = n,
            }
            return card(rid, None);
        }
        "pr" => {
            r.principles.retain(|p| p != value);
            if ev.checked {
                r.principles.push(value.to_string());
            }
            let order: Vec<&str> = pack.vocabulary.principles.iter().map(|p| p.id.as_ref()).collect();
            crate::core::sort::by_key(&mut r.principles, |p| order.iter().position(|o| o == p));
            return changed(false);
        }
        _ => return Outcome::default(),
    }
    changed(false)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
