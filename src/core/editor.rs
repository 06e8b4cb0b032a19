//! One input on an editor the tools module draws (the risk profile and register, the workbook), and
//! what the app does after it. The app reads the control's name and value from the page as a [`Raw`]
//! input and sends it with its draft; [`step`] (run in the tools module) parses it as a typed control,
//! applies the typed edit with the tool's one `apply`, and answers with a [`Step`]: the changed draft
//! for the app to take, when to save, what to draw, where focus goes, or the problem in words. The app
//! keeps the draft; the first load carries none of the editors' rules.

use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
pub use crate::core::input::{Handled, How, Raw, Save};
use crate::core::review::since;
use serde::{Deserialize, Serialize};

/// Which editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Editor {
    Profile,
    Register,
    Workbook,
    /// Review and sign-off (`core::review`).
    Review,
}

/// What the app does after an input: the draft to take (when it changed), the editor's view state
/// (never saved), when to save (`soon` or `now`), what to draw (the tool's `Draw::wire`), where focus
/// goes (an element id), or the problem to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub record: Option<Assessment>,
    pub view: serde_json::Value,
    pub save: Option<&'static str>,
    pub draw: String,
    pub focus: Option<String>,
    pub problem: Option<String>,
    /// The drawing `draw` asks for, made from the changed record in the same call (one trip instead
    /// of two): its main HTML and, where the tool has them, the comparison of snapshots and the
    /// contents (the register's, or the workbook's overview of stages).
    pub html: Option<String>,
    pub changes: Option<String>,
    pub contents: Option<String>,
}

/// A drawing made in the same call as its edit: main HTML, changes, contents.
type Drawn = Option<(Option<String>, Option<String>, Option<String>)>;

/// Handles one raw input on `editor` with the tool's own rules. `view` is the editor's view state as
/// the last step returned it (null at first); `today` (`YYYY-MM-DD`) and `now` (milliseconds) date
/// what an input creates.
pub fn step(
    pack: &'static Pack,
    editor: Editor,
    mut a: Assessment,
    view: serde_json::Value,
    raw: Raw,
    today: &str,
    now: i64,
) -> Step {
    use crate::core::report::{workbook as wb, workspace as ws};
    use crate::core::risk::edit::Draw;
    use crate::core::workbook::edit::Draw as WbDraw;
    let (handled, view, drawn): (Handled, _, Drawn) = match editor {
        Editor::Review => match state::<crate::core::review::event::ReviewView>(view) {
            Ok(mut v) => {
                let print = |a: &Assessment| crate::core::answer_file::fingerprint::of(a).wire();
                let h = crate::core::review::event::raw(pack, &mut a, &mut v, raw, &print, today, now);
                let drawn = match h.as_ref().ok().and_then(|(_, d, _)| Draw::from_wire(d)) {
                    Some(Draw::Register) => Some((
                        Some(crate::core::report::review::review_html(pack, &a, &v, today)),
                        None,
                        None,
                    )),
                    _ => None,
                };
                (h, serde_json::to_value(v), drawn)
            }
            Err(e) => (Err((e, None)), Ok(serde_json::Value::Null), None),
        },
        Editor::Workbook => match state::<crate::core::workbook::event::WorkbookView>(view) {
            Ok(mut v) => {
                let h = crate::core::workbook::event::raw(pack, &mut a, &mut v, raw, today, now);
                let drawn = match h.as_ref().ok().and_then(|(_, d, _)| WbDraw::from_wire(d)) {
                    Some(WbDraw::Stage(id)) => {
                        Some((wb::stage_html(pack, &a, &v, &id), None, Some(wb::overview_html(pack, &a))))
                    }
                    Some(WbDraw::Summary(id)) => {
                        Some((wb::summary_html(pack, &a, &id), None, Some(wb::overview_html(pack, &a))))
                    }
                    Some(WbDraw::Check(stage, id)) => Some((
                        wb::check_html(pack, &a, &id),
                        wb::summary_html(pack, &a, &stage),
                        Some(wb::overview_html(pack, &a)),
                    )),
                    Some(WbDraw::All) => Some((Some(wb::workbook_html(pack, &a, &v)), None, None)),
                    Some(WbDraw::Cited(id)) => Some((wb::cited_html(pack, &a, &v, &id), None, None)),
                    _ => None,
                };
                (h, serde_json::to_value(v), drawn)
            }
            Err(e) => (Err((e, None)), Ok(serde_json::Value::Null), None),
        },
        _ => match state::<crate::core::risk::view::ViewState>(view) {
            Ok(mut v) => {
                let h = crate::core::risk::event::raw(pack, &mut a, &mut v, raw, now);
                let drawn = match h.as_ref().ok().and_then(|(_, d, _)| Draw::from_wire(d)) {
                    Some(Draw::Card(id)) => {
                        Some((ws::card_html(pack, &a, &v, &id), ws::current_changes(pack, &a, &v), None))
                    }
                    Some(Draw::Appended(id)) => Some((
                        ws::card_html(pack, &a, &v, &id),
                        ws::current_changes(pack, &a, &v),
                        Some(ws::contents_html(&a)),
                    )),
                    Some(Draw::Heading(id)) => {
                        Some((ws::heading_html(&a, &id), None, Some(ws::contents_html(&a))))
                    }
                    Some(Draw::Register) if editor == Editor::Register => {
                        Some((Some(ws::register_html(pack, &a, &v)), None, None))
                    }
                    Some(Draw::Profile | Draw::Register) => Some((
                        Some(ws::profile_html(pack, &a.answers, since::since(&a).as_ref())),
                        None,
                        None,
                    )),
                    _ => None,
                };
                (h, serde_json::to_value(v), drawn)
            }
            Err(e) => (Err((e, None)), Ok(serde_json::Value::Null), None),
        },
    };
    let view = view.unwrap_or_default();
    let (html, changes, contents) = drawn.unwrap_or_default();
    match handled {
        Ok((save, draw, focus)) => Step {
            save: save.map(|s| if s == Save::Now { "now" } else { "soon" }),
            record: save.map(|_| a),
            view,
            draw,
            focus,
            problem: None,
            html,
            changes,
            contents,
        },
        Err((problem, focus)) => Step {
            record: None,
            view,
            save: None,
            draw: "nothing".into(),
            focus,
            problem: Some(problem),
            html: None,
            changes: None,
            contents: None,
        },
    }
}

/// An editor's view state as the app keeps it: null before the first input.
fn state<T: serde::de::DeserializeOwned + Default>(v: serde_json::Value) -> Result<T, String> {
    match v {
        serde_json::Value::Null => Ok(T::default()),
        v => serde_json::from_value(v).map_err(|e| {
            crate::core::content::t_with("errors.files_mismatch", &[("detail", &e.to_string())])
        }),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::assessment::{ContentRef, Kind, NewAssessment};
    use crate::core::content::pack;
    use crate::core::editor;
    use crate::core::workbook::CheckState;

    fn book() -> Assessment {
        Assessment::new(
            "w-1".into(),
            Kind::Workbook,
            NewAssessment { title: "Face search pilot".into(), ..NewAssessment::default() },
            ContentRef::of(pack()),
            0,
        )
    }

    #[test]
    fn a_raw_input_from_the_page_becomes_an_edit_and_a_step_for_the_app() {
        let raw = |name: &str, value: &str, how| Raw {
            name: name.into(),
            value: value.into(),
            checked: false,
            how,
        };
        let step = editor::step(
            pack(),
            Editor::Workbook,
            book(),
            serde_json::Value::Null,
            raw("wc.W1.C3.state", "done", How::Chosen),
            "2026-01-01",
            0,
        );
        assert_eq!((step.save, step.draw.as_str(), step.problem), (Some("now"), "check:decide:W1.C3", None));
        let a = step.record.expect("the draft changed");
        assert_eq!(CheckState::of(&a, "W1.C3"), Some(CheckState::Done));
        let typed = editor::step(
            pack(),
            Editor::Workbook,
            a.clone(),
            step.view.clone(),
            raw("wp.W1.1", "Missing children", How::Typed),
            "2026-01-01",
            0,
        );
        assert_eq!((typed.save, typed.draw.as_str()), (Some("soon"), "nothing"));
        let left = editor::step(
            pack(),
            Editor::Workbook,
            a.clone(),
            step.view,
            raw("wp.W1.1", "Missing children", How::Left),
            "2026-01-01",
            0,
        );
        assert_eq!((left.record, left.draw.as_str()), (None, "summary:decide"));
        let odd = editor::step(
            pack(),
            Editor::Workbook,
            a,
            serde_json::Value::Null,
            raw("wc.W1.C3.colour", "", How::Chosen),
            "2026-01-01",
            0,
        );
        assert_eq!(
            odd.problem.as_deref(),
            Some("The control \"wc.W1.C3.colour\" is not one this editor knows.")
        );
        assert!(odd.record.is_none());
    }
}
