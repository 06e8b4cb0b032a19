//! What a user's input on the review panel means: a typed [`Edit`] of the assessment's review (a
//! button), or a change of the panel's own form (the approver's name, the statement, the versions
//! compared), which is not saved until a button uses it. One path from a click to the draft,
//! host-tested.

use super::control::{comment_id, Action, Control, STATUS_ID};
use super::edit::{apply, Edit, Field, Signoff};
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::input::{Handled, How, Raw, Save, UnknownName};
use crate::core::logbook::Trigger;
use crate::core::risk::edit::Draw;
use serde::{Deserialize, Serialize};

/// What the panel holds that is not part of the assessment: the form as typed, and the versions
/// compared (`None`: the latest approval, and the content now). Sent with each drawing; never saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewView {
    pub by: String,
    pub role: String,
    /// The approval's date as typed; empty means today.
    pub date: String,
    pub statement: String,
    pub conditions: String,
    pub note: String,
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// The item a new comment is on (empty: the assessment as a whole), and its words.
    pub on: String,
    pub comment: String,
    /// The open comment "next open comment" last went to.
    pub at: Option<String>,
}

fn field_control(f: Field) -> Control {
    match f {
        Field::By => Control::By,
        Field::Role => Control::Role,
        Field::Date => Control::Date,
        Field::Statement => Control::Statement,
        Field::Conditions => Control::Conditions,
        Field::Note => Control::Note,
        Field::Comment => Control::Comment,
        Field::Next => Control::NextDate,
    }
}

/// Reads one raw input and handles it (see `core::editor`). `fingerprint` gives the fingerprint of
/// an assessment's content, for an approval; `today` (`YYYY-MM-DD`) is an approval's date when none
/// was typed.
pub fn raw(
    pack: &'static Pack,
    a: &mut Assessment,
    view: &mut ReviewView,
    raw: Raw,
    fingerprint: &dyn Fn(&Assessment) -> String,
    today: &str,
    now: i64,
) -> Handled {
    let unknown = |e: crate::core::input::UnknownName| (e.to_string(), None);
    if raw.how != How::Clicked {
        let control = raw.name.parse::<Control>().map_err(unknown)?;
        let value = raw.value;
        let slot = match control {
            Control::By => &mut view.by,
            Control::Role => &mut view.role,
            Control::Date => &mut view.date,
            Control::Statement => &mut view.statement,
            Control::Conditions => &mut view.conditions,
            Control::Note => &mut view.note,
            Control::On => &mut view.on,
            Control::Comment => &mut view.comment,
            Control::NextDate | Control::Event => {
                // Applied at once: the date and events are part of the review, saved as chosen.
                let next = super::Review::of(a).next.unwrap_or_default();
                let mut events = next.events;
                if control == Control::Event {
                    let bad = || unknown(UnknownName(format!("{control}={value}")));
                    let t = Trigger::from_id(&value).ok_or_else(bad)?;
                    events.retain(|e| *e != t);
                    if raw.checked {
                        events.push(t);
                    }
                }
                let date = if control == Control::NextDate { value } else { next.date };
                return match apply(a, Edit::Schedule { date, events }, now) {
                    Ok(()) => Ok((Some(Save::Now), Draw::Nothing.wire(), None)),
                    Err(e) => Err((e.to_string(), e.field().map(|f| field_control(f).to_string()))),
                };
            }
            Control::Restrict => {
                // Only what the panel offers.
                // What the panel offers: what can be marked, and marks on what is gone (to clear).
                let marked = super::Review::of(a).restricted.contains(&value);
                let offered =
                    marked || super::public::restrictable(pack, a).iter().any(|(id, _)| *id == value);
                if !offered {
                    return Err((super::edit::EditError::NoItem.to_string(), None));
                }
                return match apply(a, Edit::Restrict { id: value, restricted: raw.checked }, now) {
                    Ok(()) => Ok((Some(Save::Now), Draw::Nothing.wire(), None)),
                    Err(e) => Err((e.to_string(), None)),
                };
            }
            Control::From | Control::To => {
                let review = super::Review::of(a);
                let version = value.parse::<u32>().ok().filter(|v| review.approval(*v).is_some());
                if control == Control::From {
                    view.from = version;
                } else {
                    view.to = version;
                }
                return Ok((None, Draw::Register.wire(), Some(control.to_string())));
            }
        };
        *slot = value;
        return Ok((None, Draw::Nothing.wire(), None));
    }
    let action = raw.name.parse::<Action>().map_err(unknown)?;
    let (by, role) = (view.by.clone(), view.role.clone());
    let edit = match action.clone() {
        Action::Request => Edit::Request { by: view.by.clone(), role: view.role.clone() },
        Action::Withdraw => Edit::Withdraw,
        Action::AskChanges => Edit::AskChanges { by: by.clone(), role: role.clone() },
        Action::Approve => {
            let date = if view.date.trim().is_empty() { today.to_string() } else { view.date.clone() };
            let signoff = Signoff {
                by: view.by.clone(),
                role: view.role.clone(),
                date,
                statement: view.statement.clone(),
                conditions: view.conditions.clone(),
            };
            Edit::Approve { signoff, fingerprint: fingerprint(a) }
        }
        Action::Supersede => {
            Edit::Supersede { by: view.by.clone(), role: view.role.clone(), note: view.note.clone() }
        }
        Action::Reinstate => Edit::Reinstate,
        Action::Comment => {
            // Only on what the panel offers: an item taken out meanwhile is named, not commented on.
            let on = view.on.trim();
            let offered =
                super::comments::targets(pack, a).iter().any(|g| g.items.iter().any(|(id, _)| id == on));
            if !offered {
                return Err((super::edit::EditError::NoItem.to_string(), Some(Control::On.to_string())));
            }
            Edit::Comment { on: view.on.clone(), text: view.comment.clone(), by, role }
        }
        Action::Resolve(id) => Edit::Resolve { id, by, role },
        Action::Reopen(id) => Edit::Reopen { id, by, role },
        Action::NextOpen => {
            let review = super::Review::of(a);
            // The one after the last visited, in the panel's order, round to the first.
            let groups = super::comments::grouped(pack, a, &review.comments);
            let next: Vec<&str> = groups
                .iter()
                .flat_map(|(_, list)| list.iter().filter(|c| c.is_open()).map(|c| c.id.as_str()))
                .collect();
            let after = view.at.as_deref().and_then(|at| next.iter().position(|id| *id == at));
            let Some(id) = after.map_or(next.first(), |i| next.get(i + 1).or(next.first())) else {
                return Err((crate::core::content::t("review.none_open").to_string(), None));
            };
            view.at = Some(id.to_string());
            return Ok((None, Draw::Nothing.wire(), Some(comment_id(id))));
        }
    };
    let approving = matches!(edit, Edit::Approve { .. });
    match apply(a, edit, now) {
        Ok(()) => {
            // What was signed is recorded: the form is ready for the next version, the signer kept.
            if approving {
                view.statement.clear();
                view.conditions.clear();
                view.date.clear();
                view.from = None;
                view.to = None;
            }
            if action == Action::Supersede {
                view.note.clear();
            }
            let focus = match &action {
                Action::Comment => {
                    view.comment.clear();
                    // On the comment just added: the last one of this item's.
                    let review = super::Review::of(a);
                    review.comments.iter().rev().find(|c| c.on == view.on.trim()).map(|c| comment_id(&c.id))
                }
                // The same comment, drawn again with its new state.
                Action::Resolve(id) | Action::Reopen(id) => Some(comment_id(id)),
                _ => None,
            };
            Ok((Some(Save::Now), Draw::Register.wire(), focus.or_else(|| Some(STATUS_ID.to_string()))))
        }
        Err(e) => {
            let focus =
                e.field().map(|f| field_control(f).to_string()).or_else(|| Some(STATUS_ID.to_string()));
            Err((e.to_string(), focus))
        }
    }
}
