//! Reads `content/`, validates it with the same checks as the tests, and turns it into what the app
//! ships. A broken pack stops the build here, with every problem named by file and id.
//!
//! - `pack-<lang>-<fingerprint>.bin` (postcard), one per language of `pack.toml`: the whole pack and
//!   every UI string in that language. The app fetches the one of its language right after start
//!   instead of carrying its text in the wasm, which keeps the first load small (see
//!   `docs/architecture.md`). They go to `target/content/` for trunk's post-build hook to publish; the
//!   English one is also `pack.bin`, compiled into the host build for tests and tools.
//! - `pack.rs`: the pack's identity as a Rust `static` plus each file's language, name and fingerprint,
//!   so the shell can name its content before a file arrives and reject a file that is not its own.
//! - `strings.rs`: the shell's UI strings in every language, embedded because they show before the
//!   pack file arrives; the pack files carry all of them.

#[allow(dead_code)]
#[path = "src/core/content/digest.rs"]
mod digest;
#[allow(dead_code)]
#[path = "src/core/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "build/rust_literal.rs"]
mod rust_literal;
#[allow(dead_code)]
#[path = "src/core/content/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "src/core/content/translation.rs"]
mod translation;
#[allow(dead_code)]
#[path = "src/core/content/validate/mod.rs"]
mod validate;

use std::fmt::Write;
use std::path::PathBuf;

/// UI strings the shell shows before the pack file has arrived (see `ui::app`).
const SHELL_PREFIXES: [&str; 4] = ["app.", "nav.", "content.", "footer."];
const SHELL_KEYS: [&str; 2] = ["about.content_version", "notfound.title"];

fn main() {
    for f in [
        "content",
        "build/rust_literal.rs",
        "src/core/content/digest.rs",
        "src/core/content/model.rs",
        "src/core/content/source.rs",
        "src/core/content/translation.rs",
        "src/core/content/validate",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
    // The benchmark builds the app once with a larger, generated pack (see scripts/bench.sh).
    println!("cargo:rerun-if-env-changed=RAI_CONTENT_DIR");
    let content = std::env::var("RAI_CONTENT_DIR").unwrap_or_else(|_| "content".into());
    println!("cargo:rerun-if-changed={content}");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let loaded = match source::load_dir(std::path::Path::new(&content)) {
        Ok(loaded) => loaded,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {content}/{p}")).collect();
            panic!("the content pack has {} problem(s):\n{}", problems.len(), list.join("\n"));
        }
    };
    if !loaded.stale.is_empty() {
        // Not fatal here (the tool that records translations is built with the pack); a test is.
        println!(
            "cargo:warning={} translation(s) were made from an English text that has changed since; \
             `cargo test --test content_translations` lists them",
            loaded.stale.len()
        );
    }

    // One pack file per language holds the pack and every UI string in that language; the wasm keeps
    // only the shell's strings, in every language.
    let mut files = Vec::new();
    let mut shell_tables = String::new();
    for lang in loaded.pack.info.languages.iter() {
        let pack = if lang == "en" { &loaded.pack } else { &loaded.translations[lang.as_ref()] };
        let strings: Vec<(&String, &String)> =
            loaded.strings.get(lang.as_ref()).map(|t| t.iter().collect()).unwrap_or_default();
        let bytes = postcard::to_allocvec(&(lang, pack, &strings))
            .unwrap_or_else(|e| panic!("cannot encode the {lang} pack: {e}"));
        let fingerprint = digest::fnv1a64(&bytes);
        let file_name = format!("pack-{lang}-{fingerprint:016x}.bin");
        if lang == "en" {
            std::fs::write(out.join("pack.bin"), &bytes).expect("OUT_DIR is writable");
        }
        files.push((lang.to_string(), file_name, fingerprint, bytes));

        // The shell's UI strings (header, navigation, footer, content loading), embedded because they
        // show before the pack file arrives: one sorted (key, text) table per language.
        let shell =
            |key: &str| SHELL_PREFIXES.iter().any(|p| key.starts_with(p)) || SHELL_KEYS.contains(&key);
        let _ = writeln!(shell_tables, "    ({lang:?}, &[");
        for (key, text) in strings.iter().filter(|(k, _)| shell(k)) {
            let _ = writeln!(shell_tables, "        ({key:?}, {text:?}),");
        }
        shell_tables.push_str("    ]),\n");
    }
    publish(&files);

    let info = rust_literal::to_rust(&loaded.pack.info).unwrap_or_else(|e| panic!("cannot embed: {e}"));
    let mut code = format!(
        "/// The pack's identity, generated by build.rs from content/pack.toml.\n\
         pub static INFO: PackInfo = {info};\n\
         /// Each language's pack file: its language, the name under which it is published next to\n\
         /// index.html, and `digest::fnv1a64` of its bytes.\n\
         pub static FILES: &[(&str, &str, u64)] = &[\n"
    );
    for (lang, file_name, fingerprint, _) in &files {
        let _ = writeln!(code, "    ({lang:?}, {file_name:?}, {fingerprint:#x}),");
    }
    code.push_str("];\n");
    std::fs::write(out.join("pack.rs"), code).expect("OUT_DIR is writable");

    let strings = format!(
        "/// The shell's UI strings by language, each table sorted by key.\n\
         pub static SHELL_STRINGS: &[(&str, &[(&str, &str)])] = &[\n{shell_tables}];\n"
    );
    std::fs::write(out.join("strings.rs"), strings).expect("OUT_DIR is writable");
}

/// Leaves the pack files in `<target>/content/` under their published names, alone, where
/// `scripts/publish-pack.mjs` (a trunk post-build hook) copies them into `dist/`.
fn publish(files: &[(String, String, u64, Vec<u8>)]) {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("content");
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("pack-") && name.ends_with(".bin") && !files.iter().any(|f| f.1 == name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    for (_, file_name, _, bytes) in files {
        std::fs::write(dir.join(file_name), bytes).expect("the target directory is writable");
    }
}
