//! Making user text safe in the documents the app writes: every piece of text typed by a user or read
//! from a file goes through one of these, so a note containing markup shows as the characters typed.

/// Text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for Markdown: every ASCII punctuation character that Markdown could read as syntax is
/// backslash-escaped (CommonMark allows that for any of them), so are a number that would start a list
/// and indentation that would start a code block; line breaks stay line breaks.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        let line = line.trim_end_matches('\r');
        let body = line.trim_start();
        // Leading spaces would make an indented code block: keep them as no-break spaces.
        for _ in 0..(line.len() - body.len()) {
            out.push('\u{a0}');
        }
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        for (k, c) in body.chars().enumerate() {
            let list_number = k == digits && digits > 0 && matches!(c, '.' | ')');
            if list_number
                || (c.is_ascii_punctuation()
                    && !matches!(c, ',' | ';' | ':' | '?' | '\'' | '"' | '/' | '%' | '.'))
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(markdown("# Title *bold* [a](b) <b>"), "\\# Title \\*bold\\* \\[a\\]\\(b\\) \\<b\\>");
        assert_eq!(
            markdown("1. a\n- b\n===\n    code"),
            "1\\. a  \n\\- b  \n\\=\\=\\=  \n\u{a0}\u{a0}\u{a0}\u{a0}code"
        );
    }

    proptest! {
        #[test]
        fn escaped_html_has_no_tag_or_entity_start(s in any::<String>()) {
            let e = html(&s);
            prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"'));
            prop_assert_eq!(e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&"), s);
        }
    }
}
