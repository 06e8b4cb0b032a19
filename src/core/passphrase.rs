//! How strong a passphrase is, roughly, said as the user types it: its length times the bits each
//! character adds if chosen at random from the kinds of character it uses, with repeats counted once
//! over. An estimate, not a promise: a known phrase or a name is weaker than it says. Only the
//! minimum length is enforced; the user decides the rest.

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
    // "aaaaaaaaaaaa" is not twelve random characters: count at most two per distinct character (among
    // the first 128, which keeps this cheap for a pasted text; more is strong anyway).
    let head = &chars[..chars.len().min(128)];
    let distinct = head.iter().enumerate().filter(|(i, c)| !head[..*i].contains(c)).count();
    let length = chars.len().min(distinct * 2) as u32;
    let bits = length * eighths / 8;
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
        assert_eq!(strength("abcdefgh"), Some(Strength::Weak(37)), "8 lowercase: 8 × 4.7 bits");
        assert_eq!(strength("aaaaaaaaaaaa"), Some(Strength::Weak(9)), "one character repeated");
        assert_eq!(strength("Tr0ub4dor&3x"), Some(Strength::Fair(78)), "12 of all four kinds");
        assert_eq!(strength("correct horse battery staple"), Some(Strength::Strong(152)));
        assert!(matches!(strength("été à Genève, 2027"), Some(Strength::Strong(_))));
    }

    proptest! {
        // Adding a character never makes a passphrase weaker, and every passphrase at the minimum
        // length is accepted with an estimate (none is refused for being weak).
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
