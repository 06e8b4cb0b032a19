//! The renderers of `core::render`, reached the way the build chose: in the built app (feature
//! `lazy-tools`) a second wasm module, fetched and started once and then kept; in tests, linked in.
//! Either way a call sends one typed `Request` as JSON and gets `Written` back, so both paths run the
//! same reader.

use crate::core::render::{Request, Written};
use serde::Serialize;
use std::future::Future;

/// Writes what `request` asks for. The request is read now (the draft as it is at this moment);
/// the answer may wait for the module. The error is a sentence for the user.
pub fn render<R: Serialize>(request: &Request<R>) -> impl Future<Output = Result<Written, String>> {
    let json = serde_json::to_string(request).map_err(|e| e.to_string());
    async move { imp::render(json?).await }
}

/// The tools module's exports that the app calls by name, each a `#[wasm_bindgen] pub fn` of that
/// name in `src/tools/`. One list, so no caller misspells one.
#[derive(Clone, Copy)]
pub enum Export {
    /// Fills the library page's backup section; the argument is the section's id.
    BackupPanel,
    /// The library changed: the backups catch up and the export panel lists it again.
    LibraryChanged,
    /// Fills the report page's print and download controls; the argument is the assessment's id.
    ReportActions,
    /// Fills the library page's import section; the argument is the section's id.
    ImportPanel,
    /// Fills the library page's export section; the argument is the section's id.
    FileExportPanel,
}

impl Export {
    pub const fn name(self) -> &'static str {
        match self {
            Export::BackupPanel => "backup_panel",
            Export::LibraryChanged => "library_changed",
            Export::ReportActions => "report_actions",
            Export::ImportPanel => "import_panel",
            Export::FileExportPanel => "export_panel",
        }
    }
}

/// Calls the tools module's `export` with `arg` once the module is loaded, after the current task,
/// so a view calling it is in the page by then. When it cannot load, a panel's section (`arg`), if it
/// is there and still empty, says so.
pub fn call(export: Export, arg: &str) {
    // The panels' argument is the id of the section they fill; the report's is an assessment's id.
    let panel = matches!(export, Export::BackupPanel | Export::ImportPanel | Export::FileExportPanel);
    imp::call_export(export.name(), arg.to_string(), panel);
}

/// Loads the tools module in the background once the app has started, so that results, reports and
/// the register keep working if the server goes away later (an intranet host, a laptop in the field).
pub fn warm() {
    imp::warm();
}

/// Writes what `request` asks for at once, when the tools module is loaded already (`None` when it
/// is not): for an editor whose inputs exist only once the module has drawn it.
pub fn render_now<R: Serialize>(request: &Request<R>) -> Option<Result<Written, String>> {
    match serde_json::to_string(request) {
        Ok(json) => imp::render_now(json),
        Err(e) => Some(Err(e.to_string())),
    }
}

#[cfg(not(feature = "lazy-tools"))]
mod imp {
    use crate::core::render::{render_json_for, Written, YOU};

    /// As the tools module's `render` export: with the name and role this browser remembers.
    fn render_json(json: &str) -> Result<Written, crate::core::render::RenderError> {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let you = storage.as_ref().and_then(|s| s.get_item(YOU).ok().flatten());
        let (written, remember) = render_json_for(json, you.as_deref());
        if let (Some(s), Some(text)) = (storage, remember) {
            let _ = s.set_item(YOU, &text);
        }
        written
    }

    pub async fn render(json: String) -> Result<Written, String> {
        render_json(&json).map_err(|e| e.to_string())
    }

    pub fn warm() {}

    /// Linked in (tests): the backups are the tools module's alone.
    pub fn call_export(_name: &'static str, _arg: String, _panel: bool) {}

    pub fn render_now(json: String) -> Option<Result<Written, String>> {
        Some(render_json(&json).map_err(|e| e.to_string()))
    }
}

#[cfg(feature = "lazy-tools")]
mod imp {
    use crate::core::render::Written;
    use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    // One loading promise that every caller awaits, so calls made while it loads resume in the order
    // they were made. A failed load is forgotten and the next call tries again at the same address,
    // which the page's import map pins (scripts/pin-code.mjs; Chromium refetches a failed module
    // import: the offline end-to-end test proves it). Its wasm and its views' styles are fetched with
    // their integrity checked (<meta name="rai-tools-pins">). `data-tools="ready"` on the root element
    // says the module is in, so every view works without the network from then on. The one-file
    // edition (scripts/one-file.mjs) carries the module in the page (`raiInline`), its styles inline
    // and its wasm served by the page's `fetch`: nothing to import or link.
    #[wasm_bindgen(inline_js = "let loading = null;
export function load_module(name, pins, pack) {
  if (!loading) {
    const at = (ext) => new URL(name.replace(/\\.js$/, ext), document.baseURI).href;
    const [wasmPin, cssPin] = pins.split(' ');
    const inline = window.raiInline;
    const css = document.createElement('link');
    const styled = inline || new Promise((ok, ko) => { css.onload = ok; css.onerror = ko; });
    Object.assign(css, { rel: 'stylesheet', integrity: cssPin, href: at('.css') });
    if (!inline) document.head.append(css);
    loading = (inline ? Promise.resolve(inline.tools) : import(at('.js'))).then(async (m) => {
      await m.default({ module_or_path: fetch(at('_bg.wasm'), { integrity: wasmPin }) });
      await styled;
      if (!m.install(pack)) throw new Error('pack');
      document.documentElement.dataset.tools = 'ready';
      return m;
    });
    loading.catch(() => { loading = null; css.remove(); });
  }
  return loading;
}")]
    extern "C" {
        fn load_module(name: &str, pins: &str, pack: &Uint8Array) -> Promise;
    }

    thread_local! {
        static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    fn broken() -> String {
        crate::core::content::t("errors.tools_unavailable").into()
    }

    /// The module, loaded, started and given the pack on first use.
    async fn module() -> Result<JsValue, String> {
        if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
            return Ok(m);
        }
        let name = crate::browser::page::meta("rai-tools").ok_or_else(broken)?;
        let bytes = crate::browser::content::bytes().ok_or_else(broken)?;
        // Without their hashes the wasm and styles are not fetched: unchecked is what pinning prevents.
        let pins = crate::browser::page::meta("rai-tools-pins").ok_or_else(broken)?;
        let module = JsFuture::from(load_module(&name, &pins, &Uint8Array::from(bytes.as_slice()))).await;
        let module = module.map_err(|_| broken())?;
        MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
        Ok(module)
    }

    pub async fn render(json: String) -> Result<Written, String> {
        call(&module().await?, json)
    }

    pub fn render_now(json: String) -> Option<Result<Written, String>> {
        MODULE.with(|m| m.borrow().clone()).map(|module| call(&module, json))
    }

    fn call(module: &JsValue, json: String) -> Result<Written, String> {
        let f: Function =
            Reflect::get(module, &"render".into()).map_err(|_| broken())?.dyn_into().map_err(|_| broken())?;
        let out = f.call1(&JsValue::NULL, &json.into()).map_err(|e| e.as_string().unwrap_or_else(broken))?;
        let parts: Vec<String> = Array::from(&out).iter().filter_map(|p| p.as_string()).collect();
        Written::from_parts(parts).ok_or_else(broken)
    }

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(message: &str, name: &str);
    }

    pub fn call_export(name: &'static str, arg: String, panel: bool) {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(module) = module().await else {
                // A panel the module would have filled says why it is empty.
                let section = panel.then(|| crate::browser::page::element(&arg)).flatten();
                if let Some(panel) = section.filter(|p| p.child_element_count() == 0) {
                    let text = crate::core::report::escape::html(&broken());
                    panel.set_inner_html(&format!("<p class=\"notice problem\" role=\"alert\">{text}</p>"));
                }
                return;
            };
            match Reflect::get(&module, &name.into()).and_then(|f| f.dyn_into::<Function>()) {
                Ok(f) => {
                    let _ = f.call1(&JsValue::NULL, &arg.into());
                }
                // A build whose two modules disagree: said where the end-to-end guards look.
                Err(_) => console_error("the tools module has no export", name),
            }
        });
    }

    pub fn warm() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = module().await;
        });
    }
}
