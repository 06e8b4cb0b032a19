use crate::core::content::pack;
use crate::core::guidance::{self, related_to_principle};
use crate::core::route::GuidanceView;
use crate::ui::components::{guidance_trail, Breadcrumbs, PrincipleTags, RelatedItems, UnknownEntry};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// One principle: its meaning, a policing example, red flags, where it is at stake, and every
/// question, prompt and risk of the three tools that refers to it.
#[component]
pub fn PrinciplePage(
    /// Principle id such as `P3.3`.
    id: String,
) -> impl IntoView {
    let Some(p) = guidance::principle(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    let parent = p.parent.as_deref().and_then(|parent| guidance::principle(pack(), parent));
    let mut trail = guidance_trail();
    if let Some(parent) = parent {
        trail.push((
            format!("{} {}", parent.id, parent.name),
            GuidanceView::Principle(parent.id.to_string()).href(),
        ));
    }
    let children: Vec<&'static str> =
        guidance::children(pack(), &p.id).into_iter().map(|c| c.id.as_ref()).collect();
    let types: Vec<_> = guidance::application_types_for_principle(pack(), &p.id)
        .into_iter()
        .map(|a| view! { <li><a href=GuidanceView::ApplicationType(a.id.to_string()).href()>{a.name.as_ref()}</a></li> })
        .collect();
    let related = related_to_principle(pack(), &p.id);
    let is_core = p.parent.is_none();
    view! {
        <Breadcrumbs trail=trail current=format!("{} {}", p.id, p.name)/>
        <h1>
            <span class="item-id">{p.id.as_ref()}</span>
            " "
            {p.name.as_ref()}
        </h1>
        {parent.map(|parent| {
            view! {
                <p class="part-of">
                    {t("principle.part_of")} " "
                    <a href=GuidanceView::Principle(parent.id.to_string()).href()>{format!("{} {}", parent.id, parent.name)}</a>
                </p>
            }
        })}
        <p class="lead">{p.summary.as_ref()}</p>
        {(!children.is_empty()).then(|| {
            view! {
                <h2>{t("principle.instrumental")}</h2>
                <PrincipleTags ids=children.clone()/>
            }
        })}
        <h2>{t("principle.in_policing")}</h2>
        <p>{p.in_policing.as_ref()}</p>
        <h2>{t("principle.red_flags")}</h2>
        <ul class="red-flags">{p.red_flags.iter().map(|f| view! { <li>{f.as_ref()}</li> }).collect_view()}</ul>
        {(!types.is_empty()).then(|| view! { <h2>{t("principle.types")}</h2> <ul>{types}</ul> })}
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t("principle.related_heading")}</h2>
            {is_core.then(|| view! { <p class="hint">{t("principle.related_core_note")}</p> })}
            {related.is_empty().then(|| view! { <p>{t("principle.related_none")}</p> })}
            <RelatedItems related=related/>
        </section>
    }
    .into_any()
}
