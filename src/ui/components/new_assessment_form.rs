use crate::browser::system::{new_id, now_ms};
use crate::core::assessment::{Assessment, ContentRef, Kind, NewAssessment, Respondent};
use crate::core::content::pack;
use crate::core::route::Route;
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;

/// The UI-string key naming a tool.
pub fn kind_label(kind: Kind) -> &'static str {
    t(kind.name_key())
}

/// Creates an assessment: the tool, a title (required) and optional details; then opens it.
#[component]
pub fn NewAssessmentForm(
    /// Where the outcome is announced.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_library();
    let kind = RwSignal::new(Kind::Readiness);
    let title = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let missing_title = RwSignal::new(false);
    let title_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if title.with_untracked(|t| t.trim().is_empty()) {
            missing_title.set(true);
            if let Some(input) = title_ref.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        let details = NewAssessment {
            title: title.get_untracked(),
            subject: subject.get_untracked(),
            respondent: Respondent { name: name.get_untracked(), role: role.get_untracked() },
        };
        let assessment =
            Assessment::new(new_id(), kind.get_untracked(), details, ContentRef::of(pack()), now_ms());
        match ctx.create(assessment) {
            Ok(created) => {
                message.set(Some(t_with("assessments.done_created", &[("title", &created.title)])));
                for field in [title, subject] {
                    field.set(String::new());
                }
                let _ =
                    web_sys::window().map(|w| w.location().set_hash(&Route::Assessment(created.id).href()));
            }
            Err(e) => message.set(Some(format!("{} {e}", t("assessments.error_prefix")))),
        }
    };
    let text_field = move |id: &'static str, label: &'static str, value: RwSignal<String>, optional: bool| {
        view! {
            <p class="field">
                <label for=id>
                    {label}
                    {optional.then(|| view! { <span class="optional">" (" {t("assessments.optional")} ")"</span> })}
                </label>
                <input id=id type="text" autocomplete="off" prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
            </p>
        }
    };
    let kinds = Kind::ALL
        .into_iter()
        .map(|k| {
            let id = format!("new-kind-{}", k.id());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name="new-kind"
                        value=k.id()
                        prop:checked=move || kind.get() == k
                        on:change=move |_| kind.set(k)
                    />
                    {kind_label(k)}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="new-assessment" on:submit=submit novalidate>
            <fieldset class="kinds">
                <legend>{t("assessments.kind_legend")}</legend>
                {kinds}
            </fieldset>
            <p class="field">
                <label for="new-title">{t("assessments.field_title")}</label>
                <span class="hint" id="new-title-hint">{t("assessments.field_title_hint")}</span>
                <input
                    id="new-title"
                    type="text"
                    autocomplete="off"
                    required
                    node_ref=title_ref
                    aria-describedby=move || if missing_title.get() { "new-title-error new-title-hint" } else { "new-title-hint" }
                    aria-invalid=move || missing_title.get().then_some("true")
                    prop:value=title
                    on:input=move |ev| {
                        title.set(event_target_value(&ev));
                        missing_title.set(false);
                    }
                />
                {move || missing_title.get().then(|| view! { <span class="field-error" id="new-title-error">{t("assessments.title_required")}</span> })}
            </p>
            {text_field("new-subject", t("assessments.field_subject"), subject, true)}
            <div class="field-pair">
                {text_field("new-respondent", t("assessments.field_respondent"), name, true)}
                {text_field("new-role", t("assessments.field_role"), role, true)}
            </div>
            <p>
                <button type="submit" class="button">{t("assessments.create")}</button>
            </p>
        </form>
    }
}
