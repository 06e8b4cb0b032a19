//! How strong a passphrase is, roughly, said as the user types it: the bits each character adds if
//! chosen at random from the kinds of character it uses, counting only characters that bring a pair
//! not seen before and do not continue a run ("abcd", "4321"): "passwordpassword" and the alphabet
//! are weak, four unrelated words strong. An estimate, not a promise: a known phrase or a name is
//! weaker than it says. Only the minimum length is enforced; the user decides the rest.

/// The shortest passphrase accepted: shorter ones fall to guessing despite the key derivation.
pub const MIN_CHARS: usize = 8;

/// A passphrase's strength, with its estimate in bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    /// Under 50 bits: a determined attacker holding the file could guess it.
    Weak(u32),
    /// 50 to 79 bits.
    Fair(u32),
    /// 80 bits or more.
    Strong(u32),
}

/// The estimate for `passphrase`; none for an empty one (no encryption).
pub fn strength(passphrase: &str) -> Option<Strength> {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.len() < MIN_CHARS {
        return Some(Strength::TooShort);
    }
    let has = |f: fn(&char) -> bool| chars.iter().any(f);
    let pool: u64 = [
        (has(char::is_ascii_lowercase), 26),
        (has(char::is_ascii_uppercase), 26),
        (has(char::is_ascii_digit), 10),
        (has(|c| c.is_ascii() && !c.is_ascii_alphanumeric()), 33),
        (has(|c| !c.is_ascii()), 100),
    ]
    .iter()
    .filter(|(used, _)| *used)
    .map(|(_, n)| n)
    .sum();
    // Eighths of a bit per character: floor(log2(pool^8)), without floats (they cost the app bytes).
    let eighths = 63 - pool.pow(8).leading_zeros();
    // A character counts when its pair with the one before is new and is not a step of a run (among
    // the first 128, which keeps this cheap for a pasted text; more is strong anyway).
    let head = &chars[..chars.len().min(128)];
    let pairs: Vec<(char, char)> = head.windows(2).map(|w| (w[0], w[1])).collect();
    let step = |(a, b): (char, char)| (a as i64 - b as i64).abs() == 1;
    let counted =
        1 + pairs.iter().enumerate().filter(|(i, p)| !step(**p) && !pairs[..*i].contains(p)).count();
    let bits = counted as u32 * eighths / 8;
    Some(match bits {
        0..50 => Strength::Weak(bits),
        50..80 => Strength::Fair(bits),
        _ => Strength::Strong(bits),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength(""), None);
        assert_eq!(strength("short"), Some(Strength::TooShort));
        assert_eq!(strength("kqzvmwtx"), Some(Strength::Weak(37)), "8 lowercase: 8 × 4.7 bits");
        assert_eq!(strength("aaaaaaaaaaaa"), Some(Strength::Weak(9)), "one character repeated");
        assert_eq!(strength("Tr0ub4dor&3x"), Some(Strength::Fair(78)), "12 of all four kinds");
        assert_eq!(strength("correct horse battery staple"), Some(Strength::Strong(141)));
        // Runs and repeats add little: none of these is strong.
        for weak in [
            "abcdefghijklmnopqrstuvwxyz",
            "Password1!Password1!",
            "passwordpasswordpassword",
            "12345678987654321",
        ] {
            assert!(!matches!(strength(weak), Some(Strength::Strong(_))), "{weak}: {:?}", strength(weak));
        }
        assert!(matches!(strength("été à Genève, 2027"), Some(Strength::Strong(_))));
    }

    proptest! {
        // Adding a character at the end never makes a passphrase weaker, and every passphrase at the
        // minimum length is accepted with an estimate (none is refused for being weak).
        #[test]
        fn a_longer_passphrase_is_never_weaker(p in "[ -~é]{8,40}", c in "[ -~é]") {
            let bits = |s: &str| match strength(s) {
                Some(Strength::Weak(b) | Strength::Fair(b) | Strength::Strong(b)) => b,
                other => panic!("{other:?}"),
            };
            let longer = p.clone() + &c;
            prop_assert!(bits(&longer) >= bits(&p));
        }
    }
}
