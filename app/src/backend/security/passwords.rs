//! Password hashing with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane), always
//! off the async runtime. Unknown accounts are checked against a dummy hash so that sign-in
//! takes the same time whether or not the address has an account.

use crate::error::ShopError;
use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::SaltString,
};
use std::sync::LazyLock;

pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const LANES: u32 = 1;

fn argon2() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters"),
    )
}

fn hash_blocking(password: &str) -> Result<String, ShopError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            ShopError::Internal
        })
}

/// A hash of a random password, verified against when an account does not exist.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking(&crate::backend::security::keys::random_token()).expect("dummy hash")
});

/// Hashes a password (argon2id, random salt), on a blocking thread.
pub async fn hash(password: String) -> Result<String, ShopError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|_| ShopError::Internal)?
}

/// The outcome of checking a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    pub ok: bool,
    /// The stored hash uses weaker parameters than today's: hash again after sign-in.
    pub needs_rehash: bool,
}

/// Checks `password` against `stored`, or against a dummy hash when there is no account (the
/// answer is then always "wrong", in about the same time).
pub async fn verify(password: String, stored: Option<String>) -> Result<Verified, ShopError> {
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let hash_text = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&hash_text) else {
            tracing::error!("stored password hash cannot be parsed");
            return Verified {
                ok: false,
                needs_rehash: false,
            };
        };
        let ok = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && real;
        Verified {
            ok,
            needs_rehash: ok && is_weaker(&parsed),
        }
    })
    .await
    .map_err(|_| ShopError::Internal)
}

fn is_weaker(hash: &PasswordHash<'_>) -> bool {
    let param = |name: &str| hash.params.get_decimal(name).unwrap_or(0);
    hash.algorithm.as_str() != "argon2id"
        || param("m") < MEMORY_KIB
        || param("t") < ITERATIONS
        || param("p") < LANES
}

/// Warms the dummy hash so the first sign-in of an unknown address is not faster.
pub async fn warm_up() {
    let _ = tokio::task::spawn_blocking(|| LazyLock::force(&DUMMY_HASH).len()).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters() {
        let h = hash("violet staple drum".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert_ne!(
            h,
            hash("violet staple drum".into()).await.unwrap(),
            "salt must differ"
        );
        let ok = verify("violet staple drum".into(), Some(h.clone()))
            .await
            .unwrap();
        assert_eq!(
            ok,
            Verified {
                ok: true,
                needs_rehash: false
            }
        );
        let wrong = verify("violet staple drun".into(), Some(h)).await.unwrap();
        assert!(!wrong.ok);
    }

    #[tokio::test]
    async fn unknown_accounts_never_verify() {
        let v = verify("anything at all".into(), None).await.unwrap();
        assert!(!v.ok);
    }

    #[tokio::test]
    async fn weaker_hashes_are_flagged_for_rehash() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let h = weak
            .hash_password(b"violet staple drum", &salt)
            .unwrap()
            .to_string();
        let v = verify("violet staple drum".into(), Some(h)).await.unwrap();
        assert_eq!(
            v,
            Verified {
                ok: true,
                needs_rehash: true
            }
        );
    }

    #[tokio::test]
    async fn long_passwords_are_not_truncated() {
        let long = "p".repeat(200);
        let h = hash(long.clone()).await.unwrap();
        assert!(verify(long.clone(), Some(h.clone())).await.unwrap().ok);
        assert!(!verify("p".repeat(199), Some(h)).await.unwrap().ok);
    }
}
