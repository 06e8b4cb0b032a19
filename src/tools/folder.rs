//! The folder the backups go to, through the browser's File System Access API (Chromium, Edge): the
//! only code that touches it. The folder's handle is kept in IndexedDB (the one store that can hold
//! it), so the choice survives restarts; browsers then ask for permission again, which needs a click.
//! A file is written through `createWritable`, which writes a temporary file and puts it in place on
//! `close`: a reader never sees half a file. Failures reject with the browser's error name.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "const DB = 'rai-assess', STORE = 'handles', KEY = 'backup-folder';
function store(mode, act) {
  return new Promise((ok, ko) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => ko(open.error);
    open.onblocked = () => ko(new DOMException('storage blocked', 'InvalidStateError'));
    open.onsuccess = () => {
      try {
        const tx = open.result.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        tx.oncomplete = () => { open.result.close(); ok(req.result); };
        tx.onerror = tx.onabort = () => { open.result.close(); ko(tx.error ?? new DOMException('aborted', 'AbortError')); };
      } catch (e) {
        open.result.close();
        ko(e);
      }
    };
  });
}
const folder = () => store('readonly', (s) => s.get(KEY));
export function supported() { return typeof window.showDirectoryPicker === 'function'; }
export async function state() {
  const dir = await folder();
  return dir ? (await dir.queryPermission({ mode: 'readwrite' })) + ':' + dir.name : '';
}
export async function choose() {
  const dir = await window.showDirectoryPicker({ id: 'rai-assess-backup', mode: 'readwrite' });
  await store('readwrite', (s) => s.put(dir, KEY));
  return dir.name;
}
export async function allow() {
  const dir = await folder();
  if (!dir) throw new DOMException('no folder', 'NotFoundError');
  return (await dir.requestPermission({ mode: 'readwrite' })) + ':' + dir.name;
}
export async function forget() { await store('readwrite', (s) => s.delete(KEY)); }
export async function write_file(name, text, old) {
  const dir = await folder();
  if (!dir) throw new DOMException('no folder', 'NotFoundError');
  const file = await dir.getFileHandle(name, { create: true });
  const out = await file.createWritable();
  await out.write(text);
  await out.close();
  // The same assessment's file under its older title; gone already (another tab) is fine.
  if (old && old !== name) await dir.removeEntry(old).catch((e) => { if (e.name !== 'NotFoundError') throw e; });
}
export function exclusive(run) {
  return navigator.locks ? navigator.locks.request('rai-assess-backup', () => run()) : run();
}")]
extern "C" {
    fn supported() -> bool;
    fn state() -> Promise;
    fn choose() -> Promise;
    fn allow() -> Promise;
    fn forget() -> Promise;
    fn write_file(name: &str, text: &str, old: &str) -> Promise;
    fn exclusive(run: &JsValue) -> Promise;
}

/// The folder as the browser reports it.
pub enum Access {
    /// The browser has no folder API.
    Unsupported,
    /// None chosen.
    None,
    /// The permission (`granted`, `prompt` or `denied`) and the folder's name.
    Chosen(String, String),
}

/// The name of what the browser threw, such as `NotFoundError` or `AbortError`.
fn error_name(e: JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => d.name(),
        None => js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default(),
    }
}

async fn run(promise: Promise) -> Result<JsValue, String> {
    JsFuture::from(promise).await.map_err(error_name)
}

fn access(text: &str) -> Access {
    match text.split_once(':') {
        Some((permission, name)) => Access::Chosen(permission.into(), name.into()),
        None => Access::None,
    }
}

/// The folder chosen in this browser, if any, and whether it may be written to now.
pub async fn current() -> Result<Access, String> {
    if !supported() {
        return Ok(Access::Unsupported);
    }
    Ok(access(&run(state()).await?.as_string().unwrap_or_default()))
}

/// Lets the user pick a folder (from a click); its name, or `AbortError` when they cancelled.
pub async fn pick() -> Result<String, String> {
    Ok(run(choose()).await?.as_string().unwrap_or_default())
}

/// Asks the browser for permission again (from a click).
pub async fn ask() -> Result<Access, String> {
    Ok(access(&run(allow()).await?.as_string().unwrap_or_default()))
}

/// Forgets the folder; its files stay where they are.
pub async fn drop_folder() -> Result<(), String> {
    run(forget()).await.map(|_| ())
}

/// Writes `text` as `name` in the folder, then removes `old` (the same assessment's file under an
/// older title), if any.
pub async fn write(name: &str, text: &str, old: Option<&str>) -> Result<(), String> {
    run(write_file(name, text, old.unwrap_or(""))).await.map(|_| ())
}

/// Runs `work` while no other tab of this origin runs its own (the Web Locks API, where there is a
/// folder API): two tabs open on the library write each file once, in turn, and the second sees what
/// the first recorded. Where the browser has no locks, `work` simply runs.
pub async fn one_tab_at_a_time(work: impl std::future::Future<Output = ()> + 'static) {
    let run = Closure::once_into_js(move || {
        wasm_bindgen_futures::future_to_promise(async move {
            work.await;
            Ok(JsValue::UNDEFINED)
        })
    });
    let _ = JsFuture::from(exclusive(&run)).await;
}
