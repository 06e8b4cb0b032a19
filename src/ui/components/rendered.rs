//! A view's markup written by the tools module (see `core::render`): "Preparing…" until it arrives,
//! or the problem with a way to try again. A view that failed because the network was cut tries
//! again by itself when the browser is back online.

use crate::browser::tools;
use crate::core::assessment::Assessment;
use crate::core::render::Request;
use crate::ui::i18n::t;
use leptos::prelude::*;

/// The HTML written for `request`, in a `div` of `class`.
#[component]
pub fn Rendered(
    /// What to write.
    request: Request<Assessment>,
    /// The wrapper's class.
    class: &'static str,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let body = LocalResource::new(move || {
        attempt.track();
        tools::render(&request)
    });
    let failed = move || body.with(|b| matches!(b, Some(Err(_))));
    let online = window_event_listener(leptos::ev::online, move |_| {
        if failed() {
            attempt.update(|n| *n += 1);
        }
    });
    on_cleanup(move || online.remove());
    let html = move || match body.get() {
        None => format!("<p role=\"status\">{}</p>", t("results.loading")),
        Some(Ok(drawn)) => drawn.html,
        Some(Err(_)) => String::new(),
    };
    view! {
        {move || body.with(|b| match b {
            Some(Err(problem)) => Some(view! {
                <div class="notice problem" role="alert">
                    <p>{problem.clone()}</p>
                    <p><button type="button" class="button small" on:click=move |_| attempt.update(|n| *n += 1)>{t("content.retry")}</button></p>
                </div>
            }),
            _ => None,
        })}
        <div class=class inner_html=html></div>
    }
}
