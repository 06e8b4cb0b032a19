//! The questionnaire engine's view: renders any `core::questionnaire::Form` over an assessment draft.
//!
//! Fine-grained on purpose: an answer lives in the draft, each item reads its own answer through a memo,
//! and a trigger fires only when answers change, so choosing an answer re-renders one item and the
//! progress figures, and typing a note touches nothing but its field and the save timer.

use crate::browser::page;
use crate::core::assessment::{Answer, Assessment};
use crate::core::questionnaire::{is_answered, Form, Item};
use crate::core::review::since::Since;
use crate::core::risk;
use crate::ui::components::{changed_mark, PrincipleTags};
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::collections::BTreeSet;
use std::time::Duration;

/// What the questionnaire needs from the editor that owns the draft.
#[derive(Clone, Copy)]
pub struct AnswerSink {
    pub draft: RwSignal<Assessment>,
    /// Fires after an answer changes here (for what sums up or depends on answers; each item has its own).
    pub answered: Trigger,
    /// Fires when the whole draft was replaced (another tab's version, a restore): re-read everything.
    pub replaced: Trigger,
    /// Save soon (typing), saying "Saving…" meanwhile.
    pub schedule: Callback<()>,
    /// Unsaved now, saved soon, without saying so (a choice, saved once painted: one status change).
    pub unsaved: Callback<()>,
    /// Save now (leaving a field; a choice, once painted).
    pub flush: Callback<()>,
    /// What differs from the latest approved version, as of the last save.
    pub since: RwSignal<Option<Since>>,
}

/// All sections and items of `form`, with progress, a jump to the next unanswered item and a filter.
#[component]
pub fn Questionnaire(form: &'static Form, sink: AnswerSink) -> impl IntoView {
    let progress = Memo::new(move |_| {
        sink.answered.track();
        sink.replaced.track();
        sink.draft.with_untracked(|d| form.progress(&d.answers))
    });
    // Answered when the filter was turned on: hidden until shown again, unless cleared meanwhile.
    let hidden_set = RwSignal::new(None::<BTreeSet<&'static str>>);
    let last_focused = StoredValue::new(None::<&'static str>);
    let notice = RwSignal::new(String::new());
    // The first screen of items is drawn with the view; the rest a slice per task after it, so that
    // opening a long questionnaire never holds the page for long (300 questions took one task of
    // 0.4-0.5 s). Built and mounted by hand rather than by a reactive flag per item: the same item
    // code either way, and 0.5 KB less in the first load (measured).
    let mut rest = Vec::new();
    let mut budget = FIRST_SLICE;
    let first_screen: Vec<&'static [Item]> = form
        .sections
        .iter()
        .map(|s| {
            let (now, later) = s.items.split_at(budget.min(s.items.len()));
            budget -= now.len();
            rest.extend(later.chunks(SLICE).map(|c| (s.id, c)));
            now
        })
        .collect();
    let slices = Slices {
        busy: RwSignal::new(!rest.is_empty()),
        pending: StoredValue::new(rest),
        drawn: StoredValue::new_local(Drawn(Vec::new())),
        // Items drawn later belong to this view, as those drawn with it do.
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
        item: (sink, hidden_set, last_focused),
    };
    let busy = slices.busy;
    // After the first screen is painted: a slice drawn by a task queued now ran before that paint
    // (10-14 ms of script and the layout of 12 more questions in the frame after the click). In a
    // hidden tab, which paints nothing, the rest waits until the tab is shown (`aria-busy` meanwhile).
    request_animation_frame(move || draw_rest(slices));
    // Printing shows every question, drawn or not yet.
    let printing = window_event_listener_untyped("beforeprint", move |_| _ = slices.draw(Until::All));
    on_cleanup(move || printing.remove());

    let overall = move || {
        progress.with(|(_, all)| {
            t_with(
                "questions.progress_overall",
                &[
                    ("answered", &all.answered.to_string()),
                    ("total", &all.total.to_string()),
                    ("percent", &all.percent().to_string()),
                ],
            )
        })
    };
    let next = move |_| {
        let target =
            sink.draft.with_untracked(|d| form.next_unanswered(&d.answers, last_focused.get_value()));
        match target {
            Some(id) => {
                notice.set(String::new());
                last_focused.set_value(Some(id));
                // Drawn now if not yet, with everything before it.
                slices.draw(Until::Item(id));
                page::reveal(&format!("q-{id}-0"));
            }
            None => {
                // Emptied first, so that pressing again announces the message again.
                notice.set(String::new());
                set_timeout(
                    move || notice.set(t("questions.all_answered").to_string()),
                    Duration::from_millis(100),
                );
            }
        }
    };
    let toggle_filter = move |ev| {
        let on = event_target_checked(&ev);
        hidden_set.set(on.then(|| {
            sink.draft.with_untracked(|d| {
                crate::core::sort::set(form.items().map(|i| i.id).filter(|id| is_answered(&d.answers, id)))
            })
        }));
    };

    let contents = form
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let count = move || progress.with(|(per, _)| format!("{}/{}", per[i].answered, per[i].total));
            // The sections before it and its own items drawn first, so the heading stays where it lands.
            let jump = move |_| {
                slices.draw(Until::Section(s.id));
                page::reveal(&format!("s-{}", s.id));
            };
            view! {
                <li>
                    <button type="button" class="link-button" on:click=jump>
                        {s.id} " " {s.title}
                    </button>
                    " "
                    <span class="q-count">{count}</span>
                </li>
            }
        })
        .collect_view();

    let sections = form
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let heading = format!("s-{}", s.id);
            let labelled_by = heading.clone();
            let count = move || {
                progress.with(|(per, _)| {
                    t_with(
                        "questions.progress",
                        &[("answered", &per[i].answered.to_string()), ("total", &per[i].total.to_string())],
                    )
                })
            };
            let items = slice(first_screen[i], sink, hidden_set, last_focused);
            view! {
                <section class="q-section" aria-labelledby=labelled_by>
                    <h2 id=heading tabindex="-1">{s.id} " " {s.title}</h2>
                    <p class="q-section-progress">{count}</p>
                    <p class="hint">{s.intro}</p>
                    {items}
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="q-toolbar">
            <p class="q-overall" role="status">
                <label for="q-progress">{overall}</label>
            </p>
            <progress id="q-progress" max=move || progress.with(|(_, a)| a.total) value=move || progress.with(|(_, a)| a.answered)></progress>
            <p class="actions">
                <button type="button" class="button small" on:click=next>{t("questions.next_unanswered")}</button>
                <label class="check">
                    <input type="checkbox" on:change=toggle_filter aria-describedby="q-filter-hint"/>
                    " " {t("questions.unanswered_only")}
                </label>
            </p>
            <p class="q-notice" role="status">{move || notice.get()}</p>
        </div>
        <p class="hint" id="q-filter-hint">{t("questions.unanswered_only_hint")}</p>
        <nav class="q-contents" aria-label=form.contents>
            <ol>{contents}</ol>
        </nav>
        <div class="q-sections" aria-busy=move || busy.get().then_some("true")>{sections}</div>
    }
}

/// Items drawn with the questionnaire: a screen's worth on a desktop and more on a phone (a question is
/// 300-500 px tall). 6, not 12: less to build and lay out before the first paint (measured together
/// with the rest waiting for that paint: the first question 95-111 ms after the click before, 78-90).
const FIRST_SLICE: usize = 6;
/// Items drawn per task after that: each task well under 50 ms at 300 questions. 12, not 24: a slice is
/// also a block laid out at once when scrolled to, and with 24 a merged assessment's first question
/// showed later (850-920 ms after the click in the bench, against 470-520).
const SLICE: usize = 12;
/// Some items of a section, as the view draws them and as the later slices do: in a block the browser
/// skips laying out while it is far from the screen (`style/questions.css`). One block a slice, not
/// one an item: Chrome's form autofill reads every field's box a moment after fields are added, which
/// lays out each skipped block apart (with one an item, opening a merged assessment of 300 questions
/// had a task of 370 ms without script; with one a slice of 12, two of 100-135 ms), and a choice
/// redraws less (a slice reached for the first time is laid out whole, though).
fn slice(
    items: &'static [Item],
    sink: AnswerSink,
    hidden_set: RwSignal<Option<BTreeSet<&'static str>>>,
    last_focused: StoredValue<Option<&'static str>>,
) -> impl IntoView {
    let items = items
        .iter()
        .map(|item| view! { <QuestionItem item=item sink=sink hidden_set=hidden_set last_focused=last_focused/> })
        .collect_view();
    view! { <div class="q-slice">{items}</div> }
}

/// What an item needs from the questionnaire.
type ItemContext = (AnswerSink, RwSignal<Option<BTreeSet<&'static str>>>, StoredValue<Option<&'static str>>);

/// How far a call to [`Slices::draw`] goes.
#[derive(Clone, Copy)]
enum Until {
    /// About one slice's worth: one task's work.
    Slice,
    /// Up to and including this item.
    Item(&'static str),
    /// Up to the end of this section.
    Section(&'static str),
    /// Everything.
    All,
}

/// Items drawn by hand; taken out of the page when the view goes, since Leptos does not know them
/// (the next assessment's view can reuse these sections in place).
struct Drawn(Vec<Box<dyn Mountable>>);

impl Drop for Drawn {
    fn drop(&mut self) {
        self.0.iter_mut().for_each(|d| d.unmount());
    }
}

/// The items not drawn with the view, and those drawn since (kept until the view goes, which drops
/// them and so their effects).
#[derive(Clone, Copy)]
struct Slices {
    /// Items are still to be drawn: `aria-busy` on the list.
    busy: RwSignal<bool>,
    pending: StoredValue<Vec<(&'static str, &'static [Item])>>,
    drawn: StoredValue<Drawn, LocalStorage>,
    owner: StoredValue<Owner>,
    item: ItemContext,
}

impl Slices {
    /// Draws slices in page order as far as `until` says; false once nothing is left or the view
    /// has gone.
    #[inline(never)]
    fn draw(&self, until: Until) -> bool {
        let (sink, hidden_set, last_focused) = self.item;
        // Nothing to do for an item or section drawn already (and so everything before it).
        let pending = self.pending.try_with_value(|p| match until {
            Until::Item(id) => p.iter().any(|(_, items)| items.iter().any(|i| i.id == id)),
            Until::Section(id) => p.iter().any(|(s, _)| *s == id),
            Until::Slice | Until::All => true,
        });
        if pending != Some(true) {
            return pending.is_some();
        }
        let mut count = 0;
        loop {
            // `None` when the view has gone; `Some(None)` when everything is drawn.
            let Some(next) = self.pending.try_with_value(|p| p.first().copied()) else {
                return false;
            };
            let Some((section, items)) = next else {
                self.busy.set(false);
                return false;
            };
            // Not in the page yet: the next task tries again.
            let Some(parent) = page::element(&format!("s-{section}")).and_then(|h| h.parent_element()) else {
                return true;
            };
            self.pending.update_value(|p| _ = p.remove(0));
            let owner = self.owner.get_value();
            let mut state = owner.with(|| slice(items, sink, hidden_set, last_focused).build());
            state.mount(&parent, None);
            self.drawn.update_value(|d| d.0.push(Box::new(state)));
            count += items.len();
            let next_section = self.pending.with_value(|p| p.first().map(|(s, _)| *s));
            let done = match until {
                Until::Slice => count >= SLICE,
                Until::Item(id) => items.iter().any(|i| i.id == id),
                Until::Section(id) => section == id && next_section != Some(id),
                Until::All => false,
            };
            if done {
                if next_section.is_none() {
                    self.busy.set(false);
                }
                return next_section.is_some();
            }
        }
    }
}

/// Draws the rest a slice per task until nothing is left or the view has gone.
fn draw_rest(slices: Slices) {
    set_timeout(
        move || {
            if slices.draw(Until::Slice) {
                draw_rest(slices);
            }
        },
        Duration::ZERO,
    );
}

/// One item: its number and text, its choices as a radio group (arrow keys move inside it, Tab leaves
/// it), a clear button, why it matters with its principles on demand, and a notes field (on demand when
/// there is no note).
#[component]
fn QuestionItem(
    item: &'static Item,
    sink: AnswerSink,
    hidden_set: RwSignal<Option<BTreeSet<&'static str>>>,
    last_focused: StoredValue<Option<&'static str>>,
) -> impl IntoView {
    let id = item.id;
    let dom = format!("q-{id}");
    // Its own trigger, not the questionnaire's: a choice re-checks this item alone. With every item
    // watching every choice, a choice at 300 questions took 6-7 ms of handling before its frame.
    let changed = Trigger::new();
    let answer = Memo::new(move |_| {
        changed.track();
        sink.replaced.track();
        sink.draft.with_untracked(|d| d.answers.get(id).cloned())
    });
    // Not a memo: typing changes the draft untracked, so a memo's cached text would go stale and a
    // replaced draft with the same note as before would not reach the field.
    let note = move || {
        sink.replaced.track();
        sink.draft.with_untracked(|d| d.notes.get(id).cloned().unwrap_or_default())
    };
    let set = move |value: Option<Answer>| {
        sink.draft.update_untracked(|d| {
            match value {
                Some(a) => d.answers.insert(id.to_string(), a),
                None => d.answers.remove(id),
            };
        });
        changed.notify();
        sink.answered.notify();
        // Saved right after the choice is painted (the whole record written and read back, and the
        // status line redrawn once, need not delay that frame); in a hidden tab, which paints no
        // frame, by the save delay. Leaving before then saves on the way out (the editor's cleanup,
        // `pagehide`); `try_run`, as the editor may be gone by then.
        sink.unsaved.run(());
        request_animation_frame(move || {
            set_timeout(move || _ = sink.flush.try_run(()), Duration::ZERO);
        });
    };
    // Only items with conditions (risk screening) can be hidden by the profile.
    let conditional = !item.show_if.is_empty();
    let asked = Memo::new(move |_| {
        conditional.then(|| {
            sink.answered.track();
            sink.replaced.track();
            sink.draft.with_untracked(|d| {
                risk::holds(item.show_if, &risk::effective_profile(crate::core::content::pack(), &d.answers))
            })
        })
    });
    let hidden = move || {
        asked.get() == Some(false)
            || hidden_set.with(|h| h.as_ref().is_some_and(|h| h.contains(id))) && answer.with(|a| a.is_some())
    };
    let choices = item
        .choices
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let input = format!("{dom}-{k}");
            let mine = c.answer.clone();
            let chosen = c.answer.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=input.clone()
                        name=dom.clone()
                        value=c.value()
                        prop:checked=move || answer.with(|a| a.as_ref() == Some(&mine))
                        on:change=move |_| set(Some(chosen.clone()))
                    />
                    <label for=input>
                        <span class="choice-label">{c.label.as_str()}</span>
                        // Read as two sentences ("No. Proposes a risk…"), not run together.
                        {(!c.detail.is_empty()).then(|| view! {
                            <span class="visually-hidden">". "</span>
                            <span class="choice-detail">{c.detail}</span>
                        })}
                    </label>
                </div>
            }
        })
        .collect_view();
    // Once drawn, the field stays while the view is open, even emptied; a replaced draft with a note
    // draws it too.
    let asked_for = RwSignal::new(false);
    let has_note = Memo::new(move |_| {
        sink.replaced.track();
        sink.draft.with_untracked(|d| d.notes.contains_key(id))
    });
    let has_field = Memo::new(move |drawn: Option<&bool>| {
        drawn.copied().unwrap_or(false) || asked_for.get() || has_note.get()
    });
    let principles: Vec<&'static str> = item.principles.iter().map(|p| p.as_ref()).collect();
    view! {
        <fieldset
            class="question"
            id=dom.clone()
            class:answered=move || answer.with(|a| a.as_ref().is_some_and(Answer::is_given))
            hidden=hidden
            on:focusin=move |_| last_focused.set_value(Some(id))
        >
            <legend>
                <span class="q-number">{id}</span>
                " "
                <span class="q-text">{item.text}</span>
                {changed_mark(sink.since, id)}
            </legend>
            <div class="choices">{choices}</div>
            <p class="q-actions">
                <button
                    type="button"
                    class="button small secondary"
                    hidden=move || answer.with(Option::is_none)
                    on:click=move |_| {
                        set(None);
                        // The button hides itself: keep focus in the question, on its first choice.
                        page::reveal(&format!("q-{id}-0"));
                    }
                >
                    {t("questions.clear")}
                    <span class="visually-hidden">" " {id}</span>
                </button>
            </p>
            {(!item.who.is_empty()).then(|| view! { <p class="q-who">{t("questions.who")} " " {item.who}</p> })}
            <div class="q-principles">
                <span class="visually-hidden">{t("questions.principles")} " " {id}</span>
                <PrincipleTags ids=principles/>
            </div>
            <details class="q-why">
                <summary>{t("questions.why")}<span class="visually-hidden">" " {id}</span></summary>
                <p>{item.why}</p>
            </details>
            // The field is drawn when there is a note or when asked for: with a field for each of 300
            // questions, Chrome's autofill read every field's box in one task of 100-230 ms as the
            // questionnaire filled in.
            <p class="q-add-notes" hidden=has_field>
                <button type="button" class="button small secondary" on:click=move |_| {
                    asked_for.set(true);
                    // The button hides itself: focus goes to the field once it is drawn.
                    request_animation_frame(move || page::focus_id(&format!("n-{id}")));
                }>
                    {t("questions.add_notes")}
                    <span class="visually-hidden">" " {id}</span>
                </button>
            </p>
            {move || has_field.get().then(|| view! {
                <p class="field q-notes">
                    <label for=format!("n-{id}")>
                        {t("questions.notes")}
                        <span class="visually-hidden">" " {id}</span>
                    </label>
                    <textarea
                        id=format!("n-{id}")
                        rows="2"
                        prop:value=note
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            sink.draft.update_untracked(|d| {
                                if text.is_empty() {
                                    d.notes.remove(id);
                                } else {
                                    d.notes.insert(id.to_string(), text);
                                }
                            });
                            sink.schedule.run(());
                        }
                        // Also fired as the view goes away (the field left by leaving): `try_run`.
                        on:change=move |_| _ = sink.flush.try_run(())
                    ></textarea>
                </p>
            })}
        </fieldset>
    }
}
