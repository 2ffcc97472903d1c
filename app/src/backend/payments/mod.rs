//! Payment processors behind one interface. The shop asks a processor to collect a card on
//! its own page (`start_card_entry`: the browser goes there and comes back with an entry
//! id), learns the card's token, brand, last 4 and expiry (`card_of_entry`), and charges
//! or refunds a token. The shop never receives a card number or security code.
//!
//! Two processors: the sandbox (`outside/sandbox_processor/`, the default), which behaves
//! like real processors' test modes, and Stripe (`outside/stripe/`).

use crate::backend::AppState;
use crate::{
    domain::{
        card::{CardRef, Decline},
        ids::CardEntryId,
        money::Money,
    },
    error::ShopResult,
};

/// The processors the shop can use, chosen by the `payment.gateway` setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Gateway {
    /// Built in, takes no real money (`outside/sandbox_processor/`).
    #[default]
    Sandbox,
    /// Stripe, with the account in `payment.stripe_*` (`outside/stripe/`).
    Stripe,
}

/// The outcome of a charge: the processor's charge id, or why it refused.
pub type ChargeOutcome = Result<String, Decline>;

impl Gateway {
    /// Every processor, by its setting's value.
    pub const ALL: [Gateway; 2] = [Gateway::Sandbox, Gateway::Stripe];

    /// The origin of its card page when that is not this site (for the Content-Security-
    /// Policy's `form-action`), else empty.
    pub fn card_page_origin(self) -> &'static str {
        match self {
            Gateway::Sandbox => "",
            Gateway::Stripe => "https://checkout.stripe.com",
        }
    }

    /// How long an order may await payment before the recovery job asks the processor
    /// about its key: longer than any charge still in flight, and, for Stripe, than its
    /// search can lag behind (a minute usually, up to an hour during an incident, Stripe
    /// says). Stripe's webhook settles such orders long before.
    pub fn stale_after_secs(self) -> i64 {
        match self {
            Gateway::Sandbox => 10,
            Gateway::Stripe => 3600,
        }
    }

    /// The value of `payment.gateway` that chooses it.
    pub fn setting(self) -> &'static str {
        match self {
            Gateway::Sandbox => "sandbox",
            Gateway::Stripe => "stripe",
        }
    }

    pub fn from_setting(value: &str) -> Option<Gateway> {
        Gateway::ALL.into_iter().find(|g| g.setting() == value)
    }

    /// True when it takes no real money.
    pub fn is_sandbox(self) -> bool {
        matches!(self, Gateway::Sandbox)
    }

    /// The processor as the disclosure ledger names it.
    pub fn name(self) -> &'static str {
        match self {
            Gateway::Sandbox => "Lumenwall Sandbox Payments (test processor)",
            Gateway::Stripe => "Stripe (card processor)",
        }
    }

    /// What the shop sends it to take a payment (recorded in the disclosure ledger).
    pub fn fields_sent(self) -> &'static [&'static str] {
        match self {
            Gateway::Sandbox => &["card_token", "amount", "currency", "order_number"],
            // The order's idempotency key rides in the PaymentIntent's metadata.
            Gateway::Stripe => &["card_token", "amount", "currency", "order_key"],
        }
    }

    /// Opens a card entry; returns the address of the processor's card page, which sends the
    /// browser back to `return_path` with `card_entry=<id>` added.
    pub async fn start_card_entry(
        self,
        state: &AppState,
        return_path: &str,
    ) -> ShopResult<(CardEntryId, String)> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::start_entry(state, return_path).await
            }
            Gateway::Stripe => {
                crate::backend::outside::stripe::start_entry(state, return_path).await
            }
        }
    }

    /// The card entered on the processor's page for this entry, once there is one.
    pub async fn card_of_entry(
        self,
        state: &AppState,
        entry: &CardEntryId,
    ) -> ShopResult<Option<CardRef>> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::card_of_entry(state, entry.as_str())
                    .await
            }
            Gateway::Stripe => {
                crate::backend::outside::stripe::card_of_entry(state, entry.as_str()).await
            }
        }
    }

    /// The processor's fingerprint of the card behind a token: the same for every token of
    /// one card number, so that failed payments can be counted per card
    /// (`orders/fraud.rs`). `None` when the processor does not know the token.
    pub async fn fingerprint(self, state: &AppState, card: &CardRef) -> ShopResult<Option<String>> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::fingerprint_of(state, &card.token).await
            }
            Gateway::Stripe => {
                crate::backend::outside::stripe::fingerprint_of(state, &card.token).await
            }
        }
    }

    /// Authorises and captures `amount` on a card. The same `key` always gives the same
    /// outcome and at most one charge.
    pub async fn charge(
        self,
        state: &AppState,
        card: &CardRef,
        amount: Money,
        key: &str,
    ) -> ShopResult<ChargeOutcome> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::charge(state, &card.token, amount, key)
                    .await
            }
            Gateway::Stripe => {
                crate::backend::outside::stripe::charge(state, &card.token, amount, key).await
            }
        }
    }

    /// Asks the processor to forget a card (a shopper removed it): later charges on it are
    /// declined; its past charges stay, without the card.
    pub async fn forget_card(self, state: &AppState, token: &str) -> ShopResult<()> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::forget_card(state, token).await
            }
            Gateway::Stripe => crate::backend::outside::stripe::forget_card(state, token).await,
        }
    }

    /// The outcome of the charge made with `key`, or, when none was made, a promise that none
    /// will be (the key is voided: a charge arriving later with it is refused). For orders
    /// whose placing stopped half-way (`orders/settling.rs::recover_stale`).
    pub async fn settle_key(self, state: &AppState, key: &str) -> ShopResult<ChargeOutcome> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::settle_key(state, key).await
            }
            Gateway::Stripe => crate::backend::outside::stripe::settle_key(state, key).await,
        }
    }

    /// Gives a captured charge back in full.
    pub async fn refund(self, state: &AppState, charge: &str) -> ShopResult<()> {
        match self {
            Gateway::Sandbox => {
                crate::backend::outside::sandbox_processor::refund(state, charge).await
            }
            Gateway::Stripe => crate::backend::outside::stripe::refund(state, charge).await,
        }
    }
}
