//! Backups outside the browser: each assessment written to a folder the user chose as its own answer
//! file, again whenever it changes; where the browser cannot write to a folder, a reminder to download
//! a backup once assessments changed and the last backup is older than the days the user chose. This
//! is the pure part: what to write, under which name, when a reminder is due, and the panel's words
//! and controls. The browser part runs in the tools module (`src/tools/backup.rs`).

use crate::core::assessment::Assessment;
use crate::core::content::{t, t_with};
use crate::core::library::Summary;
use crate::core::report::escape::html;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where [`BackupState`] is kept in the browser's storage.
pub const KEY: &str = "rai.backup";
/// The reminder's choices, in days; 0 is never.
pub const REMIND_CHOICES: [u32; 6] = [1, 3, 7, 14, 30, 0];
const DAY_MS: i64 = 86_400_000;

/// An assessment's file in the folder: the revision written and the file's name (its title may
/// change, and only that file is then removed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Written {
    pub revision: u64,
    pub name: String,
}

/// What this browser knows of its backups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupState {
    /// Per assessment id, what was last written to the folder.
    #[serde(default)]
    pub written: BTreeMap<String, Written>,
    /// When a file was last written to the folder.
    #[serde(default)]
    pub last_written: Option<i64>,
    /// When a backup of every assessment was last downloaded.
    #[serde(default)]
    pub last_download: Option<i64>,
    /// Remind after this many days; 0 never.
    #[serde(default = "default_days")]
    pub remind_days: u32,
    /// Since when assessments have changed with no backup made after (the reminder counts from here).
    #[serde(default)]
    pub pending_since: Option<i64>,
}

fn default_days() -> u32 {
    7
}

impl Default for BackupState {
    fn default() -> Self {
        BackupState {
            written: BTreeMap::new(),
            last_written: None,
            last_download: None,
            remind_days: default_days(),
            pending_since: None,
        }
    }
}

impl BackupState {
    /// The state as stored; a missing or unreadable one is the default (it only ever costs a rewrite).
    pub fn read(stored: Option<&str>) -> BackupState {
        stored.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
    }

    /// The latest backup of either kind.
    pub fn last_backup(&self) -> Option<i64> {
        self.last_written.max(self.last_download)
    }
}

/// The file an assessment is written to: what it is, its title and its whole id (ids differ in any
/// of their characters, so no two assessments share a file).
pub fn file_name(a: &Assessment) -> String {
    crate::core::assessment::file_name(a, &a.id)
}

/// The file of this assessment's older title to remove, once `name` is written.
pub fn replaced(state: &BackupState, id: &str, name: &str) -> Option<String> {
    state.written.get(id).map(|w| w.name.clone()).filter(|old| old != name)
}

/// The live assessments whose revision the folder does not have yet.
pub fn to_write<'a>(active: &'a [Summary], state: &BackupState) -> Vec<&'a Summary> {
    active.iter().filter(|s| state.written.get(&s.id).map(|w| w.revision) != Some(s.revision)).collect()
}

/// How many live assessments changed after `since` (all of them with no backup yet).
pub fn changed_since(active: &[Summary], since: Option<i64>) -> usize {
    active.iter().filter(|s| since.is_none_or(|t| s.updated > t)).count()
}

/// Notes when changes without a backup began (`now`, the first time they are seen), or that there
/// are none. Returns whether the state changed.
pub fn note_pending(state: &mut BackupState, active: &[Summary], now: i64) -> bool {
    let pending = changed_since(active, state.last_backup()) > 0;
    let since = match (pending, state.pending_since) {
        (true, Some(t)) => Some(t),
        (true, None) => Some(now),
        (false, _) => None,
    };
    let changed = since != state.pending_since;
    state.pending_since = since;
    changed
}

/// Whether to remind the user to download a backup at `now`: assessments changed with no backup
/// since, and the first of those changes is at least the chosen number of days old.
pub fn due(state: &BackupState, active: &[Summary], now: i64) -> bool {
    state.remind_days > 0
        && changed_since(active, state.last_backup()) > 0
        && state.pending_since.is_some_and(|t| now - t >= i64::from(state.remind_days) * DAY_MS)
}

/// The folder as the browser reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Folder {
    /// The browser cannot write to a folder (no File System Access API).
    Unsupported,
    /// None chosen.
    Unset,
    /// Chosen and writable, named.
    Ready(String),
    /// Chosen, but the browser asks for permission again (after a restart).
    Asking(String),
    /// The last write failed, with the reason's string key (`backup.fail_*`).
    Failed(String, &'static str),
}

/// The reason's key for a browser error's name.
pub fn failure(error_name: &str) -> &'static str {
    match error_name {
        "NotFoundError" => "backup.fail_gone",
        "NotAllowedError" | "SecurityError" => "backup.fail_denied",
        "NoModificationAllowedError" | "InvalidModificationError" | "InvalidStateError" => {
            "backup.fail_readonly"
        }
        "QuotaExceededError" => "backup.fail_full",
        _ => "backup.fail_other",
    }
}

/// The status line: where backups go and when the last one was made, or what stops them.
/// `last` is the last backup's time as people read it, if any.
pub fn status(
    folder: &Folder,
    state: &BackupState,
    active: &[Summary],
    now: i64,
    last: Option<&str>,
) -> String {
    // With a folder, what counts is what it still lacks; without, what changed since the last backup.
    let folder_kept = matches!(folder, Folder::Ready(_) | Folder::Asking(_) | Folder::Failed(..));
    let changed =
        if folder_kept { to_write(active, state).len() } else { changed_since(active, state.last_backup()) };
    let changed = changed.to_string();
    let last = last.map(crate::core::dates::in_words);
    let since = match (last.as_deref(), folder_kept) {
        (Some(time), true) if changed == "0" => t_with("backup.last_folder_all", &[("time", time)]),
        (Some(time), true) => t_with("backup.last_folder", &[("time", time), ("count", &changed)]),
        (Some(time), false) => t_with("backup.last", &[("time", time), ("count", &changed)]),
        (None, _) => t("backup.never").to_string(),
    };
    let mut out = match folder {
        Folder::Ready(name) => t_with("backup.folder_on", &[("name", name)]),
        Folder::Asking(name) => t_with("backup.folder_asking", &[("name", name)]),
        Folder::Failed(name, why) => t_with("backup.folder_failed", &[("name", name), ("reason", t(why))]),
        Folder::Unset => t("backup.folder_unset").to_string(),
        Folder::Unsupported => t("backup.folder_unsupported").to_string(),
    };
    out.push(' ');
    if !folder_kept && due(state, active, now) {
        let key = if state.last_backup().is_some() { "backup.due" } else { "backup.due_first" };
        out.push_str(&t_with(key, &[("count", &changed)]));
        out.push(' ');
    }
    out.push_str(&since);
    out
}

/// Whether the status line needs the user (a warning look): a backup due, a folder that asks for
/// permission or could not be written to.
pub fn needs_attention(folder: &Folder, state: &BackupState, active: &[Summary], now: i64) -> bool {
    match folder {
        Folder::Asking(_) | Folder::Failed(..) => true,
        Folder::Ready(_) => false,
        Folder::Unset | Folder::Unsupported => due(state, active, now),
    }
}

/// The line shown above every view when backups need the user (see [`needs_attention`]), saying
/// where the backup panel is; empty otherwise.
pub fn notice_html(folder: &Folder, state: &BackupState, active: &[Summary], now: i64) -> String {
    if !needs_attention(folder, state, active, now) {
        return String::new();
    }
    let text = match folder {
        Folder::Asking(name) => t_with("backup.notice_asking", &[("name", name)]),
        Folder::Failed(name, why) => t_with("backup.notice_failed", &[("name", name), ("reason", t(why))]),
        _ => {
            t_with("backup.notice_due", &[("count", &changed_since(active, state.last_backup()).to_string())])
        }
    };
    // No link: the skip link stays the page's first, and the main navigation is one tab away.
    format!("{} {}", html(&text), html(t("backup.notice_where")))
}

/// The panel before anything is known: its heading, what backups are for, an empty status line (a
/// polite live region, kept while the rest is redrawn) and the place of the controls.
pub fn panel_html() -> String {
    format!(
        "<h2 id=\"backup-heading\">{}</h2><p>{}</p><p class=\"backup-status\" role=\"status\" tabindex=\"-1\"></p><div class=\"backup-controls\"></div>",
        html(t("backup.heading")),
        html(t("backup.intro"))
    )
}

/// The controls under the status line, each button with its `data-act`.
pub fn controls_html(folder: &Folder, state: &BackupState) -> String {
    let button = |act: &str, label: &str, secondary: bool| {
        format!(
            "<button type=\"button\" class=\"button small{}\" data-act=\"{act}\">{}</button>",
            if secondary { " secondary" } else { "" },
            html(label)
        )
    };
    let mut o = String::from("<p class=\"actions\">");
    match folder {
        Folder::Unsupported => {}
        Folder::Unset => o.push_str(&button("choose", t("backup.choose"), false)),
        Folder::Ready(_) => o.push_str(&button("choose", t("backup.choose_other"), true)),
        Folder::Asking(name) => {
            o.push_str(&button("allow", &t_with("backup.allow", &[("name", name)]), false));
            o.push_str(&button("choose", t("backup.choose_other"), true));
        }
        Folder::Failed(..) => o.push_str(&button("choose", t("backup.choose_again"), false)),
    }
    if matches!(folder, Folder::Ready(_) | Folder::Asking(_) | Folder::Failed(..)) {
        o.push_str(&button("stop", t("backup.stop"), true));
    }
    o.push_str(&button("download", t("backup.download"), !matches!(folder, Folder::Unsupported)));
    o.push_str("</p><p class=\"backup-remind\"><label for=\"backup-remind\">");
    o.push_str(&html(t("backup.remind_label")));
    o.push_str("</label> <select id=\"backup-remind\" data-act=\"remind\">");
    for days in REMIND_CHOICES {
        let label = if days == 0 {
            t("backup.remind_never").to_string()
        } else {
            t_with("backup.remind_days", &[("days", &days.to_string())])
        };
        let selected = if days == state.remind_days { " selected" } else { "" };
        o.push_str(&format!("<option value=\"{days}\"{selected}>{}</option>", html(&label)));
    }
    o.push_str("</select></p>");
    o
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::Kind;

    fn summary(id: &str, revision: u64, updated: i64) -> Summary {
        Summary {
            id: id.into(),
            kind: Kind::Readiness,
            title: "T".into(),
            subject: String::new(),
            respondent: String::new(),
            answered: 0,
            total: 58,
            updated,
            revision,
            deleted: None,
            review: String::new(),
        }
    }

    #[test]
    fn only_revisions_the_folder_lacks_are_written() {
        let active = [summary("a", 3, 10), summary("b", 1, 10), summary("c", 2, 10)];
        let mut state = BackupState::default();
        let w = |revision| Written { revision, name: String::new() };
        state.written.insert("a".into(), w(3));
        state.written.insert("b".into(), w(0));
        let ids: Vec<&str> = to_write(&active, &state).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["b", "c"]);
    }

    #[test]
    fn a_file_name_holds_the_whole_id_and_a_new_title_replaces_only_its_own_old_file() {
        let details = crate::core::assessment::NewAssessment {
            title: "Face search <pilot>".into(),
            ..Default::default()
        };
        let content = crate::core::assessment::ContentRef::of(crate::core::content::pack());
        let mut a = Assessment::new("project-1".into(), Kind::Risk, details, content, 1);
        assert_eq!(file_name(&a), "rai-assess_risk_face-search-pilot_project-1.json");
        let mut state = BackupState::default();
        state.written.insert(a.id.clone(), Written { revision: 1, name: file_name(&a) });
        assert_eq!(replaced(&state, &a.id, &file_name(&a)), None, "same title: nothing to remove");
        a.title = "Renamed".into();
        assert_eq!(
            replaced(&state, &a.id, &file_name(&a)).as_deref(),
            Some("rai-assess_risk_face-search-pilot_project-1.json")
        );
        assert_eq!(
            replaced(&state, "project-2", "x.json"),
            None,
            "another assessment's file is never touched"
        );
    }

    #[test]
    fn a_reminder_is_due_only_after_the_chosen_days_and_only_for_changes() {
        let now = 100 * DAY_MS;
        let active = [summary("a", 1, now - DAY_MS)];
        let pending = Some(now - 8 * DAY_MS);
        let mut state = BackupState {
            last_download: Some(now - 9 * DAY_MS),
            pending_since: pending,
            ..BackupState::default()
        };
        assert!(due(&state, &active, now), "7 days chosen, the change 8 days old");
        state.remind_days = 14;
        assert!(!due(&state, &active, now), "14 days chosen");
        state.remind_days = 0;
        assert!(!due(&state, &active, now), "never");
        state = BackupState {
            last_download: Some(now - 8 * DAY_MS),
            pending_since: pending,
            ..BackupState::default()
        };
        assert!(!due(&state, &[summary("a", 1, now - 9 * DAY_MS)], now), "nothing changed since");

        // Never backed up: the first change seen starts the count; a new user is not nagged at once.
        let mut fresh = BackupState::default();
        assert!(note_pending(&mut fresh, &active, now));
        assert!(!due(&fresh, &active, now), "the first assessment, just made");
        assert!(!note_pending(&mut fresh, &active, now + DAY_MS), "still the same start");
        assert!(due(&fresh, &active, now + 7 * DAY_MS), "a week later");
        fresh.last_download = Some(now + 7 * DAY_MS);
        assert!(
            note_pending(&mut fresh, &active, now + 7 * DAY_MS) && fresh.pending_since.is_none(),
            "backed up"
        );
    }

    #[test]
    fn an_unreadable_state_is_the_default() {
        assert_eq!(BackupState::read(Some("{not json")), BackupState::default());
        assert_eq!(BackupState::read(None).remind_days, 7);
    }

    #[test]
    fn browser_errors_name_their_reason() {
        assert_eq!(failure("NotFoundError"), "backup.fail_gone");
        assert_eq!(failure("NoModificationAllowedError"), "backup.fail_readonly");
        assert_eq!(failure("Whatever"), "backup.fail_other");
    }

    #[test]
    fn the_controls_follow_the_folder_and_escape_its_name() {
        crate::core::content::pack();
        let state = BackupState::default();
        let html = controls_html(&Folder::Asking("<Shared>".into()), &state);
        assert!(!controls_html(&Folder::Failed("x".into(), "backup.fail_gone"), &state)
            .contains("data-act=\"allow\""));
        assert!(html.contains("data-act=\"allow\"") && html.contains("&lt;Shared&gt;"));
        assert!(html.contains("data-act=\"stop\""));
        assert!(!controls_html(&Folder::Unsupported, &state).contains("data-act=\"choose\""));
        assert!(controls_html(&Folder::Unset, &state).contains("<option value=\"7\" selected>"));
    }
}
