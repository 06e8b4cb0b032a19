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
/// and indentation that would start a code block; line breaks stay line breaks. A lone carriage
/// return ends a line in Markdown too, so line endings are made one kind first.
pub fn markdown(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        let body = line.trim_start();
        // Leading spaces would make an indented code block: keep them as no-break spaces.
        for _ in 0..line[..line.len() - body.len()].chars().count() {
            out.push('\u{a0}');
        }
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        // "1." or "1)" starts a list only when a space or the line's end follows: "49.3" is text.
        let marker_ends = body.chars().nth(digits + 1).is_none_or(char::is_whitespace);
        for (k, c) in body.chars().enumerate() {
            let list_number = k == digits && digits > 0 && matches!(c, '.' | ')') && marker_ends;
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

/// Text for Markdown inside a line (after other text): punctuation escaped as by [`markdown`], but
/// nothing it does for a line's start; line breaks stay line breaks.
pub fn markdown_inline(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push_str("  \n");
            continue;
        }
        if c.is_ascii_punctuation() && !matches!(c, ',' | ';' | ':' | '?' | '\'' | '"' | '/' | '%' | '.') {
            out.push('\\');
        }
        out.push(c);
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

    // Found by the hardening review: a lone carriage return made a title into a heading and a list.
    #[test]
    fn a_lone_carriage_return_ends_a_line_that_starts_as_text() {
        assert_eq!(
            markdown("Title\r# not a heading\r- nor a list"),
            "Title  \n\\# not a heading  \n\\- nor a list"
        );
        assert_eq!(markdown("a\r\nb"), "a  \nb");
        assert_eq!(markdown("49.3 / 100"), "49.3 / 100", "a figure is not a list number");
    }

    proptest! {
        // Whatever the text, no line of the result starts a heading, quote, list, fence or table.
        #[test]
        fn escaped_markdown_starts_no_block(s in "[#>*+=`~|<\\[ \r\n\t0-9.)a-z-]{0,40}") {
            let e = markdown(&s);
            prop_assert!(!e.contains('\r'));
            // (A line of spaces is blank: the hard break that ends the line before it.)
            for line in e.split('\n').map(str::trim_end).filter(|l| !l.is_empty()) {
                let l = line.trim_start_matches('\u{a0}');
                prop_assert!(!l.starts_with(['#', '>', '*', '+', '=', '`', '~', '|', '<', '[', '-', ' ', '\t']), "{:?} in {:?}", l, e);
                let digits = l.chars().take_while(char::is_ascii_digit).count();
                let marker = l[digits..].starts_with(['.', ')']) && l[digits + 1..].chars().next().is_none_or(char::is_whitespace);
                prop_assert!(!(digits > 0 && marker), "{:?}", l);
            }
        }

        #[test]
        fn escaped_html_has_no_tag_or_entity_start(s in any::<String>()) {
            let e = html(&s);
            prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"'));
            prop_assert_eq!(e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&"), s);
        }
    }
}
