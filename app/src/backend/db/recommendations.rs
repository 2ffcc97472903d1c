//! SQL for recommendations from one account's own page views and orders (read only after
//! `audience::may_use(Use::Analytics)` said yes).

use super::products::{COLUMNS, ProductRow};
use crate::domain::{ids::UserId, order::OrderStatus};
use sqlx::{Any, Executor};

/// Active products in stock in the categories of what the account viewed (each view counts
/// one) or bought (each product counts three), never one it bought: the categories it came
/// back to most first, then the products it looked at most, then the newest.
pub async fn for_account<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
    limit: i64,
) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "WITH seen AS (
             SELECT p.id AS product_id, p.category AS category, COUNT(*) AS n
             FROM page_views v JOIN products p ON v.path = '/products/' || p.slug
             WHERE v.user_id = $1
             GROUP BY p.id, p.category
         ),
         bought AS (
             SELECT DISTINCT l.product_id AS product_id
             FROM order_lines l JOIN orders o ON o.id = l.order_id
             WHERE o.user_id = $1 AND o.status IN ($2, $3, $4)
         ),
         interest AS (
             SELECT category, SUM(n) AS score FROM (
                 SELECT category, n FROM seen
                 UNION ALL
                 SELECT p.category, 3 FROM bought b JOIN products p ON p.id = b.product_id
             ) AS touched
             GROUP BY category
         )
         SELECT {COLUMNS} FROM products p
         JOIN interest i ON i.category = p.category
         LEFT JOIN seen s ON s.product_id = p.id
         WHERE p.status = 'active' AND p.stock > 0
           AND p.id NOT IN (SELECT product_id FROM bought)
         ORDER BY i.score DESC, COALESCE(s.n, 0) DESC, p.id DESC
         LIMIT $5"
    ))
    .bind(user)
    .bind(OrderStatus::Paid)
    .bind(OrderStatus::Shipped)
    .bind(OrderStatus::Delivered)
    .bind(limit)
    .fetch_all(db)
    .await
}
