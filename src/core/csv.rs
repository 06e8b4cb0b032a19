//! CSV that opens correctly in spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents),
//! CRLF line ends, fields quoted when they hold a comma, quote or line break (quotes doubled), and
//! fields that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
//! prefixed with an apostrophe, so that text from users or files never executes.

/// One field, made safe and quoted as needed.
pub fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) || safe.starts_with('\'') {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
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
    fn formulas_are_neutralised_and_special_characters_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("=SUM(A1:A9)"), "\"'=SUM(A1:A9)\"");
        assert_eq!(field("+1 555"), "\"'+1 555\"");
        assert_eq!(field("-2"), "\"'-2\"");
        assert_eq!(field("@cmd"), "\"'@cmd\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("Sécurité"), "Sécurité");
        assert!(write(&[vec!["a".into(), "b".into()]]).starts_with('\u{feff}'));
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

    proptest! {
        // Whatever the text, it reads back unchanged, except that a would-be formula gains its apostrophe.
        #[test]
        fn fields_read_back(rows in proptest::collection::vec(proptest::collection::vec(any::<String>(), 1..5), 1..5)) {
            let back = read(&write(&rows));
            let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|f| {
                if f.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{f}") } else { f.clone() }
            }).collect()).collect();
            prop_assert_eq!(back, expected);
        }
    }
}
