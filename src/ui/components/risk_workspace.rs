//! The risk tool's profile or register, or the life-cycle workbook: HTML written by the core
//! (`core::report::workspace`, `core::report::workbook`), with one listener for every control in it.
//! The editor's draft is the only copy of the assessment. Each input goes, unparsed, with the draft
//! to the tools module (`core::editor::step`), whose rules turn it into a typed edit applied by the
//! tool's one `apply` to a copy; the draft takes the result, and the drawing that came with it is
//! shown. The first load carries none of the editors' rules.

use crate::browser::system::date_time;
use crate::browser::{controls, page, system::now_ms, tools};
use crate::core::answer_file::read_stored;
use crate::core::assessment::{Assessment, Kind};
use crate::core::editor::{How, Raw};
use crate::core::render::{Request, Written};
use crate::core::report::workspace::{CARDS_ID, CONTENTS_ID};
use crate::core::risk::edit::{Draw, Save};
use crate::core::workbook::edit::Draw as WbDraw;
use crate::core::workbook::link::{LinkSent, Linkable};
use crate::ui::components::rendered::{problem_markup, RETRY};
use crate::ui::components::AnswerSink;
use crate::ui::i18n::t;
use crate::ui::state::use_library;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

pub use crate::core::editor::Editor as Part;

/// What to draw again: a part of the risk tool, or of the workbook.
#[derive(Clone, PartialEq, Eq)]
enum Drawing {
    Risk(Draw),
    Book(WbDraw),
}

/// What an input led to: when to save, what to draw, where focus goes; or the problem and where it
/// can be put right.
type Done = Result<(Option<Save>, Drawing, Option<String>, Option<Written>), (String, Option<String>)>;

#[component]
pub fn RiskWorkspace(
    /// The editor's draft and its save callbacks.
    sink: AnswerSink,
    /// The profile (on the answer view), the register (its own view) or the workbook.
    part: Part,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let problem = RwSignal::new(String::new());
    // Why the last drawing failed, while the view may be out of date.
    let stale = StoredValue::new(false);
    // What this view holds that is not saved (typed reasons, a question asked, the pair compared):
    // the editor's view state, as the tools module returned it.
    let view = StoredValue::new(Value::Null);
    // What the workbook's links need from the library (its risk and readiness assessments, the
    // linked ones as stored), built for the linked ids and sent with every request.
    let library = use_library();
    // The "changed since approval" marks as of the last save: after each save, as the questions'
    // are, and after each drawing (made from the draft, which may be ahead of the last save).
    let marks = move || {
        if let Some(el) = node.get_untracked() {
            sink.since.with_untracked(|s| page::show_marks(&el, |id| s.as_ref().is_some_and(|s| s.has(id))));
        }
    };
    Effect::new(move |_| {
        sink.since.track();
        marks();
    });
    let link = StoredValue::new(([None::<String>, None], Value::Null));
    let linked_ids = move || {
        let id = |l: &Option<crate::core::workbook::Linked>| l.as_ref().map(|l| l.id.clone());
        sink.draft.with_untracked(|d| [id(&d.workbook.linked), id(&d.workbook.readiness)])
    };
    let refresh_link = move || {
        if part != Part::Workbook {
            return;
        }
        let ids = linked_ids();
        let of = |kind: Kind| {
            library.listing.with_untracked(|l| {
                let listed = l.active.iter().filter(|s| s.kind == kind);
                listed.map(|s| Linkable { id: s.id.clone(), title: s.title.clone() }).collect()
            })
        };
        let stored = |k: usize| ids[k].as_deref().and_then(|id| library.raw(id));
        let sent = LinkSent {
            library: of(Kind::Risk),
            stored: stored(0),
            readiness: of(Kind::Readiness),
            readiness_stored: stored(1),
        };
        // Through text, whose writer the app already has: a value writer would add to the first load.
        let value = serde_json::to_string(&sent)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        link.set_value((ids, value));
    };
    // The view state as the tools module gets it: the workbook's with the link in it.
    let view_now = move || -> Value {
        let mut v = view.get_value();
        if part == Part::Workbook {
            v["link"] = link.with_value(|l| l.1.clone());
            v["today"] = Value::String(date_time(now_ms()).chars().take(10).collect());
        }
        v
    };
    let whole = move || match part {
        Part::Workbook => Drawing::Book(WbDraw::All),
        _ => Drawing::Risk(Draw::Register),
    };

    // The request for a drawing, built from the draft as it is now.
    let request = move |draw: &Drawing| -> Request<Assessment> {
        let record = sink.draft.get_untracked();
        match (part, draw) {
            (Part::Workbook, Drawing::Book(WbDraw::Stage(stage))) => {
                Request::WorkbookStage { record, view: view_now(), stage: stage.clone() }
            }
            (Part::Workbook, Drawing::Book(WbDraw::Summary(stage))) => {
                Request::WorkbookSummary { record, stage: stage.clone() }
            }
            (Part::Workbook, _) => Request::Workbook { record, view: view_now() },
            (Part::Profile, _) => Request::Profile { record },
            (Part::Review, _) => Request::Review {
                record,
                view: view.get_value(),
                today: date_time(now_ms()).chars().take(10).collect(),
            },
            (_, Drawing::Risk(Draw::Card(risk))) => {
                Request::Card { record, view: view.get_value(), risk: risk.clone() }
            }
            (_, Drawing::Risk(Draw::Appended(risk))) => {
                Request::Appended { record, view: view.get_value(), risk: risk.clone() }
            }
            (_, Drawing::Risk(Draw::Heading(risk))) => Request::Heading { record, risk: risk.clone() },
            _ => Request::Register { record, view: view.get_value() },
        }
    };
    // Puts a drawing on screen; false when the part it replaces is not there.
    let put = move |draw: &Drawing, drawn: Written, focus: Option<String>| -> bool {
        let Some(el) = node.get_untracked() else { return true };
        let keep = focus.or_else(page::active_id);
        let overview = |contents: &Option<String>| {
            if let (Some(old), Some(new)) =
                (page::element(crate::core::report::workbook::OVERVIEW_ID), contents)
            {
                old.set_outer_html(new);
            }
        };
        match draw {
            // One check in place, its stage's progress line, and the overview of stages.
            Drawing::Book(WbDraw::Check(stage, id)) => {
                match page::element(&format!("wc.{id}")) {
                    Some(old) => old.set_outer_html(&drawn.text),
                    None => return false,
                }
                if let (Some(old), Some(line)) = (page::element(&format!("ws.{stage}.p")), &drawn.changes) {
                    old.set_outer_html(line);
                }
                overview(&drawn.contents);
                if let Some(id) = keep {
                    page::focus_id(&id);
                }
                return true;
            }
            // A stage in place, or its progress line, and the overview of stages.
            Drawing::Book(WbDraw::Stage(id)) | Drawing::Book(WbDraw::Summary(id)) => {
                let target = match draw {
                    Drawing::Book(WbDraw::Stage(_)) => format!("ws.{id}"),
                    _ => format!("ws.{id}.p"),
                };
                match page::element(&target) {
                    Some(old) => old.set_outer_html(&drawn.text),
                    None => return false,
                }
                overview(&drawn.contents);
            }
            // Inside the live region, which stays on the page so the change is announced.
            Drawing::Book(WbDraw::Cited(entry)) => match page::element(&format!("we.{entry}.cited")) {
                Some(old) => old.set_inner_html(&drawn.text),
                None => return false,
            },
            Drawing::Risk(Draw::Card(risk)) => match page::element(&format!("rk.{risk}")) {
                Some(old) => old.set_outer_html(&drawn.text),
                None => return false,
            },
            // The heading in place, and the contents; nothing else moves, focus and caret stay.
            Drawing::Risk(Draw::Heading(risk)) => {
                if let Some(old) = page::element(&format!("rk.{risk}.h")) {
                    old.set_outer_html(&drawn.text);
                }
                if let (Some(list), Some(contents)) = (page::element(CONTENTS_ID), &drawn.contents) {
                    list.set_outer_html(contents);
                }
                return true;
            }
            // A card already on screen is never added twice (ids stay unique).
            Drawing::Risk(Draw::Appended(risk)) => {
                match (page::element(CARDS_ID), page::element(CONTENTS_ID)) {
                    (Some(cards), Some(contents)) if page::element(&format!("rk.{risk}")).is_none() => {
                        if cards.insert_adjacent_html("beforeend", &drawn.text).is_err() {
                            return false;
                        }
                        contents.set_outer_html(drawn.contents.as_deref().unwrap_or_default());
                    }
                    _ => return false,
                }
            }
            _ => el.set_inner_html(&drawn.text),
        }
        if let (Some(changes), Ok(Some(old))) = (drawn.changes, el.query_selector(".changes")) {
            old.set_outer_html(&changes);
        }
        if let Some(id) = keep {
            page::focus_id(&id);
        }
        true
    };
    // A drawing on screen, with the marks as of the last save.
    let show = move |draw: &Drawing, drawn: Written, focus: Option<String>| -> bool {
        let shown = put(draw, drawn, focus);
        marks();
        shown
    };
    // Drawings resume in the order they were asked for (see `browser::tools`), so the last one wins.
    // After a failed one the view would show less than the draft holds: it is replaced by the problem
    // and a "Try again" (again by itself when the browser is back online), which draws the whole view.
    let draw = move |draw: Drawing, focus: Option<String>| {
        let on_screen = |id: &str| page::element(id).is_some();
        let draw = match draw {
            _ if stale.get_value() => whole(),
            Drawing::Risk(Draw::Card(id)) if !on_screen(&format!("rk.{id}")) => whole(),
            Drawing::Risk(Draw::Appended(_)) if !on_screen(CARDS_ID) || !on_screen(CONTENTS_ID) => whole(),
            Drawing::Book(WbDraw::Stage(id)) if !on_screen(&format!("ws.{id}")) => whole(),
            // Asked for on its own (after a failure), a check comes with its whole stage.
            Drawing::Book(WbDraw::Check(stage, _)) => Drawing::Book(WbDraw::Stage(stage)),
            Drawing::Book(WbDraw::Cited(_)) => whole(),
            d => d,
        };
        let asked = tools::render(&request(&draw));
        spawn_local(async move {
            let problem = match asked.await.map(|drawn| show(&draw, drawn, focus)) {
                Ok(true) => {
                    if draw == whole() {
                        stale.set_value(false);
                    }
                    return;
                }
                // What it replaces left the page meanwhile.
                Ok(false) => t("risk.redraw_needed").to_string(),
                Err(e) => e,
            };
            stale.set_value(true);
            if let Some(el) = node.get_untracked() {
                el.set_inner_html(&problem_markup(&problem));
            }
        });
    };
    // Drawn once mounted, and again whenever the whole draft is replaced (another tab, a restore):
    // typed reasons and the snapshot label stay; a question or a comparison may name what is gone.
    Effect::new(move |mounted: Option<bool>| {
        sink.replaced.track();
        // The workbook shows another assessment (the linked one): a change to the library in
        // another tab draws it again too.
        if part == Part::Workbook {
            library.external_change.track();
        }
        if node.get().is_none() {
            return mounted.unwrap_or(false);
        }
        if mounted == Some(true) {
            view.update_value(|v| {
                if let Some(v) = v.as_object_mut() {
                    v.remove("confirm");
                    v.remove("compare");
                }
            });
        }
        refresh_link();
        draw(whole(), None);
        true
    });

    let online = window_event_listener(leptos::ev::online, move |_| {
        if stale.get_value() {
            draw(whole(), None);
        }
    });
    on_cleanup(move || online.remove());

    // Each input goes to the tools module with the draft, at once: the editor's controls exist only
    // once that module has drawn them. Its rules apply the edit to a copy (`core::editor::step`),
    // and the draft takes the result.
    let apply = move |raw: Raw| -> Done {
        let now = now_ms();
        let today: String = date_time(now).chars().take(10).collect();
        let odd = |e: String| (e, None);
        let record = sink.draft.get_untracked();
        let request = Request::Edit { editor: part, record, view: view_now(), input: raw, today, now };
        let written = tools::render_now(&request).unwrap_or_else(|| Err(t("risk.redraw_needed").to_string()));
        let v: Value = serde_json::from_str(&written.map_err(odd)?.text).map_err(|e| odd(e.to_string()))?;
        let text = |k: &str| v[k].as_str().map(String::from);
        if let Some(problem) = text("problem") {
            return Err((problem, text("focus")));
        }
        if !v["record"].is_null() {
            let next = read_stored(v["record"].clone()).map_err(odd)?;
            sink.draft.update_untracked(|d| *d = next);
        }
        view.set_value(v["view"].clone());
        let save = v["save"].as_str().map(|s| if s == "now" { Save::Now } else { Save::Soon });
        let wire = text("draw").unwrap_or_default();
        let drawing = match part {
            Part::Workbook => Drawing::Book(WbDraw::from_wire(&wire).unwrap_or(WbDraw::Nothing)),
            _ => Drawing::Risk(Draw::from_wire(&wire).unwrap_or(Draw::Nothing)),
        };
        // The drawing came with the edit, made from the same record.
        let drawn = text("html").map(|html| Written {
            text: html,
            changes: text("changes"),
            contents: text("contents"),
        });
        Ok((save, drawing, text("focus"), drawn))
    };
    let on_input = move |raw: Raw| {
        let typing = matches!(raw.how, How::Typed | How::Left);
        let chosen = raw.how == How::Chosen;
        let (save, mut drawing, focus, mut drawn) = match apply(raw) {
            Ok(done) => done,
            Err((text, focus)) => {
                problem.set(text);
                // A box ticked or an option chosen that was refused shows again as the draft has it.
                if chosen {
                    draw(whole(), focus);
                } else if let Some(f) = focus {
                    page::reveal(&f);
                }
                return;
            }
        };
        if !problem.with_untracked(String::is_empty) {
            problem.set(String::new());
        }
        // Another risk assessment linked (or none): drawn again with what the library holds of it.
        if part == Part::Workbook && link.with_value(|l| l.0 != linked_ids()) {
            refresh_link();
            (drawing, drawn) = (whole(), None);
        }
        if let Some(save) = save {
            sink.schedule.run(());
            if save == Save::Now && !typing {
                sink.flush.run(());
            }
            // The profile decides which screening questions are asked.
            if part == Part::Profile {
                sink.answered.notify();
            }
        }
        match drawing {
            Drawing::Risk(Draw::Nothing) | Drawing::Book(WbDraw::Nothing) => {
                if let Some(f) = focus {
                    page::reveal(&f);
                }
            }
            // Shown at once when it came with the edit and its place is on the page; asked for
            // again (the whole view, after a failure) otherwise.
            d => {
                let shown = match drawn {
                    Some(w) if !stale.get_value() => show(&d, w, focus.clone()),
                    _ => false,
                };
                if !shown {
                    draw(d, focus);
                }
            }
        }
    };
    let edit = move |ev: leptos::ev::Event, on_change: bool| {
        // A field left by leaving the view fires `change` as the view goes away: the editor's
        // cleanup has saved what was typed, and this view's values are gone.
        if stale.try_get_value().is_none() {
            return;
        }
        let Some(c) = controls::control(&ev) else { return };
        // Text: applied on each keystroke, saved at once when the field is left (which may draw a
        // heading or a stage's progress again). Choices: on change.
        let how = match (c.typing, on_change) {
            (true, true) => {
                sink.flush.run(());
                How::Left
            }
            (true, false) => How::Typed,
            (false, true) => How::Chosen,
            (false, false) => return,
        };
        on_input(Raw { name: c.name, value: c.value, checked: c.checked, how });
    };
    view! {
        <p class="notice problem" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        <div
            class="risk-workspace"
            node_ref=node
            on:input=move |ev| edit(ev, false)
            on:change=move |ev| edit(ev, true)
            on:click=move |ev| {
                if let Some(act) = controls::action(&ev) {
                    if act == RETRY {
                        return draw(whole(), None);
                    }
                    on_input(Raw { name: act, value: String::new(), checked: false, how: How::Clicked });
                }
            }
        ></div>
    }
}
