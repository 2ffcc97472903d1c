//! The shop's one error type. Server functions return it; the browser receives it as JSON
//! and shows a translated message; the log keeps the detail. Database and other internal
//! errors are logged where they are converted and reach the browser only as `Internal` or
//! `Unavailable`, never with their text.

use crate::i18n::Key;
use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

/// What is wrong with one form field. The UI translates it next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    Invalid,
    InvalidEmail,
    InvalidPhone,
    PasswordTooCommon,
    PasswordsDiffer,
    MustAccept,
    UnknownCountry,
    /// The current password given to confirm a change is wrong.
    WrongPassword,
    /// The address is already used by another account (shown only to a signed-in shopper
    /// changing their own address, never at registration).
    EmailTaken,
    /// A value that must be unique is already used (e.g. a product's address).
    Taken,
    /// Price tiers must start at one unit and never rise with quantity.
    TierOrder,
    /// An uploaded file is not a PNG, JPEG or WebP image.
    NotAnImage,
    /// An uploaded file is larger than allowed.
    FileTooLarge {
        max_kib: usize,
    },
    /// A stock change would take stock below zero.
    StockBelowZero,
    /// A number outside the range the field takes.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// A date before today where only today or later will do.
    DateInPast,
    /// Not a web address segment: lowercase letters, digits and inner hyphens.
    SlugShape,
    /// Not a whole number.
    WholeNumber,
    /// Not a decimal number written with a dot (`4.8`, not `4,8`).
    DecimalNumber,
    /// Not an amount of money above zero (`1250` or `1250.50`).
    Amount,
    /// A change of nothing.
    NotZero,
    /// Not one of the values offered.
    NotInList,
    /// More than the shop has: only `available` in stock.
    NotEnoughStock {
        available: i64,
    },
}

/// A rule of the shop that refused an action: the message says what the rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Staff cannot suspend their own account.
    NotYourOwnAccount,
    /// An admin keeps their own admin role: another admin can change it.
    KeepYourAdminRole,
    /// Staff and admin accounts are managed by admins only.
    StaffAccountsNeedAnAdmin,
    /// The address book is full.
    AddressBookFull { max: usize },
    /// Only a suspended account can be reinstated.
    NotSuspended,
    /// The cart holds as many lines as it may.
    CartFull { max: usize },
    /// Another shopper bought the last units while this one checked out.
    SoldOut,
    /// The cart is empty, or a line asks for more than the stock: fix it in the cart.
    CartNotReady,
    /// A checkout step (address, delivery, card) is not done yet.
    CheckoutIncomplete,
    /// The order placing would make is not the one the shopper reviewed (the cart, a price,
    /// the delivery or the tax changed), or the page is an earlier one of this checkout.
    ReviewChanged,
    /// The shopper keeps as many saved cards as they may.
    CardsFull { max: usize },
    /// An order that has shipped can no longer be cancelled.
    TooLateToCancel,
    /// The order changed state meanwhile (someone else acted on it first).
    OrderStateChanged,
    /// A line of a wall from the configurator changes only with its wall (removed as one).
    PartOfAWall,
    /// The carrier is booking the parcel at this moment (the background worker got there
    /// first).
    ParcelBeingBooked,
}

/// Why a payment processor refused a charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decline {
    Declined,
    InsufficientFunds,
    ExpiredCard,
    /// The payment was never completed (the shop stopped half-way): nothing was charged.
    NotCompleted,
}

impl Decline {
    pub const ALL: [Decline; 4] = [
        Decline::Declined,
        Decline::InsufficientFunds,
        Decline::ExpiredCard,
        Decline::NotCompleted,
    ];

    /// The spelling kept in records (as on the wire).
    pub fn code(self) -> &'static str {
        match self {
            Decline::Declined => "declined",
            Decline::InsufficientFunds => "insufficient_funds",
            Decline::ExpiredCard => "expired_card",
            Decline::NotCompleted => "not_completed",
        }
    }

    pub fn from_code(code: &str) -> Option<Decline> {
        Decline::ALL.into_iter().find(|d| d.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    #[serde(flatten)]
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ShopError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input")]
    Invalid { fields: Vec<FieldError> },
    /// The request could not be read (bad encoding, broken body, missing arguments).
    #[error("malformed request")]
    BadRequest,
    /// The request body was larger than the shop accepts.
    #[error("request too large")]
    TooLarge,
    /// Wrong email or password: one answer for both, so the form does not reveal which
    /// addresses have accounts.
    #[error("sign-in failed")]
    SignInFailed,
    /// The account was suspended by staff; the reason is shown to its owner after a correct
    /// password.
    #[error("account suspended")]
    Suspended { reason: String },
    /// A one-time link that is unknown, used or expired.
    #[error("link invalid or expired")]
    LinkInvalid,
    #[error("conflict")]
    Conflict,
    /// A rule of the shop forbids it (see [`Rule`]).
    #[error("refused by a rule")]
    Refused { rule: Rule },
    /// The card was refused by the payment processor: nothing was charged.
    #[error("payment declined")]
    PaymentDeclined { decline: Decline },
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
    /// The browser could not reach the server (only ever built on the client side).
    #[error("network error")]
    Network,
}

impl ShopError {
    pub fn invalid(field: impl Into<String>, problem: Problem) -> Self {
        ShopError::Invalid {
            fields: vec![FieldError {
                field: field.into(),
                problem,
            }],
        }
    }

    /// `Ok(())` when there are no field errors, else `Invalid` with all of them.
    pub fn check(fields: Vec<FieldError>) -> Result<(), ShopError> {
        if fields.is_empty() {
            Ok(())
        } else {
            Err(ShopError::Invalid { fields })
        }
    }

    /// [`ShopError::check`] over each field's problem, if it has one.
    pub fn check_fields<'a>(
        problems: impl IntoIterator<Item = (&'a str, Option<Problem>)>,
    ) -> Result<(), ShopError> {
        let fields = problems
            .into_iter()
            .filter_map(|(field, problem)| {
                problem.map(|problem| FieldError {
                    field: field.to_string(),
                    problem,
                })
            })
            .collect();
        ShopError::check(fields)
    }

    /// The HTTP status a server function answers with for this error.
    pub fn status(&self) -> u16 {
        match self {
            ShopError::NotFound => 404,
            ShopError::Unauthorized => 401,
            ShopError::Forbidden => 403,
            ShopError::Invalid { .. } => 422,
            ShopError::BadRequest => 400,
            ShopError::TooLarge => 413,
            ShopError::SignInFailed => 401,
            ShopError::Suspended { .. } => 403,
            ShopError::LinkInvalid => 410,
            ShopError::Conflict => 409,
            ShopError::Refused { rule } => match rule {
                Rule::NotYourOwnAccount | Rule::StaffAccountsNeedAnAdmin => 403,
                Rule::KeepYourAdminRole
                | Rule::AddressBookFull { .. }
                | Rule::CartFull { .. }
                | Rule::NotSuspended
                | Rule::SoldOut
                | Rule::CartNotReady
                | Rule::CheckoutIncomplete
                | Rule::ReviewChanged
                | Rule::PartOfAWall
                | Rule::TooLateToCancel
                | Rule::CardsFull { .. }
                | Rule::OrderStateChanged
                | Rule::ParcelBeingBooked => 409,
            },
            ShopError::PaymentDeclined { .. } => 402,
            ShopError::RateLimited { .. } => 429,
            ShopError::Unavailable => 503,
            ShopError::Internal | ShopError::Network => 500,
        }
    }

    /// The translated message a shopper sees for this error.
    pub fn message_key(&self) -> Key {
        match self {
            ShopError::NotFound => Key::ErrorNotFound,
            ShopError::Unauthorized => Key::ErrorUnauthorized,
            ShopError::Forbidden => Key::ErrorForbidden,
            ShopError::Invalid { .. } => Key::ErrorInvalidInput,
            ShopError::BadRequest => Key::ErrorBadRequest,
            ShopError::TooLarge => Key::ErrorTooLarge,
            ShopError::SignInFailed => Key::ErrorSignInFailed,
            ShopError::Suspended { .. } => Key::ErrorSuspended,
            ShopError::LinkInvalid => Key::ErrorLinkInvalid,
            ShopError::Conflict => Key::ErrorConflict,
            ShopError::Refused { rule } => match rule {
                Rule::NotYourOwnAccount => Key::RuleNotYourOwnAccount,
                Rule::KeepYourAdminRole => Key::RuleKeepYourAdminRole,
                Rule::StaffAccountsNeedAnAdmin => Key::RuleStaffAccountsNeedAnAdmin,
                // (The message names the limit: `components/form.rs::error_text`.)
                Rule::AddressBookFull { .. } | Rule::CartFull { .. } | Rule::CardsFull { .. } => {
                    Key::ErrorConflict
                }
                Rule::NotSuspended => Key::RuleNotSuspended,
                Rule::SoldOut => Key::RuleSoldOut,
                Rule::CartNotReady => Key::RuleCartNotReady,
                Rule::CheckoutIncomplete => Key::RuleCheckoutIncomplete,
                Rule::ReviewChanged => Key::RuleReviewChanged,
                Rule::PartOfAWall => Key::RulePartOfAWall,
                Rule::TooLateToCancel => Key::RuleTooLateToCancel,
                Rule::OrderStateChanged => Key::RuleOrderStateChanged,
                Rule::ParcelBeingBooked => Key::RuleParcelBeingBooked,
            },
            ShopError::PaymentDeclined { decline } => match decline {
                Decline::Declined => Key::DeclineDeclined,
                Decline::InsufficientFunds => Key::DeclineInsufficientFunds,
                Decline::ExpiredCard => Key::DeclineExpiredCard,
                Decline::NotCompleted => Key::DeclineNotCompleted,
            },
            ShopError::RateLimited { .. } => Key::ErrorRateLimited,
            ShopError::Unavailable | ShopError::Network => Key::ErrorUnavailable,
            ShopError::Internal => Key::ErrorGeneric,
        }
    }

    /// The problem reported for one field, if any.
    pub fn field(&self, name: &str) -> Option<&Problem> {
        match self {
            ShopError::Invalid { fields } => {
                fields.iter().find(|f| f.field == name).map(|f| &f.problem)
            }
            _ => None,
        }
    }
}

impl FromServerFnError for ShopError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => ShopError::BadRequest,
            // A body that could not be read is the client's doing: over the size limit (the
            // limit layer's error says "length limit exceeded"), not UTF-8, broken chunks.
            ServerFnErrorErr::Deserialization(message) if message.contains("length limit") => {
                ShopError::TooLarge
            }
            ServerFnErrorErr::Deserialization(_) => ShopError::BadRequest,
            ServerFnErrorErr::Request(_) => ShopError::Network,
            other => {
                tracing::error!(error = %other, "server function failed");
                ShopError::Internal
            }
        }
    }
}

impl From<ServerFnErrorErr> for ShopError {
    fn from(value: ServerFnErrorErr) -> Self {
        ShopError::from_server_fn_error(value)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for ShopError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => ShopError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(%error, "database unavailable");
                ShopError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                ShopError::Internal
            }
        }
    }
}

pub type ShopResult<T> = Result<T, ShopError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_wire_format() {
        let errors = [
            ShopError::NotFound,
            ShopError::invalid("email", Problem::TooLong { max: 254 }),
            ShopError::RateLimited {
                retry_after_secs: 30,
            },
            ShopError::Internal,
        ];
        for error in errors {
            let bytes = error.ser();
            assert_eq!(ShopError::de(bytes), error);
        }
    }

    #[test]
    fn wire_format_is_readable_json() {
        let json = String::from_utf8(
            ShopError::invalid("email", Problem::Required)
                .ser()
                .to_vec(),
        )
        .unwrap();
        assert_eq!(
            json,
            r#"{"error":"invalid","fields":[{"field":"email","problem":"required"}]}"#
        );
    }

    #[test]
    fn framework_errors_do_not_leak_their_text() {
        let err = ShopError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "password column missing".into(),
        ));
        assert_eq!(err, ShopError::Internal);
        assert!(
            !String::from_utf8(err.ser().to_vec())
                .unwrap()
                .contains("password")
        );
    }

    #[test]
    fn unreadable_bodies_are_the_clients_fault() {
        let err =
            |m: &str| ShopError::from_server_fn_error(ServerFnErrorErr::Deserialization(m.into()));
        assert_eq!(err("length limit exceeded"), ShopError::TooLarge);
        assert_eq!(err("length limit exceeded").status(), 413);
        assert_eq!(
            err("invalid utf-8 sequence of 1 bytes from index 3"),
            ShopError::BadRequest
        );
        assert_eq!(err("error reading a body from connection").status(), 400);
    }

    #[test]
    fn each_error_has_a_status() {
        assert_eq!(ShopError::NotFound.status(), 404);
        assert_eq!(ShopError::invalid("x", Problem::Invalid).status(), 422);
        assert_eq!(ShopError::Unavailable.status(), 503);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn database_errors_become_opaque() {
        assert_eq!(
            ShopError::from(sqlx::Error::PoolTimedOut),
            ShopError::Unavailable
        );
        assert_eq!(
            ShopError::from(sqlx::Error::RowNotFound),
            ShopError::NotFound
        );
        let err = ShopError::from(sqlx::Error::Protocol("secret detail".into()));
        assert_eq!(err, ShopError::Internal);
    }
}
