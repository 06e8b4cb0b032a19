//! One risk of the register as an editable card: its text, principles, ratings before and after
//! mitigation, the mitigations, the decision, and its removal behind a question.

use super::form::{attr_checked, button, level_text, scale, select, text_field};
use crate::core::content::model::Pack;
use crate::core::register::{Decision, Risk, Status};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::review::since::Since;
use crate::core::risk::control::{Action, Control, MitigationField, RiskField};
use crate::core::risk::view::{Confirm, ViewState};
use std::fmt::Write;

/// The UI string of a mitigation's status.
pub fn status_key(x: Status) -> &'static str {
    match x {
        Status::Planned => "risk.status_planned",
        Status::InProgress => "risk.status_in_progress",
        Status::Done => "risk.status_done",
    }
}

/// The UI string of a decision.
pub fn decision_key(d: Decision) -> &'static str {
    match d {
        Decision::Accept => "risk.decision_accept",
        Decision::Treat => "risk.decision_treat",
        Decision::Avoid => "risk.decision_avoid",
        Decision::Transfer => "risk.decision_transfer",
    }
}

/// A card's heading: the risk's id and title, and the mark "Changed since version N was approved"
/// where there is an approved version (`marks`).
pub(super) fn heading(out: &mut String, r: &Risk, marks: Option<&Since>) {
    let p = format!("rk.{}", html(&r.id));
    let title = if r.title.trim().is_empty() { s("risk.untitled").to_string() } else { html(&r.title) };
    let _ = write!(
        out,
        "<h3 id=\"{p}.h\" tabindex=\"-1\"><span class=\"q-number\">{}</span> {title}",
        html(&r.id)
    );
    out.push_str(&crate::core::report::mark::changed(marks, &r.id));
    out.push_str("</h3>");
}

/// One risk as an editable card.
pub(super) fn risk_card(
    out: &mut String,
    pack: &'static Pack,
    r: &Risk,
    view: &ViewState,
    marks: Option<&Since>,
) {
    let name = |field| Control::Risk(r.id.clone(), field);
    let p = format!("rk.{}", html(&r.id));
    let _ = write!(out, "<article class=\"risk-card\" id=\"{p}\" aria-labelledby=\"{p}.h\">");
    heading(out, r, marks);
    if !r.template.is_empty() {
        let _ = write!(
            out,
            "<p class=\"hint\">{}</p>",
            fill("risk.from_template", &[("id", &html(&r.template))])
        );
    }
    text_field(out, &name(RiskField::Title), s("risk.f_title"), &r.title, false);
    text_field(out, &name(RiskField::Description), s("risk.f_description"), &r.description, true);
    let _ = write!(
        out,
        "<fieldset class=\"pf-group\"><legend>{}</legend><div class=\"pf-options principles\">",
        s("risk.f_principles")
    );
    let principles = name(RiskField::Principles);
    for pr in pack.vocabulary.principles.iter().filter(|x| x.parent.is_some()) {
        let on = r.principles.iter().any(|x| *x == pr.id);
        let _ = write!(
            out,
            "<label class=\"check\"><input type=\"checkbox\" id=\"{principles}.{i}\" name=\"{principles}\" value=\"{i}\"{}> {i} {}</label>",
            attr_checked(on),
            html(&pr.name),
            i = html(&pr.id)
        );
    }
    out.push_str("</div></fieldset>");
    let _ = write!(
        out,
        "<fieldset class=\"pf-group\"><legend>{}</legend><div class=\"pf-options\">",
        s("risk.f_rights")
    );
    let rights = name(RiskField::Rights);
    for x in pack.risk.rights.iter() {
        let _ = write!(
            out,
            "<label class=\"check\"><input type=\"checkbox\" id=\"{rights}.{i}\" name=\"{rights}\" value=\"{i}\"{}> {}</label>",
            attr_checked(r.rights.iter().any(|y| *y == x.id)),
            html(&x.label),
            i = html(&x.id)
        );
    }
    out.push_str("</div>");
    // Ids another content version had are kept as they are and said, never dropped silently.
    let unknown: Vec<&str> = crate::core::register::right_labels(pack, &r.rights)
        .into_iter()
        .filter(|x| !pack.risk.rights.iter().any(|y| y.label.as_ref() == *x))
        .collect();
    if !unknown.is_empty() {
        let _ = write!(
            out,
            "<p class=\"hint\">{}</p>",
            html(&fill("risk.rights_unknown", &[("ids", &unknown.join(", "))]))
        );
    }
    out.push_str("</fieldset>");
    text_field(out, &name(RiskField::Groups), s("risk.f_groups"), &r.affected_groups.join("\n"), true);
    let mut stages = vec![("", s("risk.no_stage"))];
    stages.extend(pack.vocabulary.stages.iter().map(|x| (x.id.as_ref(), x.name.as_ref())));
    select(out, &name(RiskField::Stage), s("risk.f_stage"), &r.stage, &stages);

    let _ = write!(out, "<h4>{}</h4><div class=\"scales\">", s("risk.inherent"));
    scale(out, pack, &name(RiskField::Likelihood), s("risk.inherent_likelihood"), r.likelihood, false);
    scale(out, pack, &name(RiskField::Severity), s("risk.inherent_severity"), r.severity, true);
    let _ = write!(
        out,
        "</div><p class=\"level-line\">{} {}</p>",
        s("risk.inherent_level"),
        level_text(pack, r.likelihood, r.severity)
    );
    text_field(out, &name(RiskField::Controls), s("risk.f_controls"), &r.controls, true);

    let _ = write!(out, "<h4>{}</h4>", s("risk.mitigations"));
    if r.mitigations.is_empty() {
        let _ = write!(out, "<p class=\"hint\">{}</p>", s("risk.no_mitigations"));
    }
    let statuses: Vec<(&str, &str)> = Status::ALL.iter().map(|x| (x.id(), s(status_key(*x)))).collect();
    for (k, m) in r.mitigations.iter().enumerate() {
        let field = |f| Control::Mitigation(r.id.clone(), k, f);
        let _ = write!(
            out,
            "<fieldset class=\"mitigation\"><legend>{}</legend>",
            fill("risk.mitigation_n", &[("n", &(k + 1).to_string())])
        );
        text_field(out, &field(MitigationField::Action), s("risk.f_action"), &m.action, true);
        out.push_str("<div class=\"field-pair\">");
        text_field(out, &field(MitigationField::Owner), s("risk.f_owner"), &m.owner, false);
        let _ = write!(
            out,
            "<p class=\"field\"><label for=\"{due}\">{}</label><input type=\"date\" id=\"{due}\" name=\"{due}\" value=\"{}\"></p>",
            s("risk.f_due"),
            html(&m.due),
            due = html(&field(MitigationField::Due).to_string())
        );
        select(out, &field(MitigationField::Status), s("risk.f_status"), m.status.id(), &statuses);
        out.push_str("</div><p class=\"actions\">");
        button(
            out,
            &Action::RemoveMitigation(r.id.clone(), k),
            &fill("risk.remove_mitigation", &[("n", &(k + 1).to_string())]),
            "secondary",
        );
        out.push_str("</p></fieldset>");
    }
    out.push_str("<p class=\"actions\">");
    let add = fill("risk.add_mitigation", &[("id", &html(&r.id))]);
    button(out, &Action::AddMitigation(r.id.clone()), &add, "secondary");
    out.push_str("</p>");

    let _ = write!(out, "<h4>{}</h4><div class=\"scales\">", s("risk.residual"));
    let (rl, rs) = (r.residual_likelihood, r.residual_severity);
    scale(out, pack, &name(RiskField::ResidualLikelihood), s("risk.residual_likelihood"), rl, false);
    scale(out, pack, &name(RiskField::ResidualSeverity), s("risk.residual_severity"), rs, true);
    let _ = write!(
        out,
        "</div><p class=\"level-line\">{} {}</p>",
        s("risk.residual_level"),
        level_text(pack, rl, rs)
    );

    let _ = write!(out, "<h4>{}</h4>", s("risk.decision"));
    let mut decisions = vec![("", s("risk.undecided"))];
    decisions.extend(Decision::ALL.iter().map(|d| (d.id(), s(decision_key(*d)))));
    let decision = r.decision.map_or("", |d| d.id());
    select(out, &name(RiskField::Decision), s("risk.f_decision"), decision, &decisions);
    text_field(out, &name(RiskField::DecidedBy), s("risk.f_decided_by"), &r.decided_by, false);
    text_field(out, &name(RiskField::Rationale), s("risk.f_rationale"), &r.rationale, true);

    out.push_str("<p class=\"actions\">");
    if view.confirm == Some(Confirm::RemoveRisk(r.id.clone())) {
        let _ = write!(
            out,
            "<span role=\"alert\">{}</span> ",
            fill("risk.confirm_remove", &[("id", &html(&r.id))])
        );
        button(out, &Action::Remove(r.id.clone()), s("risk.remove_yes"), "danger");
        button(out, &Action::Keep(r.id.clone()), s("risk.remove_no"), "secondary");
    } else {
        let ask = fill("risk.remove", &[("id", &html(&r.id))]);
        button(out, &Action::AskRemove(r.id.clone()), &ask, "secondary");
    }
    out.push_str("</p></article>");
}
