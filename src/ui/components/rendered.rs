//! A view's markup written by the tools module (see `core::render`): "Preparing…" until it arrives,
//! or the problem with a button to try again. A view that failed because the network was cut tries
//! again by itself when the browser is back online.

use crate::browser::{controls, tools};
use crate::core::assessment::Assessment;
use crate::core::render::Request;
use crate::core::report::escape::html;
use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The `data-act` of the "Try again" button in [`problem_markup`].
pub const RETRY: &str = "retry";

/// A problem as an alert with a "Try again" button (`data-act` [`RETRY`]), written as markup like the
/// views it stands in for.
pub fn problem_markup(problem: &str) -> String {
    format!(
        "<div class=\"notice problem\" role=\"alert\"><p>{}</p><p><button type=\"button\" class=\"button small\" data-act=\"{RETRY}\">{}</button></p></div>",
        html(problem),
        t("content.retry")
    )
}

/// The HTML written for `request`, in a `div` of `class`.
#[component]
pub fn Rendered(
    /// What to write.
    request: Request<Assessment>,
    /// The wrapper's class.
    class: &'static str,
    /// Called with the wrapper once the markup is in the page (the glossary's filter works on it).
    #[prop(optional)]
    on_drawn: Option<Callback<web_sys::HtmlDivElement>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // A signal and a task rather than a resource: the same behaviour (the last answer shown until a
    // new one arrives), and about 1 KB less in the first load without the async machinery.
    let body = RwSignal::new(None::<Result<String, String>>);
    let request = StoredValue::new(request);
    let retry = move || {
        let asked = request.with_value(tools::render);
        spawn_local(async move {
            let got = asked.await.map(|w| w.text);
            body.try_set(Some(got));
        });
    };
    retry();
    let online = window_event_listener(leptos::ev::online, move |_| {
        if body.with_untracked(|b| matches!(b, Some(Err(_)))) {
            retry();
        }
    });
    on_cleanup(move || online.remove());
    // Written as markup like the rest, so the problem costs no component of its own.
    let markup = move || match body.get() {
        None => format!("<p role=\"status\">{}</p>", t("results.loading")),
        Some(Ok(text)) => text,
        Some(Err(problem)) => problem_markup(&problem),
    };
    if let Some(drawn) = on_drawn {
        // Effects run after the render effect that set the markup.
        Effect::new(move |_| {
            if body.with(|b| matches!(b, Some(Ok(_)))) {
                if let Some(div) = node.get_untracked() {
                    drawn.run(div);
                }
            }
        });
    }
    view! {
        <div
            class=class
            node_ref=node
            inner_html=markup
            on:click=move |ev| {
                if controls::action(&ev).as_deref() == Some(RETRY) {
                    retry();
                }
            }
        ></div>
    }
}
