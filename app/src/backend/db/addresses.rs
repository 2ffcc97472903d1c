//! SQL for `addresses`. Every statement is scoped to the owning user.

use crate::domain::ids::{AddressId, UserId};

use super::sql::{Arg, Sql};
use crate::domain::account::PostalAddress;
use sqlx::{Any, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct AddressRow {
    pub id: AddressId,
    pub user_id: UserId,
    #[sqlx(flatten)]
    pub address: PostalAddress,
    pub is_default: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, user_id, recipient_name, recipient_phone, company, tax_id, line1, line2, \
    city, region, postal_code, country, is_default, created_at, updated_at";

/// Every column written from a [`PostalAddress`], each next to its value (the address book
/// and orders name them alike).
pub(super) fn columns(a: &PostalAddress) -> Vec<(&'static str, Arg)> {
    vec![
        ("recipient_name", (&a.recipient_name).into()),
        ("recipient_phone", (&a.recipient_phone).into()),
        ("company", (&a.company).into()),
        ("tax_id", (&a.tax_id).into()),
        ("line1", (&a.line1).into()),
        ("line2", (&a.line2).into()),
        ("city", (&a.city).into()),
        ("region", (&a.region).into()),
        ("postal_code", (&a.postal_code).into()),
        ("country", (&a.country).into()),
    ]
}

pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    a: &PostalAddress,
    is_default: bool,
    now: i64,
) -> Result<AddressId, sqlx::Error> {
    let mut columns = columns(a);
    columns.extend([
        ("user_id", user_id.0.into()),
        ("is_default", i64::from(is_default).into()),
        ("created_at", now.into()),
        ("updated_at", now.into()),
    ]);
    let row = Sql::insert_returning_id("addresses", columns)
        .query()
        .fetch_one(conn)
        .await?;
    sqlx::Row::try_get(&row, 0)
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
pub async fn update(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    id: AddressId,
    a: &PostalAddress,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut columns = columns(a);
    columns.push(("updated_at", now.into()));
    let mut sql = Sql::update("addresses", columns);
    sql.push(" WHERE id = ")
        .bind(id.0)
        .push(" AND user_id = ")
        .bind(user_id.0);
    Ok(sql.query().execute(conn).await?.rows_affected())
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
