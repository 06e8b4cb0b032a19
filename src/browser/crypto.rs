//! Passphrase encryption of answer files with the browser's Web Crypto API: PBKDF2-SHA-256 derives an
//! AES-256-GCM key from the passphrase and a random salt; a random 96-bit nonce per file. GCM's tag makes
//! a wrong passphrase and a changed file fail the same way, and nothing is imported from either.

use crate::core::answer_file::{header_aad, Sealed, FORMAT_VERSION, ITERATIONS};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why decryption gave nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsealError {
    /// The passphrase is wrong or the file was changed after it was written (indistinguishable).
    WrongPassphraseOrChanged,
    /// Web Crypto is missing (an insecure context, such as a page served over plain HTTP from another host).
    Unavailable,
}

fn subtle() -> Result<(web_sys::Crypto, web_sys::SubtleCrypto), UnsealError> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(UnsealError::Unavailable)?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

async fn key(
    subtle: &web_sys::SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<web_sys::CryptoKey, JsValue> {
    // The same passphrase typed on another system may arrive composed differently (é as one character
    // or as e + accent): normalise to NFC first, so it derives the same key.
    let normalized = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let raw = Uint8Array::from(normalized.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?
    .unchecked_into::<web_sys::CryptoKey>();
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let derived =
        subtle.derive_key_with_object_and_object(&pbkdf2, &base, &aes, false, &Array::of1(&usage.into()))?;
    Ok(JsFuture::from(derived).await?.unchecked_into())
}

fn random(crypto: &web_sys::Crypto, n: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0u8; n];
    crypto.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// AES-GCM's parameters: the nonce, and the header it authenticates (none for files before version 3).
fn gcm(nonce: &[u8], aad: &[u8]) -> Object {
    let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(nonce).into())]);
    if !aad.is_empty() {
        let _ = Reflect::set(&params, &"additionalData".into(), &Uint8Array::from(aad).into());
    }
    params
}

/// Encrypts `plaintext` (an answer file) with `passphrase`.
pub async fn seal(plaintext: &[u8], passphrase: &str) -> Result<Sealed, UnsealError> {
    let (crypto, subtle) = subtle()?;
    let sealed = async {
        let salt = random(&crypto, 16)?;
        let nonce = random(&crypto, 12)?;
        let key = key(&subtle, passphrase, &salt, ITERATIONS, "encrypt").await?;
        let aad = header_aad(FORMAT_VERSION, ITERATIONS, &salt, &nonce);
        let params = gcm(&nonce, &aad);
        let out = JsFuture::from(subtle.encrypt_with_object_and_u8_array(&params, &key, plaintext)?).await?;
        Ok::<_, JsValue>(Sealed {
            iterations: ITERATIONS,
            salt,
            nonce,
            ciphertext: Uint8Array::new(&out).to_vec(),
            aad,
        })
    };
    sealed.await.map_err(|_| UnsealError::Unavailable)
}

/// Decrypts a sealed answer file with `passphrase`.
pub async fn unseal(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, UnsealError> {
    let (_, subtle) = subtle()?;
    let key = key(&subtle, passphrase, &sealed.salt, sealed.iterations, "decrypt")
        .await
        .map_err(|_| UnsealError::Unavailable)?;
    let params = gcm(&sealed.nonce, &sealed.aad);
    let promise = subtle
        .decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)
        .map_err(|_| UnsealError::Unavailable)?;
    let out = JsFuture::from(promise).await.map_err(|_| UnsealError::WrongPassphraseOrChanged)?;
    Ok(Uint8Array::new(&out).to_vec())
}
