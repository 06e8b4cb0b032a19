//! CSV that opens correctly in spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents),
//! CRLF line ends, every field quoted (quotes doubled), so a reader that splits on `;` (German, French,
//! Dutch, Spanish and Italian settings) keeps each field whole as a reader that splits on `,` does.
//! Whatever a reader takes for a cell, a field or a piece of it between separators that a spreadsheet
//! would run as a formula (starting with = + - @, tab or carriage return) gains an apostrophe first,
//! so text from users or files never executes, whichever separator the reader uses.

/// Would a spreadsheet run this cell as a formula?
fn formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Where a reader may start a new cell or line: the separators, line breaks and tabs.
fn separator(c: char) -> bool {
    matches!(c, ',' | ';' | '\n' | '\r' | '\t')
}

/// The text as it is written inside the quotes: every piece (the text's start, or after a separator)
/// whose first character past spaces and quote marks would start a formula gains an apostrophe.
pub fn guarded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut start = true;
    for (i, c) in text.char_indices() {
        if start {
            let first = text[i..].trim_start_matches([' ', '"']);
            if formula(first) {
                out.push('\'');
            }
        }
        out.push(c);
        start = separator(c);
    }
    out
}

/// One field, made safe and quoted.
pub fn field(text: &str) -> String {
    format!("\"{}\"", guarded(text).replace('"', "\"\""))
}

/// Rows of fields as a CSV document.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_are_neutralised_and_every_field_quoted() {
        assert_eq!(field("plain"), "\"plain\"");
        assert_eq!(field("=SUM(A1:A9)"), "\"'=SUM(A1:A9)\"");
        assert_eq!(field("+1 555"), "\"'+1 555\"");
        assert_eq!(field("-2"), "\"'-2\"");
        assert_eq!(field("@cmd"), "\"'@cmd\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("Sécurité"), "\"Sécurité\"");
        assert!(write(&[vec!["a".into(), "b".into()]]).starts_with('\u{feff}'));
    }

    // Found by the hardening review: `a;=1+1;b` used to arrive as three cells where `;` separates.
    #[test]
    fn a_formula_between_semicolons_is_neutralised_too() {
        assert_eq!(field("a;=1+1;b"), "\"a;'=1+1;b\"");
        assert_eq!(field("x,@cmd"), "\"x,'@cmd\"");
        // After a line break or a tab, and behind spaces or quote marks, too.
        assert_eq!(field("one\n=HYPERLINK(1)"), "\"one\n'=HYPERLINK(1)\"");
        assert_eq!(field("a, =cmd"), "\"a,' =cmd\"");
        assert_eq!(field("x;\"=1"), "\"x;'\"\"=1\"");
    }

    /// A small RFC 4180 reader, to check that what is written reads back as the fields given.
    fn read(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let (mut row, mut cell, mut quoted) = (vec![], String::new(), false);
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    /// What a reader that splits on `sep` (and honours quotes, or not) takes for each cell.
    fn cells(text: &str, sep: char, quotes: bool) -> Vec<String> {
        if quotes {
            return read_with(text, sep).into_iter().flatten().collect();
        }
        text.trim_start_matches('\u{feff}').split(['\n', '\r', '\t', sep]).map(String::from).collect()
    }

    fn read_with(text: &str, sep: char) -> Vec<Vec<String>> {
        if sep == ',' {
            return read(text);
        }
        read(&text.replace(',', "\u{1}").replace(sep, ","))
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.replace(',', &sep.to_string()).replace('\u{1}', ",")).collect())
            .collect()
    }

    proptest! {
        // Whatever the text, it reads back as written inside the quotes: unchanged but for apostrophes.
        #[test]
        fn fields_read_back(rows in proptest::collection::vec(proptest::collection::vec(any::<String>(), 1..5), 1..5)) {
            let back = read(&write(&rows));
            let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|f| guarded(f)).collect()).collect();
            prop_assert_eq!(back, expected);
            // The guard only ever adds apostrophes.
            for f in rows.iter().flatten() {
                prop_assert_eq!(guarded(f).replace('\'', ""), f.replace('\'', ""));
            }
        }

        // With either separator, quotes honoured or not, no cell a reader sees starts a formula (a
        // leading quote mark aside, which a spreadsheet shows as text).
        #[test]
        fn no_reader_sees_a_formula(rows in proptest::collection::vec(proptest::collection::vec("[=+@;,a-c\t\r\n\" -]{0,8}", 1..4), 1..4)) {
            let text = write(&rows);
            for sep in [',', ';'] {
                for quotes in [true, false] {
                    for cell in cells(&text, sep, quotes) {
                        let cell = cell.trim_start_matches([' ', '"']);
                        prop_assert!(!formula(cell), "{:?} in {:?} ({}, quotes {})", cell, text, sep, quotes);
                    }
                }
            }
        }
    }
}
