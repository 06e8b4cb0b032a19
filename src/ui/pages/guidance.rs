use crate::core::guidance::{search_index, Hit, HitKind};
use crate::core::render::Request;
use crate::ui::components::Rendered;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

fn kind_label(kind: &HitKind) -> &'static str {
    match kind {
        HitKind::Principle => t("kind.principle"),
        HitKind::Stage => t("kind.stage"),
        HitKind::ApplicationType => t("kind.application_type"),
        HitKind::Term => t("kind.term"),
        HitKind::ReadinessQuestion => t("kind.readiness_question"),
        HitKind::ScreeningQuestion => t("kind.screening_question"),
        HitKind::WorkbookPrompt => t("kind.workbook_prompt"),
    }
}

/// At most this many hits are listed; the status line says how many matched in all.
const MAX_HITS: usize = 50;

/// A search box over the whole pack; results are links into the explorer, counted in a live region.
#[component]
fn GuidanceSearch() -> impl IntoView {
    let (query, set_query) = signal(String::new());
    // The index is built on the first non-blank query; each keystroke then only scans it.
    let hits = Memo::new(move |_| {
        query.with(|q| {
            if q.trim().is_empty() {
                return Vec::new();
            }
            search_index().search(q).into_iter().cloned().collect::<Vec<Hit>>()
        })
    });
    let status = move || {
        if query.with(|q| q.trim().is_empty()) {
            return String::new();
        }
        match hits.with(Vec::len) {
            0 => t("guidance.results_none").to_string(),
            1 => t("guidance.results_one").to_string(),
            n if n > MAX_HITS => t_with(
                "guidance.results_capped",
                &[("count", &n.to_string()), ("shown", &MAX_HITS.to_string())],
            ),
            n => t_with("guidance.results_count", &[("count", &n.to_string())]),
        }
    };
    let results = move || {
        hits.get()
            .into_iter()
            .take(MAX_HITS)
            .map(|hit| {
                // Numbers help for principles and questions; stage, type and term slugs mean nothing.
                let numbered = !matches!(hit.kind, HitKind::Stage | HitKind::ApplicationType | HitKind::Term);
                let id = numbered.then(|| hit.id.clone());
                view! {
                    <li>
                        <a href=hit.target.href()>
                            <span class="hit-kind">{kind_label(&hit.kind)} <span class="visually-hidden">": "</span></span>
                            {id.map(|id| view! { <span class="item-id">{id}</span> " " })}
                            {hit.title}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="search" role="search" aria-labelledby="search-heading">
            <h2 id="search-heading">{t("guidance.search_heading")}</h2>
            <label for="guidance-search">{t("guidance.search_label")}</label>
            <p class="hint" id="guidance-search-hint">{t("guidance.search_hint")}</p>
            <input
                id="guidance-search"
                type="search"
                autocomplete="off"
                aria-describedby="guidance-search-hint"
                prop:value=query
                on:input=move |ev| set_query.set(event_target_value(&ev))
            />
            <p class="search-status" role="status">{status}</p>
            <ul class="hits">{results}</ul>
        </section>
    }
}

/// The guidance explorer's start: search, then the principle tree, the life cycle, application types and
/// the glossary (markup from `core::report::guidance`).
#[component]
pub fn GuidancePage() -> impl IntoView {
    view! {
        <h1>{t("guidance.title")}</h1>
        <p class="lead">{t("guidance.lead")}</p>
        <p class="ours">{t("guidance.ours")}</p>
        <GuidanceSearch/>
        <Rendered request=Request::Guidance class="overview"/>
    }
}
