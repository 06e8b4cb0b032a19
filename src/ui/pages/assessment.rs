use crate::browser::download::download;
use crate::browser::system::{date_time, now_ms, time_of_day};
use crate::browser::tools;
use crate::core::answer_file::{self, unknown_items};
use crate::core::assessment::GENERAL_NOTES;
use crate::core::assessment::{Assessment, Kind};
use crate::core::content::pack;
use crate::core::library::{LoadError, SaveError};
use crate::core::limits::{MAX_LINE, MAX_TEXT};
use crate::core::questionnaire::{self, Form};
use crate::core::render::Request;
use crate::core::review::since;
use crate::core::risk;
use crate::core::route::Route;
use crate::ui::components::risk_workspace::{Part, RiskWorkspace};
use crate::ui::components::{
    changed_mark, kind_label, status_text, AnswerSink, AssessmentTabs, Breadcrumbs, Questionnaire,
};
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;
use std::sync::OnceLock;
use std::time::Duration;

/// How long after the last keystroke a text is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Where the latest change stands.
#[derive(Debug, Clone, PartialEq)]
enum SaveState {
    Idle,
    Pending,
    Saved(i64),
    Failed(String),
    /// Another tab saved a newer revision; the user chooses which to keep.
    Conflict,
}

/// One assessment, opened from the library. Unknown, unreadable and deleted ones say so.
#[component]
pub fn AssessmentPage(
    /// Assessment id, from the address.
    id: String,
) -> impl IntoView {
    with_assessment(&id, |a| view! { <Editor initial=a/> }.into_any())
}

/// Review and sign-off of an assessment (`#/assessments/<id>/review`).
#[component]
pub fn ReviewPage(
    /// Assessment id, from the address.
    id: String,
) -> impl IntoView {
    with_assessment(&id, |a| view! { <Editor initial=a only=Part::Review/> }.into_any())
}

/// A risk assessment's proposals, register and snapshots (`#/assessments/<id>/register`).
#[component]
pub fn RegisterPage(
    /// Assessment id, from the address.
    id: String,
) -> impl IntoView {
    with_assessment(&id, |a| {
        if a.kind == Kind::Risk {
            view! { <Editor initial=a only=Part::Register/> }.into_any()
        } else {
            view! { <p>{t("results.register_only")}</p> }.into_any()
        }
    })
}

/// Renders `found` with the stored assessment `id`, or explains why there is none.
pub(crate) fn with_assessment(id: &str, found: impl FnOnce(Assessment) -> AnyView) -> AnyView {
    let ctx = use_library();
    let trail = vec![(t("assessments.title").to_string(), Route::Assessments.href())];
    match ctx.load(id) {
        Ok(a) => found(a),
        Err(e) => {
            let text = match e {
                LoadError::NotFound => t("assessment.not_found").to_string(),
                other => t_with("assessment.unreadable", &[("reason", &other.to_string())]),
            };
            view! {
                <Breadcrumbs trail=trail current=t("notfound.title").to_string()/>
                <h1>{t("notfound.title")}</h1>
                <p>{text}</p>
                <p><a class="button" href=Route::Assessments.href()>{t("assessment.back")}</a></p>
            }
            .into_any()
        }
    }
}

/// The editor of one assessment. Every change is saved: text 400 ms after the last keystroke, and at
/// once when the field loses focus or the page is hidden (reload, tab closed).
#[component]
fn Editor(
    /// The assessment as loaded.
    initial: Assessment,
    /// Show this part alone (the risk register, the review) instead of the details and questions.
    #[prop(optional)]
    only: Option<Part>,
) -> impl IntoView {
    let ctx = use_library();
    let id = StoredValue::new(initial.id.clone());
    let draft = RwSignal::new(initial);
    let dirty = StoredValue::new(false);
    let state = RwSignal::new(SaveState::Idle);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let (answered, replaced) = (Trigger::new(), Trigger::new());
    // What differs from the latest approval: worked out on load and after each save, not per keystroke.
    let since = RwSignal::new(draft.with_untracked(since::since));
    let mark_changes = move || {
        let now = draft.with_untracked(since::since);
        if since.with_untracked(|s| *s != now) {
            since.set(now);
        }
    };

    // Saves now if anything changed. Uses `try_` access: it also runs while the page is being left.
    let flush = move || {
        if let Some(Some(handle)) = timer.try_update_value(Option::take) {
            handle.clear();
        }
        if !dirty.try_get_value().unwrap_or(false) {
            return;
        }
        let Some(copy) = draft.try_get_untracked() else { return };
        match ctx.save(&copy) {
            Ok(saved) => {
                dirty.try_set_value(false);
                draft.try_update_untracked(|d| {
                    d.revision = saved.revision;
                    d.updated = saved.updated;
                    // With its history as logged, unless the review changed here meanwhile.
                    if d.review == copy.review {
                        d.review = saved.review;
                    }
                });
                state.set(SaveState::Saved(saved.updated));
                mark_changes();
            }
            Err(SaveError::Conflict { .. }) => state.set(SaveState::Conflict),
            Err(e) => state.set(SaveState::Failed(e.to_string())),
        }
    };
    // Unsaved from now; saved SAVE_DELAY after the last call unless saved before.
    let unsaved = move || {
        dirty.set_value(true);
        if let Some(Some(handle)) = timer.try_update_value(Option::take) {
            handle.clear();
        }
        if let Ok(handle) = set_timeout_with_handle(flush, SAVE_DELAY) {
            timer.set_value(Some(handle));
        }
    };
    let schedule = move || {
        // Once per burst of typing, not per keystroke: the status line re-renders only on a change.
        if state.with_untracked(|s| *s != SaveState::Pending) {
            state.set(SaveState::Pending);
        }
        unsaved();
    };
    let page_hidden = window_event_listener(leptos::ev::pagehide, move |_| flush());
    on_cleanup(move || {
        flush();
        page_hidden.remove();
    });

    // Another tab saved: take its version if nothing here is unsaved, otherwise let the user choose.
    Effect::new(move |seen: Option<u64>| {
        let change = ctx.external_change.get();
        if seen.is_some_and(|s| s != change) {
            if let Ok(stored) = ctx.load(&id.get_value()) {
                if stored.revision != draft.with_untracked(|d| d.revision) {
                    if dirty.get_value() {
                        state.set(SaveState::Conflict);
                    } else {
                        draft.set(stored);
                        replaced.notify();
                        mark_changes();
                    }
                }
            }
        }
        change
    });

    let take_theirs = move |_| {
        if let Ok(stored) = ctx.load(&id.get_value()) {
            dirty.set_value(false);
            let updated = stored.updated;
            draft.set(stored);
            replaced.notify();
            mark_changes();
            state.set(SaveState::Saved(updated));
        }
    };
    let keep_mine = move |_| match ctx.overwrite(&draft.get_untracked()) {
        Ok(saved) => {
            dirty.set_value(false);
            // The stored approvals were kept with this version: the draft takes them too, or its
            // next save would drop them.
            draft.update_untracked(|d| {
                d.revision = saved.revision;
                d.review = saved.review.clone();
            });
            state.set(SaveState::Saved(saved.updated));
            mark_changes();
        }
        Err(e) => state.set(SaveState::Failed(e.to_string())),
    };

    let field = move |key: &'static str,
                      item: &'static str,
                      label: &'static str,
                      get: fn(&Assessment) -> String,
                      set: fn(&mut Assessment, String)| {
        let value = Memo::new(move |_| draft.with(get));
        view! {
            <p class="field">
                <label for=key>{label} {changed_mark(since, item)}</label>
                <input
                    id=key
                    type="text"
                    autocomplete="off"
                    // What the answer-file reader accepts: never save what could not be read back.
                    maxlength=MAX_LINE
                    prop:value=value
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.update(|d| set(d, text));
                        schedule();
                    }
                    on:change=move |_| flush()
                />
            </p>
        }
    };
    let kind = draft.with_untracked(|d| d.kind);
    let notes = Memo::new(move |_| draft.with(|d| d.notes.get(GENERAL_NOTES).cloned().unwrap_or_default()));
    let title = Memo::new(move |_| draft.with(|d| d.title.clone()));
    let meta = draft.with_untracked(|d| {
        t_with(
            "assessment.content_line",
            &[("kind", kind_label(d.kind)), ("content", &d.content.id), ("version", &d.content.version)],
        )
    });
    let status = move || match state.get() {
        SaveState::Idle => String::new(),
        SaveState::Pending => t("assessment.saving").to_string(),
        SaveState::Saved(at) => t_with("assessment.saved_at", &[("time", &time_of_day(at))]),
        SaveState::Failed(reason) => t_with("assessment.not_saved", &[("reason", &reason)]),
        SaveState::Conflict => t("assessment.conflict").to_string(),
    };
    // Where its review stands, as the library lists it (updated by each save).
    let review_status = move || {
        ctx.listing.with(|l| {
            id.with_value(|id| l.active.iter().chain(&l.deleted).find(|s| &s.id == id).map(status_text))
        })
    };
    let failed = move || matches!(state.get(), SaveState::Failed(_) | SaveState::Conflict);
    // Written by the tools module (loaded at start); if it cannot be, the hint line says why.
    let copy_problem = RwSignal::new(String::new());
    let download_copy = move |_| {
        let a = draft.get_untracked();
        let now = now_ms();
        let date: String = date_time(now).chars().take(10).collect();
        let name = answer_file::file_name(&[&a], false, &date, false);
        let file = tools::render(&Request::AnswerFile { records: vec![a], now });
        leptos::task::spawn_local(async move {
            match file.await {
                Ok(w) => {
                    download(&name, "application/json", &w.text);
                }
                Err(e) => copy_problem.set(e),
            }
        });
    };
    let unknown = draft.with_untracked(|d| unknown_items(pack(), d));
    let sink = AnswerSink {
        draft,
        answered,
        replaced,
        schedule: Callback::new(move |()| schedule()),
        unsaved: Callback::new(move |()| unsaved()),
        flush: Callback::new(move |()| flush()),
        since,
    };
    let set_aside = Memo::new(move |_| {
        answered.track();
        replaced.track();
        draft.with_untracked(|d| {
            if d.kind == Kind::Risk {
                risk::screen(pack(), &d.answers).set_aside
            } else {
                0
            }
        })
    });
    let restore = move |_| {
        if let Ok(restored) = ctx.restore(&id.get_value()) {
            draft.set(restored);
            replaced.notify();
            mark_changes();
        }
    };

    view! {
        <Breadcrumbs trail=vec![(t("assessments.title").to_string(), Route::Assessments.href())] current=title.get_untracked()/>
        <h1>{move || title.get()}</h1>
        <p class="tool-unit">{meta}</p>
        <p class="assessment-status" hidden=only == Some(Part::Review)>
            {t("review.status")} ": " {review_status}
            // Where anything changed since the approval: each item is marked, and the review lists it.
            {move || (since.with(|s| s.as_ref().is_some_and(|s| s.changed))).then(|| view! {
                " · " <a href=Route::Review(id.get_value()).href()>{t("assessment.see_changes")}</a>
            })}
        </p>
        {
            let here = match only {
                Some(Part::Register) => Route::Register(id.get_value()),
                Some(_) => Route::Review(id.get_value()),
                None => Route::Assessment(id.get_value()),
            };
            view! { <AssessmentTabs id=id.get_value() current=here risk=kind == Kind::Risk/> }
        }
        <p class="save-status" class:problem=failed role="status">{status}</p>
        // A failed save (storage full) is announced at once, as the library does.
        {move || match state.get() {
            SaveState::Failed(reason) => Some(view! {
                <p class="notice problem" role="alert">{t_with("assessment.not_saved", &[("reason", &reason)])}</p>
            }),
            _ => None,
        }}
        // Inserted when it happens, so screen readers announce the alert.
        {move || {
            (state.get() == SaveState::Conflict).then(|| {
                view! {
                    <div class="notice conflict" role="alert">
                        <p>{t("assessment.conflict")}</p>
                        <p class="actions">
                            <button type="button" class="button small" on:click=take_theirs>{t("assessment.conflict_load")}</button>
                            <button type="button" class="button small secondary" on:click=keep_mine>{t("assessment.conflict_keep")}</button>
                        </p>
                    </div>
                }
            })
        }}
        <p class="notice" role="note" hidden=move || draft.with(|d| d.deleted.is_none())>
            {t("assessment.in_bin")} " "
            <button type="button" class="button small secondary" on:click=restore>{t("assessments.restore")}</button>
        </p>
        {(!unknown.is_empty()).then(|| view! {
            <p class="notice" role="note">{t_with("assessment.unknown_items", &[("items", &unknown.join(", "))])}</p>
        })}
        {if let Some(part) = only {
            view! { <RiskWorkspace sink=sink part=part/> }.into_any()
        } else {
            view! {
        <section aria-labelledby="details-heading" class="panel">
            <h2 id="details-heading">{t("assessment.details_heading")}</h2>
            {field("a-title", "title", t("assessments.field_title"), |d| d.title.clone(), |d, v| d.title = v)}
            {field("a-subject", "subject", t("assessments.field_subject"), |d| d.subject.clone(), |d, v| d.subject = v)}
            <div class="field-pair">
                {field("a-respondent", "respondent", t("assessments.field_respondent"), |d| d.respondent.name.clone(), |d, v| d.respondent.name = v)}
                {field("a-role", "role", t("assessments.field_role"), |d| d.respondent.role.clone(), |d, v| d.respondent.role = v)}
            </div>
        </section>
        <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t("assessment.notes_heading")}</h2>
            <p class="field">
                <label for="a-notes">{t("assessment.notes_label")} {changed_mark(since, GENERAL_NOTES)}</label>
                <span class="hint" id="a-notes-hint">{t("assessment.notes_hint")}</span>
                <textarea
                    id="a-notes"
                    rows="6"
                    maxlength=MAX_TEXT
                    aria-describedby="a-notes-hint"
                    prop:value=notes
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        // Emptied, no note at all: as approved, when it had none.
                        draft.update(|d| {
                            if text.is_empty() {
                                d.notes.remove(GENERAL_NOTES);
                            } else {
                                d.notes.insert(GENERAL_NOTES.to_string(), text);
                            }
                        });
                        schedule();
                    }
                    on:change=move |_| flush()
                ></textarea>
            </p>
        </section>
        {(kind == Kind::Risk).then(|| view! {
            <section aria-labelledby="profile-heading" class="panel">
                <h2 id="profile-heading">{t("risk.profile")}</h2>
                <p class="hint">{t("risk.profile_hint")}</p>
                <RiskWorkspace sink=sink part=Part::Profile/>
            </section>
            <p class="notice" role="status" hidden=move || set_aside.get() == 0>
                {move || t_with("risk.set_aside", &[("count", &set_aside.get().to_string())])}
            </p>
        })}
        {match form_of(kind) {
            Some(form) => {
                view! {
                    <section aria-labelledby="questions-heading" class="questions">
                        <h2 id="questions-heading">{t("questions.heading")}</h2>
                        <Questionnaire form=form sink=sink/>
                    </section>
                }
                .into_any()
            }
            // The workbook: its stages, checks and decision log, written by the core.
            None => view! {
                <section aria-labelledby="workbook-heading" class="workbook">
                    <h2 id="workbook-heading">{t("workbook.stages_heading")}</h2>
                    <RiskWorkspace sink=sink part=Part::Workbook/>
                </section>
            }.into_any(),
        }}
            }.into_any()
        }}
        <p class="actions">
            <button type="button" class="button secondary" on:click=download_copy aria-describedby="download-hint">{t("assessment.download")}</button>
        </p>
        <p class="hint" id="download-hint">{t("assessment.download_hint")}</p>
        <p class="field-error" role="alert" hidden=move || copy_problem.with(String::is_empty)>{copy_problem}</p>
    }
}

/// The questionnaire of a tool, built once from the installed pack; `None` for tools whose questions
/// are not rendered by the engine yet.
fn form_of(kind: Kind) -> Option<&'static Form> {
    static FORMS: OnceLock<[Option<Form>; 3]> = OnceLock::new();
    let forms = FORMS.get_or_init(|| Kind::ALL.map(|k| questionnaire::of_kind(pack(), k)));
    forms[Kind::ALL.iter().position(|k| *k == kind)?].as_ref()
}
