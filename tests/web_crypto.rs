//! Passphrase encryption with the browser's Web Crypto, in headless Chromium: a sealed answer file
//! opens with its passphrase, and a wrong passphrase or a changed byte opens nothing.
#![cfg(target_arch = "wasm32")]

use rai_assess::answer_file::{self, Opened};
use rai_assess::crypto::{seal, unseal, UnsealError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn sealed_files_open_only_with_their_passphrase_and_unchanged() {
    let plain = br#"{"format":"rai-assess.answers","note":"Strategy <b>signed</b>"}"#;
    let sealed = seal(plain, "correct horse battery").await.expect("sealed");
    assert_eq!(sealed.iterations, answer_file::ITERATIONS);
    assert_eq!((sealed.salt.len(), sealed.nonce.len()), (16, 12));
    assert_eq!(sealed.ciphertext.len(), plain.len() + 16, "ciphertext and GCM tag");
    assert!(!sealed.ciphertext.windows(6).any(|w| w == b"signed"));

    // The envelope written and read back keeps every parameter.
    let text = answer_file::write_sealed(&sealed);
    let Ok(Opened::Encrypted(read)) = answer_file::open(text.as_bytes()) else { panic!("envelope reads") };
    assert_eq!(read, sealed);

    assert_eq!(unseal(&read, "correct horse battery").await.as_deref(), Ok(&plain[..]));
    assert_eq!(unseal(&read, "wrong horse").await, Err(UnsealError::WrongPassphraseOrChanged));
    let mut changed = read.clone();
    changed.ciphertext[3] ^= 1;
    assert_eq!(unseal(&changed, "correct horse battery").await, Err(UnsealError::WrongPassphraseOrChanged));
    // Two seals of the same text differ: fresh salt and nonce each time.
    let again = seal(plain, "correct horse battery").await.expect("sealed");
    assert_ne!((again.salt, again.nonce), (sealed.salt, sealed.nonce));
}

// Since format version 3 the header is authenticated: a file whose version is lowered to skip that
// check opens nothing, like a changed byte.
#[wasm_bindgen_test]
async fn a_changed_header_opens_nothing() {
    let plain = br#"{"format":"rai-assess.answers"}"#;
    let sealed = seal(plain, "correct horse battery").await.expect("sealed");
    assert!(!sealed.aad.is_empty(), "the header is authenticated");
    let text = answer_file::write_sealed(&sealed);
    let current = format!("\"format_version\":{}", answer_file::FORMAT_VERSION);
    assert!(text.contains(&current));
    let downgraded = text.replace(&current, "\"format_version\":2");
    let Ok(Opened::Encrypted(read)) = answer_file::open(downgraded.as_bytes()) else {
        panic!("envelope reads")
    };
    assert_eq!(unseal(&read, "correct horse battery").await, Err(UnsealError::WrongPassphraseOrChanged));
}

// A file encrypted before version 3 (no authenticated header) still opens with its passphrase.
#[wasm_bindgen_test]
async fn an_encrypted_file_from_version_2_still_opens() {
    let file = include_str!("fixtures/sealed/v2-correct-horse-battery.json");
    let Ok(Opened::Encrypted(sealed)) = answer_file::open(file.as_bytes()) else { panic!("envelope reads") };
    assert!(sealed.aad.is_empty());
    let plain = unseal(&sealed, "correct horse battery").await.expect("opens");
    assert_eq!(plain, include_bytes!("fixtures/answer-files/v2.json"));
}
