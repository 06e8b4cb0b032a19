use crate::browser::download::download;
use crate::browser::system::{confirm, date_time};
use crate::browser::tools::{self, Export};
use crate::core::assessment::Kind;
use crate::core::dates::in_words;
use crate::core::library::{select, SortBy};
use crate::core::review::Status;
use crate::ui::components::{kind_label, AssessmentCard, NewAssessmentForm, Samples, StorageStatus};
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;

/// The assessment library: create, find, open, rename, duplicate, delete and restore assessments,
/// and see records that are set aside.
#[component]
pub fn AssessmentsPage() -> impl IntoView {
    let ctx = use_library();
    ctx.refresh();
    // Once the page is in place (the call runs after this task), the tools module fills its backup section.
    // The export, import and backup sections are the tools module's (src/tools/): it reads, writes
    // and checks the files, and none of that code is in the first load.
    for (panel, id) in [
        (Export::FileExportPanel, "export"),
        (Export::ImportPanel, "import"),
        (Export::BackupPanel, "backup"),
    ] {
        tools::call(panel, id);
    }
    let message = RwSignal::new(None::<String>);
    let kind = RwSignal::new(None::<Kind>);
    let status = RwSignal::new(None::<Status>);
    let text = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Updated);

    let total = move || ctx.listing.with(|l| l.active.len());
    let shown = Memo::new(move |_| {
        ctx.listing.with(|l| {
            let list = select(&l.active, kind.get(), status.get(), &text.get(), sort.get());
            list.into_iter().cloned().collect::<Vec<_>>()
        })
    });
    let cards = move || {
        shown
            .get()
            .into_iter()
            .map(|summary| view! { <AssessmentCard summary=summary message=message/> })
            .collect_view()
    };
    let kind_options = Kind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.id() selected=move || kind.get() == Some(k)>{kind_label(k)}</option> })
        .collect_view();
    let status_options = Status::ALL
        .into_iter()
        .map(
            |x| view! { <option value=x.id() selected=move || status.get() == Some(x)>{t(x.key())}</option> },
        )
        .collect_view();
    let sort_options = SortBy::ALL
        .into_iter()
        .map(|s| {
            let label = match s {
                SortBy::Updated => t("assessments.sort_updated"),
                SortBy::Title => t("assessments.sort_title"),
                SortBy::Progress => t("assessments.sort_progress"),
            };
            view! { <option value=s.id() selected=move || sort.get() == s>{label}</option> }
        })
        .collect_view();

    let deleted = move || {
        ctx.listing
            .get()
            .deleted
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                let title = s.title.clone();
                view! {
                    <li class="bin-item">
                        <span class="bin-title">{s.title.clone()}</span>
                        <span class="bin-meta">
                            {kind_label(s.kind)} " · " {t("assessments.deleted_on")} " " {s.deleted.map(|at| in_words(&date_time(at))).unwrap_or_default()}
                        </span>
                        <button
                            type="button"
                            class="button small secondary"
                            on:click=move |_| {
                                let done = ctx.restore(&id).map(|_| t_with("assessments.done_restored", &[("title", &title)]));
                                message.set(Some(done.unwrap_or_else(|e| format!("{} {e}", t("assessments.error_prefix")))));
                            }
                        >
                            {t("assessments.restore")}
                            <span class="visually-hidden">" " {s.title.clone()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let empty_bin = move |_| {
        let count = ctx.listing.with_untracked(|l| l.deleted.len()).to_string();
        if confirm(&t_with("assessments.empty_bin_confirm", &[("count", &count)])) {
            let done =
                ctx.empty_bin().map(|n| t_with("assessments.done_emptied", &[("count", &n.to_string())]));
            message.set(Some(done.unwrap_or_else(|e| format!("{} {e}", t("assessments.error_prefix")))));
        }
    };
    let set_aside = move || {
        ctx.listing
            .get()
            .set_aside
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                view! {
                    <li class="bin-item">
                        <code>{s.id.clone()}</code>
                        <span class="bin-meta">{s.problem.to_string()}</span>
                        <button
                            type="button"
                            class="button small secondary"
                            on:click=move |_| {
                                if let Some(raw) = ctx.raw(&id) {
                                    download(&format!("rai-assess-set-aside-{id}.json"), "application/json", &raw);
                                }
                            }
                        >
                            {t("assessments.set_aside_download")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let has_deleted = move || ctx.listing.with(|l| !l.deleted.is_empty());
    view! {
        <h1>{t("assessments.title")}</h1>
        <p class="lead">{t("assessments.lead")}</p>
        <StorageStatus/>
        <p class="status-line" role="status" aria-label=t("assessments.status_label")>{move || message.get()}</p>
        // Open for a first visit; folded once there is a list, so the list is what a returning user sees.
        <details class="panel new-panel" open=ctx.listing.with_untracked(|l| l.active.is_empty())>
            <summary>
                <h2 id="new-heading">{t("assessments.new_heading")}</h2>
            </summary>
            <NewAssessmentForm message=message/>
        </details>
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{t("assessments.list_heading")} " (" {total} ")"</h2>
            <div class="filters">
                <p class="field">
                    <label for="filter-kind">{t("assessments.filter_kind")}</label>
                    <select id="filter-kind" on:change=move |ev| kind.set(Kind::from_id(&event_target_value(&ev)))>
                        <option value="" selected=move || kind.get().is_none()>{t("assessments.filter_all")}</option>
                        {kind_options}
                    </select>
                </p>
                <p class="field">
                    <label for="filter-status">{t("assessments.filter_status")}</label>
                    <select id="filter-status" on:change=move |ev| status.set(Status::from_id(&event_target_value(&ev)))>
                        <option value="" selected=move || status.get().is_none()>{t("assessments.filter_all_statuses")}</option>
                        {status_options}
                    </select>
                </p>
                <p class="field">
                    <label for="filter-text">{t("assessments.filter_text")}</label>
                    <input id="filter-text" type="search" autocomplete="off" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="sort-by">{t("assessments.sort_label")}</label>
                    <select id="sort-by" on:change=move |ev| sort.set(SortBy::from_id(&event_target_value(&ev)))>{sort_options}</select>
                </p>
            </div>
            <p class="hint" aria-live="polite">
                {move || {
                    let (n, all) = (shown.with(Vec::len), total());
                    match (all, n) {
                        (0, _) => t("assessments.empty").to_string(),
                        (_, 0) => t("assessments.no_match").to_string(),
                        _ => t_with("assessments.shown", &[("shown", &n.to_string()), ("total", &all.to_string())]),
                    }
                }}
            </p>
            <ul class="cards library" role="list">{cards}</ul>
        </section>
        <section id="export" class="panel share" aria-labelledby="export-heading"></section>
        <section id="import" class="panel share drop" aria-labelledby="import-heading"></section>
        // Filled by the tools module (src/tools/backup.rs): the backups to a folder and the reminder.
        <section id="backup" class="backup"></section>
        <section aria-labelledby="bin-heading">
            <h2 id="bin-heading">{t("assessments.deleted_heading")} " (" {move || ctx.listing.with(|l| l.deleted.len())} ")"</h2>
            <p hidden=has_deleted>{t("assessments.deleted_none")}</p>
            <div hidden=move || !has_deleted()>
                <ul class="bin" role="list">{deleted}</ul>
                <p>
                    <button type="button" class="button small danger" on:click=empty_bin>{t("assessments.empty_bin")}</button>
                </p>
            </div>
        </section>
        <section aria-labelledby="aside-heading" hidden=move || ctx.listing.with(|l| l.set_aside.is_empty())>
            <h2 id="aside-heading">{t("assessments.set_aside_heading")}</h2>
            <p>{t("assessments.set_aside_intro")}</p>
            <ul class="bin" role="list">{set_aside}</ul>
        </section>
        <Samples message=message/>
    }
}
