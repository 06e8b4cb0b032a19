//! The risk tool's profile or register: HTML written by `core::risk::workspace`, with one listener
//! for every control in it. Each edit goes to `workspace::apply`; the HTML is drawn again only when
//! what is shown changed (a choice, a button), and focus goes back to the control used.

use crate::browser::{controls, page, system::now_ms};
use crate::core::content::pack;
use crate::core::risk::workspace::{self, Event, Outcome, ViewState};
use crate::ui::components::AnswerSink;
use leptos::prelude::*;

/// Which part of the risk tool to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Profile,
    Register,
}

#[component]
pub fn RiskWorkspace(sink: AnswerSink, part: Part) -> impl IntoView {
    let view_state = StoredValue::new(ViewState::default());
    let node = NodeRef::<leptos::html::Div>::new();
    let draw = move |focus: Option<String>| {
        let Some(el) = node.get_untracked() else { return };
        let keep = focus.or_else(page::active_id);
        let html = sink.draft.with_untracked(|d| {
            view_state.with_value(|v| match part {
                Part::Profile => workspace::profile_html(pack(), &d.answers),
                Part::Register => workspace::register_html(pack(), d, v),
            })
        });
        el.set_inner_html(&html);
        if let Some(id) = keep {
            page::focus_id(&id);
        }
    };
    // Drawn once mounted, and again whenever the whole draft is replaced (another tab, a restore).
    Effect::new(move |_| {
        sink.replaced.track();
        if node.get().is_some() {
            draw(None);
        }
    });
    let handle = move |event: Event, typing: bool| {
        let mut outcome = Outcome::default();
        sink.draft.update_untracked(|d| {
            view_state.update_value(|v| outcome = workspace::apply(pack(), d, v, &event, now_ms()));
        });
        if outcome.changed {
            sink.schedule.run(());
            if !typing {
                sink.flush.run(());
            }
            // The profile decides which screening questions are asked.
            if part == Part::Profile {
                sink.answered.notify();
            }
        }
        if outcome.redraw {
            draw(outcome.focus);
        } else if let Some(id) = outcome.focus {
            page::reveal(&id);
        }
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
        handle(Event { name: c.name, value: c.value, checked: c.checked, click: false }, c.typing);
    };
    view! {
        <div
            class="risk-workspace"
            node_ref=node
            on:input=move |ev| edit(ev, false)
            on:change=move |ev| edit(ev, true)
            on:click=move |ev| {
                if let Some((name, value)) = controls::action(&ev) {
                    handle(Event { name, value, checked: false, click: true }, false);
                }
            }
        ></div>
    }
}
