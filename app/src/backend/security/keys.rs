//! The server's secret key and what it is used for: keyed hashes of session tokens, one-time
//! link tokens and throttling keys, so that none of them is stored in a form that could be
//! replayed or reversed from a copy of the database.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::sync::Arc;

/// The minimum length of the key, in bytes.
pub const MIN_KEY_LEN: usize = 32;

#[derive(Clone)]
pub struct Keys {
    key: Arc<[u8]>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    pub fn new(key: &[u8]) -> Self {
        assert!(
            key.len() >= MIN_KEY_LEN,
            "secret key shorter than {MIN_KEY_LEN} bytes"
        );
        Keys { key: key.into() }
    }

    /// HMAC-SHA256 of `data` under the key, separated by `purpose`, as hex.
    pub fn hash(&self, purpose: &str, data: &str) -> String {
        hex::encode(self.mac(purpose, data).finalize().into_bytes())
    }

    /// True when `hash` is [`Keys::hash`] of `data` for `purpose`, compared in constant
    /// time (for hashes that come back from outside, such as a link's).
    pub fn verify(&self, purpose: &str, data: &str, hash: &str) -> bool {
        hex::decode(hash).is_ok_and(|given| self.mac(purpose, data).verify_slice(&given).is_ok())
    }

    fn mac(&self, purpose: &str, data: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC accepts any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        mac
    }
}

/// A fresh random token (256 bits, hex).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// True for strings shaped like [`random_token`] output (checked before any lookup).
pub use crate::domain::ids::is_token;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_depend_on_key_and_purpose() {
        let a = Keys::new(&[1; 32]);
        let b = Keys::new(&[2; 32]);
        assert_eq!(a.hash("session", "t"), a.hash("session", "t"));
        assert_ne!(a.hash("session", "t"), b.hash("session", "t"));
        assert_ne!(a.hash("session", "t"), a.hash("email", "t"));
        assert_eq!(a.hash("x", "y").len(), 64);
        assert!(a.verify("x", "y", &a.hash("x", "y")));
        assert!(!a.verify("x", "y", &b.hash("x", "y")));
        assert!(!a.verify("x", "z", &a.hash("x", "y")));
        assert!(!a.verify("x", "y", "not hex"));
        assert!(!a.verify("x", "y", &a.hash("x", "y")[..62]));
    }

    #[test]
    fn tokens_are_random_and_recognised() {
        let t = random_token();
        assert!(is_token(&t));
        assert_ne!(t, random_token());
        assert!(!is_token("abc"));
        assert!(!is_token(&"g".repeat(64)));
    }
}
