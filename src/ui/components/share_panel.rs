//! Export and import of answer files on the library page: choose assessments, optionally a passphrase,
//! download; pick or drop files, see per file what was imported or exactly why not, unlock encrypted
//! ones, and decide for each assessment that already exists here.

use crate::browser::crypto::{seal, unseal, UnsealError};
use crate::browser::download::download;
use crate::browser::files::{files_of, read};
use crate::browser::page;
use crate::browser::system::confirm as ask;
use crate::browser::system::{date_time, new_id, now_ms};
use crate::browser::tools;
use crate::core::answer_file::{self, read_stored, Sealed, MAX_ASSESSMENTS, MAX_FILES_PER_IMPORT};
use crate::core::assessment::Assessment;
use crate::core::passphrase::{strength, Strength};
use crate::core::render::{FileBody, Fingerprints, Reading, Request};
use crate::core::route::Route;
use crate::ui::components::kind_label;
use crate::ui::i18n::{t, t_with};
use crate::ui::state::{use_library, LibraryContext};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// How many assessments one import (the files picked or dropped together) has added so far, shared
/// by its files, encrypted ones unlocked later included: together they add at most `MAX_ASSESSMENTS`.
type Added = Arc<AtomicUsize>;

/// Where one imported file stands.
#[derive(Clone)]
enum FileState {
    Failed(String),
    /// A refusal of the whole pick, not of one file.
    Declined(String),
    Locked(Sealed, Added),
    /// Imported; these assessments already existed here and wait for the user's choice. `warning`:
    /// what the user must know before relying on what came in (content that does not match its
    /// fingerprint).
    Imported {
        summary: String,
        warning: Option<String>,
        conflicts: Vec<Assessment>,
    },
}

/// One imported file's line. Everything it shows is in `state`, so redrawing the list when another
/// file arrives loses no decision.
#[derive(Clone)]
struct FileRow {
    key: u32,
    name: String,
    state: RwSignal<FileState>,
}

/// The refusal of a file that would take its import past `MAX_ASSESSMENTS`, if it would.
fn over_budget(added: &Added, count: usize) -> Option<FileState> {
    let before = added.load(Ordering::Relaxed);
    (before + count > MAX_ASSESSMENTS).then(|| {
        let (before, max) = (before.to_string(), MAX_ASSESSMENTS.to_string());
        FileState::Failed(t_with("share.over_budget", &[("count", &before), ("max", &max)]))
    })
}

/// Imports the assessments a file holds, which passed every check, as one batch: all are stored or,
/// if storage fills up, none. Existing ids wait for the user's choice. Only what is added counts
/// towards the import's limit (see `MAX_FILES_PER_IMPORT`).
fn import(
    ctx: LibraryContext,
    list: Vec<Assessment>,
    unknown: usize,
    fingerprints: Fingerprints,
    decrypted: bool,
    added: Added,
) -> FileState {
    if let Some(refused) = over_budget(&added, list.len()) {
        return refused;
    }
    match ctx.import(list) {
        Ok(done) => {
            added.fetch_add(done.added, Ordering::Relaxed);
            let mut summary = t_with("share.imported", &[("count", &done.added.to_string())]);
            if decrypted && done.added > 0 {
                summary.push(' ');
                summary.push_str(t("share.stored_unencrypted"));
            }
            if unknown > 0 {
                summary.push(' ');
                summary.push_str(&t_with("share.unknown_items", &[("count", &unknown.to_string())]));
            }
            let Fingerprints { matched, unchecked, differ } = fingerprints;
            if matched > 0 && unchecked == 0 && differ.is_empty() {
                summary.push(' ');
                summary.push_str(t("share.fingerprints_match"));
            }
            if unchecked > 0 {
                summary.push(' ');
                summary.push_str(&t_with("share.fingerprints_absent", &[("count", &unchecked.to_string())]));
            }
            let warning = (!differ.is_empty())
                .then(|| t_with("share.fingerprint_differs", &[("titles", &differ.join("”, “"))]));
            FileState::Imported { summary, warning, conflicts: done.conflicts }
        }
        Err(e) => FileState::Failed(e.to_string()),
    }
}

/// Has the tools module check a file (`decrypted`: the plaintext of an encrypted one), then imports
/// what it holds or says exactly why not.
async fn read_and_import(ctx: LibraryContext, file: FileBody, decrypted: bool, added: Added) -> FileState {
    let reading = tools::render(&Request::<Assessment>::Open { file, decrypted })
        .await
        .and_then(|written| Reading::from_json(&written.text));
    match reading {
        Ok(Reading::Plain { assessments, unknown, fingerprints }) => {
            match assessments.iter().map(read_stored).collect::<Result<Vec<_>, _>>() {
                Ok(list) => import(ctx, list, unknown, fingerprints, decrypted, added),
                Err(problem) => FileState::Failed(problem),
            }
        }
        Ok(Reading::Encrypted { sealed }) => FileState::Locked(sealed, added),
        Ok(Reading::Refused { problem }) | Err(problem) => FileState::Failed(problem),
    }
}

/// A file's text as read from disk, for the tools module to check.
fn body(bytes: Vec<u8>) -> FileBody {
    String::from_utf8(bytes)
        .map_or_else(|e| FileBody::NotText { at: e.utf8_error().valid_up_to() }, FileBody::Text)
}

async fn state_of(ctx: LibraryContext, file: &web_sys::File, added: Added) -> FileState {
    let file = match read(file).await {
        Err(0) => return FileState::Failed(t("share.unreadable").to_string()),
        Err(bytes) => FileBody::TooLarge { bytes },
        Ok(bytes) => body(bytes),
    };
    read_and_import(ctx, file, false, added).await
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = use_library();
    let selected = RwSignal::new(Vec::<String>::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let export_message = RwSignal::new(String::new());
    let rows = RwSignal::new(Vec::<FileRow>::new());
    let next_key = StoredValue::new(0u32);
    // Imports under way: the results list is `aria-busy` until each has said what became of its files.
    let importing = RwSignal::new(0u32);

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
    let add_files = move |list: Option<web_sys::FileList>| {
        let list = files_of(list);
        // False once the panel is gone (the user moved on mid-import): the import stops there.
        let add = move |name: String, state: FileState| {
            let Some(key) = next_key.try_get_value() else { return false };
            next_key.set_value(key + 1);
            rows.try_update(|r| r.insert(0, FileRow { key, state: RwSignal::new(state), name })).is_some()
        };
        if list.len() > MAX_FILES_PER_IMPORT {
            let (count, max) = (list.len().to_string(), MAX_FILES_PER_IMPORT.to_string());
            add(
                String::new(),
                FileState::Declined(t_with("share.too_many_files", &[("count", &count), ("max", &max)])),
            );
            return;
        }
        let added = Added::default();
        importing.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            // One file at a time, read and done with before the next: memory stays at one file.
            for file in list {
                let state = match over_budget(&added, 1) {
                    // The import is full: the rest are refused unread.
                    Some(refused) => refused,
                    None => state_of(ctx, &file, added.clone()).await,
                };
                if !add(file.name(), state) {
                    return;
                }
            }
            importing.update(|n| *n -= 1);
        });
    };
    let dragging = RwSignal::new(false);

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
        <section
            class="panel share drop"
            class:dragging=move || dragging.get()
            aria-labelledby="import-heading"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                add_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <h2 id="import-heading">{t("share.import_heading")}</h2>
            <p class="hint">{t("share.import_hint")}</p>
            <p class="field">
                <label for="import-files">{t("share.pick")}</label>
                <input
                    id="import-files"
                    type="file"
                    multiple
                    accept=".json,.html,.htm,application/json,text/html"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        add_files(input.files());
                        input.set_value("");
                    }
                />
            </p>
            <ul class="import-results" aria-live="polite" aria-busy=move || (importing.get() > 0).to_string()>{move || rows.get().into_iter().map(|row| view! { <ImportRow row=row/> }).collect_view()}</ul>
        </section>
    }
}

/// One imported file: what became of it, and the decisions it still needs.
#[component]
fn ImportRow(row: FileRow) -> impl IntoView {
    let (state, name, key) = (row.state, row.name, row.key);
    move || view_state(state, name.clone(), key)
}

fn view_state(state: RwSignal<FileState>, name: String, key: u32) -> AnyView {
    let ctx = use_library();
    match state.get() {
        FileState::Failed(problem) => view! {
            <li class="import-failed">
                <strong>{t("share.failed_label")}</strong> " " {name} ": " {problem} ". " {t("share.nothing_imported")}
            </li>
        }
        .into_any(),
        FileState::Declined(why) => view! {
            <li class="import-failed"><strong>{t("share.failed_label")}</strong> " " {why}</li>
        }
        .into_any(),
        FileState::Locked(sealed, added) => {
            let secret = RwSignal::new(String::new());
            let problem = RwSignal::new(String::new());
            let input = format!("unlock-{key}");
            let sealed = StoredValue::new(sealed);
            let added = StoredValue::new(added);
            let busy = StoredValue::new(false);
            let unlock = move || {
                let pass = secret.get_untracked();
                if pass.is_empty() {
                    problem.set(t("share.passphrase_needed").to_string());
                    return;
                }
                // One derivation at a time: repeated Enter must not start several or import twice.
                if busy.get_value() {
                    return;
                }
                busy.set_value(true);
                let sealed = sealed.get_value();
                let added = added.get_value();
                problem.set(t("share.decrypting").to_string());
                leptos::task::spawn_local(async move {
                    match unseal(&sealed, &pass).await {
                        // Counted with the files picked with it.
                        Ok(plain) => state.set(read_and_import(ctx, body(plain), true, added).await),
                        Err(UnsealError::WrongPassphraseOrChanged) => problem.set(t("share.wrong_passphrase").to_string()),
                        Err(UnsealError::Unavailable) => problem.set(t("share.crypto_unavailable").to_string()),
                    }
                    busy.set_value(false);
                });
            };
            view! {
                <li class="import-locked">
                    <p><strong>{name.clone()}</strong> ": " {t("share.locked")}</p>
                    <p class="field">
                        <label for=input.clone()>{t("share.passphrase")}<span class="visually-hidden">" " {name.clone()}</span></label>
                        <input id=input type="password" autocomplete="off"
                            on:input=move |ev| secret.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" { unlock() }/>
                    </p>
                    <p class="actions"><button type="button" class="button small" on:click=move |_| unlock()>{t("share.unlock")}<span class="visually-hidden">" " {name}</span></button></p>
                    <p class="field-error" hidden=move || problem.with(String::is_empty)>{move || problem.get()}</p>
                </li>
            }
            .into_any()
        }
        FileState::Imported { summary, warning, conflicts } => {
            // A decision is recorded in the file's state: the conflict leaves the list, its outcome
            // joins the summary.
            let decided = move |id: String, outcome: String| {
                state.update(|s| {
                    if let FileState::Imported { summary, conflicts, .. } = s {
                        conflicts.retain(|c| c.id != id);
                        summary.push(' ');
                        summary.push_str(&outcome);
                    }
                })
            };
            let decisions = conflicts
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    let title = a.title.clone();
                    let id = StoredValue::new(a.id.clone());
                    let done = move |outcome: String| decided(id.get_value(), outcome);
                    let copy = StoredValue::new(a.clone());
                    // Keeps both; with `compare`, then opens the two side by side to merge them.
                    let keep_both = move |compare: bool| {
                        let (existing, new_title) =
                            copy.with_value(|c| (c.id.clone(), t_with("share.copy_title", &[("title", &c.title)])));
                        let result = ctx.create(copy.with_value(|c| c.duplicate(new_id(), new_title.clone(), now_ms())));
                        match result {
                            Ok(added) if compare => page::go(&Route::Compare(vec![existing, added.id]).href()),
                            Ok(_) => done(t_with("share.kept_both", &[("title", &new_title)])),
                            Err(e) => done(e.to_string()),
                        }
                    };
                    let replace = move |_| {
                        // Replacing with an older copy loses the newer answers here: ask first.
                        let older = ctx.load(&a.id).is_ok_and(|here| here.updated > a.updated);
                        if older && !ask(t("share.replace_older")) {
                            return;
                        }
                        done(match ctx.overwrite(&a) {
                            Ok(_) => t_with("share.replaced", &[("title", &a.title)]),
                            Err(e) => e.to_string(),
                        });
                    };
                    view! {
                        <li class="conflict" data-index=i>
                            <p>{t_with("share.exists", &[("title", &title)])}</p>
                            <p class="actions">
                                <button type="button" class="button small" on:click=move |_| keep_both(false)>{t("share.keep_both")}<span class="visually-hidden">" " {title.clone()}</span></button>
                                <button type="button" class="button small secondary" on:click=move |_| keep_both(true)>{t("share.merge")}<span class="visually-hidden">" " {title.clone()}</span></button>
                                <button type="button" class="button small secondary" on:click=replace>{t("share.replace")}<span class="visually-hidden">" " {title.clone()}</span></button>
                            </p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="import-done">
                    <p><strong>{t("share.done_label")}</strong> " " {name} ": " {summary}</p>
                    {warning.map(|w| view! { <p class="field-error">{w}</p> })}
                    <ul>{decisions}</ul>
                </li>
            }
            .into_any()
        }
    }
}

/// A file with every live assessment is a backup: the backup reminder counts from now (the tools
/// module keeps the backups' state).
fn backed_up() {
    tools::call(tools::Export::BackupExported, "");
}
