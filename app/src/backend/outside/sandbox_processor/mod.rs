//! The sandbox processor: a stand-in for a real processor's hosted payment page and API,
//! with their test-mode behaviour (see `domain/card.rs`). Its card page is served under its
//! own prefix (`/sandbox-pay/`, `pages.rs`) and it writes only to its own
//! tables (`sandbox_*`). It keeps no card number and no security code: a card is kept as a
//! random token with brand, last 4, expiry and the test behaviour its number selected.

pub mod pages;

use crate::{
    backend::{
        AppState, now,
        security::keys::{is_token, random_token},
    },
    domain::{
        card::{CardBrand, CardRef, CheckedCard, Decline, TestBehaviour},
        money::Money,
        stored::Stored,
    },
    error::{ShopError, ShopResult},
};
use sqlx::FromRow;

/// The prefix of the processor's pages.
pub const PREFIX: &str = "/sandbox-pay";

/// How long a card page stays usable.
const ENTRY_SECONDS: i64 = 30 * 60;

/// Opens a card entry returning to `return_path`: (entry id, card page address).
pub async fn start_entry(state: &AppState, return_path: &str) -> ShopResult<(String, String)> {
    let id = random_token();
    let now = now();
    sqlx::query(
        "INSERT INTO sandbox_card_entries (id, return_path, created_at, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(return_path)
    .bind(now)
    .bind(now + ENTRY_SECONDS)
    .execute(state.db.pool())
    .await?;
    let page = format!("{PREFIX}/card/{id}");
    Ok((id, page))
}

/// An open entry's return path, if the entry exists, has no card yet and has not expired.
pub async fn open_entry(state: &AppState, entry: &str) -> ShopResult<Option<String>> {
    if !is_token(entry) {
        return Ok(None);
    }
    Ok(sqlx::query_scalar(
        "SELECT return_path FROM sandbox_card_entries
         WHERE id = $1 AND card_token IS NULL AND expires_at > $2",
    )
    .bind(entry)
    .bind(now())
    .fetch_optional(state.db.pool())
    .await?)
}

/// Keeps a checked card for an open entry; returns where the browser goes next (the shop's
/// return path with the entry id), or `None` when the entry is closed.
pub async fn complete_entry(
    state: &AppState,
    entry: &str,
    card: &CheckedCard,
) -> ShopResult<Option<String>> {
    let Some(return_path) = open_entry(state, entry).await? else {
        return Ok(None);
    };
    let token = format!("tok_{}", &random_token()[..32]);
    let mut tx = state.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO sandbox_cards (token, brand, last4, exp_month, exp_year, behaviour, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&token)
    .bind(card.brand.code())
    .bind(&card.last4)
    .bind(i64::from(card.exp_month))
    .bind(i64::from(card.exp_year))
    .bind(card.behaviour.code())
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query(
        "UPDATE sandbox_card_entries SET card_token = $1 WHERE id = $2 AND card_token IS NULL",
    )
    .bind(&token)
    .bind(entry)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    tx.commit().await?;
    let joiner = if return_path.contains('?') { '&' } else { '?' };
    Ok(Some(format!("{return_path}{joiner}card_entry={entry}")))
}

#[derive(FromRow)]
struct CardRow {
    token: String,
    brand: String,
    last4: String,
    exp_month: i64,
    exp_year: i64,
    behaviour: String,
}

impl CardRow {
    fn card(&self) -> ShopResult<CardRef> {
        Ok(CardRef {
            token: self.token.clone(),
            brand: CardBrand::from_stored(&self.brand).ok_or(ShopError::Internal)?,
            last4: self.last4.clone(),
            exp_month: u32::try_from(self.exp_month).map_err(|_| ShopError::Internal)?,
            exp_year: u32::try_from(self.exp_year).map_err(|_| ShopError::Internal)?,
        })
    }
}

const CARD_COLUMNS: &str = "c.token, c.brand, c.last4, c.exp_month, c.exp_year, c.behaviour";

pub async fn card_of_entry(state: &AppState, entry: &str) -> ShopResult<Option<CardRef>> {
    if !is_token(entry) {
        return Ok(None);
    }
    let row: Option<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM sandbox_card_entries e
         JOIN sandbox_cards c ON c.token = e.card_token WHERE e.id = $1"
    ))
    .bind(entry)
    .fetch_optional(state.db.pool())
    .await?;
    row.map(|r| r.card()).transpose()
}

/// Charges a card once per `key`: a repeated key answers the first outcome. A card the
/// processor does not know (forgotten) is declined.
pub async fn charge(
    state: &AppState,
    token: &str,
    amount: Money,
    key: &str,
) -> ShopResult<Result<String, Decline>> {
    let card: Option<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM sandbox_cards c WHERE c.token = $1"
    ))
    .bind(token)
    .fetch_optional(state.db.pool())
    .await?;
    let decline = match &card {
        Some(card) => TestBehaviour::from_stored(&card.behaviour)
            .ok_or(ShopError::Internal)?
            .decline(),
        None => Some(Decline::Declined),
    };
    let token = card.as_ref().map(|_| token);
    let id = format!("ch_{}", &random_token()[..24]);
    let status = if decline.is_some() {
        "declined"
    } else {
        "captured"
    };
    sqlx::query(
        "INSERT INTO sandbox_charges
            (id, idempotency_key, card_token, amount_minor, currency, status, decline, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(&id)
    .bind(key)
    .bind(token)
    .bind(amount.minor)
    .bind(amount.currency.code())
    .bind(status)
    .bind(decline.map(Decline::code))
    .bind(now())
    .execute(state.db.pool())
    .await?;
    outcome_of(state, key).await
}

/// Forgets a card: its entries and the card go, its charges stay without it.
pub async fn forget_card(state: &AppState, token: &str) -> ShopResult<()> {
    let mut tx = state.db.begin_write().await?;
    sqlx::query("UPDATE sandbox_charges SET card_token = NULL WHERE card_token = $1")
        .bind(token)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sandbox_card_entries WHERE card_token = $1")
        .bind(token)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sandbox_cards WHERE token = $1")
        .bind(token)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The outcome of the charge made with `key`; when none was made, the key is voided so
/// that none ever will be (a later charge with it answers "not completed").
pub async fn settle_key(state: &AppState, key: &str) -> ShopResult<Result<String, Decline>> {
    let id = format!("ch_{}", &random_token()[..24]);
    sqlx::query(
        "INSERT INTO sandbox_charges
            (id, idempotency_key, card_token, amount_minor, currency, status, decline, created_at)
         VALUES ($1, $2, NULL, 0, '', 'voided', $3, $4)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(&id)
    .bind(key)
    .bind(Decline::NotCompleted.code())
    .bind(now())
    .execute(state.db.pool())
    .await?;
    outcome_of(state, key).await
}

/// The recorded outcome of the charge with `key`.
async fn outcome_of(state: &AppState, key: &str) -> ShopResult<Result<String, Decline>> {
    let (id, decline): (String, Option<String>) =
        sqlx::query_as("SELECT id, decline FROM sandbox_charges WHERE idempotency_key = $1")
            .bind(key)
            .fetch_one(state.db.pool())
            .await?;
    match decline {
        None => Ok(Ok(id)),
        Some(code) => Ok(Err(Decline::from_code(&code).ok_or(ShopError::Internal)?)),
    }
}

/// Refunds a captured charge (a second refund changes nothing).
pub async fn refund(state: &AppState, charge: &str) -> ShopResult<()> {
    let done = sqlx::query(
        "UPDATE sandbox_charges SET status = 'refunded', refunded_at = $1
         WHERE id = $2 AND status IN ('captured', 'refunded')",
    )
    .bind(now())
    .bind(charge)
    .execute(state.db.pool())
    .await?;
    match done.rows_affected() {
        1 => Ok(()),
        _ => Err(ShopError::NotFound),
    }
}
