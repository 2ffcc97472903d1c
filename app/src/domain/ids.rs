//! Ids of the shop's records, one type each, so that a product id cannot be passed where a
//! user id (or an amount) is expected: `adjust_stock(conn, id, delta, …)` does not compile
//! with the two swapped. On the wire and in forms an id is the bare number; in the database
//! it is a `BIGINT`. An id comes from the database, or is parsed from an address or a
//! form (and then looked up): other crates cannot make one from a number.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent, no_pg_array))]
        pub struct $name(pub(crate) i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl $name {
            /// The number, for the database and addresses.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    )*};
}

id_type!(
    /// An account: shopper, staff or admin.
    UserId,
    /// An entry of a shopper's address book.
    AddressId,
    /// A product of the catalog.
    ProductId,
    /// An uploaded product picture (its content never changes).
    ImageId,
    /// A message in the outbox.
    MailId,
    /// A line of a cart.
    CartLineId,
    /// An order.
    OrderId,
    /// A shopper's saved card.
    SavedCardId,
    /// A conversation with the shop (a contact message and its replies).
    ThreadId,
);

/// True for text shaped like the shop's random tokens and keyed hashes: 64 hexadecimal
/// digits (checked before any lookup).
pub fn is_token(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Ids that are tokens rather than numbers: 64 hexadecimal digits, parsed (and so checked)
/// wherever they arrive; a malformed one is a malformed request.
macro_rules! token_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// `text`, if it is shaped like a token.
            pub fn parse(text: &str) -> Option<$name> {
                is_token(text).then(|| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// A token the shop made or stored itself.
            #[cfg(feature = "ssr")]
            pub(crate) fn issued(token: String) -> $name {
                debug_assert!(is_token(&token));
                $name(token)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(concat!("not a ", stringify!($name)))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

token_type!(
    /// A session as its owner's list names it: the keyed hash of its cookie, useless as a
    /// cookie.
    SessionRef,
    /// An erasure receipt (the page a former shopper lands on).
    ReceiptId,
    /// A card entry opened with the payment processor (its card page sends the browser
    /// back with it).
    CardEntryId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bare_numbers_on_the_wire() {
        assert_eq!(serde_json::to_string(&ProductId(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<UserId>("7").unwrap(), UserId(7));
        assert_eq!("12".parse::<AddressId>(), Ok(AddressId(12)));
        assert!("x".parse::<AddressId>().is_err());
        assert_eq!(ImageId(3).to_string(), "3");
    }

    #[test]
    fn token_ids_are_checked_where_they_arrive() {
        let token = "ab".repeat(32);
        let id: ReceiptId = serde_json::from_str(&format!("\"{token}\"")).unwrap();
        assert_eq!(id.as_str(), token);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{token}\""));
        for bad in ["", "abc", &"zz".repeat(32), &"ab".repeat(33)] {
            assert!(CardEntryId::parse(bad).is_none(), "{bad}");
            assert!(serde_json::from_str::<SessionRef>(&format!("\"{bad}\"")).is_err());
        }
    }
}
