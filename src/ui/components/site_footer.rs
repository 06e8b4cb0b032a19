use crate::core::content::pack;
use crate::core::APP_VERSION;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;

/// The footer on every view: independence note and versions, also printed on every report page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let info = &pack().info;
    let versions = format!(
        "{} · {} {}",
        t_with("footer.version", &[("version", APP_VERSION)]),
        t("about.content_version"),
        info.version
    );
    view! {
        <footer class="site-footer">
            <p>{t("footer.note")}</p>
            <p class="versions">{versions}</p>
        </footer>
    }
}
