use crate::core::content::pack;
use crate::core::guidance;
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
    let workbook = pack().workbook.stages.iter().find(|w| w.stage == s.id).map(|w| {
        view! {
            <section aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{t("workbook.checklist")}</h2>
                <ul class="checklist">
                    {w.checks.iter().map(|c| view! { <li><span class="item-id">{c.id.as_ref()}</span> " " {c.text.as_ref()}</li> }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="decision-heading">
                <h2 id="decision-heading">{t("workbook.decision")}</h2>
                <p>{w.decision_guidance.as_ref()}</p>
                <dl class="scale">
                    <dt>{t("workbook.decision_go")}</dt> <dd>{w.decision_go.as_ref()}</dd>
                    <dt>{t("workbook.decision_change")}</dt> <dd>{w.decision_change.as_ref()}</dd>
                    <dt>{t("workbook.decision_stop")}</dt> <dd>{w.decision_stop.as_ref()}</dd>
                </dl>
            </section>
        }
    });
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
        {workbook}
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t("stage.related_heading")}</h2>
            <RelatedItems stage=s.id.to_string()/>
        </section>
    }
    .into_any()
}
