//! SQL for `saved_cards`: a shopper's cards as the processor's tokens. Every statement names
//! the owner.

use crate::domain::{
    card::{CardBrand, CardRef},
    ids::{SavedCardId, UserId},
};
use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct SavedCardRow {
    pub id: SavedCardId,
    pub token: String,
    pub brand: CardBrand,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
}

impl SavedCardRow {
    pub fn card(&self) -> CardRef {
        CardRef {
            token: self.token.clone(),
            brand: self.brand,
            last4: self.last4.clone(),
            exp_month: u32::try_from(self.exp_month).unwrap_or(0),
            exp_year: u32::try_from(self.exp_year).unwrap_or(0),
        }
    }
}

pub async fn list<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
) -> Result<Vec<SavedCardRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, token, brand, last4, exp_month, exp_year FROM saved_cards
         WHERE user_id = $1 ORDER BY id",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
    card: &CardRef,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO saved_cards (user_id, token, brand, last4, exp_month, exp_year, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (user_id, token) DO NOTHING",
    )
    .bind(user)
    .bind(&card.token)
    .bind(card.brand)
    .bind(&card.last4)
    .bind(i64::from(card.exp_month))
    .bind(i64::from(card.exp_year))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Deletes the owner's card; its processor token (`None`: not theirs).
pub async fn delete<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
    id: SavedCardId,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("DELETE FROM saved_cards WHERE id = $1 AND user_id = $2 RETURNING token")
        .bind(id)
        .bind(user)
        .fetch_optional(db)
        .await
}

/// True when some shopper keeps the card with this processor token.
pub async fn is_saved<'e>(
    db: impl Executor<'e, Database = Any>,
    token: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM saved_cards WHERE token = $1")
        .bind(token)
        .fetch_optional(db)
        .await?;
    Ok(found.is_some())
}
