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
/// backslash-escaped (CommonMark allows that for any of them), and line breaks stay line breaks.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation()
            && !matches!(c, ',' | '.' | ';' | ':' | '?' | '\'' | '"' | '/' | '%' | '=')
        {
            out.push('\\');
        }
        if c == '\n' {
            out.push_str("  \n");
        } else if c != '\r' {
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
        assert_eq!(markdown("1. a\n- b"), "1. a  \n\\- b");
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
