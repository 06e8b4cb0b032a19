//! Which language a page is in: the user's remembered choice, else the browser's preferred languages,
//! else English. A page keeps its language; choosing another loads the page again in it.

/// The localStorage key under which the chosen language is remembered (read by `scripts/boot` too, to
/// fetch the right pack file while the app downloads).
pub const STORAGE_KEY: &str = "rai.language";

/// The language to use among `offered` (the first is the default): `stored` if offered, else the first
/// of `preferred` ("fr-CA", "ar") whose language is offered.
pub fn pick<'a>(stored: Option<&str>, preferred: &[String], offered: &[&'a str]) -> &'a str {
    let find = |code: &str| offered.iter().find(|l| l.eq_ignore_ascii_case(code)).copied();
    stored
        .and_then(find)
        .or_else(|| preferred.iter().find_map(|p| find(p.split(['-', '_']).next().unwrap_or(p))))
        .or_else(|| offered.first().copied())
        .unwrap_or("en")
}

/// Whether `lang` is written right to left.
pub fn is_right_to_left(lang: &str) -> bool {
    matches!(lang, "ar" | "fa" | "he" | "ur")
}

/// The document direction for `lang`, as HTML's `dir` takes it.
pub fn direction(lang: &str) -> &'static str {
    if is_right_to_left(lang) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The mark between a number's whole part and its decimals as readers of `lang` write it: "62,5" in
/// French and Spanish. Figures in spreadsheets and CSV stay numbers and are not written with it.
pub fn decimal_mark(lang: &str) -> char {
    match lang {
        "fr" | "es" => ',',
        _ => '.',
    }
}

/// A language's name in itself, as the language menu shows it whatever the page's language.
pub fn endonym(lang: &str) -> &'static str {
    match lang {
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ar" => "العربية",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERED: [&str; 4] = ["en", "fr", "es", "ar"];

    fn prefs(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_remembered_choice_wins_over_the_browser() {
        assert_eq!(pick(Some("ar"), &prefs(&["fr-FR"]), &OFFERED), "ar");
    }

    #[test]
    fn the_first_preferred_language_offered_is_taken_by_its_base() {
        assert_eq!(pick(None, &prefs(&["de-DE", "es-419", "fr"]), &OFFERED), "es");
        assert_eq!(pick(Some("xx"), &prefs(&["FR-ca"]), &OFFERED), "fr");
    }

    #[test]
    fn nothing_offered_matches_gives_the_first_offered() {
        assert_eq!(pick(None, &prefs(&["de", "ja"]), &OFFERED), "en");
        assert_eq!(pick(Some("ar"), &[], &["en"]), "en");
    }

    #[test]
    fn arabic_reads_right_to_left_and_the_others_left_to_right() {
        assert_eq!(direction("ar"), "rtl");
        assert!(OFFERED.iter().filter(|l| **l != "ar").all(|l| direction(l) == "ltr"));
        assert!(OFFERED.iter().all(|l| endonym(l) != "?"));
    }

    #[test]
    fn french_and_spanish_write_decimals_with_a_comma() {
        assert_eq!((decimal_mark("fr"), decimal_mark("es")), (',', ','));
        assert_eq!((decimal_mark("en"), decimal_mark("ar")), ('.', '.'));
    }
}
