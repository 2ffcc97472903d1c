//! Closed sets of values kept as text in the database (roles, account and product states,
//! categories, languages, currencies, link purposes). Each value has exactly one spelling;
//! the database layer decodes columns straight into these types (`backend/db/mod.rs`), and a
//! spelling it does not know is an error, never a silent default.

pub trait Stored: Sized + Copy + 'static {
    /// Every value.
    const ALL: &'static [Self];

    /// The value's spelling in the database.
    fn stored(self) -> &'static str;

    /// The value spelled `text`, if there is one.
    fn from_stored(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.stored() == text)
    }
}

/// Implements [`Stored`] with an existing spelling method.
macro_rules! stored_as {
    ($type:ty, $all:expr, $method:ident) => {
        impl $crate::domain::stored::Stored for $type {
            const ALL: &'static [Self] = &$all;
            fn stored(self) -> &'static str {
                self.$method()
            }
        }
    };
}
pub(crate) use stored_as;

stored_as!(crate::i18n::Lang, crate::i18n::Lang::ALL, code);

#[cfg(test)]
mod tests {
    use super::Stored;
    use crate::{
        domain::{
            account::{AccountStatus, LinkPurpose, Role},
            catalog::ProductStatus,
            category::Category,
            money::Currency,
        },
        i18n::Lang,
    };

    fn round_trips<T: Stored + PartialEq + std::fmt::Debug>() {
        let mut seen = std::collections::BTreeSet::new();
        for v in T::ALL {
            assert_eq!(T::from_stored(v.stored()), Some(*v));
            assert!(seen.insert(v.stored()), "two values spelled {}", v.stored());
        }
        assert_eq!(T::from_stored("no such value"), None);
        assert_eq!(T::from_stored(""), None);
    }

    #[test]
    fn every_stored_value_has_one_spelling() {
        round_trips::<Role>();
        round_trips::<AccountStatus>();
        round_trips::<LinkPurpose>();
        round_trips::<ProductStatus>();
        round_trips::<Category>();
        round_trips::<Currency>();
        round_trips::<Lang>();
    }
}
