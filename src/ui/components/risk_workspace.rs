//! The risk tool's profile or register: HTML written by `core::risk::workspace` (through
//! `browser::tools`), with one listener for every control in it. Each edit goes to its `apply`; the
//! HTML is drawn again only when what is shown changed (a choice, a button), and focus goes back to the
//! control used, or to where the edit leads (a new risk's title).

use crate::browser::{controls, page, system::now_ms, tools};
use crate::core::answer_file::read_stored;
use crate::ui::components::AnswerSink;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Which part of the risk tool to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Profile,
    Register,
}

impl Part {
    fn id(self) -> &'static str {
        match self {
            Part::Profile => "profile",
            Part::Register => "register",
        }
    }
}

#[component]
pub fn RiskWorkspace(sink: AnswerSink, part: Part) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let problem = RwSignal::new(String::new());
    let record = move || sink.draft.with_untracked(|d| serde_json::to_string(d).unwrap_or_default());
    // The whole view, or one risk's card (`card`) in place.
    let show = move |html: &str, focus: Option<String>, card: Option<&str>, changes: Option<&str>| {
        let Some(el) = node.get_untracked() else { return true };
        let keep = focus.or_else(page::active_id);
        match card {
            // The card in place; a card that is not on screen is never drawn as the whole view.
            Some(id) => match page::element(&format!("rk.{id}")) {
                Some(old) => old.set_outer_html(html),
                None => return false,
            },
            None => el.set_inner_html(html),
        }
        if let Some(changes) = changes {
            if let Ok(Some(old)) = el.query_selector(".changes") {
                old.set_outer_html(changes);
            }
        }
        if let Some(id) = keep {
            page::focus_id(&id);
        }
        true
    };
    let draw = move || {
        spawn_local(async move {
            match tools::render(part.id(), vec![record()]).await {
                Ok(html) => {
                    problem.set(String::new());
                    show(&html, None, None, None);
                }
                Err(e) => problem.set(e),
            }
        });
    };
    tools::reset();
    // Drawn once mounted, and again whenever the whole draft is replaced (another tab, a restore).
    Effect::new(move |_| {
        sink.replaced.track();
        if node.get().is_some() {
            draw();
        }
    });
    let handle = move |name: String, value: String, checked: bool, click: bool, typing: bool| {
        spawn_local(async move {
            // Read when the task runs, so each edit applies to the result of the one before.
            let args = vec![
                record(),
                name,
                value,
                checked.to_string(),
                click.to_string(),
                now_ms().to_string(),
                part.id().to_string(),
            ];
            let out = match tools::render("apply", args).await {
                Ok(out) => out,
                Err(e) => return problem.set(e),
            };
            let Ok(out) = serde_json::from_str::<serde_json::Value>(&out) else { return };
            let record = out.get("record").filter(|r| !r.is_null()).map(read_stored);
            // An edit the checks refuse (a text beyond the limits) is not kept: say so.
            if let Some(Err(e)) = &record {
                problem.set(e.clone());
            }
            if let Some(Ok(a)) = record {
                problem.set(String::new());
                // Keep what the editor owns (revision, time of the last save); take the edit.
                sink.draft.update_untracked(|d| {
                    d.answers = a.answers;
                    d.risk = a.risk;
                });
                sink.schedule.run(());
                if !typing {
                    sink.flush.run(());
                }
                // The profile decides which screening questions are asked.
                if part == Part::Profile {
                    sink.answered.notify();
                }
            }
            let focus = out.get("focus").and_then(|f| f.as_str()).map(String::from);
            match out.get("html").and_then(|h| h.as_str()) {
                Some(html) => {
                    let card = out.get("card").and_then(|c| c.as_str());
                    if !show(html, focus, card, out.get("changes").and_then(|c| c.as_str())) {
                        draw();
                    }
                }
                None => {
                    if let Some(id) = focus {
                        page::reveal(&id);
                    }
                }
            }
        });
    };
    let edit = move |ev: leptos::ev::Event, on_change: bool| {
        let Some(c) = controls::control(&ev) else { return };
        // Text: applied on each keystroke, saved at once when the field is left. Choices: on change.
        if c.typing && on_change {
            sink.flush.run(());
            return;
        }
        if c.typing == on_change {
            return;
        }
        handle(c.name, c.value, c.checked, false, c.typing);
    };
    view! {
        <p class="notice problem" role="alert" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
        <div
            class="risk-workspace"
            node_ref=node
            on:input=move |ev| edit(ev, false)
            on:change=move |ev| edit(ev, true)
            on:click=move |ev| {
                if let Some((name, value)) = controls::action(&ev) {
                    handle(name, value, false, true, false);
                }
            }
        ></div>
    }
}
