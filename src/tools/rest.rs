//! The rest of a long view (see `report::PART`), drawn by this module in place of the element that
//! ends its first part once that part is on screen: fifty respondents' comparison shows its first
//! table without waiting for the others. In one piece: each piece added with form fields in it costs
//! a layout of the whole page when Chrome's autofill reads the fields (a piece per task was measured
//! slower). Done here rather than by the app, whose first load has no byte to spare.

use rai_assess::report::PART_ID;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Draws `rest` in place of the element [`PART_ID`] in a task after the next frame; nothing when
/// the view has left meanwhile.
pub fn draw_later(rest: String) {
    let Some(window) = web_sys::window() else { return };
    let draw = Closure::once_into_js(move || {
        let end = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PART_ID));
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
