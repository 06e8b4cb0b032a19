use crate::core::content::pack;
use crate::core::{APP_VERSION, TOOLKIT_INTERPOL, TOOLKIT_UNICRI};
use crate::ui::i18n::t;
use leptos::prelude::*;

/// Independence statement, credits to the publishers, versions and the privacy promise.
#[component]
pub fn AboutPage() -> impl IntoView {
    let info = &pack().info;
    let external = |href: &'static str, label: &'static str| {
        view! {
            <li>
                <a href=href rel="noopener noreferrer external" target="_blank">
                    {label}
                    <span class="visually-hidden">" (" {t("about.external_note")} ")"</span>
                </a>
            </li>
        }
    };
    view! {
        <h1>{t("about.title")}</h1>
        <section aria-labelledby="independence-heading">
            <h2 id="independence-heading">{t("about.independence_heading")}</h2>
            <p>{t("about.independence_body")}</p>
        </section>
        <section aria-labelledby="credits-heading">
            <h2 id="credits-heading">{t("about.credits_heading")}</h2>
            <p>{t("about.credits_body")}</p>
            <ul>
                {external(TOOLKIT_INTERPOL, t("about.link_interpol"))}
                {external(TOOLKIT_UNICRI, t("about.link_unicri"))}
            </ul>
        </section>
        <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t("about.versions_heading")}</h2>
            <dl class="facts">
                <dt>{t("about.app_version")}</dt>
                <dd id="app-version">{APP_VERSION}</dd>
                <dt>{t("about.content_pack")}</dt>
                <dd>{info.title.as_ref()} " (" <code>{info.id.as_ref()}</code> ")"</dd>
                <dt>{t("about.content_version")}</dt>
                <dd id="content-version">{info.version.as_ref()}</dd>
                <dt>{t("about.toolkit_edition")}</dt>
                <dd>{info.toolkit_edition.as_ref()}</dd>
            </dl>
        </section>
        <section aria-labelledby="privacy-about-heading">
            <h2 id="privacy-about-heading">{t("about.privacy_heading")}</h2>
            <p>{t("about.privacy_body")}</p>
            <p>{t("about.storage_body")}</p>
        </section>
    }
}
