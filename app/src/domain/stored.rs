//! Closed sets of values kept as text in the database (roles, account and product states,
//! categories, languages, currencies, link purposes, carriers, card brands). Each is declared
//! once with [`stored_enum!`]: one spelling per value, used in the database, in forms and in
//! addresses; columns decode straight into the type (with `ssr`), and a spelling it does not
//! know is an error, never a silent default.

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

/// Declares a closed set kept as text: the enum, its one spelling per value, every value in
/// order (`ALL`), [`Stored`], and the database column type (with `ssr`), all from one list.
/// The spelling method is named by the caller (`as_str`, `code`, `slug`), and so is an exact
/// parser when the type has one:
///
/// ```ignore
/// stored_enum! {
///     /// The roles of the shop.
///     #[derive(PartialOrd, Ord)]
///     pub enum Role: as_str, parse {
///         Shopper = "shopper",
///         Staff = "staff",
///     }
/// }
/// ```
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $spelling:ident $(, $parse:ident)? {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The value's one spelling (in the database, in forms and addresses).
            pub fn $spelling(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            $(
                /// The value spelled exactly `text`.
                pub fn $parse(text: &str) -> Option<$name> {
                    <$name as $crate::domain::stored::Stored>::from_stored(text)
                }
            )?
        }

        impl $crate::domain::stored::Stored for $name {
            const ALL: &'static [Self] = &$name::ALL;
            fn stored(self) -> &'static str {
                self.$spelling()
            }
        }

        $crate::domain::stored::stored_column!($name);
    };
}
pub(crate) use stored_enum;

/// A [`Stored`] type as a database column: it decodes straight into its type, and a
/// spelling the type does not know is a decoding error (logged, answered as an internal
/// error), never a silent default.
macro_rules! stored_column {
    ($type:ty) => {
        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $type {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <str as sqlx::Type<sqlx::Any>>::type_info()
            }
            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <str as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }
        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $type {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let text = <$type as $crate::domain::stored::Stored>::stored(*self);
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode(text, buf)
            }
        }
        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $type {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                <$type as $crate::domain::stored::Stored>::from_stored(&text).ok_or_else(|| {
                    format!("unknown {} {text:?} in the database", stringify!($type)).into()
                })
            }
        }
    };
}
pub(crate) use stored_column;

/// Implements [`Stored`] with an existing spelling method, for a type declared below the
/// domain (the language, in `i18n`).
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

stored_as!(crate::i18n::Lang, crate::i18n::Lang::ALL, code);
stored_column!(crate::i18n::Lang);

/// A value of a closed set as a form sends it (its stored spelling): one of the set, or
/// something else. Server functions take `Choice<Role>` and friends rather than strings;
/// an unknown value becomes a field error naming the field ([`Choice::or_invalid`]), as a
/// mistyped text field would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice<T> {
    Known(T),
    Unknown,
}

impl<T: Stored> Choice<T> {
    /// The value, or the field error for `field`.
    pub fn or_invalid(
        self,
        field: &str,
        problem: crate::error::Problem,
    ) -> Result<T, crate::error::ShopError> {
        match self {
            Choice::Known(value) => Ok(value),
            Choice::Unknown => Err(crate::error::ShopError::invalid(field, problem)),
        }
    }
}

impl<T: Stored> From<T> for Choice<T> {
    fn from(value: T) -> Self {
        Choice::Known(value)
    }
}

impl<T: Stored> serde::Serialize for Choice<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Choice::Known(value) => serializer.serialize_str(value.stored()),
            Choice::Unknown => serializer.serialize_str(""),
        }
    }
}

impl<'de, T: Stored> serde::Deserialize<'de> for Choice<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(T::from_stored(&text).map_or(Choice::Unknown, Choice::Known))
    }
}

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
    fn a_choice_reads_the_stored_spelling_and_keeps_the_rest_unknown() {
        use super::Choice;
        let role: Choice<Role> = serde_json::from_str(r#""staff""#).unwrap();
        assert_eq!(role, Choice::Known(Role::Staff));
        let role: Choice<Role> = serde_json::from_str(r#""root""#).unwrap();
        assert_eq!(role, Choice::Unknown);
        assert!(
            role.or_invalid("role", crate::error::Problem::Invalid)
                .is_err()
        );
        let lang: Choice<Lang> = serde_json::from_str(r#""zh""#).unwrap();
        assert_eq!(serde_json::to_string(&lang).unwrap(), r#""zh""#);
        assert!(
            serde_json::from_str::<Choice<Lang>>("7").is_err(),
            "text only"
        );
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
