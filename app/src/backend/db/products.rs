//! SQL for the catalog: products, price tiers, the stock log, images, and full-text search
//! (FTS5 on SQLite, `tsvector` on PostgreSQL, behind the same functions).

use crate::domain::ids::{ImageId, ProductId, UserId};

use super::{
    Backend, Db,
    sql::{Arg, Sql},
};
use crate::{
    domain::{
        catalog::{CatalogQuery, PAGE_SIZE, ProductStatus, Sort, search_terms},
        category::Category,
        money::{Currency, Money},
        pricing::Tier,
    },
    model::catalog::Facets,
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

/// The text the search index holds for a product.
fn search_text(p: &ProductRow) -> [String; 6] {
    let mut specs = Vec::new();
    if let Some(pitch) = p.pixel_pitch_um {
        let mm = crate::domain::catalog::pitch_mm(pitch as u32);
        specs.push(format!("P{mm} {mm}mm pitch"));
    }
    if let Some(n) = p.brightness_nits {
        specs.push(format!("{n} nits"));
    }
    for v in [&p.ip_front, &p.ip_back, &p.led_type, &p.maintenance]
        .into_iter()
        .flatten()
    {
        specs.push(v.clone());
    }
    if let Some(hz) = p.refresh_hz {
        specs.push(format!("{hz}Hz"));
    }
    specs.push(p.category.slug().replace('-', " "));
    specs.push(p.category.search_words_zh().to_string());
    // Split words exactly as `search_terms` splits a query ("P3.91" → "P3 91"), whatever the
    // database's own tokenizer would do with dots and dashes.
    let words = |text: String| -> String {
        text.chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect()
    };
    [
        words(p.name.clone()),
        words(p.brand.clone()),
        words(p.model.clone()),
        words(format!("{} {}", p.summary_en, p.summary_zh)),
        words(format!("{} {}", p.description_en, p.description_zh)),
        words(specs.join(" ")),
    ]
}

/// Every word the search index holds for the products on sale, lower case: what a
/// mistyped search is compared with.
pub async fn search_vocabulary(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    let mut words = std::collections::BTreeSet::new();
    for p in all(db.pool()).await? {
        if p.status != crate::domain::catalog::ProductStatus::Active {
            continue;
        }
        for text in search_text(&p) {
            words.extend(text.split_whitespace().map(str::to_lowercase));
        }
    }
    Ok(words.into_iter().collect())
}

/// The version of what [`search_text`] puts in the index: raise it when that changes, and
/// every product's entry is rebuilt once (2: the Chinese search words of each category).
pub const SEARCH_INDEX_VERSION: i64 = 2;

/// Rebuilds every product's search entry when the database holds an older
/// [`SEARCH_INDEX_VERSION`]; returns whether it did. One server does it (the version row is
/// locked), the others find it done.
pub async fn reindex_if_older(db: &Db) -> Result<bool, sqlx::Error> {
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let mut tx = db.begin_write().await?;
    let version: i64 =
        sqlx::query_scalar(&format!("SELECT version FROM search_index_version{lock}"))
            .fetch_one(&mut *tx)
            .await?;
    if version >= SEARCH_INDEX_VERSION {
        return Ok(false);
    }
    let ids: Vec<ProductId> = sqlx::query_scalar(&format!("SELECT id FROM products{lock}"))
        .fetch_all(&mut *tx)
        .await?;
    for id in ids {
        index(&mut tx, db.backend(), id).await?;
    }
    sqlx::query("UPDATE search_index_version SET version = $1")
        .bind(SEARCH_INDEX_VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Brings the search index up to date for one product (call in the writing transaction).
pub async fn index(
    conn: &mut AnyConnection,
    backend: Backend,
    id: ProductId,
) -> Result<(), sqlx::Error> {
    let Some(p) = find_by_id(&mut *conn, id).await? else {
        return Ok(());
    };
    let [name, brand, model, summary, description, specs] = search_text(&p);
    match backend {
        Backend::Sqlite => {
            sqlx::query("DELETE FROM products_fts WHERE rowid = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "INSERT INTO products_fts (rowid, name, brand, model, summary, description, specs)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(name)
            .bind(brand)
            .bind(model)
            .bind(summary)
            .bind(description)
            .bind(specs)
            .execute(&mut *conn)
            .await?;
        }
        Backend::Postgres => {
            sqlx::query(
                "UPDATE products SET search_document =
                    setweight(to_tsvector('simple', $1), 'A') ||
                    setweight(to_tsvector('simple', $2 || ' ' || $3), 'A') ||
                    setweight(to_tsvector('simple', $4), 'B') ||
                    setweight(to_tsvector('simple', $5), 'C') ||
                    setweight(to_tsvector('simple', $6), 'D')
                 WHERE id = $7",
            )
            .bind(name)
            .bind(model)
            .bind(brand)
            .bind(specs)
            .bind(summary)
            .bind(description)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// The search condition and rank expression for `terms` (every word must match, as a prefix).
fn push_search(sql: &mut Sql, backend: Backend, terms: &[String]) {
    match backend {
        Backend::Sqlite => {
            let expr: Vec<String> = terms.iter().map(|t| format!("\"{t}\"*")).collect();
            sql.push(" AND p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ")
                .bind(expr.join(" "))
                .push(")");
        }
        Backend::Postgres => {
            let expr: Vec<String> = terms.iter().map(|t| format!("{t}:*")).collect();
            sql.push(" AND p.search_document @@ to_tsquery('simple', ")
                .bind(expr.join(" & "))
                .push(")");
        }
    }
}

/// `WHERE` clauses of a listing query; `skip_category` for the category facet counts.
fn push_filters(
    sql: &mut Sql,
    backend: Backend,
    q: &CatalogQuery,
    skip_category: bool,
    skip_ip: bool,
) {
    sql.push(" WHERE p.status = 'active'");
    if let (Some(c), false) = (q.category, skip_category) {
        sql.push(" AND p.category = ").bind(c.slug());
    }
    if let Some(v) = q.pitch_min_um {
        sql.push(" AND p.pixel_pitch_um >= ").bind(i64::from(v));
    }
    if let Some(v) = q.pitch_max_um {
        sql.push(" AND p.pixel_pitch_um <= ").bind(i64::from(v));
    }
    if let Some(v) = q.brightness_min {
        sql.push(" AND p.brightness_nits >= ").bind(i64::from(v));
    }
    if let (Some(ip), false) = (&q.ip, skip_ip) {
        sql.push(" AND p.ip_front = ").bind(ip.as_str());
    }
    if let Some(v) = q.price_min {
        sql.push(" AND p.price_minor >= ").bind(i64::from(v) * 100);
    }
    if let Some(v) = q.price_max {
        sql.push(" AND p.price_minor <= ").bind(i64::from(v) * 100);
    }
    if q.in_stock {
        sql.push(" AND p.stock > 0");
    }
    let terms = search_terms(&q.q);
    if !terms.is_empty() {
        push_search(sql, backend, &terms);
    }
}

/// Categories in the order the shop presents them.
const CATEGORY_ORDER: &str = "CASE p.category WHEN 'fixed-outdoor' THEN 0 WHEN 'rental' THEN 1 \
    WHEN 'perimeter' THEN 2 WHEN 'transparent' THEN 3 WHEN 'modules' THEN 4 \
    WHEN 'controllers' THEN 5 ELSE 6 END";

/// One page of a listing, with the total count.
pub async fn list(db: &Db, q: &CatalogQuery) -> Result<(Vec<ProductRow>, i64), sqlx::Error> {
    let backend = db.backend();
    let terms = search_terms(&q.q);
    let mut count = Sql::new("SELECT COUNT(*) FROM products p");
    push_filters(&mut count, backend, q, false, false);
    let total: i64 = count.query_as::<(i64,)>().fetch_one(db.pool()).await?.0;

    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM products p"));
    let ranked = !terms.is_empty() && q.sort == Sort::Relevance;
    if ranked && backend == Backend::Sqlite {
        let expr: Vec<String> = terms.iter().map(|t| format!("\"{t}\"*")).collect();
        sql.push(" JOIN (SELECT rowid AS id, bm25(products_fts, 10.0, 4.0, 10.0, 2.0, 1.0, 3.0) AS rank FROM products_fts WHERE products_fts MATCH ")
            .bind(expr.join(" "))
            .push(") r ON r.id = p.id");
    }
    push_filters(&mut sql, backend, q, false, false);
    let order = match q.sort {
        Sort::Relevance if ranked => match backend {
            // bm25: lower is better; ts_rank: higher is better.
            Backend::Sqlite => " ORDER BY r.rank, p.id".to_string(),
            Backend::Postgres => {
                let expr: Vec<String> = terms.iter().map(|t| format!("{t}:*")).collect();
                sql.push(" ORDER BY ts_rank(p.search_document, to_tsquery('simple', ")
                    .bind(expr.join(" & "))
                    .push(")) DESC, p.id");
                String::new()
            }
        },
        // Without a search, "relevance" shows the catalog in shop order: screens before parts.
        Sort::Relevance => format!(" ORDER BY {CATEGORY_ORDER}, p.pixel_pitch_um, p.id"),
        Sort::Newest => " ORDER BY p.created_at DESC, p.id DESC".to_string(),
        Sort::PriceLow => " ORDER BY p.price_minor, p.id".to_string(),
        Sort::PriceHigh => " ORDER BY p.price_minor DESC, p.id".to_string(),
        Sort::PitchFine => " ORDER BY CASE WHEN p.pixel_pitch_um IS NULL THEN 1 ELSE 0 END, p.pixel_pitch_um, p.id".to_string(),
        Sort::PitchCoarse => " ORDER BY CASE WHEN p.pixel_pitch_um IS NULL THEN 1 ELSE 0 END, p.pixel_pitch_um DESC, p.id".to_string(),
    };
    sql.push(&order);
    let page = i64::from(q.page.max(1));
    sql.push(" LIMIT ")
        .bind(i64::from(PAGE_SIZE))
        .push(" OFFSET ")
        .bind((page - 1) * i64::from(PAGE_SIZE));
    let rows = sql.query_as::<ProductRow>().fetch_all(db.pool()).await?;
    Ok((rows, total))
}

/// Counts for the filter choices: each facet counted with every other filter applied.
pub async fn facets(db: &Db, q: &CatalogQuery) -> Result<Facets, sqlx::Error> {
    let backend = db.backend();
    let mut by_category = Sql::new("SELECT p.category, COUNT(*) FROM products p");
    push_filters(&mut by_category, backend, q, true, false);
    by_category.push(" GROUP BY p.category");
    let categories: Vec<(String, i64)> = by_category.query_as().fetch_all(db.pool()).await?;

    let mut by_ip = Sql::new("SELECT p.ip_front, COUNT(*) FROM products p");
    push_filters(&mut by_ip, backend, q, false, true);
    by_ip.push(" AND p.ip_front IS NOT NULL GROUP BY p.ip_front");
    let ip_ratings: Vec<(String, i64)> = by_ip.query_as().fetch_all(db.pool()).await?;

    let mut stocked = Sql::new("SELECT COUNT(*) FROM products p");
    push_filters(
        &mut stocked,
        backend,
        &CatalogQuery {
            in_stock: true,
            ..q.clone()
        },
        false,
        false,
    );
    let in_stock: i64 = stocked.query_as::<(i64,)>().fetch_one(db.pool()).await?.0;

    let mut categories: Vec<(Category, i64)> = categories
        .into_iter()
        .filter_map(|(slug, n)| Category::from_slug(&slug).map(|c| (c, n)))
        .collect();
    categories.sort_by_key(|(c, _)| Category::ALL.iter().position(|x| x == c));
    let mut ip_ratings = ip_ratings;
    ip_ratings.sort();
    Ok(Facets {
        categories,
        ip_ratings,
        in_stock,
    })
}

/// Products matching the words typed so far (the last one as a prefix), for suggestions
/// while typing: those whose name holds the first word come first.
pub async fn suggest(db: &Db, q: &str, limit: i64) -> Result<Vec<(String, String)>, sqlx::Error> {
    let terms = search_terms(q);
    let Some(first) = terms.first() else {
        return Ok(Vec::new());
    };
    let name_pattern = format!("%{}%", first.replace(['%', '_'], ""));
    let mut sql = Sql::new("SELECT p.slug, p.name FROM products p WHERE p.status = 'active'");
    push_search(&mut sql, db.backend(), &terms);
    sql.push(" ORDER BY CASE WHEN LOWER(p.name) LIKE ")
        .bind(name_pattern)
        .push(" THEN 0 ELSE 1 END, p.name LIMIT ")
        .bind(limit);
    sql.query_as().fetch_all(db.pool()).await
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
