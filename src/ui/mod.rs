//! The user interface: the app shell with its routes, one file per page, one per reusable widget.
//! Components render and dispatch; logic lives in `crate::core`, browser calls in `crate::browser`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;
