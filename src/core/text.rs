//! Case folding for search and file names, without the standard library's full Unicode case tables
//! (several kilobytes of the app's download). Covers Latin (ASCII, Latin-1, Latin Extended-A), Greek
//! and Cyrillic capitals, which is what titles and search words in this app are written in; other
//! characters are left as they are, so search is then case-sensitive for them, never wrong.

/// The lowercase form of one character, for the scripts above.
pub fn fold_char(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 32,
        // Latin Extended-A pairs capital/small, except the dotless i and kra region.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x139..=0x148 if !n.is_multiple_of(2) => n + 1,
        0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
        0x391..=0x3A1 | 0x3A3..=0x3AB => n + 32,
        0x410..=0x42F => n + 32,
        0x400..=0x40F => n + 80,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` folded to lowercase (see the module comment for what is covered).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// `text` as search compares it: folded, and without what readers leave out when they type a query:
/// Latin accents ("evaluacion" finds "evaluación", "securite" finds "sécurité"), and in Arabic the short
/// vowel marks, the elongation and the forms of alif, yaa and taa marbuta.
pub fn search_fold(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .filter(|c| !matches!(*c as u32, 0x064B..=0x0652 | 0x0670 | 0x0640))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_accents_and_arabic_vowel_marks() {
        assert_eq!(search_fold("Évaluación SÉCURITÉ"), search_fold("evaluacion securite"));
        assert_eq!(search_fold("المُساءَلة"), search_fold("المساءله"));
        assert_eq!(search_fold("إنفاذ"), search_fold("انفاذ"));
    }

    #[test]
    fn agrees_with_the_standard_library_where_it_folds() {
        for n in (0u32..0x180).chain(0x391..0x3AC).chain(0x400..0x430) {
            let Some(c) = char::from_u32(n) else { continue };
            let folded = fold_char(c);
            if folded != c {
                assert_eq!(c.to_lowercase().collect::<String>(), folded.to_string(), "U+{n:04X}");
            }
        }
        assert_eq!(fold("ÉCOLE Straße ÆØÅ ΑΘΗΝΑ МОСКВА"), "école straße æøå αθηνα москва");
    }
}
