use crate::core::route::GuidanceView;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

/// Shown when a guidance address names an id this content pack does not have.
#[component]
pub fn UnknownEntry(
    /// The id that was asked for.
    id: String,
) -> impl IntoView {
    view! {
        <h1>{t("notfound.title")}</h1>
        <p>{t_with("guidance.unknown_item", &[("id", &id)])}</p>
        <p>
            <a class="button" href=GuidanceView::Overview.href()>{t("guidance.back")}</a>
        </p>
    }
}
