use crate::core::route::{Route, Section};
use crate::ui::components::LanguageMenu;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The banner on every view: product name, the independence statement and the main navigation.
#[component]
pub fn SiteHeader(
    /// The current view, to mark its navigation link.
    route: ReadSignal<Route>,
) -> impl IntoView {
    let link = move |target: Section, label: &'static str| {
        let href = target.route().href();
        // The section's own page is the current page; on a page inside it (a principle under
        // Guidance) the link is still marked, as the current section.
        let current = move || {
            route.with(|r| match r.section() == Some(target) {
                true if r.is_section_start() => Some("page"),
                true => Some("true"),
                false => None,
            })
        };
        view! {
            <li>
                <a href=href aria-current=current>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <LanguageMenu/>
                <p class="brand">
                    <a class="brand-name" href=Route::Home.href()>
                        {t("app.name")}
                    </a>
                    <span class="brand-long">{t("app.long_name")}</span>
                </p>
                <p class="independence">{t("app.independence")}</p>
                <nav class="main-nav" aria-label=t("nav.label")>
                    <ul>
                        {link(Section::Home, t("nav.home"))}
                        {link(Section::Assessments, t("nav.assessments"))}
                        {link(Section::Guidance, t("nav.guidance"))}
                        {link(Section::About, t("nav.about"))}
                    </ul>
                </nav>
            </div>
        </header>
    }
}
