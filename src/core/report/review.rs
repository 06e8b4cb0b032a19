//! The review panel of one assessment: where it stands, who asked for review, the approver's
//! sign-off form, the approved versions (each with its report as it was), what changed between
//! them and now, and the mark that it is no longer in force. Written here, run by the editor's
//! dispatcher (`review::event`) with the names of `review::control`.

use super::document::{Block, Line, Table};
use super::escape::html;
use super::workspace::form::{button, select, text_field};
use super::{fill, s};
use crate::core::answer_file::fingerprint::Fingerprint;
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::dates::{date_of, date_time_of};
use crate::core::logbook::Trigger;
use crate::core::review::changes::{between, Change};
use crate::core::review::comments;
use crate::core::review::control::{comment_id, Action, Control, STATUS_ID};
use crate::core::review::event::ReviewView;
use crate::core::review::history;
use crate::core::review::public;
use crate::core::review::{as_approved, standing, Approval, Review, Status};
use crate::core::route::Route;
use std::fmt::Write;

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
            &[("version", &p.version.to_string()), ("date", &p.date), ("who", &who(&p.by, &p.role))],
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
            fill("review.line_superseded", &[("date", &date_of(x.0)), ("who", &x.1)])
        }
        Status::Approved => latest.map(signed).unwrap_or_default(),
        Status::InReview => {
            let r = review.requested.as_ref().map(|r| (r.at, who(&r.by, &r.role))).unwrap_or_default();
            fill("review.line_in_review", &[("date", &date_of(r.0)), ("who", &r.1)]) + &changed()
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
                &[("version", &version), ("date", &p.date), ("who", &who(&p.by, &p.role))],
            )
        }),
        Status::Superseded => {
            let x = review.superseded.clone().unwrap_or_default();
            fill(
                "review.fact_superseded",
                &[("date", &date_of(x.at)), ("who", &who(&x.by, &x.role)), ("note", &x.note)],
            )
        }
        Status::InReview => {
            let r = review.requested.clone().unwrap_or_default();
            fill("review.fact_in_review", &[("date", &date_of(r.at)), ("who", &who(&r.by, &r.role))])
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
            (d, true) => fill("review.next_by", &[("date", d)]),
            ("", false) => fill("review.next_on", &[("events", &events.join("; "))]),
            (d, false) => fill("review.next_by_or_on", &[("date", d), ("events", &events.join("; "))]),
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
            html(&fill("review.due_since", &[("date", due)]))
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
            (Some(_), _) => button(&mut o, &Action::Withdraw, s("review.withdraw"), "secondary"),
        }
        o.push_str("</p>");
    }
    comments_html(&mut o, pack, a, &review, view);
    if here.status != Status::Superseded {
        approve_form(&mut o, &review, here.status, view, today);
    }
    if here.status != Status::Superseded {
        next_form(&mut o, a, &review);
    }
    public_html(&mut o, pack, a, &review);
    history_html(&mut o, pack, a, &review);
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
            html(&format!("{} · {}", p.date, who(&p.by, &p.role))),
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
        || s("review.now").to_string(),
        |v| fill("review.version_n", &[("version", &v.to_string())]),
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

/// The comments: how many are open, the form to add one, and each group's comments with a button to
/// resolve or reopen each.
fn comments_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review, view: &ReviewView) {
    let open = review.open_comments();
    let resolved = review.comments.len() - open;
    let _ = write!(
        o,
        "<section class=\"review-comments\" aria-labelledby=\"rv-comments\"><h2 id=\"rv-comments\">{}</h2><p class=\"hint\">{}</p><p class=\"review-count\">{}</p>",
        s("review.comments"),
        s("review.comments_hint"),
        if review.comments.is_empty() {
            s("review.comments_none").to_string()
        } else {
            fill("review.comments_count", &[("open", &open.to_string()), ("resolved", &resolved.to_string())])
        }
    );
    if open > 0 {
        o.push_str("<p class=\"actions\">");
        button(o, &Action::NextOpen, s("review.next_open"), "secondary");
        o.push_str("</p>");
    }
    // The form: the item, then the words.
    let _ = write!(
        o,
        "<fieldset class=\"review-comment-new\"><legend>{}</legend><p class=\"field\"><label for=\"{n}\">{}</label><select id=\"{n}\" name=\"{n}\">",
        s("review.add_comment_legend"),
        s("review.on"),
        n = Control::On
    );
    for g in comments::targets(pack, a) {
        let _ = write!(o, "<optgroup label=\"{}\">", html(&g.title));
        for (id, name) in &g.items {
            let on = if *id == view.on { " selected" } else { "" };
            let _ = write!(o, "<option value=\"{}\"{on}>{}</option>", html(id), html(name));
        }
        o.push_str("</optgroup>");
    }
    o.push_str("</select></p>");
    let _ = write!(
        o,
        "<p class=\"field\"><label for=\"{n}\">{}</label><textarea id=\"{n}\" name=\"{n}\" rows=\"3\" maxlength=\"{}\">{}</textarea></p><p class=\"actions\">",
        s("review.comment_text"),
        comments::MAX_COMMENT,
        html(&view.comment),
        n = Control::Comment
    );
    button(o, &Action::Comment, s("review.add_comment"), "");
    o.push_str("</p></fieldset>");
    for (group, list) in comments::grouped(pack, a, &review.comments) {
        let open = list.iter().filter(|c| c.is_open()).count();
        let _ = write!(
            o,
            "<h3 class=\"review-group\">{} <span class=\"review-count\">({})</span></h3><ol class=\"comment-list\">",
            html(&group.title),
            html(&fill("review.section_open", &[("open", &open.to_string()), ("count", &list.len().to_string())]))
        );
        for c in list {
            let name =
                group.items.iter().find(|(id, _)| *id == c.on).map_or(c.on.as_str(), |(_, n)| n.as_str());
            comment_html(o, c, name);
        }
        o.push_str("</ol>");
    }
    o.push_str("</section>");
}

/// One comment: what it is on, who wrote it and when, its words, whether it is open, and the button
/// that changes that.
fn comment_html(o: &mut String, c: &comments::Comment, on: &str) {
    let open = c.is_open();
    let author = who(&c.by, &c.role);
    let when = date_time_of(c.at);
    let _ = write!(
        o,
        "<li><article class=\"comment {}\" id=\"{}\" tabindex=\"-1\"><p class=\"comment-on\">{}</p><p class=\"comment-meta\">{} · <strong>{}</strong></p><p class=\"comment-text\">{}</p><p class=\"actions\">",
        if open { "is-open" } else { "is-resolved" },
        html(&comment_id(&c.id)),
        html(on),
        html(&fill("review.comment_by", &[("who", &author), ("date", &when)])),
        html(&comment_state(c)),
        html(&c.text)
    );
    let short_on = on.split(" · ").next().unwrap_or(on);
    let (action, text, label) = if open {
        (Action::Resolve(c.id.clone()), s("review.resolve"), "review.resolve_label")
    } else {
        (Action::Reopen(c.id.clone()), s("review.reopen"), "review.reopen_label")
    };
    // Names the comment fully: one person may comment on one item twice.
    let label = fill(label, &[("who", &author), ("on", short_on), ("date", &when)]);
    let _ = write!(
        o,
        "<button type=\"button\" class=\"button small secondary\" id=\"b.{a}\" data-act=\"{a}\" aria-label=\"{}\">{text}</button></p></article></li>",
        html(&label),
        a = html(&action.to_string())
    );
}

/// Whether a comment is open, in words: "Open", "Open: reopened on … by …", "Resolved on … by …".
fn comment_state(c: &comments::Comment) -> String {
    let stamp = |key: &'static str, x: &crate::core::review::Stamp| {
        fill(key, &[("date", &date_time_of(x.at)), ("who", &who(&x.by, &x.role))])
    };
    match (c.is_open(), &c.resolved, &c.reopened) {
        (true, Some(_), Some(x)) => stamp("review.comment_reopened", x),
        (true, _, _) => s("review.comment_open").to_string(),
        (false, Some(r), _) => stamp("review.comment_resolved", r),
        (false, None, _) => String::new(),
    }
}

/// The report's section of review comments, each with what it is on, who wrote it and when, and
/// whether it is open; `None` when there are none.
pub(crate) fn comments_section(a: &Assessment) -> Option<Block> {
    let review = Review::of(a);
    if review.comments.is_empty() {
        return None;
    }
    let rows = review
        .comments
        .iter()
        .map(|c| {
            let on = if c.on.is_empty() { s("review.on_whole").to_string() } else { c.on.clone() };
            let state = comment_state(c);
            let by =
                fill("review.comment_by", &[("who", &who(&c.by, &c.role)), ("date", &date_time_of(c.at))]);
            (on, vec![Line::text(c.text.as_str()), Line::text(by), Line::text(state)])
        })
        .collect();
    Some(Block::section(
        Some("r-comments"),
        vec![
            Block::h(2, s("review.comments")),
            Block::Table(Table {
                class: Some("r-comments-table"),
                region: Some(s("review.comments").to_string()),
                caption: None,
                head: vec![
                    s("review.item").to_string(),
                    s("review.comment_text").to_string(),
                    s("review.by_when").to_string(),
                    s("review.comment_state").to_string(),
                ],
                rows,
            }),
        ],
    ))
}

/// The next review: a date and the events that bring it back sooner, applied as chosen.
fn next_form(o: &mut String, a: &Assessment, review: &Review) {
    let next = review.next.clone().unwrap_or_default();
    let _ = write!(
        o,
        "<fieldset class=\"review-next\"><legend>{}</legend><p class=\"hint\">{}</p><p class=\"field\"><label for=\"{n}\">{}</label><input type=\"date\" id=\"{n}\" name=\"{n}\" value=\"{}\"></p>",
        s("review.next_legend"),
        s("review.next_hint"),
        s("review.next_date"),
        html(&next.date),
        n = Control::NextDate
    );
    let _ = write!(o, "<fieldset class=\"review-events\"><legend>{}</legend>", s("review.next_events"));
    for t in Trigger::ALL {
        let on = if next.events.contains(&t) { " checked" } else { "" };
        let _ = write!(
            o,
            "<p class=\"check\"><input type=\"checkbox\" id=\"{n}.{id}\" name=\"{n}\" value=\"{id}\"{on}><label for=\"{n}.{id}\">{}</label></p>",
            s(t.key()),
            n = Control::Event,
            id = t.id()
        );
    }
    o.push_str("</fieldset>");
    // A workbook's decisions carry review dates of their own; the earliest counts too.
    if let Some((e, date)) = crate::core::workbook::next_review(a) {
        let _ = write!(
            o,
            "<p class=\"hint\">{}</p>",
            html(&fill("review.next_decision", &[("date", date), ("id", &e.id)]))
        );
    }
    o.push_str("</fieldset>");
}

/// The public version: what is marked restricted (a box per note, written answer, risk and decision),
/// and the link to the report without them.
fn public_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review) {
    let _ = write!(
        o,
        "<section class=\"review-public\" aria-labelledby=\"rv-public\"><h2 id=\"rv-public\">{}</h2><p class=\"hint\">{}</p>",
        s("review.public_title"),
        s("review.public_hint")
    );
    let mut items = public::restrictable(pack, a);
    // Marks on what is no longer in the assessment, shown so they can be cleared.
    for id in review
        .restricted
        .iter()
        .filter(|id| !items.iter().any(|(i, _)| i == *id))
        .cloned()
        .collect::<Vec<_>>()
    {
        let name = fill("review.restricted_gone", &[("id", &id)]);
        items.push((id, name));
    }
    if items.is_empty() {
        let _ = write!(o, "<p>{}</p>", s("review.public_nothing"));
    } else {
        let _ =
            write!(o, "<fieldset class=\"review-events\"><legend>{}</legend>", s("review.restricted_legend"));
        for (id, name) in &items {
            let on = if review.restricted.contains(id) { " checked" } else { "" };
            let _ = write!(
                o,
                "<p class=\"check\"><input type=\"checkbox\" id=\"{n}.{i}\" name=\"{n}\" value=\"{i}\"{on}><label for=\"{n}.{i}\">{}</label></p>",
                html(name),
                n = Control::Restrict,
                i = html(id)
            );
        }
        o.push_str("</fieldset>");
    }
    let _ = write!(
        o,
        "<p><a href=\"{}\">{}</a></p></section>",
        html(&Route::Public(a.id.clone()).href()),
        s("review.open_public")
    );
}

/// The most history entries the panel lists (the newest); the rest are in the file and the record.
const HISTORY_SHOWN: usize = 50;

/// The history: what changed, from what to what, when and by whom, newest first; the bound stated.
fn history_html(o: &mut String, pack: &'static Pack, a: &Assessment, review: &Review) {
    let _ = write!(
        o,
        "<section class=\"review-history\" aria-labelledby=\"rv-history\"><h2 id=\"rv-history\">{}</h2><p class=\"hint\">{}</p>",
        s("review.history"),
        html(&fill("review.history_hint", &[("count", &history::MAX_HISTORY.to_string())]))
    );
    if let Some(x) = &review.summary {
        let line = fill(
            "review.history_summary",
            &[("count", &x.count.to_string()), ("from", &date_of(x.from)), ("to", &date_of(x.to))],
        );
        let _ = write!(o, "<p>{}</p>", html(&line));
    }
    if review.history.is_empty() {
        let _ = write!(o, "<p>{}</p></section>", s("review.history_none"));
        return;
    }
    let shown = review.history.len().min(HISTORY_SHOWN);
    if shown < review.history.len() {
        let line = fill(
            "review.history_shown",
            &[("shown", &shown.to_string()), ("count", &review.history.len().to_string())],
        );
        let _ = write!(o, "<p>{}</p>", html(&line));
    }
    let form = crate::core::questionnaire::compared(pack, a.kind);
    let items: Vec<&crate::core::questionnaire::Item> =
        form.sections.iter().flat_map(|s| s.items.iter()).collect();
    let value = |what: &str, v: &serde_json::Value| -> String {
        match v {
            serde_json::Value::Null => "–".to_string(),
            serde_json::Value::String(t) if t.is_empty() => "–".to_string(),
            serde_json::Value::String(t) => t.clone(),
            other => match serde_json::from_value::<crate::core::assessment::Answer>(other.clone()) {
                // An answer, in the words of its item's choices.
                Ok(answer) => {
                    let item = items.iter().copied().find(|i| i.id == what);
                    crate::core::questionnaire::answer_label(item, &answer)
                }
                Err(_) => other.to_string(),
            },
        }
    };
    let _ = write!(
        o,
        "<div class=\"table-wrap\"><table class=\"review-log\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        s("review.when"),
        s("review.who_changed"),
        s("review.item"),
        s("review.before"),
        s("review.after")
    );
    for e in review.history.iter().rev().take(shown) {
        let by = if e.by.trim().is_empty() { s("review.no_name").to_string() } else { e.by.clone() };
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><th scope=\"row\"><span class=\"q-number\">{}</span></th><td>{}</td><td>{}</td></tr>",
            html(&date_time_of(e.at)),
            html(&by),
            html(&e.what),
            html(&value(&e.what, &e.old)),
            html(&value(&e.what, &e.new))
        );
    }
    o.push_str("</tbody></table></div></section>");
}
