use crate::browser::language::switch_to;
use crate::core::content::{language, languages};
use crate::core::language::endonym;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The languages the app is offered in, each named in itself; choosing one loads the page again in it
/// (answers are saved first, as on any reload). Buttons rather than a select: a select changes on
/// each arrow key, and a reload per key would be a change of context the user did not ask for.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let offered: Vec<&'static str> = languages().collect();
    let current = language();
    let failed = RwSignal::new(None::<String>);
    (offered.len() > 1).then(|| {
        let item = move |lang: &'static str| {
            let here = lang == current;
            let choose = move |_| {
                if !here {
                    if let Err(e) = switch_to(lang) {
                        failed.set(Some(e));
                    }
                }
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="language"
                        lang=lang
                        aria-current=here.then_some("true")
                        on:click=choose
                    >
                        {endonym(lang)}
                    </button>
                </li>
            }
        };
        view! {
            <nav class="language-menu" aria-label=t("nav.language")>
                <ul>{offered.into_iter().map(item).collect_view()}</ul>
                {move || failed.get().map(|e| view! { <p role="alert">{e}</p> })}
            </nav>
        }
    })
}
