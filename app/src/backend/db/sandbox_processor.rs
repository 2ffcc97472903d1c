//! SQL for the sandbox processor's own tables (`sandbox_card_entries`, `sandbox_cards`,
//! `sandbox_charges`), which stand in for a real processor's records
//! (`outside/sandbox_processor/`).

use crate::domain::card::{CardBrand, CheckedCard, TestBehaviour};
use sqlx::{Any, AnyConnection, Executor, FromRow};

pub async fn insert_entry<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
    return_path: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sandbox_card_entries (id, return_path, created_at, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(return_path)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The return path of an entry that has no card yet and has not expired.
pub async fn open_entry<'e>(
    db: impl Executor<'e, Database = Any>,
    id: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT return_path FROM sandbox_card_entries
         WHERE id = $1 AND card_token IS NULL AND expires_at > $2",
    )
    .bind(id)
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn insert_card(
    conn: &mut AnyConnection,
    token: &str,
    card: &CheckedCard,
    fingerprint: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sandbox_cards
             (token, brand, last4, exp_month, exp_year, behaviour, created_at, fingerprint)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(token)
    .bind(card.brand)
    .bind(&card.last4)
    .bind(i64::from(card.exp_month))
    .bind(i64::from(card.exp_year))
    .bind(card.behaviour)
    .bind(now)
    .bind(fingerprint)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives an entry its card; false when it has one already.
pub async fn attach_card(
    conn: &mut AnyConnection,
    entry: &str,
    token: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE sandbox_card_entries SET card_token = $1 WHERE id = $2 AND card_token IS NULL",
    )
    .bind(token)
    .bind(entry)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(FromRow)]
pub struct CardRow {
    pub token: String,
    pub brand: CardBrand,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
    pub behaviour: TestBehaviour,
    pub fingerprint: String,
}

const CARD_COLUMNS: &str =
    "c.token, c.brand, c.last4, c.exp_month, c.exp_year, c.behaviour, c.fingerprint";

/// The card entered for an entry.
pub async fn card_of_entry<'e>(
    db: impl Executor<'e, Database = Any>,
    entry: &str,
) -> Result<Option<CardRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM sandbox_card_entries e
         JOIN sandbox_cards c ON c.token = e.card_token WHERE e.id = $1"
    ))
    .bind(entry)
    .fetch_optional(db)
    .await
}

pub async fn card<'e>(
    db: impl Executor<'e, Database = Any>,
    token: &str,
) -> Result<Option<CardRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM sandbox_cards c WHERE c.token = $1"
    ))
    .bind(token)
    .fetch_optional(db)
    .await
}

/// A charge attempt, recorded once per idempotency key.
pub struct NewCharge<'a> {
    pub id: &'a str,
    pub key: &'a str,
    pub card_token: Option<&'a str>,
    pub amount_minor: i64,
    pub currency: &'a str,
    /// `captured`, `declined` or `voided`.
    pub status: &'a str,
    pub decline: Option<&'a str>,
    pub now: i64,
}

/// Records a charge unless its key has one already (the first stays).
pub async fn insert_charge<'e>(
    db: impl Executor<'e, Database = Any>,
    charge: &NewCharge<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sandbox_charges
            (id, idempotency_key, card_token, amount_minor, currency, status, decline, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(charge.id)
    .bind(charge.key)
    .bind(charge.card_token)
    .bind(charge.amount_minor)
    .bind(charge.currency)
    .bind(charge.status)
    .bind(charge.decline)
    .bind(charge.now)
    .execute(db)
    .await?;
    Ok(())
}

/// The charge recorded for a key: its id and decline code.
pub async fn outcome<'e>(
    db: impl Executor<'e, Database = Any>,
    key: &str,
) -> Result<(String, Option<String>), sqlx::Error> {
    sqlx::query_as("SELECT id, decline FROM sandbox_charges WHERE idempotency_key = $1")
        .bind(key)
        .fetch_one(db)
        .await
}

/// Forgets a card: its entries and the card go, its charges stay without it.
pub async fn forget_card(conn: &mut AnyConnection, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sandbox_charges SET card_token = NULL WHERE card_token = $1")
        .bind(token)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sandbox_card_entries WHERE card_token = $1")
        .bind(token)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sandbox_cards WHERE token = $1")
        .bind(token)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks a captured charge refunded; false when there is no such charge.
pub async fn refund<'e>(
    db: impl Executor<'e, Database = Any>,
    charge: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE sandbox_charges SET status = 'refunded', refunded_at = $1
         WHERE id = $2 AND status IN ('captured', 'refunded')",
    )
    .bind(now)
    .bind(charge)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
