//! The risk tool's profile or register: HTML written by `core::report::workspace` (through
//! `browser::tools`), with one listener for every control in it. The editor's draft is the only copy
//! of the assessment: each input is read as a typed control (`risk::control`), turned into an edit or
//! a change of this view (`risk::event`), and the edit applied to the draft at once
//! (`risk::edit::apply`). Only drawing waits for the tools module; it never writes the draft.

use crate::browser::{controls, page, system::now_ms, tools};
use crate::core::assessment::Assessment;
use crate::core::content::pack;
use crate::core::render::{Request, Written};
use crate::core::report::workspace::{CARDS_ID, CONTENTS_ID};
use crate::core::risk::control::{Action, Control, Focus, RiskField};
use crate::core::risk::edit::{Draw, Save};
use crate::core::risk::event::{handle, Input};
use crate::core::risk::view::ViewState;
use crate::ui::components::rendered::{problem_markup, RETRY};
use crate::ui::components::AnswerSink;
use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Which part of the risk tool to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Profile,
    Register,
}

/// The profile form or the register view of the draft in `sink`, kept in step with every edit.
#[component]
pub fn RiskWorkspace(
    /// The editor's draft and its save callbacks.
    sink: AnswerSink,
    /// The profile (on the answer view) or the register (its own view).
    part: Part,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let problem = RwSignal::new(String::new());
    // Why the last drawing failed, while the view may be out of date.
    let stale = StoredValue::new(false);
    // What this view holds that is not saved: typed reasons, a question asked, the pair compared.
    let view = StoredValue::new(ViewState::default());

    // The request for a drawing, built from the draft as it is now.
    let request = move |draw: &Draw| -> Request<Assessment> {
        let (record, view) = (sink.draft.get_untracked(), view.get_value());
        match (part, draw) {
            (Part::Profile, _) => Request::Profile { record },
            (_, Draw::Card(risk)) => Request::Card { record, view, risk: risk.clone() },
            (_, Draw::Appended(risk)) => Request::Appended { record, view, risk: risk.clone() },
            (_, Draw::Heading(risk)) => Request::Heading { record, risk: risk.clone() },
            _ => Request::Register { record, view },
        }
    };
    // Puts a drawing on screen; false when the part it replaces is not there.
    let show = move |draw: &Draw, drawn: Written, focus: Option<String>| -> bool {
        let Some(el) = node.get_untracked() else { return true };
        let keep = focus.or_else(page::active_id);
        match draw {
            Draw::Card(risk) => match page::element(&format!("rk.{risk}")) {
                Some(old) => old.set_outer_html(&drawn.text),
                None => return false,
            },
            // The heading in place, and the contents; nothing else moves, focus and caret stay.
            Draw::Heading(risk) => {
                if let Some(old) = page::element(&format!("rk.{risk}.h")) {
                    old.set_outer_html(&drawn.text);
                }
                if let (Some(list), Some(contents)) = (page::element(CONTENTS_ID), &drawn.contents) {
                    list.set_outer_html(contents);
                }
                return true;
            }
            // A card already on screen is never added twice (ids stay unique).
            Draw::Appended(risk) => match (page::element(CARDS_ID), page::element(CONTENTS_ID)) {
                (Some(cards), Some(contents)) if page::element(&format!("rk.{risk}")).is_none() => {
                    if cards.insert_adjacent_html("beforeend", &drawn.text).is_err() {
                        return false;
                    }
                    contents.set_outer_html(drawn.contents.as_deref().unwrap_or_default());
                }
                _ => return false,
            },
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
    // Drawings resume in the order they were asked for (see `browser::tools`), so the last one wins.
    // After a failed one the view would show less than the draft holds: it is replaced by the problem
    // and a "Try again" (again by itself when the browser is back online), which draws the whole view.
    let draw = move |draw: Draw, focus: Option<String>| {
        let on_screen = |id: &str| page::element(id).is_some();
        let draw = match draw {
            _ if stale.get_value() => Draw::Register,
            Draw::Card(id) if !on_screen(&format!("rk.{id}")) => Draw::Register,
            Draw::Appended(_) if !on_screen(CARDS_ID) || !on_screen(CONTENTS_ID) => Draw::Register,
            d => d,
        };
        let asked = tools::render(&request(&draw));
        spawn_local(async move {
            let problem = match asked.await.map(|drawn| show(&draw, drawn, focus)) {
                Ok(true) => {
                    if matches!(draw, Draw::Register | Draw::Profile) {
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
        if node.get().is_none() {
            return mounted.unwrap_or(false);
        }
        if mounted == Some(true) {
            view.update_value(|v| {
                v.confirm = None;
                v.compare = Default::default();
            });
        }
        draw(Draw::Register, None);
        true
    });
    let online = window_event_listener(leptos::ev::online, move |_| {
        if stale.get_value() {
            draw(Draw::Register, None);
        }
    });
    on_cleanup(move || online.remove());

    let on_input = move |input: Input, typing: bool| {
        let mut result = None;
        sink.draft.update_untracked(|d| {
            result = view.try_update_value(|v| handle(pack(), d, v, input, now_ms()));
        });
        let outcome = match result {
            Some(Ok(outcome)) => outcome,
            Some(Err(refusal)) => {
                problem.set(refusal.problem.to_string());
                if let Some(f) = refusal.focus {
                    page::reveal(&f.to_string());
                }
                return;
            }
            None => return,
        };
        if !problem.with_untracked(String::is_empty) {
            problem.set(String::new());
        }
        if let Some(save) = outcome.save {
            sink.schedule.run(());
            if save == Save::Now && !typing {
                sink.flush.run(());
            }
            // The profile decides which screening questions are asked.
            if part == Part::Profile {
                sink.answered.notify();
            }
        }
        match outcome.draw {
            Draw::Nothing => {
                if let Some(f) = outcome.focus {
                    page::reveal(&f.to_string());
                }
            }
            d => draw(d, outcome.focus.as_ref().map(Focus::to_string)),
        }
    };
    let edit = move |ev: leptos::ev::Event, on_change: bool| {
        let Some(c) = controls::control(&ev) else { return };
        // Text: applied on each keystroke, saved at once when the field is left. Choices: on change.
        if c.typing && on_change {
            sink.flush.run(());
            // A title left: its card's heading and the register's contents show it now.
            if let Ok(Control::Risk(id, RiskField::Title)) = c.name.parse::<Control>() {
                draw(Draw::Heading(id), None);
            }
            return;
        }
        if c.typing == on_change {
            return;
        }
        match c.name.parse::<Control>() {
            Ok(control) => on_input(Input::Changed { control, value: c.value, checked: c.checked }, c.typing),
            Err(e) => problem.set(e.to_string()),
        }
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
                        return draw(Draw::Register, None);
                    }
                    match act.parse::<Action>() {
                        Ok(action) => on_input(Input::Clicked(action), false),
                        Err(e) => problem.set(e.to_string()),
                    }
                }
            }
        ></div>
    }
}
