//! The renderers of `core::render`, reached the way the build chose: in the built app (feature
//! `lazy-tools`) a second wasm module, fetched and started the first time a view needs it and then
//! kept; in tests, linked in. Either way a call takes and returns strings.

/// Runs `op` (see `core::render`). The error is a sentence for the user.
pub async fn render(op: &str, args: Vec<String>) -> Result<String, String> {
    imp::render(op, args).await
}

/// Loads the tools module in the background once the app has started, so that results, reports and
/// the register keep working if the server goes away later (an intranet host, a laptop in the field).
pub fn warm() {
    imp::warm();
}

/// Forgets the register view's unsaved state (typed reasons, compared pair) when a view opens.
pub fn reset() {
    imp::reset();
}

#[cfg(not(feature = "lazy-tools"))]
mod imp {
    use crate::core::risk::workspace::ViewState;
    use std::cell::RefCell;

    thread_local! {
        static VIEW: RefCell<ViewState> = RefCell::new(ViewState::default());
    }

    pub async fn render(op: &str, args: Vec<String>) -> Result<String, String> {
        VIEW.with(|v| crate::core::render::render(op, &args, &mut v.borrow_mut()))
    }

    pub fn reset() {
        VIEW.with(|v| *v.borrow_mut() = ViewState::default());
    }

    pub fn warm() {}
}

#[cfg(feature = "lazy-tools")]
mod imp {
    use js_sys::{Array, Function, Promise, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen(
        inline_js = "export function load_module(name) { return import(new URL(name, document.baseURI).href); }"
    )]
    extern "C" {
        fn load_module(name: &str) -> Promise;
    }

    thread_local! {
        static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    fn broken() -> String {
        "the app's tools file could not be loaded; reload the page, and if this persists, the app's files \
         on the server are incomplete"
            .into()
    }

    fn call(module: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let f: Function =
            Reflect::get(module, &name.into()).map_err(|_| broken())?.dyn_into().map_err(|_| broken())?;
        let list: Array = args.iter().collect();
        f.apply(&JsValue::NULL, &list).map_err(|e| e.as_string().unwrap_or_else(broken))
    }

    /// The module, loaded, started and given the pack on first use.
    async fn module() -> Result<JsValue, String> {
        if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
            return Ok(m);
        }
        let name = crate::browser::page::meta("rai-tools").ok_or_else(broken)?;
        let module = JsFuture::from(load_module(&name)).await.map_err(|_| broken())?;
        let started = call(&module, "default", &[])?;
        JsFuture::from(Promise::from(started)).await.map_err(|_| broken())?;
        let bytes = crate::browser::content::bytes().ok_or_else(broken)?;
        let installed = call(&module, "install", &[js_sys::Uint8Array::from(bytes.as_slice()).into()])?;
        if installed.as_bool() != Some(true) {
            return Err(broken());
        }
        // Two views may have asked at once: keep the first module started.
        Ok(MODULE.with(|m| m.borrow_mut().get_or_insert(module).clone()))
    }

    pub async fn render(op: &str, args: Vec<String>) -> Result<String, String> {
        let module = module().await?;
        let args: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        let out = call(&module, "render", &[op.into(), args.into()])?.as_string().ok_or_else(broken)?;
        match out.split_at_checked(1) {
            Some(("1", text)) => Ok(text.to_string()),
            Some((_, problem)) => Err(problem.to_string()),
            None => Err(broken()),
        }
    }

    pub fn reset() {
        if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
            let _ = call(&m, "reset", &[]);
        }
    }

    pub fn warm() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = module().await;
        });
    }
}
