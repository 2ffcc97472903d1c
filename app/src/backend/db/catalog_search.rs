//! SQL for finding products: the full-text search index (FTS5 on SQLite, `tsvector` on
//! PostgreSQL, behind the same functions), the listing with its filters, sort and facets, and
//! suggestions.

use crate::domain::ids::ProductId;

use super::products::{COLUMNS, ProductRow, all, find_by_id};
use super::reviews::RATINGS;
use super::{Backend, Db, sql::Sql};
use crate::{
    domain::{
        catalog::{CatalogQuery, PAGE_SIZE, Sort, search_terms},
        category::Category,
    },
    model::catalog::Facets,
};
use sqlx::AnyConnection;

/// The text the search index holds for a product.
pub(super) fn search_text(p: &ProductRow) -> [String; 6] {
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
pub(super) fn push_search(sql: &mut Sql, backend: Backend, terms: &[String]) {
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
pub(super) fn push_filters(
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
    if q.rating_4_up {
        sql.push(&format!(
            " AND p.id IN (SELECT product_id FROM {RATINGS} ra WHERE ra.total >= 4 * ra.n)"
        ));
    }
    let terms = search_terms(&q.q);
    if !terms.is_empty() {
        push_search(sql, backend, &terms);
    }
}

/// Categories in the order the shop presents them.
pub(super) const CATEGORY_ORDER: &str = "CASE p.category WHEN 'fixed-outdoor' THEN 0 WHEN 'rental' THEN 1 \
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
    if q.sort == Sort::Rating {
        sql.push(&format!(" LEFT JOIN {RATINGS} ra ON ra.product_id = p.id"));
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
        Sort::Rating => " ORDER BY CASE WHEN ra.n IS NULL THEN 1 ELSE 0 END, ra.total * 1.0 / ra.n DESC, ra.n DESC, p.id".to_string(),
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

    let mut rated = Sql::new("SELECT COUNT(*) FROM products p");
    push_filters(
        &mut rated,
        backend,
        &CatalogQuery {
            rating_4_up: true,
            ..q.clone()
        },
        false,
        false,
    );
    let rating_4_up: i64 = rated.query_as::<(i64,)>().fetch_one(db.pool()).await?.0;

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
        rating_4_up,
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
