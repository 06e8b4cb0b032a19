//! Export of answer files on the library page: choose assessments, optionally a passphrase, download;
//! compare or delete the chosen ones. The import section beside it is the tools module's
//! (`src/tools/import.rs`): the app keeps its empty section.

use crate::browser::crypto::seal;
use crate::browser::download::download;
use crate::browser::page;
use crate::browser::system::confirm as ask;
use crate::browser::system::{date_time, now_ms};
use crate::browser::tools;
use crate::core::answer_file;
use crate::core::assessment::Assessment;
use crate::core::passphrase::{strength, Strength};
use crate::core::render::Request;
use crate::core::route::Route;
use crate::ui::components::kind_label;
use crate::ui::i18n::{t, t_with};
use crate::ui::state::use_library;
use leptos::prelude::*;

#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = use_library();
    let selected = RwSignal::new(Vec::<String>::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let export_message = RwSignal::new(String::new());

    let choices = move || {
        ctx.listing
            .get()
            .active
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                let toggled = id.clone();
                let input = format!("x-{id}");
                view! {
                    <li>
                        <input
                            type="checkbox"
                            id=input.clone()
                            prop:checked=move || selected.with(|l| l.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|l| {
                                    l.retain(|x| *x != toggled);
                                    if on {
                                        l.push(toggled.clone());
                                    }
                                });
                            }
                        />
                        <label for=input>{s.title.clone()} " · " {kind_label(s.kind)}</label>
                    </li>
                }
            })
            .collect_view()
    };
    let all_ids = move || ctx.listing.with(|l| l.active.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let select_all = move |_| selected.set(all_ids());

    // Said as the user types; only the minimum length is enforced (see core::passphrase).
    let strength_line = move || {
        let (key, bits) = match passphrase.with(|p| strength(p)) {
            None => return String::new(),
            Some(Strength::TooShort) => ("share.strength_short", 0),
            Some(Strength::Weak(b)) => ("share.strength_weak", b),
            Some(Strength::Fair(b)) => ("share.strength_fair", b),
            Some(Strength::Strong(b)) => ("share.strength_strong", b),
        };
        t_with(key, &[("bits", &bits.to_string())])
    };

    let export = move |_| {
        let ids = selected.get_untracked();
        let list: Vec<Assessment> = ids.iter().filter_map(|id| ctx.load(id).ok()).collect();
        if list.is_empty() {
            export_message.set(t("share.none_selected").to_string());
            return;
        }
        let secret = passphrase.get_untracked();
        if secret != confirm.get_untracked() {
            export_message.set(t("share.mismatch").to_string());
            return;
        }
        if strength(&secret) == Some(Strength::TooShort) {
            export_message.set(t("share.too_short").to_string());
            return;
        }
        // One that cannot be read is left out and the message says so: a backup never lacks one silently.
        let skipped = ids.len() - list.len();
        let left_out = if skipped > 0 {
            format!(" {}", t_with("share.skipped", &[("count", &skipped.to_string())]))
        } else {
            String::new()
        };
        let refs: Vec<&Assessment> = list.iter().collect();
        let now = now_ms();
        let date: String = date_time(now).chars().take(10).collect();
        // Every live assessment by id (a count could match with one binned elsewhere and one added).
        let all = all_ids().iter().all(|id| list.iter().any(|a| &a.id == id));
        let name = answer_file::file_name(&refs, all, &date, !secret.is_empty());
        let count = list.len().to_string();
        export_message
            .set(t(if secret.is_empty() { "results.loading" } else { "share.encrypting" }).to_string());
        // The tools module writes the file (and the sealed envelope): that code is not in the first load.
        let file = tools::render(&Request::AnswerFile { records: list, now });
        leptos::task::spawn_local(async move {
            let done = async {
                let text = file.await?.text;
                if secret.is_empty() {
                    if download(&name, "application/json", &text) && all {
                        backed_up();
                    }
                    return Ok(t_with("share.exported", &[("count", &count), ("file", &name)]));
                }
                let sealed =
                    seal(text.as_bytes(), &secret).await.map_err(|_| t("share.crypto_unavailable"))?;
                let envelope = tools::render(&Request::<Assessment>::SealedFile { sealed }).await?.text;
                if download(&name, "application/json", &envelope) && all {
                    backed_up();
                }
                // The file is written: the passphrase does not stay on screen for the next person.
                passphrase.set(String::new());
                confirm.set(String::new());
                Ok(t_with("share.exported_encrypted", &[("count", &count), ("file", &name)]))
            };
            export_message.set(done.await.map_or_else(|e: String| e, |m| m + &left_out));
        });
    };

    // Many at once (a batch of junk imported by mistake, a year's old work): the bin can restore them.
    let remove = move |_| {
        let ids = selected.get_untracked();
        if ids.is_empty() {
            export_message.set(t("share.none_to_delete").to_string());
            return;
        }
        if !ask(&t_with("share.delete_confirm", &[("count", &ids.len().to_string())])) {
            return;
        }
        let (moved, problem) = match ctx.delete_many(&ids) {
            Ok(n) => (n, String::new()),
            Err((n, e)) => (n, format!("{e}. ")),
        };
        selected.set(Vec::new());
        export_message.set(problem + &t_with("share.deleted", &[("count", &moved.to_string())]));
    };

    let compare = move |_| {
        let ids = selected.get_untracked();
        if ids.len() < 2 {
            export_message.set(t("compare.need_two").to_string());
        } else {
            page::go(&Route::Compare(ids).href());
        }
    };
    // The import section is the tools module's: it reads, checks and stores the files.
    tools::call(tools::Export::ImportPanel, "import");

    view! {
        <section class="panel share" aria-labelledby="export-heading">
            <h2 id="export-heading">{t("share.export_heading")}</h2>
            <p class="hint">{t("share.export_hint")}</p>
            <fieldset class="export-list">
                <legend>{t("share.choose")}</legend>
                <ul>{choices}</ul>
                <button type="button" class="button small secondary" on:click=select_all>{t("share.select_all")}</button>
            </fieldset>
            <p class="hint" id="x-pass-hint">{t("share.passphrase_hint")}</p>
            <div class="field-pair">
                <p class="field">
                    <label for="x-pass">{t("share.passphrase")}</label>
                    <input id="x-pass" type="password" autocomplete="new-password" aria-describedby="x-pass-hint x-pass-strength"
                        prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="x-pass2">{t("share.passphrase_again")}</label>
                    <input id="x-pass2" type="password" autocomplete="new-password"
                        prop:value=confirm on:input=move |ev| confirm.set(event_target_value(&ev))/>
                </p>
            </div>
            <p class="hint" id="x-pass-strength" aria-live="polite">{strength_line}</p>
            <p class="actions">
                <button type="button" class="button" on:click=export>{t("share.export")}</button>
                <button type="button" class="button secondary" on:click=compare>{t("compare.start")}</button>
                <button type="button" class="button secondary" on:click=remove>{t("share.delete_selected")}</button>
            </p>
            <p role="status" class="share-status">{move || export_message.get()}</p>
        </section>
        <section id="import" class="panel share drop" aria-labelledby="import-heading"></section>
    }
}

/// A file with every live assessment is a backup: the backup reminder counts from now (the tools
/// module keeps the backups' state).
fn backed_up() {
    tools::call(tools::Export::BackupExported, "");
}
