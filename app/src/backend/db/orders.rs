//! SQL for `orders`, `order_lines`, `order_events` and `disclosures` (the ledger).

use super::{addresses, sql::Sql};
use crate::domain::{
    account::PostalAddress,
    card::CardBrand,
    ids::{OrderId, ProductId, UserId},
    money::Currency,
    order::OrderStatus,
    shipping::CarrierId,
};
use crate::i18n::Lang;
use sqlx::{Any, AnyConnection, Executor, FromRow};

/// An order as written at checkout, before it has an id.
#[derive(Clone, Debug)]
pub struct NewOrder<'a> {
    pub idempotency_key: &'a str,
    pub user_id: Option<UserId>,
    /// The guest cart the order was bought from (a guest's order), emptied when it is paid.
    pub guest_cart: Option<&'a str>,
    pub email: &'a str,
    pub language: Lang,
    pub currency: Currency,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub tax_rate_bp: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub carrier: CarrierId,
    pub delivery_days: (i64, i64),
    pub parcel_weight_g: i64,
    pub address: &'a PostalAddress,
    pub card_brand: CardBrand,
    pub card_last4: &'a str,
    /// The card's token when the fraud check holds the order: it is written `held` and
    /// keeps the token until staff decide, instead of `pending_payment`.
    pub held_card_token: Option<&'a str>,
}

#[derive(Clone, Debug, FromRow)]
pub struct OrderRow {
    pub id: OrderId,
    pub idempotency_key: String,
    pub user_id: Option<UserId>,
    pub email: String,
    pub language: Lang,
    pub status: OrderStatus,
    pub currency: Currency,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub tax_rate_bp: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub carrier: CarrierId,
    pub delivery_days_min: i64,
    pub delivery_days_max: i64,
    pub parcel_weight_g: i64,
    #[sqlx(flatten)]
    pub address: PostalAddress,
    pub card_brand: CardBrand,
    pub card_last4: String,
    pub payment_ref: Option<String>,
    pub tracking_number: Option<String>,
    pub guest_cart: Option<String>,
    pub held_card_token: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, idempotency_key, user_id, email, language, status, currency, \
    subtotal_minor, shipping_minor, tax_rate_bp, tax_minor, total_minor, carrier, \
    delivery_days_min, delivery_days_max, parcel_weight_g, recipient_name, recipient_phone, \
    company, tax_id, line1, line2, city, region, postal_code, country, card_brand, card_last4, \
    payment_ref, tracking_number, guest_cart, held_card_token, created_at, updated_at";

/// Writes a new order awaiting payment (or held); `None` when an order with this idempotency key
/// exists already.
pub async fn insert(
    conn: &mut AnyConnection,
    order: &NewOrder<'_>,
    now: i64,
) -> Result<Option<OrderId>, sqlx::Error> {
    let mut columns = vec![
        ("idempotency_key", order.idempotency_key.into()),
        ("user_id", order.user_id.map(|id| id.0).into()),
        ("guest_cart", order.guest_cart.into()),
        ("email", order.email.into()),
        ("language", order.language.code().into()),
        (
            "status",
            match order.held_card_token {
                Some(_) => OrderStatus::Held,
                None => OrderStatus::PendingPayment,
            }
            .code()
            .into(),
        ),
        ("held_card_token", order.held_card_token.into()),
        ("currency", order.currency.code().into()),
        ("subtotal_minor", order.subtotal_minor.into()),
        ("shipping_minor", order.shipping_minor.into()),
        ("tax_rate_bp", order.tax_rate_bp.into()),
        ("tax_minor", order.tax_minor.into()),
        ("total_minor", order.total_minor.into()),
        ("carrier", order.carrier.code().into()),
        ("delivery_days_min", order.delivery_days.0.into()),
        ("delivery_days_max", order.delivery_days.1.into()),
        ("parcel_weight_g", order.parcel_weight_g.into()),
        ("card_brand", order.card_brand.code().into()),
        ("card_last4", order.card_last4.into()),
        ("created_at", now.into()),
        ("updated_at", now.into()),
    ];
    columns.extend(addresses::columns(order.address));
    let mut sql = Sql::insert("orders", columns);
    sql.push(" ON CONFLICT (idempotency_key) DO NOTHING RETURNING id");
    let row = sql.query().fetch_optional(conn).await?;
    row.map(|row| sqlx::Row::try_get(&row, 0)).transpose()
}

#[derive(Clone, Debug, FromRow)]
pub struct OrderLineRow {
    pub line_no: i64,
    pub product_id: ProductId,
    pub name: String,
    pub model: String,
    pub quantity: i64,
    pub unit_minor: i64,
    pub total_minor: i64,
    pub group_key: String,
}

pub async fn insert_line(
    conn: &mut AnyConnection,
    order: OrderId,
    line: &OrderLineRow,
) -> Result<(), sqlx::Error> {
    let columns = vec![
        ("order_id", order.0.into()),
        ("line_no", line.line_no.into()),
        ("product_id", line.product_id.0.into()),
        ("name", (&line.name).into()),
        ("model", (&line.model).into()),
        ("quantity", line.quantity.into()),
        ("unit_minor", line.unit_minor.into()),
        ("total_minor", line.total_minor.into()),
        ("group_key", (&line.group_key).into()),
    ];
    Sql::insert("order_lines", columns)
        .query()
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn lines<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<Vec<OrderLineRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT line_no, product_id, name, model, quantity, unit_minor, total_minor, group_key
         FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

pub async fn find<'e>(
    db: impl Executor<'e, Database = Any>,
    id: OrderId,
) -> Result<Option<OrderRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM orders WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_key<'e>(
    db: impl Executor<'e, Database = Any>,
    key: &str,
) -> Result<Option<OrderRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM orders WHERE idempotency_key = $1"
    ))
    .bind(key)
    .fetch_optional(db)
    .await
}

/// How many orders there are in each state (the states with none left out).
pub async fn count_by_status<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status")
        .fetch_all(db)
        .await
}

/// The order paid with the processor's charge `payment_ref`.
pub async fn find_by_payment_ref<'e>(
    db: impl Executor<'e, Database = Any>,
    payment_ref: &str,
) -> Result<Option<OrderRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM orders WHERE payment_ref = $1"
    ))
    .bind(payment_ref)
    .fetch_optional(db)
    .await
}

/// A shopper's orders, newest first (those that never got paid are left out).
pub async fn of_user<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
) -> Result<Vec<OrderRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM orders WHERE user_id = $1 AND status NOT IN ($2, $3)
         ORDER BY id DESC LIMIT 200"
    ))
    .bind(user)
    .bind(OrderStatus::PendingPayment)
    .bind(OrderStatus::PaymentFailed)
    .fetch_all(db)
    .await
}

/// Whether the order was ever held by the fraud check (its lines left the cart then).
pub async fn was_held(conn: &mut AnyConnection, id: OrderId) -> Result<bool, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM order_events WHERE order_id = $1 AND status = $2")
            .bind(id)
            .bind(OrderStatus::Held)
            .fetch_one(conn)
            .await?;
    Ok(n > 0)
}

/// Forgets the card of a held order (staff released or cancelled it).
pub async fn clear_held_card(conn: &mut AnyConnection, id: OrderId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orders SET held_card_token = NULL WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Moves an order from `from` to `to`; false when it was not in `from` (someone else moved
/// it first).
pub async fn change_status(
    conn: &mut AnyConnection,
    id: OrderId,
    from: OrderStatus,
    to: OrderStatus,
    payment_ref: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE orders SET status = $1, payment_ref = COALESCE($2, payment_ref), updated_at = $3
         WHERE id = $4 AND status = $5",
    )
    .bind(to)
    .bind(payment_ref)
    .bind(now)
    .bind(id)
    .bind(from)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Clone, Debug, FromRow)]
pub struct OrderEventRow {
    pub status: OrderStatus,
    pub detail: String,
    pub actor_id: Option<UserId>,
    pub at: i64,
}

pub async fn add_event(
    conn: &mut AnyConnection,
    order: OrderId,
    status: OrderStatus,
    detail: &str,
    actor: Option<UserId>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_events (order_id, status, detail, actor_id, at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order)
    .bind(status)
    .bind(detail)
    .bind(actor)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn events<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<Vec<OrderEventRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT status, detail, actor_id, at FROM order_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

#[derive(Clone, Debug, FromRow)]
pub struct DisclosureRow {
    pub order_id: Option<OrderId>,
    pub recipient: String,
    pub fields: String,
    pub purpose: String,
    pub at: i64,
}

/// Records in the ledger that personal data left the shop.
pub async fn disclose(
    conn: &mut AnyConnection,
    user: Option<UserId>,
    order: OrderId,
    recipient: &str,
    fields: &[&str],
    purpose: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO disclosures (user_id, order_id, recipient, fields, purpose, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user)
    .bind(order)
    .bind(recipient)
    .bind(fields.join(", "))
    .bind(purpose)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn disclosures<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<Vec<DisclosureRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT order_id, recipient, fields, purpose, at FROM disclosures
         WHERE order_id = $1 ORDER BY id",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

/// Every ledger entry of an account, newest first.
pub async fn disclosures_of_user<'e>(
    db: impl Executor<'e, Database = Any>,
    user: UserId,
) -> Result<Vec<DisclosureRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT order_id, recipient, fields, purpose, at FROM disclosures
         WHERE user_id = $1 ORDER BY at DESC, id DESC",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

/// Records that the mail relay carried a mail of `kind` to the account.
pub async fn disclose_mail(
    conn: &mut AnyConnection,
    user: UserId,
    kind: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO disclosures (user_id, order_id, recipient, fields, purpose, at)
         VALUES ($1, NULL, 'mail_relay', 'name, email, message', $2, $3)",
    )
    .bind(user)
    .bind(kind)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_tracking(
    conn: &mut AnyConnection,
    id: OrderId,
    tracking: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orders SET tracking_number = $1 WHERE id = $2")
        .bind(tracking)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Staff's order list: paid orders and later, newest first, optionally in one state and
/// matching `query`: the order `number` when the query is an order number, else an email
/// address or a recipient's name, in part.
pub async fn search<'e>(
    db: impl Executor<'e, Database = Any>,
    status: Option<OrderStatus>,
    query: &str,
    number: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<Vec<OrderRow>, sqlx::Error> {
    let like = format!("%{}%", super::sql::escape_like(&query.to_lowercase()));
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM orders
         WHERE status NOT IN ($1, $2)
           AND ($3 = '' OR status = $3)
           AND ($4 = '' OR id = $5 OR ($5 < 0 AND (LOWER(email) LIKE $6 ESCAPE '\\'
                OR LOWER(recipient_name) LIKE $6 ESCAPE '\\')))
         ORDER BY id DESC LIMIT $7 OFFSET $8"
    ))
    .bind(OrderStatus::PendingPayment)
    .bind(OrderStatus::PaymentFailed)
    .bind(status.map(|s| s.code()).unwrap_or(""))
    .bind(query)
    .bind(number.unwrap_or(-1))
    .bind(like)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// Gives a paid order its invoice number, the next in sequence, in the caller's write
/// transaction (so the sequence has no gaps); an order that has one keeps it.
pub async fn issue_invoice(
    conn: &mut AnyConnection,
    order: OrderId,
    now: i64,
) -> Result<(), sqlx::Error> {
    if invoice_number(&mut *conn, order).await?.is_some() {
        return Ok(());
    }
    let number: i64 =
        sqlx::query_scalar("UPDATE invoice_sequence SET last = last + 1 RETURNING last")
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query("INSERT INTO invoices (number, order_id, issued_at) VALUES ($1, $2, $3)")
        .bind(number)
        .bind(order)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The invoice number of an order, once it was paid.
pub async fn invoice_number<'e>(
    db: impl Executor<'e, Database = Any>,
    order: OrderId,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT number FROM invoices WHERE order_id = $1")
        .bind(order)
        .fetch_optional(db)
        .await
}

/// Orders awaiting payment since before `before` (written then, or released from a hold
/// then).
pub async fn pending_before<'e>(
    db: impl Executor<'e, Database = Any>,
    before: i64,
) -> Result<Vec<OrderRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM orders WHERE status = $1 AND updated_at < $2 ORDER BY id LIMIT 500"
    ))
    .bind(OrderStatus::PendingPayment)
    .bind(before)
    .fetch_all(db)
    .await
}

/// Gives a newly verified account the guest orders placed with its (verified) address, with
/// their ledger entries; returns how many.
pub async fn claim_guest_orders(
    conn: &mut AnyConnection,
    user: UserId,
    email: &str,
) -> Result<u64, sqlx::Error> {
    let claimed = sqlx::query(
        "UPDATE orders SET user_id = $1 WHERE user_id IS NULL AND email = $2 AND email <> ''",
    )
    .bind(user)
    .bind(email)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(
        "UPDATE disclosures SET user_id = $1
         WHERE user_id IS NULL AND order_id IN (SELECT id FROM orders WHERE user_id = $1)",
    )
    .bind(user)
    .execute(&mut *conn)
    .await?;
    Ok(claimed)
}
