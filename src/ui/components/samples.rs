use crate::browser::content::fetch_bytes;
use crate::browser::system::{new_id, now_ms};
use crate::browser::{controls, page, tools};
use crate::core::answer_file::read_stored;
use crate::core::assessment::Assessment;
use crate::core::render::Request;
use crate::core::route::Route;
use crate::core::samples::{path, ACT};
use crate::ui::components::Rendered;
use crate::ui::i18n::t;
use crate::ui::state::use_library;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The fictional samples (listed by the tools module, `core::samples`): a button fetches the sample's
/// file, adds a copy to the library and opens it; a problem is said in the library's status line.
#[component]
pub fn Samples(
    /// The library's status line.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = use_library();
    // One sample at a time: a second click while one opens would add a second copy.
    let busy = StoredValue::new(false);
    let open = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = controls::action(&ev).and_then(|act| act.strip_prefix(ACT).map(String::from)) else {
            return;
        };
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        message.set(Some(t("samples.opening").to_string()));
        spawn_local(async move {
            let file =
                fetch_bytes(&path(&id)).await.and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()));
            let copy = match file {
                Ok(file) => {
                    tools::render(&Request::<Assessment>::Sample { file, new_id: new_id(), now: now_ms() })
                        .await
                }
                Err(e) => Err(e),
            }
            .and_then(|w| {
                let value = serde_json::from_str(&w.text).map_err(|e| e.to_string())?;
                read_stored(value)
            });
            match copy.and_then(|a| ctx.create(a).map_err(|e| e.to_string())) {
                Ok(a) => page::go(&Route::Assessment(a.id).href()),
                Err(e) => message.set(Some(format!("{} {e}", t("assessments.error_prefix")))),
            }
            busy.set_value(false);
        });
    };
    view! { <div on:click=open><Rendered request=Request::Samples class="sample-list"/></div> }
}
