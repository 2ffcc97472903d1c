//! SQL for `carrier_handoffs`: the parcels of orders released for shipping, waiting to be
//! booked with their carrier.

use crate::domain::{ids::OrderId, shipping::CarrierId};
use sqlx::{Any, AnyConnection, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct HandoffRow {
    pub order_id: OrderId,
    pub carrier: CarrierId,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub booked_at: Option<i64>,
}

const COLUMNS: &str = "order_id, carrier, attempts, next_attempt_at, booked_at";

/// Queues an order's parcel for its carrier, for the worker from `due_at` on; nothing when
/// it is queued already.
pub async fn queue<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
    carrier: CarrierId,
    now: i64,
    due_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO carrier_handoffs (order_id, carrier, queued_at, next_attempt_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(order)
    .bind(carrier)
    .bind(now)
    .bind(due_at)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<Option<HandoffRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM carrier_handoffs WHERE order_id = $1"
    ))
    .bind(order)
    .fetch_optional(db)
    .await
}

/// Parcels due for a booking attempt (at most `max_attempts` tries each).
pub async fn due<'e>(
    db: impl Executor<'e, Database = Any>,
    now: i64,
    max_attempts: i64,
    limit: i64,
) -> Result<Vec<HandoffRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM carrier_handoffs
         WHERE booked_at IS NULL AND next_attempt_at <= $1 AND attempts < $2
         ORDER BY order_id LIMIT $3"
    ))
    .bind(now)
    .bind(max_attempts)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims one booking attempt: succeeds for exactly one worker even when several app
/// servers share the database.
pub async fn claim<'e>(
    db: impl Executor<'e, Database = Any>,
    row: &HandoffRow,
    retry_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE carrier_handoffs SET attempts = attempts + 1, next_attempt_at = $1
         WHERE order_id = $2 AND booked_at IS NULL AND attempts = $3",
    )
    .bind(retry_at)
    .bind(row.order_id)
    .bind(row.attempts)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the booking; false when it was recorded already (or the parcel was withdrawn).
pub async fn mark_booked(
    conn: &mut AnyConnection,
    order: OrderId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE carrier_handoffs SET booked_at = $1, last_error = NULL
         WHERE order_id = $2 AND booked_at IS NULL",
    )
    .bind(now)
    .bind(order)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn mark_failed<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
    error: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE carrier_handoffs SET last_error = $1 WHERE order_id = $2")
        .bind(error)
        .bind(order)
        .execute(db)
        .await?;
    Ok(())
}

/// Withdraws a parcel not yet booked (its order was cancelled).
pub async fn withdraw<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM carrier_handoffs WHERE order_id = $1 AND booked_at IS NULL")
        .bind(order)
        .execute(db)
        .await?;
    Ok(())
}
