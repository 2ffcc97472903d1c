//! SQL for `reviews`.

use crate::domain::{
    ids::{ProductId, UserId},
    order::OrderStatus,
    review::{ReviewSort, ReviewStatus},
};
use sqlx::{Any, AnyConnection, Executor, FromRow};

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

/// Writes the account's review of the product, or replaces its text, rating and state
/// (a review hidden by staff loses the reason when edited: it is moderated again).
pub async fn upsert(
    conn: &mut AnyConnection,
    r: &NewReview<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reviews
             (product_id, user_id, rating, title, body, pros, cons, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (user_id, product_id) DO UPDATE SET
             rating = $3, title = $4, body = $5, pros = $6, cons = $7, status = $8,
             hidden_reason = '', updated_at = $9",
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
    .execute(conn)
    .await?;
    Ok(())
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
    sqlx::query_as(
        "SELECT rating, COUNT(*) FROM reviews WHERE product_id = $1 AND status = $2
         GROUP BY rating",
    )
    .bind(product)
    .bind(ReviewStatus::Published)
    .fetch_all(db)
    .await
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
    pub created_at: i64,
    pub updated_at: i64,
}

/// A page of the product's published reviews in `sort` order, each with its author's name
/// and whether they bought the product (paid, and not cancelled or refunded).
pub async fn published<'e>(
    db: impl Executor<'e, Database = Any>,
    product: ProductId,
    sort: ReviewSort,
    limit: i64,
    offset: i64,
) -> Result<Vec<ShownRow>, sqlx::Error> {
    let order = match sort {
        ReviewSort::Newest => "r.created_at DESC, r.id DESC",
        ReviewSort::Highest => "r.rating DESC, r.created_at DESC, r.id DESC",
        ReviewSort::Lowest => "r.rating ASC, r.created_at DESC, r.id DESC",
    };
    sqlx::query_as(&format!(
        "SELECT r.id, u.full_name, r.rating, r.title, r.body, r.pros, r.cons,
                CASE WHEN EXISTS (
                    SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                    WHERE o.user_id = r.user_id AND l.product_id = r.product_id
                      AND o.status IN ($3, $4, $5)
                ) THEN 1 ELSE 0 END AS verified,
                r.created_at, r.updated_at
         FROM reviews r JOIN users u ON u.id = r.user_id
         WHERE r.product_id = $1 AND r.status = $2
         ORDER BY {order} LIMIT $6 OFFSET $7"
    ))
    .bind(product)
    .bind(ReviewStatus::Published)
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
