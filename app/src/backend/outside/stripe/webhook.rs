//! Stripe's webhook events, at `POST /webhooks/stripe`. Nothing changes before the
//! `Stripe-Signature` header is verified: an HMAC-SHA256 with the endpoint's secret over
//! "timestamp.body", compared in constant time, with a timestamp at most five minutes from
//! now (an old delivery replayed is refused). Each event is applied once: its id is recorded
//! after it was applied, and what it does is a state change that happens only once anyway,
//! so a second delivery, or one racing the first, changes nothing more. An event that
//! arrives before what it depends on (a refund before the payment was recorded, a failure
//! while the shop's own request may still settle the order) is answered 503 and not
//! recorded: Stripe delivers it again later.

use super::{KEY_METADATA, PaymentIntent, key_of_intent, outcome_of};
use crate::{
    backend::{
        AppState,
        db::stripe as db,
        now,
        orders::processor_events::{self, Report},
    },
    error::ShopError,
};
use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

pub const PATH: &str = "/webhooks/stripe";

/// How far a signature's timestamp may be from now (Stripe's libraries' default).
pub const TOLERANCE_SECS: i64 = 300;

/// The webhook route, mounted by the server beside the shop's.
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route(PATH, axum::routing::post(receive))
}

/// Why a delivery was refused before anything was read from it.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// No header, or not `t=…,v1=…`.
    Malformed,
    /// No `v1` signature matches.
    Forged,
    /// The timestamp is outside the tolerance window.
    Stale,
}

/// Checks a `Stripe-Signature` header over `body` at time `now`.
pub fn verify(secret: &str, header: &str, body: &[u8], now: i64) -> Result<(), Refused> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for item in header.split(',') {
        match item.trim().split_once('=') {
            Some(("t", t)) => timestamp = Some(t.parse::<i64>().map_err(|_| Refused::Malformed)?),
            Some(("v1", v1)) => signatures.push(hex::decode(v1).map_err(|_| Refused::Malformed)?),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(Refused::Malformed)?;
    if signatures.is_empty() {
        return Err(Refused::Malformed);
    }
    let mac = signed_payload(secret, body, timestamp);
    // `verify_slice` compares in constant time.
    let genuine = signatures
        .iter()
        .any(|signature| mac.clone().verify_slice(signature).is_ok());
    if !genuine {
        return Err(Refused::Forged);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(Refused::Stale);
    }
    Ok(())
}

/// The HMAC-SHA256 with the endpoint's secret over "timestamp.body", as Stripe signs.
fn signed_payload(secret: &str, body: &[u8], timestamp: i64) -> Hmac<Sha256> {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The signature header Stripe would send for `body` at `timestamp` (for tests and the
/// Stripe-shaped test server).
pub fn sign(secret: &str, body: &[u8], timestamp: i64) -> String {
    let mac = signed_payload(secret, body, timestamp);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: serde_json::Value,
}

#[derive(Deserialize)]
struct Charge {
    #[serde(default)]
    payment_intent: Option<String>,
    #[serde(default)]
    refunded: bool,
}

/// What became of an event.
enum Outcome {
    Applied,
    /// Not applicable yet: Stripe should deliver it again.
    NotYet,
}

async fn receive(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(stripe) = state.settings.stripe.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let header = headers
        .get("stripe-signature")
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if let Err(refused) = verify(&stripe.webhook_secret, header, &body, now()) {
        tracing::warn!(?refused, "a Stripe webhook delivery was refused");
        return (StatusCode::BAD_REQUEST, "Signature refused.").into_response();
    }
    let Ok(event) = serde_json::from_slice::<Event>(&body) else {
        tracing::warn!("a signed Stripe webhook event did not have the expected shape");
        return (StatusCode::BAD_REQUEST, "Not an event.").into_response();
    };
    match db::event_applied(state.db.pool(), &event.id).await {
        Ok(true) => return StatusCode::OK.into_response(),
        Ok(false) => {}
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
    match apply(&state, &event).await {
        Ok(Outcome::Applied) => {
            match db::record_event(state.db.pool(), &event.id, &event.kind, now()).await {
                Ok(()) => StatusCode::OK.into_response(),
                Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
            }
        }
        Ok(Outcome::NotYet) => (StatusCode::SERVICE_UNAVAILABLE, "Not yet.").into_response(),
        Err(ShopError::BadRequest) => (StatusCode::BAD_REQUEST, "Not an event.").into_response(),
        Err(error) => {
            tracing::warn!(?error, event = %event.id, "a Stripe webhook event could not be applied now");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn apply(state: &AppState, event: &Event) -> Result<Outcome, ShopError> {
    let object = &event.data.object;
    match event.kind.as_str() {
        // A payment Stripe confirmed or refused after the shop's own request ended (the
        // server stopped half-way, or Stripe was still processing it): the order is
        // settled as the request would have settled it.
        "payment_intent.succeeded" | "payment_intent.payment_failed" => {
            let intent: PaymentIntent =
                serde_json::from_value(object.clone()).map_err(|_| ShopError::BadRequest)?;
            let Some(key) = intent.metadata.get(KEY_METADATA) else {
                return Ok(Outcome::Applied);
            };
            let outcome = match outcome_of(&intent) {
                Ok(outcome) => outcome,
                // Still processing: a later event settles it.
                Err(_) => return Ok(Outcome::Applied),
            };
            let charged = intent.amount.zip(intent.currency.as_deref());
            match processor_events::settled_at_processor(state, key, &outcome, charged).await? {
                Report::Done => Ok(Outcome::Applied),
                Report::NotYet => Ok(Outcome::NotYet),
            }
        }
        // A refund, the shop's own or one made in Stripe's dashboard: a paid order is
        // cancelled with its stock back, a cancelled one is marked refunded, the buyer told.
        "charge.refunded" => {
            let charge: Charge =
                serde_json::from_value(object.clone()).map_err(|_| ShopError::BadRequest)?;
            let Some(intent) = charge.payment_intent.filter(|_| charge.refunded) else {
                // Partly refunded: staff handle it; the shop's refunds are whole.
                return Ok(Outcome::Applied);
            };
            if processor_events::refunded_at_processor(state, &intent).await? {
                return Ok(Outcome::Applied);
            }
            // No order holds the charge: wait only for an order whose payment is still to
            // be recorded; a charge the shop refunded itself (a late payment for an order
            // already given up on) or never made is done with.
            match key_of_intent(state, &intent).await? {
                Some(key) if processor_events::awaits_payment(state, &key).await? => {
                    Ok(Outcome::NotYet)
                }
                _ => Ok(Outcome::Applied),
            }
        }
        // The card was entered on Stripe's page: the shop reads the session when the
        // shopper comes back, so nothing changes here. Other events are not subscribed to.
        _ => Ok(Outcome::Applied),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";

    #[test]
    fn a_signature_made_with_the_secret_passes() {
        let body = br#"{"id":"evt_1"}"#;
        let header = sign(SECRET, body, 1_000_000);
        assert_eq!(verify(SECRET, &header, body, 1_000_000), Ok(()));
        assert_eq!(
            verify(SECRET, &header, body, 1_000_000 + TOLERANCE_SECS),
            Ok(())
        );
        // A second signature (Stripe rolling a secret) is tried too.
        let both = format!("{header},v1={}", "00".repeat(32));
        assert_eq!(verify(SECRET, &both, body, 1_000_000), Ok(()));
    }

    #[test]
    fn forged_altered_stale_and_malformed_deliveries_are_refused() {
        let body = br#"{"id":"evt_1"}"#;
        let header = sign(SECRET, body, 1_000_000);
        assert_eq!(
            verify("whsec_other", &header, body, 1_000_000),
            Err(Refused::Forged)
        );
        assert_eq!(
            verify(SECRET, &header, br#"{"id":"evt_2"}"#, 1_000_000),
            Err(Refused::Forged)
        );
        assert_eq!(
            verify(SECRET, &header, body, 1_000_001 + TOLERANCE_SECS),
            Err(Refused::Stale)
        );
        assert_eq!(
            verify(SECRET, &header, body, 999_999 - TOLERANCE_SECS),
            Err(Refused::Stale)
        );
        // The timestamp is signed: changing it breaks the signature.
        let moved = header.replace("t=1000000", "t=1000100");
        assert_eq!(
            verify(SECRET, &moved, body, 1_000_100),
            Err(Refused::Forged)
        );
        for bad in ["", "t=1", "v1=00", "t=x,v1=00", "t=1,v1=zz"] {
            assert_eq!(
                verify(SECRET, bad, body, 1),
                Err(Refused::Malformed),
                "{bad}"
            );
        }
    }
}
