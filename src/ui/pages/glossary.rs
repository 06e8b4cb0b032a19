use crate::browser::page;
use crate::core::content::pack;
use crate::core::guidance::{has_all_words, query_words};
use crate::core::route::GuidanceView;
use crate::ui::components::{guidance_trail, Breadcrumbs};
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

/// All glossary terms with a filter; opened at one term, it scrolls to and marks that term.
#[component]
pub fn GlossaryPage(
    /// The term to open at, if any.
    selected: Option<String>,
) -> impl IntoView {
    let terms = &pack().vocabulary.terms;
    let (filter, set_filter) = signal(String::new());
    let lowered: Vec<String> =
        terms.iter().map(|t| crate::core::text::fold(&format!("{} {}", t.term, t.definition))).collect();
    // Which terms the filter keeps, recomputed once per keystroke; rows only toggle `hidden`.
    let shown = Memo::new(move |_| {
        let words = filter.with(|f| query_words(f));
        lowered.iter().map(|text| has_all_words(text, &words)).collect::<Vec<bool>>()
    });
    let known = selected.as_deref().filter(|id| terms.iter().any(|t| t.id == *id));
    let unknown = selected.clone().filter(|_| known.is_none());
    if let Some(id) = known {
        page::reveal(&format!("term-{id}"));
    }
    let rows = terms
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let current = selected.as_deref() == Some(term.id.as_ref());
            let see_also = (!term.see_also.is_empty()).then(|| {
                let links = term
                    .see_also
                    .iter()
                    .filter_map(|id| terms.iter().find(|t| &t.id == id))
                    .map(|other| {
                        view! { <li><a href=GuidanceView::Glossary(Some(other.id.to_string())).href()>{other.term.as_ref()}</a></li> }
                    })
                    .collect_view();
                view! {
                    <p class="see-also">
                        {t("glossary.see_also")} ": "
                    </p>
                    <ul class="inline-list">{links}</ul>
                }
            });
            view! {
                <div
                    class="term"
                    class:current=current
                    id=format!("term-{}", term.id)
                    tabindex=current.then_some("-1")
                    aria-current=current.then_some("true")
                    hidden=move || !shown.with(|s| s[i])
                >
                    <dt>
                        {term.term.as_ref()}
                        {current.then(|| view! { <span class="visually-hidden">" (" {t("glossary.selected")} ")"</span> })}
                    </dt>
                    <dd>
                        <p>{term.definition.as_ref()}</p>
                        {see_also}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let total = terms.len().to_string();
    let count = move || {
        let n = shown.with(|s| s.iter().filter(|b| **b).count());
        t_with("glossary.count", &[("shown", &n.to_string()), ("total", &total)])
    };
    let none = move || shown.with(|s| !s.contains(&true));
    let trail = guidance_trail();
    view! {
        <Breadcrumbs trail=trail current=t("glossary.title").to_string()/>
        <h1>{t("glossary.title")}</h1>
        <p class="lead">{t("guidance.glossary_intro")}</p>
        <p class="ours">{t("guidance.ours")}</p>
        <div class="filter">
            <label for="glossary-filter">{t("glossary.filter_label")}</label>
            <input
                id="glossary-filter"
                type="search"
                autocomplete="off"
                prop:value=filter
                on:input=move |ev| set_filter.set(event_target_value(&ev))
            />
            <p class="search-status" role="status">{count}</p>
        </div>
        {unknown.map(|id| view! { <p class="notice" role="note">{t_with("glossary.unknown_term", &[("id", &id)])}</p> })}
        <p hidden=move || !none()>{t("glossary.none")}</p>
        <dl class="glossary">{rows}</dl>
    }
}
