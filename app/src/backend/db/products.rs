//! SQL for the catalog: products, price tiers, the stock log and images. Finding them (the
//! search index, listings, facets) is `catalog_search.rs`.

use crate::domain::ids::{ImageId, ProductId, UserId};

use super::{
    Db,
    sql::{Arg, Sql},
};
use crate::domain::{
    catalog::ProductStatus,
    category::Category,
    money::{Currency, Money},
    pricing::Tier,
};
use sqlx::{Any, AnyConnection, Executor, FromRow, Row};

#[derive(Clone, Debug, FromRow)]
pub struct ProductRow {
    pub id: ProductId,
    pub slug: String,
    pub category: Category,
    pub brand: String,
    pub model: String,
    pub name: String,
    pub summary_en: String,
    pub summary_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub pixel_pitch_um: Option<i64>,
    pub brightness_nits: Option<i64>,
    pub ip_front: Option<String>,
    pub ip_back: Option<String>,
    pub refresh_hz: Option<i64>,
    pub cabinet_width_mm: Option<i64>,
    pub cabinet_height_mm: Option<i64>,
    pub cabinet_depth_mm: Option<i64>,
    pub cabinet_px_w: Option<i64>,
    pub cabinet_px_h: Option<i64>,
    pub cabinet_weight_g: Option<i64>,
    pub power_max_w: Option<i64>,
    pub power_typical_w: Option<i64>,
    pub viewing_angle_h: Option<i64>,
    pub viewing_angle_v: Option<i64>,
    pub led_type: Option<String>,
    pub maintenance: Option<String>,
    pub temp_min_c: Option<i64>,
    pub temp_max_c: Option<i64>,
    pub controller_capacity_px: Option<i64>,
    pub warranty_months: i64,
    pub lead_time_days: i64,
    pub ship_weight_g: i64,
    pub ship_length_mm: i64,
    pub ship_width_mm: i64,
    pub ship_height_mm: i64,
    pub price_minor: i64,
    pub currency: Currency,
    pub stock: i64,
    pub image_id: Option<ImageId>,
    pub status: ProductStatus,
    pub created_at: i64,
    pub updated_at: i64,
}

pub const COLUMNS: &str = "p.id, p.slug, p.category, p.brand, p.model, p.name, p.summary_en, p.summary_zh, \
    p.description_en, p.description_zh, p.pixel_pitch_um, p.brightness_nits, p.ip_front, p.ip_back, \
    p.refresh_hz, p.cabinet_width_mm, p.cabinet_height_mm, p.cabinet_depth_mm, p.cabinet_px_w, \
    p.cabinet_px_h, p.cabinet_weight_g, p.power_max_w, p.power_typical_w, p.viewing_angle_h, \
    p.viewing_angle_v, p.led_type, p.maintenance, p.temp_min_c, p.temp_max_c, \
    p.controller_capacity_px, p.warranty_months, p.lead_time_days, p.ship_weight_g, \
    p.ship_length_mm, p.ship_width_mm, p.ship_height_mm, p.price_minor, p.currency, p.stock, \
    p.image_id, p.status, p.created_at, p.updated_at";

pub use crate::domain::catalog::ProductFields;

impl ProductRow {
    /// The single-unit price, in the product's currency.
    pub fn price(&self) -> Money {
        Money::new(self.price_minor, self.currency)
    }
}

/// Every column written from [`ProductFields`], each next to its value: the insert and the
/// update are built from this one list, so a column and its value cannot drift apart.
fn field_columns(f: &ProductFields) -> Vec<(&'static str, Arg)> {
    let s = &f.specs;
    vec![
        ("slug", (&f.slug).into()),
        ("category", f.category.slug().into()),
        ("brand", (&f.brand).into()),
        ("model", (&f.model).into()),
        ("name", (&f.name).into()),
        ("summary_en", (&f.summary_en).into()),
        ("summary_zh", (&f.summary_zh).into()),
        ("description_en", (&f.description_en).into()),
        ("description_zh", (&f.description_zh).into()),
        ("pixel_pitch_um", s.pitch_um.into()),
        ("brightness_nits", s.brightness_nits.into()),
        ("ip_front", (&s.ip_front).into()),
        ("ip_back", (&s.ip_back).into()),
        ("refresh_hz", s.refresh_hz.into()),
        ("cabinet_width_mm", s.cabinet_width_mm.into()),
        ("cabinet_height_mm", s.cabinet_height_mm.into()),
        ("cabinet_depth_mm", s.cabinet_depth_mm.into()),
        ("cabinet_px_w", s.cabinet_px_w.into()),
        ("cabinet_px_h", s.cabinet_px_h.into()),
        ("cabinet_weight_g", s.cabinet_weight_g.into()),
        ("power_max_w", s.power_max_w.into()),
        ("power_typical_w", s.power_typical_w.into()),
        ("viewing_angle_h", s.viewing_angle_h.into()),
        ("viewing_angle_v", s.viewing_angle_v.into()),
        ("led_type", (&s.led_type).into()),
        ("maintenance", (&s.maintenance).into()),
        ("temp_min_c", s.temp_min_c.into()),
        ("temp_max_c", s.temp_max_c.into()),
        (
            "controller_capacity_px",
            s.controller_capacity_px
                .and_then(|v| i64::try_from(v).ok())
                .into(),
        ),
        ("warranty_months", s.warranty_months.into()),
        ("lead_time_days", s.lead_time_days.into()),
        ("ship_weight_g", s.ship_weight_g.into()),
        ("ship_length_mm", s.ship_length_mm.into()),
        ("ship_width_mm", s.ship_width_mm.into()),
        ("ship_height_mm", s.ship_height_mm.into()),
        ("price_minor", f.price.minor.into()),
        ("currency", f.price.currency.code().into()),
    ]
}

/// Inserts a product with its stock; returns its id.
pub async fn insert(
    conn: &mut AnyConnection,
    f: &ProductFields,
    stock: i64,
    now: i64,
) -> Result<ProductId, sqlx::Error> {
    let mut columns = field_columns(f);
    columns.extend([
        ("stock", stock.into()),
        ("status", ProductStatus::Active.as_str().into()),
        ("created_at", now.into()),
        ("updated_at", now.into()),
    ]);
    let row = Sql::insert_returning_id("products", columns)
        .query()
        .fetch_one(conn)
        .await?;
    row.try_get(0)
}

/// Rewrites a product's fields (not its stock, status or image).
pub async fn update(
    conn: &mut AnyConnection,
    id: ProductId,
    f: &ProductFields,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let mut columns = field_columns(f);
    columns.push(("updated_at", now.into()));
    let mut sql = Sql::update("products", columns);
    sql.push(" WHERE id = ").bind(id.0);
    Ok(sql.query().execute(conn).await?.rows_affected())
}

pub async fn set_tiers(
    conn: &mut AnyConnection,
    product_id: ProductId,
    tiers: &[Tier],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM price_tiers WHERE product_id = $1")
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    for t in tiers {
        sqlx::query(
            "INSERT INTO price_tiers (product_id, min_qty, unit_minor) VALUES ($1, $2, $3)",
        )
        .bind(product_id)
        .bind(t.min_qty)
        .bind(t.unit_price.minor)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn tiers<'e>(
    db: impl Executor<'e, Database = Any>,
    product_id: ProductId,
) -> Result<Vec<Tier>, sqlx::Error> {
    // A tier is in its product's currency.
    let rows: Vec<(i64, i64, Currency)> = sqlx::query_as(
        "SELECT t.min_qty, t.unit_minor, p.currency
         FROM price_tiers t JOIN products p ON p.id = t.product_id
         WHERE t.product_id = $1 ORDER BY t.min_qty",
    )
    .bind(product_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(min_qty, minor, currency)| Tier {
            min_qty,
            unit_price: Money::new(minor, currency),
        })
        .collect())
}

pub async fn set_status<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ProductId,
    status: ProductStatus,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE products SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

pub async fn set_image<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ProductId,
    image_id: ImageId,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET image_id = $1 WHERE id = $2")
        .bind(image_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Changes stock by `delta` and logs it, unless that would take it below zero; returns the
/// new stock, or `None` when refused or the product does not exist.
pub async fn adjust_stock(
    conn: &mut AnyConnection,
    id: ProductId,
    delta: i64,
    reason: &str,
    staff_id: Option<UserId>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let changed = sqlx::query(
        // Written so that no sum can overflow, whatever a row holds.
        "UPDATE products SET stock = stock + $1, updated_at = $2
         WHERE id = $3 AND stock >= 0 - $1 AND stock <= $4 - $1",
    )
    .bind(delta)
    .bind(now)
    .bind(id)
    .bind(crate::domain::limits::STOCK_MAX)
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() != 1 {
        return Ok(None);
    }
    let stock: i64 = sqlx::query_scalar("SELECT stock FROM products WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO stock_changes (product_id, delta, stock_after, reason, staff_id, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(delta)
    .bind(stock)
    .bind(reason)
    .bind(staff_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(Some(stock))
}

#[derive(Clone, Debug, FromRow)]
pub struct StockChangeRow {
    pub delta: i64,
    pub stock_after: i64,
    pub reason: String,
    pub at: i64,
}

pub async fn stock_changes<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ProductId,
) -> Result<Vec<StockChangeRow>, sqlx::Error> {
    sqlx::query_as("SELECT delta, stock_after, reason, at FROM stock_changes WHERE product_id = $1 ORDER BY id DESC LIMIT 50")
        .bind(id)
        .fetch_all(db)
        .await
}

pub async fn insert_image(
    conn: &mut AnyConnection,
    product_id: ProductId,
    content_type: &str,
    bytes: &[u8],
    now: i64,
) -> Result<ImageId, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO product_images (product_id, content_type, bytes, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(product_id)
    .bind(content_type)
    .bind(bytes)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn image<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ImageId,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as("SELECT content_type, bytes FROM product_images WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_slug<'e>(
    db: impl Executor<'e, Database = Any>,
    slug: &str,
) -> Result<Option<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM products p WHERE p.slug = $1"
    ))
    .bind(slug)
    .fetch_optional(db)
    .await
}

pub async fn find_by_id<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ProductId,
) -> Result<Option<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM products p WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Active products with these ids, in the order given.
pub async fn active_by_ids(db: &Db, ids: &[ProductId]) -> Result<Vec<ProductRow>, sqlx::Error> {
    let mut rows = Vec::new();
    for id in ids {
        if let Some(row) = find_by_id(db.pool(), *id)
            .await?
            .filter(|r| r.status == ProductStatus::Active)
        {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Other active products of the same category, nearest in pixel pitch first.
pub async fn related(
    db: &Db,
    product: &ProductRow,
    limit: i64,
) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM products p
         WHERE p.category = $1 AND p.id <> $2 AND p.status = 'active'
         ORDER BY ABS(COALESCE(p.pixel_pitch_um, 0) - $3), p.id
         LIMIT $4"
    ))
    .bind(product.category)
    .bind(product.id)
    .bind(product.pixel_pitch_um.unwrap_or(0))
    .bind(limit)
    .fetch_all(db.pool())
    .await
}

/// Active controllers that can drive at least `pixels`, cheapest first.
pub async fn controllers_for(db: &Db, pixels: i64) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM products p
         WHERE p.category = 'controllers' AND p.status = 'active' AND p.controller_capacity_px IS NOT NULL
         ORDER BY CASE WHEN p.controller_capacity_px >= $1 THEN 0 ELSE 1 END, p.price_minor"
    ))
    .bind(pixels)
    .fetch_all(db.pool())
    .await
}

/// All products for the back office, newest first.
pub async fn all<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM products p ORDER BY p.id DESC"
    ))
    .fetch_all(db)
    .await
}

/// The currencies the catalog's prices are in (one, in a consistent shop).
pub async fn currencies<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT currency FROM products ORDER BY currency")
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

pub async fn count<'e>(db: impl Executor<'e, Database = Any>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM products")
        .fetch_one(db)
        .await
}

/// Active products with full cabinet figures, by category then pitch.
pub async fn cabinets(db: &Db) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM products p
         WHERE p.status = 'active' AND p.cabinet_width_mm IS NOT NULL AND p.cabinet_px_w IS NOT NULL
           AND p.power_max_w IS NOT NULL AND p.cabinet_weight_g IS NOT NULL
         ORDER BY p.category, p.pixel_pitch_um, p.id"
    ))
    .fetch_all(db.pool())
    .await
}
