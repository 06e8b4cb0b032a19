use crate::ui::i18n::{t, t_with};
use crate::ui::state::{use_library, StorageMode};
use leptos::prelude::*;

/// Where assessments are kept and how much room they take; a warning when nothing will survive a
/// reload, and an alert when storage is full.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let ctx = use_library();
    // Integer arithmetic only: formatting floats would add about 10 KB of code to the app.
    let size = move || {
        let bytes = ctx.bytes_used.get();
        // Units and the decimal mark as the page's language writes them ("1,5 Mo").
        let mark = crate::core::content::decimal_mark();
        if bytes < 1_000_000 {
            t_with("assessments.size_kb", &[("n", &bytes.div_ceil(1000).to_string())])
        } else {
            let n = format!("{}{mark}{}", bytes / 1_000_000, bytes % 1_000_000 / 100_000);
            t_with("assessments.size_mb", &[("n", &n)])
        }
    };
    let count = move || ctx.listing.with(|l| l.active.len() + l.deleted.len()).to_string();
    view! {
        <div class="storage-status">
            {move || match ctx.mode.get() {
                StorageMode::Browser => {
                    view! {
                        <p>
                            {move || t_with("assessments.storage_browser", &[("count", &count()), ("size", &size())])}
                            " "
                            {move || match ctx.persistent.get() {
                                Some(true) => t("assessments.storage_persistent"),
                                Some(false) => t("assessments.storage_not_persistent"),
                                None => "",
                            }}
                        </p>
                    }
                        .into_any()
                }
                StorageMode::MemoryOnly(reason) => {
                    view! {
                        <p class="notice" role="alert">
                            <strong class="notice-label">{t("assessments.storage_memory_label")}</strong>
                            " "
                            {t_with("assessments.storage_memory", &[("reason", &reason)])}
                        </p>
                    }
                        .into_any()
                }
            }}
            {move || {
                ctx.problem.get().map(|_| view! { <p class="notice" role="alert">{t("assessments.storage_full")}</p> })
            }}
        </div>
    }
}
