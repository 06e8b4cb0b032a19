//! An element of the app's page that the tools module fills and listens on (the backup panel, the
//! report page's controls). The app may open the page again, with a new element: the listener put on
//! the old one is taken off first, so one listener runs per panel.

use std::cell::RefCell;
use std::thread::LocalKey;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// Where a panel keeps its element and listener.
pub type Slot = RefCell<Option<(web_sys::Element, Listener)>>;

/// The page's element with this id, if it is there.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
}

/// Takes the panel's listener off the element it was put on, if any.
pub fn release(slot: &'static LocalKey<Slot>, kinds: &[&str]) {
    if let Some((old, listener)) = slot.take() {
        for kind in kinds {
            let _ = old.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
    }
}

/// Puts `listener` on `element` for these kinds of event, in place of the panel's previous one.
pub fn listen(slot: &'static LocalKey<Slot>, element: web_sys::Element, kinds: &[&str], listener: Listener) {
    release(slot, kinds);
    for kind in kinds {
        let _ = element.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    slot.set(Some((element, listener)));
}
