use crate::core::content::pack;
use crate::core::guidance::{self, related_to_stage};
use crate::core::route::GuidanceView;
use crate::ui::components::{guidance_trail, Breadcrumbs, RelatedItems, UnknownEntry};
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

/// One life-cycle stage: its purpose, key questions and the items of the tools that belong to it.
#[component]
pub fn StagePage(
    /// Stage id such as `deploy`.
    id: String,
) -> impl IntoView {
    let Some(s) = guidance::stage(pack(), &id) else {
        return view! { <UnknownEntry id=id/> }.into_any();
    };
    let alternative = s.alternative_to.as_deref().and_then(|a| guidance::stage(pack(), a));
    let trail = guidance_trail();
    view! {
        <Breadcrumbs trail=trail current=s.name.to_string()/>
        <h1>{s.name.as_ref()}</h1>
        {alternative.map(|a| {
            view! {
                <p class="part-of">
                    <a href=GuidanceView::Stage(a.id.to_string()).href()>
                        {t_with("guidance.alternative_to", &[("name", &a.name)])}
                    </a>
                </p>
            }
        })}
        <h2>{t("stage.purpose")}</h2>
        <p class="lead">{s.purpose.as_ref()}</p>
        <h2>{t("stage.key_questions")}</h2>
        <ul>{s.key_questions.iter().map(|q| view! { <li>{q.as_ref()}</li> }).collect_view()}</ul>
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t("stage.related_heading")}</h2>
            <RelatedItems related=related_to_stage(pack(), &s.id)/>
        </section>
    }
    .into_any()
}
