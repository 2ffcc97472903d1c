//! SQL for `reviews`.

use super::sql::Sql;
use crate::domain::{
    account::AccountStatus,
    ids::{ProductId, UserId},
    order::OrderStatus,
    review::{Decision, ReportReason, ReviewSort, ReviewStatus},
};
use crate::i18n::Lang;
use sqlx::{Any, AnyConnection, Executor, FromRow};

/// The reviews shoppers see (joined as `r`, their authors as `u`): published ones whose
/// author's account is active. A deactivated or suspended account's reviews are not shown
/// until it is active again.
pub const SHOWN: &str = "r.status = 'published' AND u.status = 'active'";

/// Per product: how many reviews are shown and the sum of their ratings, as a table to join
/// (`product_id`, `n`, `total`).
pub const RATINGS: &str = "(SELECT r.product_id, COUNT(*) AS n, CAST(SUM(r.rating) AS BIGINT) AS total \
    FROM reviews r JOIN users u ON u.id = r.user_id \
    WHERE r.status = 'published' AND u.status = 'active' GROUP BY r.product_id)";

/// A review as written, with its state.
pub struct NewReview<'a> {
    pub product: ProductId,
    pub user: UserId,
    pub rating: i64,
    pub title: &'a str,
    pub body: &'a str,
    pub pros: &'a str,
    pub cons: &'a str,
    pub status: ReviewStatus,
}

/// Writes the account's review of the product, or replaces its text, rating and state; the
/// state it is in after. A review hidden by staff and then edited loses the reason and waits
/// for staff again (`held`), whatever the moderation setting, and a held review stays held
/// through further edits: an edit is no way around a decision.
pub async fn upsert(
    conn: &mut AnyConnection,
    r: &NewReview<'_>,
    now: i64,
) -> Result<ReviewStatus, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO reviews
             (product_id, user_id, rating, title, body, pros, cons, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (user_id, product_id) DO UPDATE SET
             rating = $3, title = $4, body = $5, pros = $6, cons = $7,
             status = CASE WHEN reviews.status IN ($10, $11) THEN $11 ELSE $8 END,
             hidden_reason = '', updated_at = $9
         RETURNING status",
    )
    .bind(r.product)
    .bind(r.user)
    .bind(r.rating)
    .bind(r.title)
    .bind(r.body)
    .bind(r.pros)
    .bind(r.cons)
    .bind(r.status)
    .bind(now)
    .bind(ReviewStatus::Hidden)
    .bind(ReviewStatus::Held)
    .fetch_one(conn)
    .await
}

/// Deletes the account's review of the product; false when there was none.
pub async fn delete(
    conn: &mut AnyConnection,
    user: UserId,
    product: ProductId,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM reviews WHERE user_id = $1 AND product_id = $2")
        .bind(user)
        .bind(product)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// How many published reviews of the product give each rating: (rating, count).
pub async fn rating_counts<'e>(
    db: impl Executor<'e, Database = Any>,
    product: ProductId,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT r.rating, COUNT(*) FROM reviews r JOIN users u ON u.id = r.user_id
         WHERE r.product_id = $1 AND {SHOWN} GROUP BY r.rating"
    ))
    .bind(product)
    .fetch_all(db)
    .await
}

/// How many reviews are shown of each product in `ids` and the sum of their ratings:
/// (product, count, sum); products without reviews are left out.
pub async fn ratings<'e>(
    db: impl Executor<'e, Database = Any>,
    ids: &[ProductId],
) -> Result<Vec<(ProductId, i64, i64)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(&format!(
        "SELECT product_id, n, total FROM {RATINGS} ra WHERE product_id IN ("
    ));
    sql.bind_list(ids.iter().map(|id| id.0.into())).push(")");
    sql.query_as().fetch_all(db).await
}

#[derive(Clone, Debug, FromRow)]
pub struct ShownRow {
    pub id: i64,
    pub full_name: String,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    pub verified: i64,
    pub helpful: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A page of the product's shown reviews in `sort` order, each with its author's name,
/// whether they bought the product (paid, and not cancelled or refunded) and how many
/// shoppers found it helpful.
pub async fn published<'e>(
    db: impl Executor<'e, Database = Any>,
    product: ProductId,
    sort: ReviewSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<ShownRow>, sqlx::Error> {
    let order = match sort {
        ReviewSort::Newest => "r.created_at DESC, r.id DESC",
        ReviewSort::Helpful => "helpful DESC, r.created_at DESC, r.id DESC",
        ReviewSort::Highest => "r.rating DESC, r.created_at DESC, r.id DESC",
        ReviewSort::Lowest => "r.rating ASC, r.created_at DESC, r.id DESC",
    };
    sqlx::query_as(&format!(
        "SELECT r.id, u.full_name, r.rating, r.title, r.body, r.pros, r.cons,
                CASE WHEN EXISTS (
                    SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                    WHERE o.user_id = r.user_id AND l.product_id = r.product_id
                      AND o.status IN ($2, $3, $4)
                ) THEN 1 ELSE 0 END AS verified,
                (SELECT COUNT(*) FROM review_votes v WHERE v.review_id = r.id) AS helpful,
                r.created_at, r.updated_at
         FROM reviews r JOIN users u ON u.id = r.user_id
         WHERE r.product_id = $1 AND {SHOWN}
         ORDER BY {order} LIMIT $5 OFFSET $6"
    ))
    .bind(product)
    .bind(OrderStatus::Paid)
    .bind(OrderStatus::Shipped)
    .bind(OrderStatus::Delivered)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

#[derive(Clone, Debug, FromRow)]
pub struct MineRow {
    pub product_id: ProductId,
    pub slug: String,
    pub name: String,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    pub status: ReviewStatus,
    pub hidden_reason: String,
    pub updated_at: i64,
}

/// The account's reviews, newest first.
pub async fn of_user<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
) -> Result<Vec<MineRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.product_id, p.slug, p.name, r.rating, r.title, r.body, r.pros, r.cons,
                r.status, r.hidden_reason, r.updated_at
         FROM reviews r JOIN products p ON p.id = r.product_id
         WHERE r.user_id = $1 ORDER BY r.updated_at DESC, r.id DESC",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

/// Counts the shopper's "helpful" vote on a review; false when they had voted already.
pub async fn vote(
    conn: &mut AnyConnection,
    review: i64,
    user: UserId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO review_votes (review_id, user_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (review_id, user_id) DO NOTHING",
    )
    .bind(review)
    .bind(user)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the shopper's report of a review; false when they had reported it already.
pub async fn report(
    conn: &mut AnyConnection,
    review: i64,
    user: UserId,
    reason: ReportReason,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO review_reports (review_id, user_id, reason, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (review_id, user_id) DO NOTHING",
    )
    .bind(review)
    .bind(user)
    .bind(reason)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A review with what staff and the mail to its author need.
#[derive(Clone, Debug, FromRow)]
pub struct ReviewRow {
    pub id: i64,
    pub product_id: ProductId,
    pub slug: String,
    pub product_name: String,
    pub user_id: UserId,
    pub full_name: String,
    pub email: String,
    pub language: Lang,
    pub author_status: AccountStatus,
    pub rating: i64,
    pub title: String,
    pub body: String,
    pub pros: String,
    pub cons: String,
    pub status: ReviewStatus,
    pub hidden_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// Reports staff have not decided on yet.
    pub open_reports: i64,
}

const REVIEW_COLUMNS: &str = "r.id, r.product_id, p.slug, p.name AS product_name, r.user_id, \
    u.full_name, u.email, u.language, u.status AS author_status, r.rating, r.title, r.body, \
    r.pros, r.cons, r.status, r.hidden_reason, r.created_at, r.updated_at, \
    (SELECT COUNT(*) FROM review_reports rr WHERE rr.review_id = r.id AND rr.resolved_at IS NULL) \
    AS open_reports \
    FROM reviews r JOIN products p ON p.id = r.product_id JOIN users u ON u.id = r.user_id";

pub async fn find<'e>(
    db: impl Executor<'e, Database = Any>,
    id: i64,
) -> Result<Option<ReviewRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {REVIEW_COLUMNS} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The reviews waiting for staff (held for approval, or with open reports), oldest first;
/// or, with `hidden`, the hidden ones, newest first. At most `limit`.
pub async fn queue<'e>(
    db: impl Executor<'e, Database = Any>,
    hidden: bool,
    limit: i64,
) -> Result<Vec<ReviewRow>, sqlx::Error> {
    if hidden {
        return sqlx::query_as(&format!(
            "SELECT {REVIEW_COLUMNS} WHERE r.status = $1
             ORDER BY r.updated_at DESC, r.id DESC LIMIT $2"
        ))
        .bind(ReviewStatus::Hidden)
        .bind(limit)
        .fetch_all(db)
        .await;
    }
    sqlx::query_as(&format!(
        "SELECT {REVIEW_COLUMNS}
         WHERE r.status = $1 OR (r.status <> $2 AND EXISTS (SELECT 1 FROM review_reports rr
             WHERE rr.review_id = r.id AND rr.resolved_at IS NULL))
         ORDER BY r.created_at, r.id LIMIT $3"
    ))
    .bind(ReviewStatus::Held)
    .bind(ReviewStatus::Hidden)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The open reports of the reviews in `ids` by reason: (review, reason, count).
pub async fn open_reports<'e>(
    db: impl Executor<'e, Database = Any>,
    ids: &[i64],
) -> Result<Vec<(i64, ReportReason, i64)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(
        "SELECT review_id, reason, COUNT(*) FROM review_reports
         WHERE resolved_at IS NULL AND review_id IN (",
    );
    sql.bind_list(ids.iter().map(|&id| id.into()))
        .push(") GROUP BY review_id, reason ORDER BY review_id, reason");
    sql.query_as().fetch_all(db).await
}

#[derive(Clone, Debug, FromRow)]
pub struct ActionRow {
    pub review_id: i64,
    pub action: Decision,
    pub reason: String,
    pub at: i64,
    /// The staff member's name (NULL once their account is erased).
    pub actor: Option<String>,
}

/// What staff decided about the reviews in `ids`, oldest first.
pub async fn actions<'e>(
    db: impl Executor<'e, Database = Any>,
    ids: &[i64],
) -> Result<Vec<ActionRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(
        "SELECT a.review_id, a.action, a.reason, a.at, u.full_name AS actor
         FROM review_actions a LEFT JOIN users u ON u.id = a.actor_id
         WHERE a.review_id IN (",
    );
    sql.bind_list(ids.iter().map(|&id| id.into()))
        .push(") ORDER BY a.at, a.id");
    sql.query_as().fetch_all(db).await
}

/// Moves a review from the state `from` (as last edited at `seen`) to the decision's, with
/// the reason shown to its author, records the decision and closes its open reports; false
/// (nothing changed) when the review is no longer in `from` or was edited since: someone
/// decided first, or staff would decide on text they did not see.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    conn: &mut AnyConnection,
    id: i64,
    (from, seen): (ReviewStatus, i64),
    decision: Decision,
    reason: &str,
    actor: UserId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query(
        "UPDATE reviews SET status = $1, hidden_reason = $2
         WHERE id = $3 AND status = $4 AND updated_at = $5",
    )
    .bind(decision.status())
    .bind(reason)
    .bind(id)
    .bind(from)
    .bind(seen)
    .execute(&mut *conn)
    .await?;
    if moved.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO review_actions (review_id, actor_id, action, reason, at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(actor)
    .bind(decision)
    .bind(reason)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE review_reports SET resolved_at = $1 WHERE review_id = $2 AND resolved_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_conditions_spell_the_stored_states() {
        let published = format!("r.status = '{}'", ReviewStatus::Published.code());
        let active = format!("u.status = '{}'", AccountStatus::Active.as_str());
        for sql in [SHOWN, RATINGS] {
            assert!(sql.contains(&published) && sql.contains(&active), "{sql}");
        }
    }
}
