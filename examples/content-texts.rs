//! Writes, for translators, every translatable text of the content pack in English, one file per pack
//! file, in the form a translation takes (`content/lang/<lang>/<file>.toml`):
//! `cargo run --example content-texts -- <out-dir>`.

// A host tool: the pack's sources are read from disk.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    host::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use rai_assess::translation::{texts, to_toml, FILES};
    use std::path::PathBuf;

    pub fn run() {
        let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/content-texts".into()));
        std::fs::create_dir_all(&out).expect("the output folder can be made");
        for file in FILES {
            let text =
                std::fs::read_to_string(PathBuf::from("content").join(file)).expect("content file reads");
            let table: toml::Table = toml::from_str(&text).expect("content file parses");
            let all = texts(&table);
            let header = format!(
                "The translatable texts of content/{file}, in English: each key names one text, with the ids \
                 of its entries.\nA translation keeps every key and replaces each value."
            );
            std::fs::write(out.join(file), to_toml(&header, &all)).expect("the output folder is writable");
            let words: usize = all.iter().map(|(_, t)| t.split_whitespace().count()).sum();
            println!("{file}: {} texts, {words} words", all.len());
        }
    }
}
