//! SQL for the staff dashboard: totals over a range of days, from raw analytics rows and the
//! daily totals they become, paid orders and consent events. Days are UTC, `[from, end)`.

use crate::domain::order::OrderStatus;
use sqlx::{Any, Executor};

/// Views and distinct visitors per day from raw rows: (day, views, visitors).
pub async fn raw_days<'e>(
    db: impl Executor<'e, Database = Any>,
    from: i64,
    end: i64,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT at - (at % 86400) AS day, COUNT(*), COUNT(DISTINCT visitor_id)
         FROM page_views WHERE at >= $1 AND at < $2 GROUP BY at - (at % 86400)",
    )
    .bind(from)
    .bind(end)
    .fetch_all(db)
    .await
}

/// Raw page views counted by `column` (`path` or `language`): (name, views).
pub async fn raw_by<'e>(
    db: impl Executor<'e, Database = Any>,
    column: RawColumn,
    from: i64,
    end: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let column = match column {
        RawColumn::Path => "path",
        RawColumn::Language => "language",
    };
    sqlx::query_as(&format!(
        "SELECT {column}, COUNT(*) FROM page_views WHERE at >= $1 AND at < $2 GROUP BY {column}"
    ))
    .bind(from)
    .bind(end)
    .fetch_all(db)
    .await
}

/// What raw page views can be counted by.
#[derive(Clone, Copy, Debug)]
pub enum RawColumn {
    Path,
    Language,
}

/// Daily totals of one kind (`views`, `languages`, `visitors`): (day, name, count).
pub async fn daily<'e>(
    db: impl Executor<'e, Database = Any>,
    kind: &str,
    from: i64,
    end: i64,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT day, name, count FROM analytics_daily WHERE kind = $1 AND day >= $2 AND day < $3",
    )
    .bind(kind)
    .bind(from)
    .bind(end)
    .fetch_all(db)
    .await
}

/// Orders paid per day (by their invoice) and not cancelled since: (day, orders, total).
pub async fn paid_days<'e>(
    db: impl Executor<'e, Database = Any>,
    from: i64,
    end: i64,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.issued_at - (i.issued_at % 86400) AS day, COUNT(*),
                CAST(SUM(o.total_minor) AS BIGINT)
         FROM invoices i JOIN orders o ON o.id = i.order_id
         WHERE i.issued_at >= $1 AND i.issued_at < $2
           AND o.status NOT IN ($3, $4)
         GROUP BY i.issued_at - (i.issued_at % 86400)",
    )
    .bind(from)
    .bind(end)
    .bind(OrderStatus::Cancelled)
    .bind(OrderStatus::Refunded)
    .fetch_all(db)
    .await
}

/// Consent choices made in the range: (purpose, granted, how many).
pub async fn consent_choices<'e>(
    db: impl Executor<'e, Database = Any>,
    from: i64,
    end: i64,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT purpose, granted, COUNT(*) FROM consent_events
         WHERE at >= $1 AND at < $2 GROUP BY purpose, granted",
    )
    .bind(from)
    .bind(end)
    .fetch_all(db)
    .await
}
