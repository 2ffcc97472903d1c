//! Stripe, through its documented REST API (form-encoded requests, JSON answers). The card
//! is entered on Stripe's own Checkout page in setup mode, so the number never reaches the
//! shop: the shop opens a Checkout Session for a Stripe customer of its own making, the
//! browser comes back with the shop's entry token, and the card is the session's payment
//! method, kept at Stripe on that customer. Charging confirms a PaymentIntent off-session
//! with the shop's idempotency key as Stripe's `Idempotency-Key` (and in its metadata, so
//! the recovery job and the webhooks find it); refunding refunds that PaymentIntent;
//! forgetting a card deletes its customer.
//! Webhook events are verified and applied in `webhook.rs`.

pub mod webhook;

use crate::{
    backend::{
        AppState,
        db::stripe as db,
        now,
        security::keys::{is_token, random_token},
        settings::StripeSettings,
    },
    domain::{
        card::{CardBrand, CardRef, Decline},
        ids::CardEntryId,
        money::Money,
    },
    error::{ShopError, ShopResult},
};
use serde::Deserialize;

/// How long a Checkout Session stays open at Stripe (its default): an entry older than
/// this is no longer looked up.
const ENTRY_SECONDS: i64 = 24 * 60 * 60;

/// The version of Stripe's API the shop was written against, sent with every call so that
/// the account's default version never changes the shapes it reads.
pub const API_VERSION: &str = "2024-06-20";

/// The metadata key that carries the shop's idempotency key on a PaymentIntent.
pub const KEY_METADATA: &str = "shop_key";

/// An error answer of Stripe's API (`{"error": {...}}`).
#[derive(Debug, Default, Deserialize)]
struct ApiError {
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ApiError,
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

#[derive(Deserialize)]
struct CheckoutSession {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    client_reference_id: Option<String>,
    #[serde(default)]
    setup_intent: Option<SetupIntent>,
}

#[derive(Deserialize)]
struct SetupIntent {
    #[serde(default)]
    payment_method: Option<PaymentMethod>,
}

#[derive(Deserialize)]
pub(crate) struct PaymentMethod {
    id: String,
    #[serde(default)]
    customer: Option<String>,
    card: Option<Card>,
}

#[derive(Deserialize)]
struct Card {
    brand: String,
    last4: String,
    exp_month: u32,
    exp_year: u32,
    #[serde(default)]
    fingerprint: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct PaymentIntent {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub amount: Option<i64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub last_payment_error: Option<PaymentError>,
    #[serde(default)]
    pub metadata: std::collections::HashMap<String, String>,
}

#[derive(Deserialize)]
pub(crate) struct PaymentError {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
}

impl PaymentError {
    pub(crate) fn decline(&self) -> Decline {
        decline_of(self.code.as_deref(), self.decline_code.as_deref())
    }
}

#[derive(Deserialize)]
struct SearchResult {
    data: Vec<PaymentIntent>,
}

/// Stripe's reason for refusing a card, as the shop tells the shopper.
fn decline_of(code: Option<&str>, decline_code: Option<&str>) -> Decline {
    match (code, decline_code) {
        (_, Some("insufficient_funds")) => Decline::InsufficientFunds,
        (Some("expired_card"), _) | (_, Some("expired_card")) => Decline::ExpiredCard,
        _ => Decline::Declined,
    }
}

fn brand_of(stripe: &str) -> Option<CardBrand> {
    match stripe {
        "visa" => Some(CardBrand::Visa),
        "mastercard" => Some(CardBrand::Mastercard),
        "amex" => Some(CardBrand::Amex),
        "unionpay" => Some(CardBrand::UnionPay),
        _ => None,
    }
}

/// True for text shaped like a Stripe id with `prefix` (`pm_…`): safe in a request path.
fn is_id(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn account(state: &AppState) -> ShopResult<&StripeSettings> {
    state.settings.stripe.as_ref().ok_or(ShopError::Internal)
}

/// One call to Stripe's API: `Ok(Ok(answer))`, `Ok(Err(error))` when Stripe answered with an
/// error, and `Unavailable` when it could not be reached or answered something else.
async fn call<T: serde::de::DeserializeOwned>(
    stripe: &StripeSettings,
    method: reqwest::Method,
    path: &str,
    form: &[(&str, &str)],
    idempotency_key: Option<&str>,
) -> ShopResult<Result<T, (reqwest::StatusCode, ApiError)>> {
    let url = format!("{}{path}", stripe.api_base);
    let mut request = stripe
        .http
        .request(method.clone(), &url)
        .bearer_auth(&stripe.secret_key)
        .header("Stripe-Version", API_VERSION);
    if method == reqwest::Method::GET {
        request = request.query(form);
    } else {
        request = request.form(form);
    }
    if let Some(key) = idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.map_err(|error| {
        tracing::warn!(%path, error = %error.without_url(), "Stripe could not be reached");
        ShopError::Unavailable
    })?;
    let status = response.status();
    let body = response.bytes().await.map_err(|_| ShopError::Unavailable)?;
    if status.is_success() {
        return serde_json::from_slice(&body).map(Ok).map_err(|error| {
            tracing::error!(%path, %error, "Stripe's answer did not have the expected shape");
            ShopError::Unavailable
        });
    }
    match serde_json::from_slice::<ErrorBody>(&body) {
        Ok(ErrorBody { error }) if status.is_client_error() => Ok(Err((status, error))),
        _ => {
            tracing::warn!(%path, %status, "Stripe answered with an error");
            Err(ShopError::Unavailable)
        }
    }
}

/// A call whose errors all mean "not now".
async fn call_ok<T: serde::de::DeserializeOwned>(
    stripe: &StripeSettings,
    method: reqwest::Method,
    path: &str,
    form: &[(&str, &str)],
    idempotency_key: Option<&str>,
) -> ShopResult<T> {
    call(stripe, method, path, form, idempotency_key)
        .await?
        .map_err(|(status, error)| {
            tracing::warn!(%path, %status, kind = %error.kind, code = ?error.code, "Stripe refused a call");
            ShopError::Unavailable
        })
}

/// Opens a card entry: a Stripe customer to keep the card on and a Checkout Session in
/// setup mode, returning to `return_path` with `card_entry=<entry>` added. Returns the
/// entry and the address of Stripe's page.
pub async fn start_entry(state: &AppState, return_path: &str) -> ShopResult<(CardEntryId, String)> {
    let stripe = account(state)?;
    let entry = random_token();
    let customer: Created = call_ok(
        stripe,
        reqwest::Method::POST,
        "/v1/customers",
        &[("metadata[shop]", &state.settings.name)],
        Some(&format!("customer-{entry}")),
    )
    .await?;
    let base = &state.settings.public_url;
    let joiner = if return_path.contains('?') { '&' } else { '?' };
    let success = format!("{base}{return_path}{joiner}card_entry={entry}");
    let cancel = format!("{base}{return_path}");
    let session: CheckoutSession = call_ok(
        stripe,
        reqwest::Method::POST,
        "/v1/checkout/sessions",
        &[
            ("mode", "setup"),
            ("payment_method_types[0]", "card"),
            ("customer", &customer.id),
            ("client_reference_id", &entry),
            ("success_url", &success),
            ("cancel_url", &cancel),
        ],
        Some(&format!("session-{entry}")),
    )
    .await?;
    let page = session.url.ok_or(ShopError::Unavailable)?;
    if !page.starts_with("https://") {
        return Err(ShopError::Unavailable);
    }
    db::insert_entry(state.db.pool(), &entry, &session.id, now()).await?;
    Ok((CardEntryId::issued(entry), page))
}

/// The card entered on Stripe's page for an entry this shop opened, once the session is
/// complete.
pub async fn card_of_entry(state: &AppState, entry: &str) -> ShopResult<Option<CardRef>> {
    let stripe = account(state)?;
    if !is_token(entry) {
        return Ok(None);
    }
    let Some(id) = db::session_of(state.db.pool(), entry, now() - ENTRY_SECONDS).await? else {
        return Ok(None);
    };
    let session: CheckoutSession = call_ok(
        stripe,
        reqwest::Method::GET,
        &format!("/v1/checkout/sessions/{id}"),
        &[("expand[]", "setup_intent.payment_method")],
        None,
    )
    .await?;
    if session.status.as_deref() != Some("complete")
        || session.client_reference_id.as_deref() != Some(entry)
    {
        return Ok(None);
    }
    let Some(method) = session.setup_intent.and_then(|s| s.payment_method) else {
        return Ok(None);
    };
    let Some(card) = &method.card else {
        return Ok(None);
    };
    let Some(brand) = brand_of(&card.brand) else {
        tracing::warn!(brand = %card.brand, "a card brand the shop does not take was entered at Stripe");
        return Ok(None);
    };
    Ok(Some(CardRef {
        token: method.id.clone(),
        brand,
        last4: card.last4.clone(),
        exp_month: card.exp_month,
        exp_year: card.exp_year,
    }))
}

/// The payment method behind a token, or `None` when Stripe does not know it.
async fn payment_method(stripe: &StripeSettings, token: &str) -> ShopResult<Option<PaymentMethod>> {
    if !is_id(token, "pm_") {
        return Ok(None);
    }
    let path = format!("/v1/payment_methods/{token}");
    match call(stripe, reqwest::Method::GET, &path, &[], None).await? {
        Ok(method) => Ok(Some(method)),
        Err((reqwest::StatusCode::NOT_FOUND, _)) => Ok(None),
        Err((status, error)) => {
            tracing::warn!(%status, kind = %error.kind, "Stripe refused to show a payment method");
            Err(ShopError::Unavailable)
        }
    }
}

/// Stripe's fingerprint of the card behind a token: the same for every entry of one number.
pub async fn fingerprint_of(state: &AppState, token: &str) -> ShopResult<Option<String>> {
    let method = payment_method(account(state)?, token).await?;
    Ok(method.and_then(|m| m.card).and_then(|c| c.fingerprint))
}

/// Charges the card off-session, once per `key` (Stripe's `Idempotency-Key`): a repeated
/// key answers the first outcome. A card Stripe no longer has on a customer is declined.
pub async fn charge(
    state: &AppState,
    token: &str,
    amount: Money,
    key: &str,
) -> ShopResult<Result<String, Decline>> {
    let stripe = account(state)?;
    let Some(customer) = payment_method(stripe, token)
        .await?
        .and_then(|m| m.customer)
    else {
        return Ok(Err(Decline::Declined));
    };
    let minor = amount.minor.to_string();
    let currency = amount.currency.code().to_ascii_lowercase();
    let answer = call::<PaymentIntent>(
        stripe,
        reqwest::Method::POST,
        "/v1/payment_intents",
        &[
            ("amount", &minor),
            ("currency", &currency),
            ("customer", &customer),
            ("payment_method", token),
            // Cards only: no payment method that would send the shopper elsewhere, which
            // an off-session confirmation cannot do (and Stripe would ask for a return_url).
            ("payment_method_types[0]", "card"),
            ("confirm", "true"),
            ("off_session", "true"),
            ("metadata[shop_key]", key),
        ],
        Some(key),
    )
    .await?;
    match answer {
        Ok(intent) => outcome_of(&intent),
        Err((reqwest::StatusCode::PAYMENT_REQUIRED, error)) if error.kind == "card_error" => {
            Ok(Err(decline_of(
                error.code.as_deref(),
                error.decline_code.as_deref(),
            )))
        }
        Err((status, error)) => {
            tracing::warn!(%status, kind = %error.kind, code = ?error.code, "Stripe refused a charge");
            Err(ShopError::Unavailable)
        }
    }
}

/// A PaymentIntent's outcome: its id when it succeeded, the decline when it failed, and
/// "not now" while Stripe is still processing it (a webhook settles it later).
pub(crate) fn outcome_of(intent: &PaymentIntent) -> ShopResult<Result<String, Decline>> {
    match intent.status.as_str() {
        "succeeded" => Ok(Ok(intent.id.clone())),
        "requires_payment_method" | "canceled" | "requires_action" => Ok(Err(intent
            .last_payment_error
            .as_ref()
            .map_or(Decline::Declined, PaymentError::decline))),
        _ => Err(ShopError::Unavailable),
    }
}

/// Forgets a card: the Stripe customer the shop made for it is deleted, which removes the
/// card with it (each card entry has a customer of its own). Later charges on it are
/// declined; its past payments and refunds stay at Stripe, as the law on records asks.
pub async fn forget_card(state: &AppState, token: &str) -> ShopResult<()> {
    let stripe = account(state)?;
    let Some(customer) = payment_method(stripe, token)
        .await?
        .and_then(|m| m.customer)
    else {
        return Ok(());
    };
    if !is_id(&customer, "cus_") {
        return Err(ShopError::Unavailable);
    }
    let path = format!("/v1/customers/{customer}");
    match call::<Created>(stripe, reqwest::Method::DELETE, &path, &[], None).await? {
        Ok(_) | Err((reqwest::StatusCode::NOT_FOUND, _)) => Ok(()),
        Err(_) => Err(ShopError::Unavailable),
    }
}

/// The outcome of the charge made with `key`, found by its metadata. When Stripe has none,
/// the payment was never made: Stripe cannot void a key, but the shop never sends one again
/// once its order is settled.
pub async fn settle_key(state: &AppState, key: &str) -> ShopResult<Result<String, Decline>> {
    let stripe = account(state)?;
    if !key
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ShopError::Internal);
    }
    let query = format!("metadata['{KEY_METADATA}']:'{key}'");
    let found: SearchResult = call_ok(
        stripe,
        reqwest::Method::GET,
        "/v1/payment_intents/search",
        &[("query", &query)],
        None,
    )
    .await?;
    match found.data.first() {
        Some(intent) => outcome_of(intent),
        None => Ok(Err(Decline::NotCompleted)),
    }
}

/// The shop's key of a PaymentIntent (its metadata), `None` for one the shop did not make.
pub(crate) async fn key_of_intent(state: &AppState, id: &str) -> ShopResult<Option<String>> {
    let stripe = account(state)?;
    if !is_id(id, "pi_") {
        return Ok(None);
    }
    let path = format!("/v1/payment_intents/{id}");
    match call::<PaymentIntent>(stripe, reqwest::Method::GET, &path, &[], None).await? {
        Ok(intent) => Ok(intent.metadata.get(KEY_METADATA).cloned()),
        Err((reqwest::StatusCode::NOT_FOUND, _)) => Ok(None),
        Err(_) => Err(ShopError::Unavailable),
    }
}

/// Refunds a PaymentIntent in full (a second refund changes nothing).
pub async fn refund(state: &AppState, charge: &str) -> ShopResult<()> {
    let stripe = account(state)?;
    let answer = call::<Created>(
        stripe,
        reqwest::Method::POST,
        "/v1/refunds",
        &[("payment_intent", charge)],
        Some(&format!("refund-{charge}")),
    )
    .await?;
    match answer {
        Ok(_) => Ok(()),
        Err((_, error)) if error.code.as_deref() == Some("charge_already_refunded") => Ok(()),
        Err((reqwest::StatusCode::NOT_FOUND, _)) => Err(ShopError::NotFound),
        Err((status, error)) => {
            tracing::warn!(%status, kind = %error.kind, code = ?error.code, "Stripe refused a refund");
            Err(ShopError::Unavailable)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripe_declines_read_as_the_shop_tells_them() {
        assert_eq!(
            decline_of(Some("card_declined"), Some("insufficient_funds")),
            Decline::InsufficientFunds
        );
        assert_eq!(decline_of(Some("expired_card"), None), Decline::ExpiredCard);
        assert_eq!(
            decline_of(Some("card_declined"), Some("generic_decline")),
            Decline::Declined
        );
        assert_eq!(decline_of(None, None), Decline::Declined);
    }

    #[test]
    fn only_the_brands_the_shop_takes() {
        for brand in [
            CardBrand::Visa,
            CardBrand::Mastercard,
            CardBrand::Amex,
            CardBrand::UnionPay,
        ] {
            assert_eq!(brand_of(brand.code()), Some(brand));
        }
        assert_eq!(brand_of("discover"), None);
    }
}
