//! Reading form events from HTML the core wrote (`core::report::workspace`): which control, its value,
//! and which button, without a component per control.

use wasm_bindgen::JsCast;

/// A form control that changed: its name, value, whether it is ticked, and whether it takes typing
/// (a text field, a text area or a date), whose `input` events are keystrokes.
pub struct Control {
    pub name: String,
    pub value: String,
    pub checked: bool,
    pub typing: bool,
}

pub fn control(ev: &web_sys::Event) -> Option<Control> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let name = el.get_attribute("name")?;
    let get = |key: &str| js_sys::Reflect::get(&el, &key.into()).ok();
    let kind = el.get_attribute("type").unwrap_or_default();
    Some(Control {
        name,
        value: get("value").and_then(|v| v.as_string()).unwrap_or_default(),
        checked: get("checked").and_then(|v| v.as_bool()).unwrap_or(false),
        typing: el.tag_name() == "TEXTAREA"
            || (el.tag_name() == "INPUT" && (kind == "text" || kind == "date")),
    })
}

/// The `data-act` of the button (or the element inside one) that was clicked.
pub fn action(ev: &web_sys::Event) -> Option<String> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest("[data-act]").ok()??.get_attribute("data-act")
}
