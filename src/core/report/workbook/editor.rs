//! The workbook as the editor shows it: the route, an overview of the stages, and per stage its
//! prompts, checks, decision log and sign-off, as HTML with plain form controls named by
//! `workbook::control` (see `report::workspace` for why text rather than components).

use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{Check, Pack, WorkbookStage};
use crate::core::dates::in_words;
use crate::core::register::Status;
use crate::core::report::escape::html;
use crate::core::report::workspace::form::{attr_checked, button, select, text_field};
use crate::core::report::workspace::status_key;
use crate::core::report::{fill, mark, s};
use crate::core::review::since::{self, Since};
use crate::core::workbook::control::{Action, CheckField, ConditionField, Control, EntryField, StageField};
use crate::core::workbook::event::WorkbookView;
use crate::core::workbook::{
    self, open_blocking, progress, superseded_by, CheckState, Entry, Route, Trigger, Verdict,
};
use std::fmt::Write;

/// A button's words and, for screen readers, what it acts on (several such buttons share a page).
fn named(text: &str, what: &str) -> String {
    format!("{text}<span class=\"visually-hidden\"> ({})</span>", html(what))
}

/// The element id of the stages' overview, drawn again with any stage.
pub const OVERVIEW_ID: &str = "wb-overview";

/// The UI string of a decision.
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "workbook.v_go",
        Verdict::GoWithConditions => "workbook.v_go_with_conditions",
        Verdict::ChangeCourse => "workbook.v_change_course",
        Verdict::Defer => "workbook.v_defer",
        Verdict::Stop => "workbook.v_stop",
    }
}

pub fn trigger_key(t: Trigger) -> &'static str {
    t.key()
}

pub fn state_key(x: Option<CheckState>) -> &'static str {
    match x {
        None => "workbook.c_open",
        Some(CheckState::Done) => "workbook.c_done",
        Some(CheckState::NotDone) => "workbook.c_not_done",
        Some(CheckState::NotApplicable) => "workbook.c_na",
    }
}

fn route_key(r: Route) -> (&'static str, &'static str) {
    match r {
        Route::Build => ("workbook.route_build", "workbook.route_build_hint"),
        Route::Buy => ("workbook.route_buy", "workbook.route_buy_hint"),
        Route::Hybrid => ("workbook.route_hybrid", "workbook.route_hybrid_hint"),
    }
}

/// A stage's name from the vocabulary (its id when the vocabulary lacks it).
pub fn stage_name<'p>(pack: &'p Pack, id: &'p str) -> &'p str {
    pack.vocabulary.stages.iter().find(|s| s.id == id).map_or(id, |s| s.name.as_ref())
}

/// The whole editor: route, overview, and every stage on the route.
pub fn workbook_html(pack: &Pack, a: &Assessment, view: &WorkbookView) -> String {
    let mut out = String::new();
    route(&mut out, pack, a);
    super::link::link_html(&mut out, pack, a, view);
    out.push_str(&overview_html(pack, a));
    let marks = since::since(a);
    for st in workbook::stages(pack, a) {
        stage(&mut out, pack, a, view, st, marks.as_ref());
    }
    out
}

/// One stage as [`workbook_html`] draws it; `None` when it is not on the route.
pub fn stage_html(pack: &Pack, a: &Assessment, view: &WorkbookView, id: &str) -> Option<String> {
    let st = workbook::stages(pack, a).into_iter().find(|s| s.stage == id)?;
    let mut out = String::new();
    stage(&mut out, pack, a, view, st, since::since(a).as_ref());
    Some(out)
}

fn route(out: &mut String, pack: &Pack, a: &Assessment) {
    let name = Control::Route;
    let _ = write!(
        out,
        "<fieldset class=\"panel wb-route\"><legend>{}</legend><p class=\"hint\">{}</p>",
        s("workbook.route"),
        s("workbook.route_help")
    );
    for r in Route::ALL {
        let (label, hint) = route_key(r);
        let _ = write!(
            out,
            "<label class=\"choice\"><input type=\"radio\" id=\"{name}.{v}\" name=\"{name}\" value=\"{v}\"{}> <span class=\"choice-label\">{}</span><span class=\"visually-hidden\">. </span> <span class=\"choice-detail\">{}</span></label>",
            attr_checked(a.workbook.route == Some(r)),
            s(label),
            s(hint),
            v = r.id(),
        );
    }
    let aside = workbook::set_aside(pack, a);
    if aside > 0 {
        let _ = write!(
            out,
            "<p class=\"notice\" role=\"note\">{}</p>",
            fill("workbook.set_aside", &[("count", &aside.to_string())])
        );
    }
    out.push_str("</fieldset>");
}

/// The stages in order with how far each has got; each name moves to its stage.
pub fn overview_html(pack: &Pack, a: &Assessment) -> String {
    let mut out = format!(
        "<nav id=\"{OVERVIEW_ID}\" class=\"wb-overview\" aria-label=\"{}\"><ol>",
        s("workbook.overview")
    );
    for st in workbook::stages(pack, a) {
        let p = progress(a, st);
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"link-button\" data-act=\"{}\">{}</button> <span class=\"wb-count\">{}</span></li>",
            html(&Action::GoTo(st.stage.to_string()).to_string()),
            html(stage_name(pack, &st.stage)),
            summary_text(&p)
        );
    }
    out.push_str("</ol></nav>");
    out
}

fn summary_text(p: &workbook::Progress) -> String {
    let counts = fill(
        "workbook.progress",
        &[
            ("answered", &p.answered.to_string()),
            ("prompts", &p.prompts.to_string()),
            ("settled", &p.settled.to_string()),
            ("checks", &p.checks.to_string()),
        ],
    );
    let state = if p.complete { s("workbook.complete") } else { s("workbook.in_progress") };
    format!("{counts} · <strong>{state}</strong>")
}

/// A stage's progress line, drawn again when a prompt or a reason is left.
pub fn summary_html(pack: &Pack, a: &Assessment, id: &str) -> Option<String> {
    let st = pack.workbook.stages.iter().find(|s| s.stage == id)?;
    Some(format!("<p class=\"wb-progress\" id=\"ws.{}.p\">{}</p>", html(id), summary_text(&progress(a, st))))
}

/// `marks`: what changed since the latest approval, if there is one.
fn stage(
    out: &mut String,
    pack: &Pack,
    a: &Assessment,
    view: &WorkbookView,
    st: &WorkbookStage,
    marks: Option<&Since>,
) {
    let id = html(&st.stage);
    let _ = write!(
        out,
        "<section class=\"wb-stage\" id=\"ws.{id}\" aria-labelledby=\"ws.{id}.h\"><h2 id=\"ws.{id}.h\" tabindex=\"-1\">{}</h2><p class=\"hint\">{}</p>",
        html(stage_name(pack, &st.stage)),
        html(&st.intro)
    );
    out.push_str(&summary_html(pack, a, &st.stage).unwrap_or_default());
    super::link::stage_risks_html(out, pack, a, view, st);
    super::link::duties_html(out, a, view, st);

    let _ = write!(out, "<h3>{}</h3>", s("workbook.prompts"));
    for p in st.prompts.iter() {
        let name = Control::Prompt(p.id.to_string()).to_string();
        let value = match a.answers.get(p.id.as_ref()) {
            Some(Answer::Text(t)) => t.as_str(),
            _ => "",
        };
        let _ = write!(
            out,
            "<div class=\"field wb-prompt\"><label for=\"{n}\"><span class=\"q-number\">{}</span> {}{}</label><span class=\"hint\" id=\"{n}.hint\">{}</span><textarea id=\"{n}\" name=\"{n}\" rows=\"4\" maxlength=\"{}\" aria-describedby=\"{n}.hint{}\">{}</textarea></div>",
            html(&p.id),
            html(&p.text),
            mark::changed(marks, &p.id),
            html(&p.help),
            crate::core::limits::MAX_TEXT,
            if p.related.is_empty() { String::new() } else { format!(" {}.related", html(&name)) },
            html(value),
            n = html(&name)
        );
        super::link::related_html(out, pack, a, view, p);
    }

    let _ = write!(out, "<h3>{}</h3>", s("workbook.checks"));
    for c in st.checks.iter() {
        check(out, a, c, marks);
    }

    let _ = write!(
        out,
        "<h3>{}</h3><p class=\"hint\">{}</p>",
        s("workbook.decision"),
        html(&st.decision_guidance)
    );
    // What to record for each kind of decision at this stage (at retirement, "going on" retires).
    let _ = write!(
        out,
        "<details class=\"wb-guidance\"><summary>{}</summary><dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl></details>",
        s("workbook.what_to_record"),
        s("workbook.decision_go"),
        html(&st.decision_go),
        s("workbook.decision_change"),
        html(&st.decision_change),
        s("workbook.decision_stop"),
        html(&st.decision_stop),
    );
    let entries: Vec<&Entry> = a.workbook.log.iter().filter(|e| e.stage == st.stage).collect();
    if entries.is_empty() {
        let _ = write!(out, "<p>{}</p>", s("workbook.no_entries"));
    }
    for e in entries {
        entry(out, pack, a, view, e, marks);
    }
    let mut add = String::new();
    button(
        &mut add,
        &Action::AddEntry(st.stage.to_string()),
        &named(s("workbook.add_entry"), stage_name(pack, &st.stage)),
        "secondary",
    );
    let _ = write!(out, "<p class=\"actions\">{add}</p>");

    sign_off(out, a, st);
    out.push_str("</section>");
}

/// One check as [`stage_html`] draws it; `None` when the content has no such check.
pub fn check_html(pack: &Pack, a: &Assessment, id: &str) -> Option<String> {
    let c = pack.workbook.stages.iter().flat_map(|s| s.checks.iter()).find(|c| c.id == id)?;
    let mut out = String::new();
    check(&mut out, a, c, since::since(a).as_ref());
    Some(out)
}

fn check(out: &mut String, a: &Assessment, c: &Check, marks: Option<&Since>) {
    let state = CheckState::of(a, &c.id);
    let note = a.notes.get(c.id.as_ref()).map_or("", String::as_str);
    let owner = a.workbook.owners.get(c.id.as_ref()).map_or("", String::as_str);
    let name = Control::Check(c.id.to_string(), CheckField::State);
    let blocking = if c.blocking {
        format!(" <span class=\"badge wb-blocking\">{}</span>", s("workbook.blocking"))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "<fieldset class=\"wb-check\" id=\"wc.{id}\"><legend><span class=\"q-number\">{id}</span> {}{blocking}{}</legend><p class=\"hint\">{} {} · {} {}</p><div class=\"wb-states\">",
        html(&c.text),
        mark::changed(marks, &c.id),
        s("workbook.evidence_expected"),
        html(&c.evidence),
        s("workbook.owner_expected"),
        html(&c.owner),
        id = html(&c.id),
    );
    let options = [None, Some(CheckState::Done), Some(CheckState::NotDone), Some(CheckState::NotApplicable)];
    for x in options {
        let v = x.map_or("", CheckState::id);
        let _ = write!(
            out,
            "<label class=\"choice\"><input type=\"radio\" id=\"{name}.{v}\" name=\"{name}\" value=\"{v}\"{}> {}</label>",
            attr_checked(state == x),
            s(state_key(x)),
            name = html(&name.to_string()),
        );
    }
    out.push_str("</div>");
    let field = |f| Control::Check(c.id.to_string(), f);
    let na = state == Some(CheckState::NotApplicable);
    let label = if na { s("workbook.reason") } else { s("workbook.evidence") };
    if na && note.trim().is_empty() {
        let _ = write!(out, "<p class=\"field-error\">{}</p>", s("workbook.reason_needed"));
    }
    out.push_str("<div class=\"field-pair\">");
    text_field(out, &field(CheckField::Note), label, note, false);
    text_field(out, &field(CheckField::Owner), s("workbook.owner"), owner, false);
    out.push_str("</div>");
    out.push_str("</fieldset>");
}

fn sign_off(out: &mut String, a: &Assessment, st: &WorkbookStage) {
    let id = st.stage.to_string();
    let o = a.workbook.override_of(&st.stage).cloned().unwrap_or_default();
    let complete = a.workbook.is_complete(&st.stage);
    let _ = write!(out, "<h3>{}</h3>", s("workbook.sign_off"));
    let open = open_blocking(a, st);
    if !open.is_empty() {
        let ids: Vec<&str> = open.iter().map(|c| c.id.as_ref()).collect();
        let _ = write!(
            out,
            "<p class=\"notice\" role=\"note\">{}</p>",
            fill("workbook.open_blocking", &[("checks", &html(&ids.join(", ")))])
        );
        text_field(out, &Control::Stage(id.clone(), StageField::By), s("workbook.override_by"), &o.by, false);
        text_field(
            out,
            &Control::Stage(id.clone(), StageField::Why),
            s("workbook.override_why"),
            &o.why,
            true,
        );
    } else if complete && o.given() {
        let _ = write!(
            out,
            "<p class=\"hint\">{}</p>",
            fill("workbook.overridden", &[("by", &html(&o.by)), ("why", &html(&o.why))])
        );
    }
    let name = Control::Stage(id, StageField::Complete);
    let _ = write!(
        out,
        "<p class=\"field\"><label class=\"check\"><input type=\"checkbox\" id=\"{n}\" name=\"{n}\"{}> {}</label></p>",
        attr_checked(complete),
        s("workbook.mark_complete"),
        n = html(&name.to_string())
    );
}

fn entry(
    out: &mut String,
    pack: &Pack,
    a: &Assessment,
    view: &WorkbookView,
    e: &Entry,
    marks: Option<&Since>,
) {
    let id = html(&e.id);
    let verdict = e.verdict.map_or(s("workbook.no_verdict"), |v| s(verdict_key(v)));
    let state = match e.recorded {
        Some(_) => s("workbook.recorded"),
        None => s("workbook.draft"),
    };
    let _ = write!(
        out,
        "<article class=\"wb-entry{}\" id=\"we.{id}\" aria-labelledby=\"we.{id}.h\"><h4 id=\"we.{id}.h\" tabindex=\"-1\"><span class=\"q-number\">{id}</span> {} · {} <span class=\"badge\">{state}</span>{}</h4>",
        if e.recorded.is_some() { " recorded" } else { " draft" },
        verdict,
        html(&crate::core::report::frame::or_dash(&in_words(&e.date))),
        mark::changed(marks, &e.id),
    );
    if !e.supersedes.is_empty() {
        let _ = write!(
            out,
            "<p class=\"hint\">{}</p>",
            fill("workbook.supersedes", &[("id", &html(&e.supersedes))])
        );
    }
    if !e.from.is_empty() {
        let _ = write!(out, "<p class=\"hint\">{}</p>", html(&fill("workbook.from", &[("from", &e.from)])));
    }
    super::link::cited(out, pack, a, view, e);
    if let Some(next) = superseded_by(a, &e.id) {
        let _ = write!(
            out,
            "<p class=\"notice\" role=\"note\">{}</p>",
            fill("workbook.superseded_by", &[("id", &html(&next.id))])
        );
    }
    match e.recorded {
        Some(_) => recorded(out, a, view, e),
        None => draft(out, view, e),
    }
    let _ = pack;
    out.push_str("</article>");
}

/// A recorded entry: read only, but its conditions' status can move on until it is superseded.
fn recorded(out: &mut String, a: &Assessment, view: &WorkbookView, e: &Entry) {
    let rows = [
        ("workbook.e_recorded", e.recorded.map(crate::core::dates::day_in_words).unwrap_or_default()),
        ("workbook.e_by", who(e)),
        ("workbook.e_authority", e.authority.clone()),
        ("workbook.e_rationale", e.rationale.clone()),
        ("workbook.e_evidence", e.evidence.clone()),
        ("workbook.e_dissent", e.dissent.clone()),
        ("workbook.e_review", review(e)),
    ];
    out.push_str("<dl class=\"wb-fields\">");
    for (k, v) in rows {
        let _ = write!(
            out,
            "<dt>{}</dt><dd class=\"r-note\">{}</dd>",
            s(k),
            html(&crate::core::report::frame::or_dash(&v))
        );
    }
    out.push_str("</dl>");
    let current = superseded_by(a, &e.id).is_none();
    conditions(out, e, current, false, &view.today);
    if current && !a.workbook.log.iter().any(|x| x.supersedes == e.id) {
        let mut b = String::new();
        button(&mut b, &Action::Supersede(e.id.clone()), &named(s("workbook.supersede"), &e.id), "secondary");
        let _ =
            write!(out, "<p class=\"actions\">{b}</p><p class=\"hint\">{}</p>", s("workbook.supersede_hint"));
    }
}

/// Who decided, as one line: name, role.
pub fn who(e: &Entry) -> String {
    match (e.by.trim(), e.role.trim()) {
        (b, "") => b.to_string(),
        ("", r) => r.to_string(),
        (b, r) => format!("{b}, {r}"),
    }
}

/// The next review, as one line: the date and the event.
pub fn review(e: &Entry) -> String {
    let event = e.review_event.map(|t| s(trigger_key(t)).to_string()).unwrap_or_default();
    match (e.review_date.as_str(), event.as_str()) {
        (d, "") => in_words(d),
        ("", ev) => ev.to_string(),
        (d, ev) => format!("{} · {ev}", in_words(d)),
    }
}

fn draft(out: &mut String, view: &WorkbookView, e: &Entry) {
    let f = |x| Control::Entry(e.id.clone(), x);
    let mut verdicts = vec![("", s("workbook.no_verdict"))];
    verdicts.extend(Verdict::ALL.iter().map(|v| (v.id(), s(verdict_key(*v)))));
    select(
        out,
        &f(EntryField::Verdict),
        s("workbook.e_verdict"),
        e.verdict.map_or("", Verdict::id),
        &verdicts,
    );
    date_field(out, &f(EntryField::Date), s("workbook.e_date"), &e.date);
    let _ = write!(out, "<div class=\"field-pair\">");
    text_field(out, &f(EntryField::By), s("workbook.e_name"), &e.by, false);
    text_field(out, &f(EntryField::Role), s("workbook.e_role"), &e.role, false);
    out.push_str("</div>");
    text_field(out, &f(EntryField::Authority), s("workbook.e_authority"), &e.authority, false);
    text_field(out, &f(EntryField::Rationale), s("workbook.e_rationale"), &e.rationale, true);
    text_field(out, &f(EntryField::Evidence), s("workbook.e_evidence_hint"), &e.evidence, true);
    text_field(out, &f(EntryField::Dissent), s("workbook.e_dissent"), &e.dissent, true);
    conditions(out, e, true, true, &view.today);
    let mut b = String::new();
    button(
        &mut b,
        &Action::AddCondition(e.id.clone()),
        &named(s("workbook.add_condition"), &e.id),
        "secondary",
    );
    let _ = write!(out, "<p class=\"actions\">{b}</p>");
    date_field(out, &f(EntryField::ReviewDate), s("workbook.e_review_date"), &e.review_date);
    let mut events = vec![("", s("workbook.t_none"))];
    events.extend(Trigger::ALL.iter().map(|t| (t.id(), s(trigger_key(*t)))));
    select(
        out,
        &f(EntryField::ReviewEvent),
        s("workbook.e_review_event"),
        e.review_event.map_or("", Trigger::id),
        &events,
    );
    let mut b = String::new();
    button(&mut b, &Action::Record(e.id.clone()), &named(s("workbook.record"), &e.id), "");
    if view.confirm.as_deref() == Some(e.id.as_str()) {
        let _ =
            write!(out, "<p class=\"actions\">{b}</p><p class=\"hint\">{}</p>", s("workbook.record_hint"));
        let _ = write!(
            out,
            "<div class=\"notice conflict\" role=\"alert\"><p>{}</p><p class=\"actions\">",
            fill("workbook.delete_question", &[("id", &html(&e.id))])
        );
        button(out, &Action::Keep(e.id.clone()), s("workbook.keep"), "");
        button(out, &Action::Delete(e.id.clone()), s("workbook.delete"), "secondary");
        out.push_str("</p></div>");
    } else {
        button(
            &mut b,
            &Action::AskDelete(e.id.clone()),
            &named(s("workbook.delete_draft"), &e.id),
            "secondary",
        );
        let _ =
            write!(out, "<p class=\"actions\">{b}</p><p class=\"hint\">{}</p>", s("workbook.record_hint"));
    }
}

fn date_field(out: &mut String, name: &Control, label: &str, value: &str) {
    let _ = write!(
        out,
        "<p class=\"field\"><label for=\"{n}\">{label}</label><input type=\"date\" id=\"{n}\" name=\"{n}\" value=\"{}\" min=\"{}-01-01\" max=\"{}-12-31\"></p>",
        html(value),
        crate::core::workbook::edit::YEARS.start(),
        crate::core::workbook::edit::YEARS.end(),
        n = html(&name.to_string())
    );
}

/// An entry's conditions: editable in a draft, only their status once recorded (`live`), and
/// nothing once superseded. A live recorded one past its due date on `today` is flagged.
fn conditions(out: &mut String, e: &Entry, live: bool, editable: bool, today: &str) {
    if e.conditions.is_empty() && !editable {
        return;
    }
    let _ = write!(out, "<h5>{}</h5>", s("workbook.conditions"));
    if e.conditions.is_empty() {
        let _ = write!(out, "<p class=\"hint\">{}</p>", s("workbook.no_conditions"));
    }
    out.push_str("<ol class=\"wb-conditions\">");
    for (k, c) in e.conditions.iter().enumerate() {
        let f = |x| Control::Condition(e.id.clone(), k, x);
        let what = fill("workbook.condition_of", &[("n", &(k + 1).to_string()), ("id", &e.id)]);
        let _ = write!(out, "<li><fieldset><legend>{}</legend>", html(&what));
        if editable {
            text_field(out, &f(ConditionField::Text), s("workbook.k_text"), &c.text, true);
            let _ = write!(out, "<div class=\"field-pair\">");
            text_field(out, &f(ConditionField::Owner), s("workbook.k_owner"), &c.owner, false);
            date_field(out, &f(ConditionField::Due), s("workbook.k_due"), &c.due);
            out.push_str("</div>");
        } else {
            let _ = write!(
                out,
                "<p class=\"r-note\">{}</p><p class=\"hint\">{}: {} · {}: {}</p>",
                html(&c.text),
                s("workbook.k_owner"),
                html(&crate::core::report::frame::or_dash(&c.owner)),
                s("workbook.k_due"),
                html(&crate::core::report::frame::or_dash(&in_words(&c.due)))
            );
        }
        if live && !editable && !today.is_empty() && c.overdue(today) {
            let _ = write!(
                out,
                "<p class=\"notice overdue\" role=\"note\"><strong>{}</strong> {}</p>",
                s("workbook.overdue"),
                html(&fill("workbook.k_overdue", &[("due", &in_words(&c.due))]))
            );
        }
        if live {
            let statuses: Vec<(&str, &str)> =
                Status::ALL.iter().map(|x| (x.id(), s(status_key(*x)))).collect();
            select(out, &f(ConditionField::Status), s("workbook.k_status"), c.status.id(), &statuses);
        } else {
            let _ = write!(out, "<p>{}: {}</p>", s("workbook.k_status"), s(status_key(c.status)));
        }
        if editable {
            let mut b = String::new();
            button(
                &mut b,
                &Action::RemoveCondition(e.id.clone(), k),
                &named(s("workbook.remove_condition"), &what),
                "secondary",
            );
            let _ = write!(out, "<p class=\"actions\">{b}</p>");
        }
        out.push_str("</fieldset></li>");
    }
    out.push_str("</ol>");
}
