//! SQL for `addresses`. Every statement is scoped to the owning user.

use crate::domain::ids::{AddressId, UserId};

use crate::domain::account::AddressInput;
use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct AddressRow {
    pub id: AddressId,
    pub user_id: UserId,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub is_default: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, user_id, line1, line2, city, region, postal_code, country, is_default, created_at, updated_at";

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    a: &AddressInput,
    is_default: bool,
    now: i64,
) -> Result<AddressId, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO addresses (user_id, line1, line2, city, region, postal_code, country,
                                is_default, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         RETURNING id",
    )
    .bind(user_id)
    .bind(&a.line1)
    .bind(&a.line2)
    .bind(&a.city)
    .bind(&a.region)
    .bind(&a.postal_code)
    .bind(&a.country)
    .bind(i64::from(is_default))
    .bind(now)
    .fetch_one(db)
    .await
}

pub async fn list<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
) -> Result<Vec<AddressRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM addresses WHERE user_id = $1 ORDER BY is_default DESC, id"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// Updates one of the user's addresses; 0 rows when it is not theirs.
pub async fn update<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    id: AddressId,
    a: &AddressInput,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE addresses SET line1 = $1, line2 = $2, city = $3, region = $4, postal_code = $5,
                              country = $6, updated_at = $7
         WHERE id = $8 AND user_id = $9",
    )
    .bind(&a.line1)
    .bind(&a.line2)
    .bind(&a.city)
    .bind(&a.region)
    .bind(&a.postal_code)
    .bind(&a.country)
    .bind(now)
    .bind(id)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

pub async fn delete<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: UserId,
    id: AddressId,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM addresses WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Makes `id` the user's only default address; 0 when it is not theirs.
pub async fn set_default(
    tx: &mut sqlx::AnyConnection,
    user_id: UserId,
    id: AddressId,
) -> Result<u64, sqlx::Error> {
    let owned: Option<i64> =
        sqlx::query_scalar("SELECT id FROM addresses WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if owned.is_none() {
        return Ok(0);
    }
    sqlx::query(
        "UPDATE addresses SET is_default = CASE WHEN id = $1 THEN 1 ELSE 0 END WHERE user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    Ok(1)
}

/// After the default address was deleted, promotes the oldest remaining one.
pub async fn ensure_default(
    tx: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> Result<(), sqlx::Error> {
    let has_default: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM addresses WHERE user_id = $1 AND is_default = 1")
            .bind(user_id)
            .fetch_one(&mut *tx)
            .await?;
    if has_default == 0 {
        sqlx::query(
            "UPDATE addresses SET is_default = 1
             WHERE id = (SELECT MIN(id) FROM addresses WHERE user_id = $1)",
        )
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
