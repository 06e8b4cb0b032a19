use crate::core::content::model::Text;
use crate::core::guidance::Related;
use crate::ui::components::PrincipleTags;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// One numbered item with its principle tags.
fn item(id: &'static str, text: &'static str, principles: &'static [Text]) -> impl IntoView {
    let principles = principles.iter().map(|p| p.as_ref()).collect::<Vec<_>>();
    view! {
        <li class="related-item">
            <p>
                <span class="item-id">{id}</span>
                " "
                {text}
            </p>
            <PrincipleTags ids=principles/>
        </li>
    }
}

/// The questions, prompts and risk templates of the three tools that refer to one guidance entry,
/// grouped by tool; groups with nothing in them are left out.
#[component]
pub fn RelatedItems(
    /// What refers to the entry.
    related: Related<'static>,
) -> impl IntoView {
    let group = |key: &'static str, items: Vec<AnyView>| {
        (!items.is_empty()).then(|| {
            view! {
                <section class="related-group">
                    <h3>{t(key)} " (" {items.len()} ")"</h3>
                    <ul class="related-list">{items}</ul>
                </section>
            }
        })
    };
    let readiness =
        related.readiness.iter().map(|q| item(&q.id, &q.text, &q.principles).into_any()).collect();
    let screening = related
        .screening
        .iter()
        .map(|s| item(&s.id, &s.text, std::slice::from_ref(&s.principle)).into_any())
        .collect();
    let prompts = related.prompts.iter().map(|p| item(&p.id, &p.text, &p.principles).into_any()).collect();
    let templates = related
        .templates
        .iter()
        .map(|r| {
            view! {
                <li class="related-item">
                    <p>
                        <strong>{r.title.as_ref()}</strong>
                        " "
                        {r.description.as_ref()}
                    </p>
                </li>
            }
            .into_any()
        })
        .collect();
    view! {
        {group("related.readiness", readiness)}
        {group("related.screening", screening)}
        {group("related.prompts", prompts)}
        {group("related.templates", templates)}
    }
}
