use crate::core::content::pack;
use crate::core::guidance::{principle_tree, search_index, Hit, HitKind};
use crate::core::route::GuidanceView;
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

/// The guidance explorer's start: search, the principle tree, the life cycle, application types, glossary.
#[component]
pub fn GuidancePage() -> impl IntoView {
    let v = &pack().vocabulary;
    let tree = principle_tree(pack())
        .into_iter()
        .map(|(core, children)| {
            let items = children
                .into_iter()
                .map(|p| {
                    view! {
                        <li>
                            <a href=GuidanceView::Principle(p.id.to_string()).href()>
                                <span class="item-id">{p.id.as_ref()}</span>
                                " "
                                {p.name.as_ref()}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="card principle-card">
                    <h3>
                        <a href=GuidanceView::Principle(core.id.to_string()).href()>
                            <span class="item-id">{core.id.as_ref()}</span>
                            " "
                            {core.name.as_ref()}
                        </a>
                    </h3>
                    <ul>{items}</ul>
                </li>
            }
        })
        .collect_view();
    let mut stages: Vec<_> = v.stages.iter().collect();
    crate::core::sort::by_key(&mut stages, |s| s.order);
    let stages = stages
        .into_iter()
        .map(|s| {
            let alternative = s.alternative_to.as_deref().and_then(|a| crate::core::guidance::stage(pack(), a));
            // Numbered by position on the life cycle: build and buy share a number.
            view! {
                <li value=s.order>
                    <a href=GuidanceView::Stage(s.id.to_string()).href()>{s.name.as_ref()}</a>
                    {alternative.map(|a| {
                        view! { <span class="alt-note">" · " {t_with("guidance.alternative_to", &[("name", &a.name)])}</span> }
                    })}
                </li>
            }
        })
        .collect_view();
    let types = v
        .application_types
        .iter()
        .map(|a| view! { <li><a href=GuidanceView::ApplicationType(a.id.to_string()).href()>{a.name.as_ref()}</a></li> })
        .collect_view();
    let terms = v.terms.len().to_string();
    view! {
        <h1>{t("guidance.title")}</h1>
        <p class="lead">{t("guidance.lead")}</p>
        <p class="ours">{t("guidance.ours")}</p>
        <GuidanceSearch/>
        <section aria-labelledby="principles-heading">
            <h2 id="principles-heading">{t("guidance.principles_heading")}</h2>
            <p>{t("guidance.principles_intro")}</p>
            <ul class="cards principle-cards" role="list">{tree}</ul>
        </section>
        <section aria-labelledby="lifecycle-heading">
            <h2 id="lifecycle-heading">{t("guidance.lifecycle_heading")}</h2>
            <p>{t("guidance.lifecycle_intro")}</p>
            <ol class="lifecycle">{stages}</ol>
        </section>
        <section aria-labelledby="types-heading">
            <h2 id="types-heading">{t("guidance.types_heading")}</h2>
            <p>{t("guidance.types_intro")}</p>
            <ul>{types}</ul>
        </section>
        <section aria-labelledby="methods-heading">
            <h2 id="methods-heading">{t("methods.title")}</h2>
            <p>{t("methods.link_intro")}</p>
            <p>
                <a class="button secondary" href=GuidanceView::Methods.href()>{t("methods.link")}</a>
            </p>
        </section>
        <section aria-labelledby="glossary-heading">
            <h2 id="glossary-heading">{t("guidance.glossary_heading")}</h2>
            <p>{t("guidance.glossary_intro")}</p>
            <p>
                <a class="button secondary" href=GuidanceView::Glossary(None).href()>
                    {t_with("guidance.glossary_link", &[("count", &terms)])}
                </a>
            </p>
        </section>
    }
}
