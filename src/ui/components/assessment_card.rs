use crate::browser::system::{confirm, date_time, new_id, now_ms};
use crate::core::dates::in_words;
use crate::core::library::Summary;
use crate::core::review::Status;
use crate::core::route::Route;
use crate::ui::components::new_assessment_form::kind_label;
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;

/// One assessment in the library list: what it is, its progress, and rename, duplicate, delete.
#[component]
pub fn AssessmentCard(
    /// The listed assessment.
    summary: Summary,
    /// Where the outcome of an action is announced.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_library();
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(summary.title.clone());
    let rename_ref = NodeRef::<leptos::html::Input>::new();
    let id = StoredValue::new(summary.id.clone());
    let title = StoredValue::new(summary.title.clone());
    let report = move |result: Result<String, String>| match result {
        Ok(done) => message.set(Some(done)),
        Err(e) => message.set(Some(format!("{} {e}", t("assessments.error_prefix")))),
    };

    let save_title = move || {
        let wanted = new_title.get_untracked().trim().to_string();
        if wanted.is_empty() {
            return;
        }
        let result = ctx.load(&id.get_value()).map_err(|e| e.to_string()).and_then(|mut a| {
            a.title = wanted.clone();
            ctx.save(&a).map_err(|e| e.to_string())
        });
        renaming.set(false);
        report(result.map(|_| t_with("assessments.done_renamed", &[("title", &wanted)])));
    };
    let duplicate = move |_| {
        let result = ctx.load(&id.get_value()).map_err(|e| e.to_string()).and_then(|a| {
            let copy_title = format!("{} {}", a.title, t("assessments.copy_suffix"));
            let copy = a.duplicate(new_id(), copy_title.clone(), now_ms());
            ctx.create(copy).map(|_| copy_title).map_err(|e| e.to_string())
        });
        report(result.map(|title| t_with("assessments.done_duplicated", &[("title", &title)])));
    };
    let delete = move |_| {
        let name = title.get_value();
        if !confirm(&t_with("assessments.delete_confirm", &[("title", &name)])) {
            return;
        }
        let result = ctx.delete(&id.get_value()).map_err(|e| e.to_string());
        report(result.map(|_| t_with("assessments.done_deleted", &[("title", &name)])));
    };

    let heading_id = format!("card-{}", summary.id);
    let labelled_by = heading_id.clone();
    let progress = t_with(
        "assessments.progress_value",
        &[
            ("answered", &summary.answered.to_string()),
            ("total", &summary.total.to_string()),
            ("percent", &summary.percent().to_string()),
        ],
    );
    let rename_input_id = format!("rename-{}", summary.id);
    view! {
        <li class="card assessment-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                <a href=Route::Assessment(summary.id.clone()).href()>{summary.title.clone()}</a>
            </h3>
            <p class="tool-unit">{kind_label(summary.kind)} " · " <span class="review-status">{status_text(&summary)}</span></p>
            <dl class="facts compact">
                {(!summary.subject.is_empty()).then(|| view! { <dt>{t("assessments.about")}</dt> <dd>{summary.subject.clone()}</dd> })}
                {(!summary.respondent.is_empty()).then(|| view! { <dt>{t("assessments.respondent")}</dt> <dd>{summary.respondent.clone()}</dd> })}
                <dt>{t("assessments.progress")}</dt>
                <dd>
                    <progress max=summary.total.max(1) value=summary.answered aria-hidden="true"></progress>
                    " "
                    {progress}
                </dd>
                <dt>{t("assessments.updated")}</dt>
                <dd>{in_words(&date_time(summary.updated))}</dd>
            </dl>
            {move || {
                if renaming.get() {
                    view! {
                        <div class="rename">
                            <label for=rename_input_id.clone()>{t_with("assessments.rename_label", &[("title", &title.get_value())])}</label>
                            <input
                                id=rename_input_id.clone()
                                type="text"
                                node_ref=rename_ref
                                prop:value=new_title
                                on:input=move |ev| new_title.set(event_target_value(&ev))
                                on:keydown=move |ev| match ev.key().as_str() {
                                    "Enter" => save_title(),
                                    "Escape" => renaming.set(false),
                                    _ => {}
                                }
                            />
                            <button type="button" class="button small" on:click=move |_| save_title()>{t("assessments.rename_save")}</button>
                            <button type="button" class="button small secondary" on:click=move |_| renaming.set(false)>{t("assessments.cancel")}</button>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="card-actions">
                            <button
                                type="button"
                                class="button small secondary"
                                on:click=move |_| {
                                    new_title.set(title.get_value());
                                    renaming.set(true);
                                    // Focus the field once it is in the page.
                                    request_animation_frame(move || {
                                        if let Some(input) = rename_ref.get_untracked() {
                                            let _ = input.focus();
                                            input.select();
                                        }
                                    });
                                }
                            >
                                {t("assessments.rename")}
                                <span class="visually-hidden">" " {title.get_value()}</span>
                            </button>
                            <button type="button" class="button small secondary" on:click=duplicate>
                                {t("assessments.duplicate")}
                                <span class="visually-hidden">" " {title.get_value()}</span>
                            </button>
                            <button type="button" class="button small danger" on:click=delete>
                                {t("assessments.delete")}
                                <span class="visually-hidden">" " {title.get_value()}</span>
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}

/// Where the assessment's review stands, in a few words: "Approved (version 2)", "Draft (changed
/// since version 2)", "In review · 2 open comment(s) · review due since 2027-03-01".
pub fn status_text(s: &Summary) -> String {
    let here = s.standing();
    let name = t(here.status.key());
    let mut text = match here.approved {
        Some(v) if here.status != Status::Superseded => {
            let key = if here.changed { "review.card_changed" } else { "review.card_version" };
            format!("{name} ({})", t_with(key, &[("version", &v.to_string())]))
        }
        _ => name.to_string(),
    };
    if here.open > 0 {
        let open = match here.open {
            1 => t("review.card_open_one").to_string(),
            n => t_with("review.card_open", &[("count", &n.to_string())]),
        };
        text = format!("{text} · {open}");
    }
    let today: String = date_time(now_ms()).chars().take(10).collect();
    if let Some(due) =
        here.due.as_deref().filter(|_| here.is_due(&today) && here.status != Status::Superseded)
    {
        text = format!("{text} · {}", t_with("review.card_due", &[("date", &in_words(due))]));
    }
    text
}
