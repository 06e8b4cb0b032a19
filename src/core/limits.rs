//! How long a text may be, in one place: the answer-file reader refuses longer ones, and every edit
//! checks the same limits before it is made, so the app never saves what it would refuse to read.

use std::fmt;

/// Longest title, subject, name, role or one-line field (a merged assessment names all its respondents).
pub const MAX_LINE: usize = 10_000;
/// Longest note or text answer (merged notes combine every respondent's).
pub const MAX_TEXT: usize = 1_000_000;

/// A text over its limit: the limit, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong(pub usize);

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::core::content::t_with("errors.too_long", &[("max", &self.0.to_string())]))
    }
}

#[inline(never)]
fn within(text: &str, max: usize) -> Result<(), TooLong> {
    // Bytes bound characters from above: count only when it could matter.
    if text.len() <= max || text.chars().count() <= max {
        Ok(())
    } else {
        Err(TooLong(max))
    }
}

/// A one-line field.
pub fn line(text: &str) -> Result<(), TooLong> {
    within(text, MAX_LINE)
}

/// A note or a long text.
pub fn text(text: &str) -> Result<(), TooLong> {
    within(text, MAX_TEXT)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(line(&"é".repeat(MAX_LINE)), Ok(()));
        assert_eq!(line(&"é".repeat(MAX_LINE + 1)), Err(TooLong(MAX_LINE)));
        assert_eq!(text(&"a".repeat(MAX_TEXT + 1)), Err(TooLong(MAX_TEXT)));
    }
}
