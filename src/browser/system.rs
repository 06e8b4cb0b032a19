//! Small browser services: the clock, random ids, the confirm dialog, and timing marks.

/// Milliseconds since the Unix epoch, as `Date.now()`.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A new random (v4) UUID, from the browser's cryptographic generator.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The local time of day of `ms` as HH:MM:SS, for "Saved at …".
pub fn time_of_day(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// The local date and time of `ms` as YYYY-MM-DD HH:MM, for lists.
pub fn date_time(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Asks the user to confirm with the browser's own dialog (keyboard and screen-reader friendly).
/// Without a window (tests) the answer is no.
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

/// Runs `f` and records its duration as `performance.measure(name)`, which the benchmark reads. Only
/// the latest measure of each name is kept, so the browser's timing buffer does not grow with use.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return f() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    perf.clear_marks_with_mark_name(&start);
    perf.clear_marks_with_mark_name(&end);
    perf.clear_measures_with_measure_name(name);
    let _ = perf.mark(&start);
    let out = f();
    let _ = perf.mark(&end);
    let _ = perf.measure_with_start_mark_and_end_mark(name, &start, &end);
    out
}
