//! SQL for first-party analytics: page views, clicks, visitors and their visits, and the
//! daily totals that stay once raw rows expire.

use crate::domain::{analytics::Click, ids::UserId};
use sqlx::{Any, AnyConnection, Executor};

/// One page view, with the fields already cut as they are kept.
pub struct View<'a> {
    pub at: i64,
    pub path: &'a str,
    pub ip_network: &'a str,
    pub language: &'a str,
    pub visitor_id: &'a str,
    pub user_id: Option<UserId>,
}

pub async fn insert_view(conn: &mut AnyConnection, v: &View<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO page_views (at, path, ip_network, language, visitor_id, user_id)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(v.at)
    .bind(v.path)
    .bind(v.ip_network)
    .bind(v.language)
    .bind(v.visitor_id)
    .bind(v.user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Notes a page view of the visitor at `now`, with the account signed in, if any: a first
/// visit, or one more visit when they were idle `idle_secs` or longer (worked out in the
/// statement itself, so two views at the same moment make one visit).
pub async fn seen(
    conn: &mut AnyConnection,
    visitor_id: &str,
    user_id: Option<UserId>,
    now: i64,
    idle_secs: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO analytics_visitors (visitor_id, user_id, visits, first_seen_at, last_seen_at)
         VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (visitor_id) DO UPDATE SET
             visits = analytics_visitors.visits
                 + CASE WHEN $3 - analytics_visitors.last_seen_at >= $4 THEN 1 ELSE 0 END,
             last_seen_at = $3,
             user_id = COALESCE($2, analytics_visitors.user_id)",
    )
    .bind(visitor_id)
    .bind(user_id)
    .bind(now)
    .bind(idle_secs)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_clicks(
    conn: &mut AnyConnection,
    clicks: &[Click],
    visitor_id: &str,
    user_id: Option<UserId>,
    now: i64,
) -> Result<(), sqlx::Error> {
    for click in clicks {
        sqlx::query(
            "INSERT INTO clicks (at, path, label, visitor_id, user_id)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(now)
        .bind(&click.path)
        .bind(&click.label)
        .bind(visitor_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The first second of the oldest day that has raw rows from before `before`, if any.
pub async fn oldest_day_before<'e>(
    db: impl Executor<'e, Database = Any>,
    before: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let oldest: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(at) FROM (
             SELECT MIN(at) AS at FROM page_views WHERE at < $1
             UNION ALL SELECT MIN(at) FROM clicks WHERE at < $1
         ) AS oldest",
    )
    .bind(before)
    .fetch_one(db)
    .await?;
    Ok(oldest.map(|at| at - at.rem_euclid(86_400)))
}

/// Takes the raw rows of one day: deletes them and returns (path, visitor, language) of
/// each view and the label of each click. Another server taking the same day at the same
/// moment gets none of them.
pub async fn take_day(
    conn: &mut AnyConnection,
    day: i64,
) -> Result<(Vec<(String, String, String)>, Vec<String>), sqlx::Error> {
    let views = sqlx::query_as(
        "DELETE FROM page_views WHERE at >= $1 AND at < $2
         RETURNING path, visitor_id, language",
    )
    .bind(day)
    .bind(day + 86_400)
    .fetch_all(&mut *conn)
    .await?;
    let clicks =
        sqlx::query_scalar("DELETE FROM clicks WHERE at >= $1 AND at < $2 RETURNING label")
            .bind(day)
            .bind(day + 86_400)
            .fetch_all(&mut *conn)
            .await?;
    Ok((views, clicks))
}

/// Adds `count` to a daily total.
pub async fn add_daily(
    conn: &mut AnyConnection,
    day: i64,
    kind: &str,
    name: &str,
    count: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO analytics_daily (day, kind, name, count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (day, kind, name) DO UPDATE SET count = analytics_daily.count + $4",
    )
    .bind(day)
    .bind(kind)
    .bind(name)
    .bind(count)
    .execute(conn)
    .await?;
    Ok(())
}

/// Visitors not seen since before `before` (their rows are gone too).
pub async fn delete_visitors_before<'e>(
    db: impl Executor<'e, Database = Any>,
    before: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM analytics_visitors WHERE last_seen_at < $1")
            .bind(before)
            .execute(db)
            .await?
            .rows_affected(),
    )
}

/// Deletes every record of a visitor (a browser's own request); how many rows went.
pub async fn delete_visitor(
    conn: &mut AnyConnection,
    visitor_id: &str,
) -> Result<u64, sqlx::Error> {
    let mut rows = 0;
    for table in ["page_views", "clicks", "analytics_visitors"] {
        rows += sqlx::query(&format!("DELETE FROM {table} WHERE visitor_id = $1"))
            .bind(visitor_id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(rows)
}
