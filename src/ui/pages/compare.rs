use crate::browser::page;
use crate::browser::system::{new_id, now_ms};
use crate::browser::tools;
use crate::core::answer_file::read_stored;
use crate::core::assessment::{Assessment, Kind, NewAssessment, Respondent};
use crate::core::merge::{label, Pick};
use crate::core::render::Request;
use crate::core::route::Route;
use crate::ui::components::{Breadcrumbs, Rendered};
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;
use leptos::task::spawn_local;
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
            let why = t_with("compare.pair", &[("first", &first.title), ("second", &other.title)]);
            problem = Some(t_with("compare.not_same", &[("problem", &why)]));
        }
    }
    let head = view! {
        <Breadcrumbs trail=trail current=t("compare.title").to_string()/>
        <h1>{t("compare.title")}</h1>
    };
    if let Some(problem) = problem {
        return view! { {head} <p class="notice" role="alert">{problem}</p> }.into_any();
    }

    // What the merge does beyond the table, for the tools whose records carry more than answers.
    let merges = match list[0].kind {
        Kind::Risk => Some(t("compare.registers")),
        Kind::Workbook => Some(t("compare.workbooks")),
        Kind::Readiness => None,
    };
    let refs: Vec<&Assessment> = list.iter().collect();
    let records: Vec<Assessment> = list.clone();
    let who = refs.iter().map(|a| label(a)).collect::<Vec<_>>().join(", ");
    let count = refs.len().to_string();
    let title = RwSignal::new(t_with("compare.merged_title_default", &[("title", &list[0].title)]));
    let only = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let sources = StoredValue::new(list);

    // The merge runs in the tools module, which wrote the table; the merged record comes back and is
    // read with the stored-record reader, so it passes the same checks as any other.
    let create = move |_| {
        let mut picks = BTreeMap::new();
        for (item, value) in page::select_values("compare-table") {
            match value.parse::<Pick>() {
                Ok(pick) => {
                    picks.insert(item, pick);
                }
                Err(e) => return status.set(e),
            }
        }
        let into = sources.with_value(|list| {
            let refs: Vec<&Assessment> = list.iter().collect();
            let details = NewAssessment {
                title: title.get_untracked(),
                subject: list[0].subject.clone(),
                respondent: Respondent {
                    name: refs.iter().map(|a| label(a)).collect::<Vec<_>>().join(", "),
                    role: t_with("compare.merged_role", &[("count", &list.len().to_string())]),
                },
            };
            Assessment::new(new_id(), list[0].kind, details, list[0].content.clone(), now_ms())
        });
        let asked = sources
            .with_value(|records| tools::render(&Request::Merge { records: records.clone(), picks, into }));
        spawn_local(async move {
            let merged = asked.await.and_then(|w| {
                let value = serde_json::from_str(&w.text).map_err(|e| e.to_string())?;
                read_stored(value)
            });
            match merged.map(|m| ctx.create(m).map_err(|e| e.to_string())) {
                Ok(Ok(a)) => page::go(&Route::Assessment(a.id).href()),
                Ok(Err(e)) | Err(e) => status.set(e),
            }
        });
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
        >
            <Rendered request=Request::Compare { records } class="compare-table"/>
        </div>
        <section class="panel" aria-labelledby="merge-heading">
            <h2 id="merge-heading">{t("compare.create")}</h2>
            {merges.map(|m| view! { <p class="hint">{m}</p> })}
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
