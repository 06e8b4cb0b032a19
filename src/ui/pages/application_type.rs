use crate::core::content::model::Text;
use crate::core::content::pack;
use crate::core::guidance::{self, related_to_application_type};
use crate::ui::components::{guidance_trail, Breadcrumbs, PrincipleTags, RelatedItems, UnknownEntry};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// One application type: what it covers, examples, concerns, principles at stake, its screening questions.
#[component]
pub fn ApplicationTypePage(
    /// Application-type id such as `image`.
    id: String,
) -> impl IntoView {
    let Some(a) = guidance::application_type(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    let list = |items: &'static [Text]| items.iter().map(|i| view! { <li>{i.as_ref()}</li> }).collect_view();
    let trail = guidance_trail();
    let related = related_to_application_type(pack(), &a.id);
    view! {
        <Breadcrumbs trail=trail current=a.name.to_string()/>
        <h1>{a.name.as_ref()}</h1>
        <p class="lead">{a.description.as_ref()}</p>
        <h2>{t("apptype.examples")}</h2>
        <ul>{list(&a.examples)}</ul>
        <h2>{t("apptype.concerns")}</h2>
        <ul>{list(&a.typical_concerns)}</ul>
        <h2>{t("apptype.principles")}</h2>
        <PrincipleTags ids=a.principles.iter().map(|p| p.as_ref()).collect()/>
        {(!related.is_empty()).then(|| {
            view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">{t("apptype.related_heading")}</h2>
                    <RelatedItems related=related/>
                </section>
            }
        })}
    }
    .into_any()
}
