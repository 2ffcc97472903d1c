//! SQL for `cart_lines`. Every statement names the cart's owner: an account (`user_id`) or a
//! guest (`guest_key`, a random key kept in the visitor's session).

use super::sql::{Arg, Sql};
use crate::domain::ids::{CartLineId, ProductId, UserId};
use sqlx::{Any, AnyConnection, Executor, FromRow};

/// Whose cart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CartOwner {
    User(UserId),
    Guest(String),
}

impl CartOwner {
    fn column(&self) -> &'static str {
        match self {
            CartOwner::User(_) => "user_id",
            CartOwner::Guest(_) => "guest_key",
        }
    }

    fn arg(&self) -> Arg {
        match self {
            CartOwner::User(id) => id.0.into(),
            CartOwner::Guest(key) => key.as_str().into(),
        }
    }

    /// `sql` followed by `<owner column> = $n`.
    fn filter(&self, sql: &mut Sql) {
        sql.push(self.column()).push(" = ").bind(self.arg());
    }
}

#[derive(Clone, Debug, FromRow)]
pub struct CartLineRow {
    pub id: CartLineId,
    pub product_id: ProductId,
    pub quantity: i64,
    pub group_key: String,
    pub added_at: i64,
}

const COLUMNS: &str = "id, product_id, quantity, group_key, added_at";

pub async fn lines(
    db: impl Executor<'_, Database = Any>,
    owner: &CartOwner,
) -> Result<Vec<CartLineRow>, sqlx::Error> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM cart_lines WHERE "));
    owner.filter(&mut sql);
    sql.push(" ORDER BY added_at, id");
    sql.query_as().fetch_all(db).await
}

/// The line of `product` in `group` ("" outside a group), if the cart has one.
pub async fn find(
    conn: &mut AnyConnection,
    owner: &CartOwner,
    product: ProductId,
    group: &str,
) -> Result<Option<CartLineRow>, sqlx::Error> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM cart_lines WHERE "));
    owner.filter(&mut sql);
    sql.push(" AND product_id = ").bind(product.0);
    sql.push(" AND group_key = ").bind(group);
    sql.query_as().fetch_optional(conn).await
}

/// The owner's line `id`, if it is theirs.
pub async fn line(
    conn: &mut AnyConnection,
    owner: &CartOwner,
    id: CartLineId,
) -> Result<Option<CartLineRow>, sqlx::Error> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM cart_lines WHERE id = "));
    sql.bind(id.0).push(" AND ");
    owner.filter(&mut sql);
    sql.query_as().fetch_optional(conn).await
}

pub async fn count(conn: &mut AnyConnection, owner: &CartOwner) -> Result<i64, sqlx::Error> {
    let mut sql = Sql::new("SELECT COUNT(*) FROM cart_lines WHERE ");
    owner.filter(&mut sql);
    let (n,): (i64,) = sql.query_as().fetch_one(conn).await?;
    Ok(n)
}

/// Adds `quantity` units of `product` to the owner's line of it in `group` ("" outside a
/// group), creating the line if there is none; one statement, so two adds at once both
/// count. Returns the line and its new quantity.
pub async fn add(
    conn: &mut AnyConnection,
    owner: &CartOwner,
    product: ProductId,
    quantity: i64,
    group: &str,
    now: i64,
) -> Result<(CartLineId, i64), sqlx::Error> {
    let column = owner.column();
    let mut sql = Sql::new(&format!(
        "INSERT INTO cart_lines ({column}, product_id, quantity, group_key, added_at, updated_at) VALUES ("
    ));
    sql.bind(owner.arg())
        .push(", ")
        .bind(product.0)
        .push(", ")
        .bind(quantity);
    sql.push(", ")
        .bind(group)
        .push(", ")
        .bind(now)
        .push(", ")
        .bind(now);
    sql.push(&format!(
        ") ON CONFLICT ({column}, product_id, group_key) WHERE {column} IS NOT NULL \
         DO UPDATE SET quantity = cart_lines.quantity + excluded.quantity, \
         updated_at = excluded.updated_at RETURNING id, quantity"
    ));
    sql.query_as().fetch_one(conn).await
}

/// Sets a line's quantity; returns how many lines changed (0: not this owner's line).
pub async fn set_quantity(
    db: impl Executor<'_, Database = Any>,
    owner: &CartOwner,
    line: CartLineId,
    quantity: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let columns = vec![("quantity", quantity.into()), ("updated_at", now.into())];
    let mut sql = Sql::update("cart_lines", columns);
    sql.push(" WHERE id = ").bind(line.0).push(" AND ");
    owner.filter(&mut sql);
    Ok(sql.query().execute(db).await?.rows_affected())
}

/// Removes one line, or a whole group when `group` is given.
pub async fn remove(
    db: impl Executor<'_, Database = Any>,
    owner: &CartOwner,
    line: Option<CartLineId>,
    group: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let mut sql = Sql::new("DELETE FROM cart_lines WHERE ");
    owner.filter(&mut sql);
    if let Some(line) = line {
        sql.push(" AND id = ").bind(line.0);
    }
    if let Some(group) = group {
        sql.push(" AND group_key = ")
            .bind(group)
            .push(" AND group_key <> ''");
    }
    Ok(sql.query().execute(db).await?.rows_affected())
}

/// Takes `quantity` units of `product` in `group` out of the owner's cart (a paid order's
/// line): the line goes when it held no more than that, else it keeps the rest. Returns
/// whether the cart had such a line.
pub async fn take_bought(
    conn: &mut AnyConnection,
    owner: &CartOwner,
    product: ProductId,
    group: &str,
    quantity: i64,
) -> Result<bool, sqlx::Error> {
    let mut sql = Sql::new("DELETE FROM cart_lines WHERE ");
    owner.filter(&mut sql);
    sql.push(" AND product_id = ").bind(product.0);
    sql.push(" AND group_key = ").bind(group);
    sql.push(" AND quantity <= ").bind(quantity);
    let deleted = sql.query().execute(&mut *conn).await?.rows_affected();
    let mut sql = Sql::new("UPDATE cart_lines SET quantity = quantity - ");
    sql.bind(quantity).push(" WHERE ");
    owner.filter(&mut sql);
    sql.push(" AND product_id = ").bind(product.0);
    sql.push(" AND group_key = ").bind(group);
    sql.push(" AND quantity > ").bind(quantity);
    let updated = sql.query().execute(conn).await?.rows_affected();
    Ok(deleted + updated > 0)
}

/// Guest carts untouched since `cutoff`: their sessions have ended.
pub async fn delete_guest_lines_before(
    db: impl Executor<'_, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM cart_lines WHERE guest_key IS NOT NULL AND updated_at < $1")
            .bind(cutoff)
            .execute(db)
            .await?;
    Ok(done.rows_affected())
}
