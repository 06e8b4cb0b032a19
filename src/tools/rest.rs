//! The rest of a long view (see `report::PART`), drawn in place of the end of its first part once
//! that part is on screen, in one piece: a piece per task was slower (Chrome's autofill lays out the
//! whole page again for each piece with form fields). Done here: the first load has no byte to spare.

use rai_assess::report::PART_ID;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static DRAWN: Cell<u32> = const { Cell::new(0) };
}

/// A new id for the end of a first part: each view's rest goes into that view, never another's.
pub fn next_id() -> String {
    let n = DRAWN.with(|d| {
        d.set(d.get().wrapping_add(1));
        d.get()
    });
    format!("{PART_ID}-{n}")
}

/// Draws `rest` in place of the element `id` in a task after the next frame; nothing when that
/// view has left meanwhile.
pub fn draw_later(id: String, rest: String) {
    let Some(window) = web_sys::window() else { return };
    let draw = Closure::once_into_js(move || {
        let end = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(end) = end {
            end.set_outer_html(&rest);
        }
    });
    // A task queued from the frame's callback runs once that frame is drawn.
    let after_frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(draw.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}
