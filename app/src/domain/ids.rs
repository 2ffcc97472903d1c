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
}
