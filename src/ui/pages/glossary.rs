use crate::browser::page;
use crate::core::content::pack;
use crate::core::guidance::{has_all_words, query_words};
use crate::core::render::Request;
use crate::ui::components::{guidance_trail, Breadcrumbs, Rendered};
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// All glossary terms with a filter; opened at one term, it scrolls to and marks that term. The terms
/// are written by the tools module (`core::report::glossary`); the filter hides those it leaves out,
/// each term's folded text being in its `data-text`.
#[component]
pub fn GlossaryPage(
    /// The term to open at, if any.
    selected: Option<String>,
) -> impl IntoView {
    let terms = &pack().vocabulary.terms;
    let (filter, set_filter) = signal(String::new());
    let list = StoredValue::new_local(None::<web_sys::HtmlDivElement>);
    let shown = RwSignal::new(terms.len());
    // Hides the terms the filter leaves out: once per keystroke, over the terms' attributes only.
    let apply = move || {
        let words = filter.with_untracked(|f| query_words(f));
        let Some(Some(root)) = list.try_get_value() else { return };
        let Ok(found) = root.query_selector_all(".term") else { return };
        let mut n = 0;
        for i in 0..found.length() {
            let Some(term) = found.item(i).and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
                continue;
            };
            let keep = has_all_words(&term.get_attribute("data-text").unwrap_or_default(), &words);
            term.set_hidden(!keep);
            n += usize::from(keep);
        }
        shown.set(n);
    };
    let known = selected.as_deref().filter(|id| terms.iter().any(|t| t.id == *id)).map(str::to_string);
    let unknown = selected.clone().filter(|_| known.is_none());
    let request = Request::Glossary { selected: known.clone() };
    let drawn = Callback::new(move |div: web_sys::HtmlDivElement| {
        list.set_value(Some(div));
        apply();
        if let Some(id) = &known {
            page::reveal(&format!("term-{id}"));
        }
    });
    let total = terms.len().to_string();
    let count = move || t_with("glossary.count", &[("shown", &shown.get().to_string()), ("total", &total)]);
    view! {
        <Breadcrumbs trail=guidance_trail() current=t("glossary.title").to_string()/>
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
                on:input=move |ev| {
                    set_filter.set(event_target_value(&ev));
                    apply();
                }
            />
            <p class="search-status" role="status">{count}</p>
        </div>
        {unknown.map(|id| view! { <p class="notice" role="note">{t_with("glossary.unknown_term", &[("id", &id)])}</p> })}
        <p hidden=move || shown.get() != 0>{t("glossary.none")}</p>
        <Rendered request=request class="glossary-terms" on_drawn=drawn/>
    }
}
