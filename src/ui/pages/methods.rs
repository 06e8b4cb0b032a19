use crate::core::content::pack;
use crate::core::route::GuidanceView;
use crate::ui::components::{guidance_trail, Breadcrumbs};
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

/// Term-definition pairs. Every list on this page goes through here: each distinct view shape is
/// more code in the app, and this page has many lists.
fn pairs(rows: Vec<(String, String)>) -> impl IntoView {
    view! { <dl class="scale">{rows.into_iter().map(|(term, text)| view! { <dt>{term}</dt> <dd>{text}</dd> }).collect_view()}</dl> }
}

/// How the three tools work, all read from the content pack: scales, bands, every readiness question
/// with its rubric and next steps, the risk profile, scales, levels and matrix.
#[component]
pub fn MethodsPage() -> impl IntoView {
    let pack = pack();
    let (r, k) = (&pack.readiness, &pack.risk);
    let levels =
        r.levels.iter().map(|l| (format!("{} · {}", l.value, l.label), l.description.to_string())).collect();
    let bands = r
        .bands
        .iter()
        .map(|b| {
            let range =
                t_with("methods.band_range", &[("from", &b.from.to_string()), ("to", &b.to.to_string())]);
            (format!("{} ({range})", b.label), b.description.to_string())
        })
        .collect();
    let dimensions = r
        .dimensions
        .iter()
        .map(|d| {
            let mut rows: Vec<(String, String)> = Vec::new();
            for q in d.questions.iter() {
                rows.push((format!("{} {}", q.id, q.text), format!("{}: {}", t("methods.why"), q.why)));
                for (level, text) in r.levels.iter().zip(q.levels.iter()) {
                    rows.push((format!("{} · {}", level.value, level.label), text.to_string()));
                }
            }
            for n in d.next_steps.iter() {
                let band =
                    r.bands.iter().find(|b| b.id == n.band).map(|b| b.label.to_string()).unwrap_or_default();
                rows.push((format!("{}: {band}", t("methods.next_steps")), n.steps.join(" ")));
            }
            view! {
                <details class="dimension">
                    <summary>{format!("{} {}", d.id, d.name)}</summary>
                    <p>{d.description.as_ref()}</p>
                    {pairs(rows)}
                </details>
            }
        })
        .collect_view();
    let profile = k
        .profile_fields
        .iter()
        .map(|f| {
            let options = f.options.iter().map(|o| o.label.as_ref()).collect::<Vec<_>>().join(" · ");
            let when = f
                .show_if
                .iter()
                .map(|c| format!("{} = {}", c.field, c.any_of.join(" / ")))
                .collect::<Vec<_>>();
            let when = if when.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", t("methods.shown_when"), when.join("; "))
            };
            (f.label.to_string(), format!("{} {options}{when}", f.help))
        })
        .collect();
    let scale = |levels: &[crate::core::content::model::ScaleLevel]| {
        levels.iter().map(|l| (format!("{} · {}", l.value, l.label), l.description.to_string())).collect()
    };
    let risk_levels =
        k.risk_levels.iter().map(|l| (l.label.to_string(), l.description.to_string())).collect();
    let label =
        |id: &str| k.risk_levels.iter().find(|l| l.id == id).map(|l| l.label.to_string()).unwrap_or_default();
    let head = k
        .severity
        .iter()
        .map(|s| view! { <th scope="col">{format!("{} {}", s.value, s.label)}</th> })
        .collect_view();
    let rows = k
        .matrix
        .iter()
        .zip(k.likelihood.iter())
        .map(|(row, l)| {
            let cells =
                row.iter().map(|c| view! { <td class=format!("level-{c}")>{label(c)}</td> }).collect_view();
            view! { <tr><th scope="row">{format!("{} {}", l.value, l.label)}</th> {cells}</tr> }
        })
        .collect_view();
    view! {
        <Breadcrumbs trail=guidance_trail() current=t("methods.title").to_string()/>
        <h1>{t("methods.title")}</h1>
        <p class="ours">{t("guidance.ours")}</p>
        <h2>{t("methods.readiness_heading")}</h2>
        <p>{r.intro.as_ref()}</p>
        <p>{r.method.as_ref()}</p>
        <h3>{t("methods.scale")}</h3>
        {pairs(levels)}
        <h3>{t("methods.bands")}</h3>
        {pairs(bands)}
        {dimensions}
        <h2>{t("methods.risk_heading")}</h2>
        <p>{k.intro.as_ref()}</p>
        <p>{k.method.as_ref()}</p>
        <h3>{t("methods.profile")}</h3>
        {pairs(profile)}
        <h3>{t("methods.likelihood")}</h3>
        {pairs(scale(&k.likelihood))}
        <h3>{t("methods.severity")}</h3>
        {pairs(scale(&k.severity))}
        <h3>{t("methods.levels")}</h3>
        {pairs(risk_levels)}
        <h3>{t("methods.matrix")}</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
            <table class="matrix">
                <caption id="matrix-caption">{t("methods.matrix_caption")}</caption>
                <thead><tr><td></td> {head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p>{k.matrix_rationale.as_ref()}</p>
        <p><a href=GuidanceView::Overview.href()>{t("guidance.back")}</a></p>
    }
}
