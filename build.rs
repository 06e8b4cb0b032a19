//! Reads `content/`, validates it with the same checks as the tests, and embeds it as JSON.
//! A broken pack stops the build here, with every problem named by file and id.

#[allow(dead_code)]
#[path = "src/core/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/core/content/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "src/core/content/validate.rs"]
mod validate;

use std::path::PathBuf;

fn main() {
    for f in
        ["content", "src/core/content/model.rs", "src/core/content/source.rs", "src/core/content/validate.rs"]
    {
        println!("cargo:rerun-if-changed={f}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let loaded = match source::load_dir(std::path::Path::new("content")) {
        Ok(loaded) => loaded,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  content/{p}")).collect();
            panic!("the content pack has {} problem(s):\n{}", problems.len(), list.join("\n"));
        }
    };
    let pack = serde_json::to_string(&loaded.pack).expect("the pack model serialises");
    std::fs::write(out.join("pack.json"), pack).expect("OUT_DIR is writable");
    for (lang, table) in &loaded.strings {
        let json = serde_json::to_string(table).expect("string tables serialise");
        std::fs::write(out.join(format!("strings-{lang}.json")), json).expect("OUT_DIR is writable");
    }
}
