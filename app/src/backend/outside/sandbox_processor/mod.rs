//! The sandbox processor: a stand-in for a real processor's hosted payment page and API,
//! with their test-mode behaviour (see `domain/card.rs`). Its card page is served under its
//! own prefix (`/sandbox-pay/`, `pages.rs`) and it writes only to its own
//! tables (`sandbox_*`). It keeps no card number and no security code: a card is kept as a
//! random token with brand, last 4, expiry and the test behaviour its number selected.

pub mod pages;

use crate::{
    backend::{
        AppState,
        db::sandbox_processor::{self as db, CardRow, NewCharge},
        now,
        security::keys::{is_token, random_token},
    },
    domain::{
        card::{CardRef, CheckedCard, Decline, card_digits},
        ids::CardEntryId,
        money::Money,
    },
    error::{ShopError, ShopResult},
};

/// The prefix of the processor's pages.
pub const PREFIX: &str = "/sandbox-pay";

/// How long a card page stays usable.
const ENTRY_SECONDS: i64 = 30 * 60;

/// Opens a card entry returning to `return_path`: (entry id, card page address).
pub async fn start_entry(state: &AppState, return_path: &str) -> ShopResult<(CardEntryId, String)> {
    let id = random_token();
    let now = now();
    db::insert_entry(state.db.pool(), &id, return_path, now, now + ENTRY_SECONDS).await?;
    let page = format!("{PREFIX}/card/{id}");
    Ok((CardEntryId::issued(id), page))
}

/// An open entry's return path, if the entry exists, has no card yet and has not expired.
pub async fn open_entry(state: &AppState, entry: &str) -> ShopResult<Option<String>> {
    if !is_token(entry) {
        return Ok(None);
    }
    Ok(db::open_entry(state.db.pool(), entry, now()).await?)
}

/// Keeps a checked card (typed as `number`) for an open entry; returns where the browser
/// goes next (the shop's return path with the entry id), or `None` when the entry is closed.
pub async fn complete_entry(
    state: &AppState,
    entry: &str,
    card: &CheckedCard,
    number: &str,
) -> ShopResult<Option<String>> {
    let Some(return_path) = open_entry(state, entry).await? else {
        return Ok(None);
    };
    let token = format!("tok_{}", &random_token()[..32]);
    let digits = card_digits(number.trim()).ok_or(ShopError::BadRequest)?;
    let fingerprint = fingerprint(state, &digits);
    let mut tx = state.db.begin_write().await?;
    db::insert_card(&mut tx, &token, card, &fingerprint, now()).await?;
    if !db::attach_card(&mut tx, entry, &token).await? {
        return Ok(None);
    }
    tx.commit().await?;
    let joiner = if return_path.contains('?') { '&' } else { '?' };
    Ok(Some(format!("{return_path}{joiner}card_entry={entry}")))
}

/// The processor's fingerprint of a card number: the same for every entry of one number (a
/// new token is made each time), keyed so that it says nothing about the number.
fn fingerprint(state: &AppState, digits: &str) -> String {
    format!(
        "fp_{}",
        &state.keys.hash("sandbox-card-fingerprint", digits)[..32]
    )
}

/// The fingerprint of the card behind a token, when the processor knows the token.
pub async fn fingerprint_of(state: &AppState, token: &str) -> ShopResult<Option<String>> {
    Ok(db::card(state.db.pool(), token)
        .await?
        .map(|card| card.fingerprint)
        .filter(|f| !f.is_empty()))
}

/// A stored card as the shop sees it; a row that does not decode is an error, never a
/// guess.
fn card_ref(row: &CardRow) -> ShopResult<CardRef> {
    Ok(CardRef {
        token: row.token.clone(),
        brand: row.brand,
        last4: row.last4.clone(),
        exp_month: u32::try_from(row.exp_month).map_err(|_| ShopError::Internal)?,
        exp_year: u32::try_from(row.exp_year).map_err(|_| ShopError::Internal)?,
    })
}

pub async fn card_of_entry(state: &AppState, entry: &str) -> ShopResult<Option<CardRef>> {
    if !is_token(entry) {
        return Ok(None);
    }
    let row = db::card_of_entry(state.db.pool(), entry).await?;
    row.as_ref().map(card_ref).transpose()
}

/// Charges a card once per `key`: a repeated key answers the first outcome. A card the
/// processor does not know (forgotten) is declined.
pub async fn charge(
    state: &AppState,
    token: &str,
    amount: Money,
    key: &str,
) -> ShopResult<Result<String, Decline>> {
    let card = db::card(state.db.pool(), token).await?;
    let decline = match &card {
        Some(card) => card.behaviour.decline(),
        None => Some(Decline::Declined),
    };
    let id = charge_id();
    db::insert_charge(
        state.db.pool(),
        &NewCharge {
            id: &id,
            key,
            card_token: card.as_ref().map(|_| token),
            amount_minor: amount.minor,
            currency: amount.currency.code(),
            status: if decline.is_some() {
                "declined"
            } else {
                "captured"
            },
            decline: decline.map(Decline::code),
            now: now(),
        },
    )
    .await?;
    outcome_of(state, key).await
}

/// A new charge's id, in the style of real processors' (`ch_` and 24 characters).
fn charge_id() -> String {
    format!("ch_{}", &random_token()[..24])
}

/// Forgets a card: its entries and the card go, its charges stay without it.
pub async fn forget_card(state: &AppState, token: &str) -> ShopResult<()> {
    let mut tx = state.db.begin_write().await?;
    db::forget_card(&mut tx, token).await?;
    tx.commit().await?;
    Ok(())
}

/// The outcome of the charge made with `key`; when none was made, the key is voided so
/// that none ever will be (a later charge with it answers "not completed").
pub async fn settle_key(state: &AppState, key: &str) -> ShopResult<Result<String, Decline>> {
    let id = charge_id();
    db::insert_charge(
        state.db.pool(),
        &NewCharge {
            id: &id,
            key,
            card_token: None,
            amount_minor: 0,
            currency: "",
            status: "voided",
            decline: Some(Decline::NotCompleted.code()),
            now: now(),
        },
    )
    .await?;
    outcome_of(state, key).await
}

/// The recorded outcome of the charge with `key`.
async fn outcome_of(state: &AppState, key: &str) -> ShopResult<Result<String, Decline>> {
    let (id, decline) = db::outcome(state.db.pool(), key).await?;
    match decline {
        None => Ok(Ok(id)),
        Some(code) => Ok(Err(Decline::from_code(&code).ok_or(ShopError::Internal)?)),
    }
}

/// Refunds a captured charge (a second refund changes nothing).
pub async fn refund(state: &AppState, charge: &str) -> ShopResult<()> {
    if db::refund(state.db.pool(), charge, now()).await? {
        Ok(())
    } else {
        Err(ShopError::NotFound)
    }
}
