//! Writes, for translators, every translatable text of the content pack in English, one file per pack
//! file, in the form a translation takes (`content/lang/<lang>/<file>.toml`):
//! `cargo run --example content-texts -- <out-dir>`.
//!
//! `cargo run --example content-texts -- --record <lang>` records, once a language's translations have
//! been checked against the current English, the mark of each English text they were made from
//! (`content/lang/<lang>/sources.toml`); the build refuses a translation whose English has changed since.

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
    use rai_assess::validate::translated::source_mark;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    fn table(path: PathBuf) -> toml::Table {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// UI strings as flat `table.key` pairs.
    fn flat(prefix: &str, t: &toml::Table, out: &mut BTreeMap<String, String>) {
        for (k, v) in t {
            let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            match v {
                toml::Value::String(s) => {
                    out.insert(key, s.clone());
                }
                toml::Value::Table(t) => flat(&key, t, out),
                _ => {}
            }
        }
    }

    /// Marks every English text that `lang` translates as the one its translation was made from.
    fn record(lang: &str) {
        let content = PathBuf::from("content");
        let mut marks = Vec::new();
        for file in FILES {
            let overlay = table(content.join("lang").join(lang).join(file));
            for (path, english) in texts(&table(content.join(file))) {
                if overlay.contains_key(&path) {
                    marks.push((format!("{file}:{path}"), source_mark(&english)));
                }
            }
        }
        let (mut en, mut own) = (BTreeMap::new(), BTreeMap::new());
        flat("", &table(content.join("strings/en.toml")), &mut en);
        flat("", &table(content.join(format!("strings/{lang}.toml"))), &mut own);
        for (key, english) in en.iter().filter(|(k, _)| own.contains_key(*k)) {
            marks.push((format!("strings:{key}"), source_mark(english)));
        }
        let header = format!(
            "The English each {lang} translation was made from, by mark: written by\n\
             cargo run --example content-texts -- --record {lang}, after checking the translations."
        );
        let out = content.join("lang").join(lang).join("sources.toml");
        std::fs::write(&out, to_toml(&header, &marks)).expect("the language folder is writable");
        println!("{}: {} texts recorded", out.display(), marks.len());
    }

    pub fn run() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if let [flag, lang] = args.as_slice() {
            if flag == "--record" {
                return record(lang);
            }
        }
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
