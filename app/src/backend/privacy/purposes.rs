//! Why the shop holds each kind of personal data and how long: every table in the registry
//! (`registry.rs`) names one of each, the export carries them, and `/account/data` shows
//! them in the shopper's language.

/// Why the shop holds a table's rows (shown on `/account/data` and in the export).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// To run the account and answer its owner.
    Account,
    /// To deliver to the addresses the shopper saved.
    Delivery,
    /// To deliver and invoice orders, and for accounting.
    Orders,
    /// To pay with a card the shopper saved.
    Payment,
    /// To keep what the shopper put in their cart.
    Cart,
    /// To keep a record of the shopper's choices (consent, the policy read).
    Choices,
    /// To send the mail orders and the account need.
    Mail,
    /// To keep the account secure (sessions, one-time links).
    Security,
    /// To show the shopper who received their data.
    Ledger,
    /// With consent: to improve the shop.
    Analytics,
    /// To answer the shopper's questions.
    Questions,
    /// To publish the shopper's reviews under their first name and initial.
    Reviews,
}

/// How long a table's rows are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention {
    /// Until the account is erased.
    UntilErased,
    /// Until erasure; then kept without the person, for accounting.
    Accounting,
    /// Until ordered or removed (and erased with the account).
    UntilOrdered,
    /// `mail.retention_days` after delivery.
    MailDays,
    /// Until used; deleted a day after they expire.
    UntilUsed,
    /// Until signed out, at most 30 days.
    Session,
    /// `shop.analytics_retention_days`, then only daily totals.
    AnalyticsDays,
    /// Until erased, and at most `domain/contact.rs::CLOSED_KEPT_DAYS` after the
    /// conversation was closed.
    ClosedDays,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Account => "account",
            Purpose::Delivery => "delivery",
            Purpose::Orders => "orders",
            Purpose::Payment => "payment",
            Purpose::Cart => "cart",
            Purpose::Choices => "choices",
            Purpose::Mail => "mail",
            Purpose::Security => "security",
            Purpose::Ledger => "ledger",
            Purpose::Analytics => "analytics",
            Purpose::Questions => "questions",
            Purpose::Reviews => "reviews",
        }
    }
}

impl Retention {
    pub fn code(self) -> &'static str {
        match self {
            Retention::UntilErased => "until_erased",
            Retention::Accounting => "accounting",
            Retention::UntilOrdered => "until_ordered",
            Retention::MailDays => "mail_days",
            Retention::UntilUsed => "until_used",
            Retention::Session => "session",
            Retention::AnalyticsDays => "analytics_days",
            Retention::ClosedDays => "closed_days",
        }
    }
}
