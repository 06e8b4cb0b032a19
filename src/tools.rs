//! The tools module (see `core::render`): a second, small wasm entry that the app loads when a
//! results, report or risk-register view opens. It holds the renderers, not the UI.

use rai_assess::render::render as run;
use rai_assess::risk::workspace::ViewState;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static VIEW: RefCell<ViewState> = RefCell::new(ViewState::default());
}

fn main() {}

/// Installs the content pack the app fetched (the same bytes). False when they are not a valid pack.
#[wasm_bindgen]
pub fn install(bytes: &[u8]) -> bool {
    rai_assess::is_installed() || rai_assess::install_pack(bytes).is_ok()
}

/// Runs one operation; the result starts with `1` and the text, or `0` and the problem.
#[wasm_bindgen]
pub fn render(op: &str, args: Vec<String>) -> String {
    match VIEW.with(|v| run(op, &args, &mut v.borrow_mut())) {
        Ok(text) => format!("1{text}"),
        Err(problem) => format!("0{problem}"),
    }
}

/// Forgets what the register view held (typed reasons, the pair compared), for a newly opened view.
#[wasm_bindgen]
pub fn reset() {
    VIEW.with(|v| *v.borrow_mut() = ViewState::default());
}
