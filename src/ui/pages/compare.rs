use crate::browser::page;
use crate::browser::system::{new_id, now_ms};
use crate::core::assessment::{Assessment, Kind, NewAssessment, Respondent};
use crate::core::merge::{compare, label, merge, merge_registers, Pick};
use crate::core::render::Request;
use crate::core::route::Route;
use crate::ui::components::{Breadcrumbs, Rendered};
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Several assessments side by side with a merge: the table comes from `core::report::compare`, the
/// choices are native selects read when the merged assessment is created. The sources are untouched.
#[component]
pub fn ComparePage(
    /// The assessments' ids, from the address.
    ids: Vec<String>,
) -> impl IntoView {
    let ctx = use_library();
    let trail = vec![(t("assessments.title").to_string(), Route::Assessments.href())];
    let mut list = Vec::new();
    let mut problem = None;
    for id in &ids {
        match ctx.load(id) {
            Ok(a) => list.push(a),
            Err(_) => problem = Some(t_with("compare.missing", &[("id", id)])),
        }
    }
    if list.len() < 2 && problem.is_none() {
        problem = Some(t("compare.need_two").to_string());
    }
    if let Some(first) = list.first() {
        if let Some(other) = list.iter().find(|a| a.kind != first.kind || a.content != first.content) {
            let why = format!("\"{}\" and \"{}\"", first.title, other.title);
            problem = Some(t_with("compare.not_same", &[("problem", &why)]));
        } else if first.kind == Kind::Workbook {
            problem = Some(t("compare.not_readiness").to_string());
        }
    }
    let head = view! {
        <Breadcrumbs trail=trail current=t("compare.title").to_string()/>
        <h1>{t("compare.title")}</h1>
    };
    if let Some(problem) = problem {
        return view! { {head} <p class="notice" role="alert">{problem}</p> }.into_any();
    }

    let form = crate::core::render::form_of(list[0].kind);
    let risk = list[0].kind == Kind::Risk;
    let refs: Vec<&Assessment> = list.iter().collect();
    let rows = compare(&form, &refs);
    let records: Vec<Assessment> = list.clone();
    let who = refs.iter().map(|a| label(a)).collect::<Vec<_>>().join(", ");
    let count = refs.len().to_string();
    let title = RwSignal::new(t_with("compare.merged_title_default", &[("title", &list[0].title)]));
    let only = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let sources = StoredValue::new((list, rows));

    let create = move |_| {
        let picks: BTreeMap<String, Pick> =
            crate::core::sort::map(page::select_values("compare-table").into_iter().map(|(item, value)| {
                let pick = match value.as_str() {
                    "s" => Pick::Suggested,
                    "b" => Pick::Blank,
                    n => n.parse().map_or(Pick::Suggested, Pick::From),
                };
                (item, pick)
            }));
        let merged = sources.with_value(|(list, rows)| {
            let refs: Vec<&Assessment> = list.iter().collect();
            let (answers, notes) = merge(rows, &refs, &picks);
            let details = NewAssessment {
                title: title.get_untracked(),
                subject: list[0].subject.clone(),
                respondent: Respondent {
                    name: refs.iter().map(|a| label(a)).collect::<Vec<_>>().join(", "),
                    role: t_with("compare.merged_role", &[("count", &list.len().to_string())]),
                },
            };
            let mut a = Assessment::new(new_id(), list[0].kind, details, list[0].content.clone(), now_ms());
            a.answers = answers;
            a.notes = notes;
            a.risk = merge_registers(&refs);
            a
        });
        match ctx.create(merged) {
            Ok(a) => page::go(&Route::Assessment(a.id).href()),
            Err(e) => status.set(e.to_string()),
        }
    };

    view! {
        {head}
        <p class="lead">{t("compare.lead")}</p>
        <p>{t_with("compare.comparing", &[("count", &count), ("who", &who)])}</p>
        <p class="actions">
            <label class="check">
                <input type="checkbox" on:change=move |ev| only.set(event_target_checked(&ev))/>
                " " {t("compare.only_disagreements")}
            </label>
        </p>
        <div
            id="compare-table"
            class="compare-wrap"
            class:only-disagreements=move || only.get()
            tabindex="0"
            role="region"
            aria-label=t("compare.title")
        >
            <Rendered request=Request::Compare { records } class="compare-table"/>
        </div>
        <section class="panel" aria-labelledby="merge-heading">
            <h2 id="merge-heading">{t("compare.create")}</h2>
            {risk.then(|| view! { <p class="hint">{t("compare.registers")}</p> })}
            <p class="field">
                <label for="merged-title">{t("compare.merged_title")}</label>
                <input id="merged-title" type="text" prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
            </p>
            <p class="actions"><button type="button" class="button" on:click=create>{t("compare.create")}</button></p>
            <p role="status">{move || status.get()}</p>
        </section>
    }
    .into_any()
}
