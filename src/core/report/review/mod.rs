//! The review panel of one assessment: where it stands, who asked for review, the approver's
//! sign-off form, the approved versions (each with its report as it was), what changed between
//! them and now, and the mark that it is no longer in force. Written here, run by the editor's
//! dispatcher (`review::event`) with the names of `review::control`.

use super::escape::html;
use super::workspace::form::{button, select, text_field};
use super::{fill, s};
use crate::core::answer_file::fingerprint::Fingerprint;
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::dates::{day_in_words, in_words};
use crate::core::review::changes::{between, Change};
use crate::core::review::control::{Action, Control, STATUS_ID};
use crate::core::review::event::ReviewView;
use crate::core::review::{as_approved, standing, Approval, Review, Status};
use crate::core::route::Route;
use std::fmt::Write;

mod comments;
mod history;
mod next;
mod public;

pub(crate) use comments::comments_section;

/// "Name (role)", or whichever is given.
pub(crate) fn who(by: &str, role: &str) -> String {
    match (by.trim(), role.trim()) {
        (b, "") => b.to_string(),
        ("", r) => r.to_string(),
        (b, r) => format!("{b} ({r})"),
    }
}

/// The status in one line, as the panel, the reports and the library say it.
pub fn status_line(a: &Assessment) -> String {
    let here = standing(a);
    let review = Review::of(a);
    let latest = review.approvals.last();
    let signed = |p: &Approval| {
        fill(
            "review.line_approved",
            &[
                ("version", &p.version.to_string()),
                ("date", &in_words(&p.date)),
                ("who", &who(&p.by, &p.role)),
            ],
        )
    };
    let changed = || match latest {
        Some(p) if here.changed => {
            format!(" {}", fill("review.line_changed", &[("version", &p.version.to_string())]))
        }
        _ => String::new(),
    };
    match here.status {
        Status::Superseded => {
            let x = review.superseded.as_ref().map(|x| (x.at, who(&x.by, &x.role))).unwrap_or_default();
            fill("review.line_superseded", &[("date", &day_in_words(x.0)), ("who", &x.1)])
        }
        Status::Approved => latest.map(signed).unwrap_or_default(),
        Status::InReview => {
            let r = review.requested.as_ref().map(|r| (r.at, who(&r.by, &r.role))).unwrap_or_default();
            fill("review.line_in_review", &[("date", &day_in_words(r.0)), ("who", &r.1)]) + &changed()
        }
        Status::Draft if review.changes.is_some() => {
            let c = review.changes.as_ref().map(|c| (c.at, who(&c.by, &c.role))).unwrap_or_default();
            let key =
                if review.open_comments() > 0 { "review.line_changes" } else { "review.line_changes_done" };
            fill(key, &[("date", &day_in_words(c.0)), ("who", &c.1)]) + &changed()
        }
        Status::Draft if latest.is_none() => s("review.line_draft").to_string(),
        Status::Draft => s("review.line_draft_again").to_string() + &changed(),
    }
}

/// The status as a report's title page gives it, and for an approved assessment its statement and
/// conditions: (label key, value) rows.
pub(crate) fn status_facts(a: &Assessment) -> Vec<(&'static str, String)> {
    let here = standing(a);
    let review = Review::of(a);
    let latest = review.approvals.last();
    let version = latest.map(|p| p.version.to_string()).unwrap_or_default();
    let line = match here.status {
        Status::Approved => latest.map_or_else(String::new, |p| {
            fill(
                "review.fact_approved",
                &[("version", &version), ("date", &in_words(&p.date)), ("who", &who(&p.by, &p.role))],
            )
        }),
        Status::Superseded => {
            let x = review.superseded.clone().unwrap_or_default();
            fill(
                "review.fact_superseded",
                &[("date", &day_in_words(x.at)), ("who", &who(&x.by, &x.role)), ("note", &x.note)],
            )
        }
        Status::InReview => {
            let r = review.requested.clone().unwrap_or_default();
            fill("review.fact_in_review", &[("date", &day_in_words(r.at)), ("who", &who(&r.by, &r.role))])
        }
        Status::Draft if review.changes.is_some() => {
            let c = review.changes.clone().unwrap_or_default();
            let line =
                fill("review.fact_changes", &[("date", &day_in_words(c.at)), ("who", &who(&c.by, &c.role))]);
            if here.changed {
                format!("{line}; {}", fill("review.card_changed", &[("version", &version)]))
            } else {
                line
            }
        }
        Status::Draft if here.changed => fill("review.fact_changed", &[("version", &version)]),
        Status::Draft => s("review.status_draft").to_string(),
    };
    let mut rows = vec![("review.status", line)];
    if let Some(p) = &review.public {
        let count = p.left_out.to_string();
        rows.insert(0, ("review.public_title", fill("review.public_fact", &[("count", &count)])));
    }
    if let Some(next) = &review.next {
        let events: Vec<&str> = next.events.iter().map(|t| s(t.key())).collect();
        let line = match (next.date.as_str(), events.is_empty()) {
            (d, true) => fill("review.next_by", &[("date", &in_words(d))]),
            ("", false) => fill("review.next_on", &[("events", &events.join("; "))]),
            (d, false) => {
                fill("review.next_by_or_on", &[("date", &in_words(d)), ("events", &events.join("; "))])
            }
        };
        rows.push(("review.next_legend", line));
    }
    if !review.comments.is_empty() {
        let open = review.open_comments();
        let resolved = (review.comments.len() - open).to_string();
        rows.push((
            "review.comments",
            fill("review.comments_count", &[("open", &open.to_string()), ("resolved", &resolved)]),
        ));
    }
    if let (Status::Approved, Some(p)) = (here.status, latest) {
        rows.push(("review.statement", p.statement.clone()));
        if !p.conditions.trim().is_empty() {
            rows.push(("review.conditions", p.conditions.clone()));
        }
    }
    rows
}

/// The status's name (`Approved`).
pub fn status_name(status: Status) -> &'static str {
    s(status.key())
}

/// The whole panel for `a`, its form as `view` holds it; `today` fills an empty date.
pub fn review_html(pack: &'static Pack, a: &Assessment, view: &ReviewView, today: &str) -> String {
    let here = standing(a);
    let review = Review::of(a);
    let mut o = String::new();
    let _ = write!(
        o,
        "<section class=\"review-now\" aria-labelledby=\"{STATUS_ID}\"><h2 id=\"{STATUS_ID}\" tabindex=\"-1\">{}: {}</h2><p class=\"review-line\">{}</p>",
        s("review.status"),
        status_name(here.status),
        html(&status_line(a))
    );
    if let (Status::Approved, Some(p)) = (here.status, review.approvals.last()) {
        signoff_html(&mut o, p);
    }
    if let Some(due) = here.due.as_deref().filter(|_| here.is_due(today) && here.status != Status::Superseded)
    {
        let _ = write!(
            o,
            "<p class=\"review-warning\"><strong>{}</strong></p>",
            html(&fill("review.due_since", &[("date", &in_words(due))]))
        );
    }
    if let Some(x) = &review.superseded {
        let _ = write!(
            o,
            "<p class=\"review-note\"><strong>{}</strong> {}</p>",
            s("review.superseded_note"),
            html(&x.note)
        );
    }
    o.push_str("</section>");

    // Who is acting: recorded with a request, an approval or a mark.
    let _ = write!(o, "<fieldset class=\"review-who\"><legend>{}</legend><p class=\"hint\">{}</p><div class=\"field-pair\">", s("review.who"), s("review.who_hint"));
    text_field(&mut o, &Control::By, s("review.by"), &view.by, false);
    text_field(&mut o, &Control::Role, s("review.role"), &view.role, false);
    o.push_str("</div></fieldset>");

    if here.status != Status::Superseded {
        o.push_str("<p class=\"actions\">");
        match (&review.requested, here.status) {
            (_, Status::Approved) => {}
            (None, _) => button(&mut o, &Action::Request, s("review.request"), "secondary"),
            (Some(_), _) => {
                button(&mut o, &Action::AskChanges, s("review.ask_changes"), "secondary");
                button(&mut o, &Action::Withdraw, s("review.withdraw"), "secondary");
            }
        }
        o.push_str("</p>");
    }
    comments::comments_html(&mut o, pack, a, &review, view);
    if here.status != Status::Superseded {
        approve_form(&mut o, &review, here.status, view, today);
    }
    if here.status != Status::Superseded {
        next::next_form(&mut o, a, &review);
    }
    public::public_html(&mut o, pack, a, &review);
    history::history_html(&mut o, pack, a, &review);
    superseded_form(&mut o, &review, view);
    versions_html(&mut o, a, &review);
    changes_html(&mut o, pack, a, &review, view);
    o
}

fn signoff_html(o: &mut String, p: &Approval) {
    let _ = write!(
        o,
        "<dl class=\"review-signoff\"><dt>{}</dt><dd>{}</dd>",
        s("review.statement"),
        html(&p.statement)
    );
    if !p.conditions.trim().is_empty() {
        let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", s("review.conditions"), html(&p.conditions));
    }
    let _ = write!(
        o,
        "<dt>{}</dt><dd class=\"fingerprint\">{}</dd></dl>",
        s("report.fingerprint"),
        html(&people(&p.fingerprint))
    );
}

/// A fingerprint as people compare it, or as written when it is not one.
fn people(wire: &str) -> String {
    Fingerprint::parse(wire).map_or_else(|| wire.to_string(), |f| f.for_people())
}

fn approve_form(o: &mut String, review: &Review, status: Status, view: &ReviewView, today: &str) {
    // Approved content has nothing to approve: the status above says a change makes a new draft.
    if status == Status::Approved {
        return;
    }
    let next = review.approvals.iter().map(|p| p.version).max().unwrap_or(0) + 1;
    let version = next.to_string();
    let _ = write!(
        o,
        "<fieldset class=\"review-approve\"><legend>{}</legend>",
        fill("review.approve_legend", &[("version", &version)])
    );
    let _ = write!(o, "<p class=\"hint\">{}</p>", s("review.approve_hint"));
    let open = review.open_comments();
    if open > 0 {
        let line = match open {
            1 => s("review.open_before_approval_one").to_string(),
            n => fill("review.open_before_approval", &[("count", &n.to_string())]),
        };
        let _ = write!(o, "<p class=\"review-warning\">{line}</p>");
    }
    let date = if view.date.is_empty() { today } else { &view.date };
    let _ = write!(
        o,
        "<p class=\"field\"><label for=\"{n}\">{}</label><input type=\"date\" id=\"{n}\" name=\"{n}\" value=\"{}\"></p>",
        s("review.date"),
        html(date),
        n = Control::Date
    );
    text_field(o, &Control::Statement, s("review.statement"), &view.statement, true);
    text_field(o, &Control::Conditions, s("review.conditions_optional"), &view.conditions, true);
    o.push_str("<p class=\"actions\">");
    button(o, &Action::Approve, &fill("review.approve", &[("version", &version)]), "");
    o.push_str("</p></fieldset>");
}

fn versions_html(o: &mut String, a: &Assessment, review: &Review) {
    if review.approvals.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<section aria-labelledby=\"rv-versions\"><h2 id=\"rv-versions\">{}</h2><div class=\"table-wrap\"><table class=\"review-versions\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        s("review.versions"),
        s("review.version"),
        s("review.signed"),
        s("review.statement"),
        s("review.conditions"),
        s("report.fingerprint"),
    );
    for p in review.approvals.iter().rev() {
        let version = p.version.to_string();
        let name = fill("review.version_n", &[("version", &version)]);
        let cell = if p.content.is_some() {
            let href = Route::Approved(a.id.clone(), p.version).href();
            let label = fill("review.open_version", &[("version", &version)]);
            format!("<a href=\"{}\" aria-label=\"{}\">{}</a>", html(&href), html(&label), html(&name))
        } else {
            format!("{} <span class=\"hint\">{}</span>", html(&name), s("review.copy_dropped"))
        };
        let _ = write!(
            o,
            "<tr><th scope=\"row\">{cell}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"fingerprint\">{}</td></tr>",
            html(&format!("{} · {}", in_words(&p.date), who(&p.by, &p.role))),
            html(&p.statement),
            html(if p.conditions.trim().is_empty() { "–" } else { &p.conditions }),
            html(&people(&p.fingerprint)),
        );
    }
    o.push_str("</tbody></table></div></section>");
}

fn changes_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review, view: &ReviewView) {
    let kept: Vec<&Approval> = review.approvals.iter().filter(|p| p.content.is_some()).collect();
    let Some(latest) = kept.last() else { return };
    // Something to compare: the content now against its approval, or two approved versions.
    if kept.len() < 2 && !standing(a).changed {
        return;
    }
    let from = view.from.filter(|v| kept.iter().any(|p| p.version == *v)).unwrap_or(latest.version);
    let to = view.to.filter(|v| kept.iter().any(|p| p.version == *v));
    let (Some(before), after) = (as_approved(a, from), to.and_then(|v| as_approved(a, v))) else { return };
    let after_ref = after.as_ref().unwrap_or(a);
    let list = between(pack, &before, after_ref);
    let _ = write!(
        o,
        "<section aria-labelledby=\"rv-changes\"><h2 id=\"rv-changes\">{}</h2><div class=\"field-pair\">",
        s("review.changes")
    );
    let versions: Vec<(String, String)> = kept
        .iter()
        .map(|p| (p.version.to_string(), fill("review.version_n", &[("version", &p.version.to_string())])))
        .collect();
    let options: Vec<(&str, &str)> = versions.iter().map(|(v, t)| (v.as_str(), t.as_str())).collect();
    select(o, &Control::From, s("review.from"), &from.to_string(), &options);
    let mut to_options = vec![("now", s("review.now"))];
    to_options.extend(options.iter().copied());
    let current = to.map_or_else(|| "now".to_string(), |v| v.to_string());
    select(o, &Control::To, s("review.to"), &current, &to_options);
    o.push_str("</div>");
    let to_name = to.map_or_else(
        || s("review.now_in").to_string(),
        |v| fill("review.version_in", &[("version", &v.to_string())]),
    );
    let summary = fill(
        "review.changes_count",
        &[("count", &list.len().to_string()), ("from", &from.to_string()), ("to", &to_name)],
    );
    let _ = write!(o, "<p class=\"review-count\" role=\"status\">{}</p>", html(&summary));
    if !list.is_empty() {
        changes_table(o, &list);
    }
    o.push_str("</section>");
}

fn changes_table(o: &mut String, list: &[Change]) {
    let _ = write!(
        o,
        "<div class=\"table-wrap\"><table class=\"review-changes\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        s("review.item"),
        s("review.before"),
        s("review.after")
    );
    for c in list {
        let text = if c.text.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"review-item-text\">{}</span>", html(&c.text))
        };
        let _ = write!(
            o,
            "<tr><th scope=\"row\"><span class=\"q-number\">{}</span>{text}</th><td>{}</td><td>{}</td></tr>",
            html(&c.item),
            html(&c.before),
            html(&c.after)
        );
    }
    o.push_str("</tbody></table></div>");
}

fn superseded_form(o: &mut String, review: &Review, view: &ReviewView) {
    let _ =
        write!(o, "<fieldset class=\"review-superseded\"><legend>{}</legend>", s("review.superseded_legend"));
    if review.superseded.is_some() {
        let _ = write!(o, "<p>{}</p><p class=\"actions\">", s("review.superseded_now"));
        button(o, &Action::Reinstate, s("review.reinstate"), "secondary");
    } else {
        let _ = write!(o, "<p class=\"hint\">{}</p>", s("review.superseded_hint"));
        text_field(o, &Control::Note, s("review.note_label"), &view.note, true);
        o.push_str("<p class=\"actions\">");
        button(o, &Action::Supersede, s("review.supersede"), "secondary");
    }
    o.push_str("</p></fieldset>");
}
