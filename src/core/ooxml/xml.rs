//! Text made safe for XML 1.0, which refuses some characters outright (most control characters, the
//! non-characters U+FFFE and U+FFFF): those are dropped, so a note pasted from anywhere still gives a
//! file Word and spreadsheets open, and markup characters are escaped so they show as typed. Rust
//! strings hold no unpaired surrogates; answer files are read as UTF-8 before they get here.

/// Whether XML 1.0 allows `c` in a document at all.
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text for element content and quoted attribute values.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_refused_characters_dropped() {
        assert_eq!(text("a<b>&\"c'\u{0}\u{1b}\u{FFFE}]]>\tz"), "a&lt;b&gt;&amp;&quot;c&apos;]]&gt;\tz");
    }

    #[test]
    fn every_script_is_kept() {
        assert_eq!(text("عربي · Ελληνικά · 中文 · 😀"), "عربي · Ελληνικά · 中文 · 😀");
    }
}
