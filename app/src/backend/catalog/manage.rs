//! Staff edits of the catalog: products with their price tiers and search entry (one
//! transaction each), status, stock changes with a reason, pictures.

use crate::domain::ids::{ImageId, ProductId, UserId};

use super::browse::{image_url, specs};
use crate::backend::{
    AppState,
    db::{
        catalog_search,
        products::{self, ProductFields},
        users::UserRow,
    },
    now,
};
use crate::{
    domain::{
        catalog::ProductStatus,
        limits,
        pricing::Tier,
        product_form::{ProductForm, parse_stock_change},
    },
    error::{Problem, ShopError, ShopResult},
    model::admin::{AdminProduct, AdminProductRow, StockChange},
};

/// Parses the staff form and saves it (a new product when `id` is `None`, with its opening
/// stock); every problem with the form comes back at once.
pub async fn save_product_form(
    state: &AppState,
    id: Option<ProductId>,
    form: &ProductForm,
) -> ShopResult<ProductId> {
    let (fields, tiers) = form
        .parse(state.settings.currency)
        .map_err(|fields| ShopError::Invalid { fields })?;
    let stock = match id {
        None => Some(
            form.opening_stock()
                .map_err(|e| ShopError::Invalid { fields: vec![e] })?,
        ),
        Some(_) => None,
    };
    save_product(state, id, &fields, &tiers, stock).await
}

/// Every product, archived ones included, for the staff list.
pub async fn admin_products(state: &AppState) -> ShopResult<Vec<AdminProductRow>> {
    Ok(products::all(state.db.pool())
        .await?
        .into_iter()
        .map(|p| AdminProductRow {
            price: p.price(),
            id: p.id,
            name: p.name,
            slug: p.slug,
            category: p.category,
            stock: p.stock,
            status: p.status,
        })
        .collect())
}

/// A staff stock change as typed: checked (`product_form::parse_stock_change`), then made.
pub async fn change_stock(
    state: &AppState,
    staff: &UserRow,
    id: ProductId,
    delta: &str,
    reason: &str,
) -> ShopResult<i64> {
    let (delta, reason) =
        parse_stock_change(delta, reason).map_err(|fields| ShopError::Invalid { fields })?;
    adjust_stock(state, id, delta, &reason, Some(staff.id)).await
}

/// Creates (`id` None) or updates a product, its price tiers and its search entry in one
/// transaction. `stock` sets the opening stock of a new product (later changes go through
/// `adjust_stock` with a reason).
pub async fn save_product(
    state: &AppState,
    id: Option<ProductId>,
    fields: &ProductFields,
    tiers: &[Tier],
    stock: Option<i64>,
) -> ShopResult<ProductId> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if let Some(existing) = products::find_by_slug(&mut *tx, &fields.slug).await?
        && Some(existing.id) != id
    {
        return Err(ShopError::invalid("slug", crate::error::Problem::Taken));
    }
    let id = match id {
        Some(id) => {
            if products::update(&mut tx, id, fields, now).await? == 0 {
                return Err(ShopError::NotFound);
            }
            id
        }
        None => products::insert(&mut tx, fields, stock.unwrap_or(0), now).await?,
    };
    products::set_tiers(&mut tx, id, tiers).await?;
    catalog_search::index(&mut tx, state.db.backend(), id).await?;
    tx.commit().await?;
    Ok(id)
}

/// A product as the staff editor shows it: every field as text, stock, picture and the log
/// of stock changes.
pub async fn admin_product(state: &AppState, id: ProductId) -> ShopResult<AdminProduct> {
    let row = products::find_by_id(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let tiers = products::tiers(state.db.pool(), id).await?;
    let fields = ProductFields {
        slug: row.slug.clone(),
        category: row.category,
        brand: row.brand.clone(),
        model: row.model.clone(),
        name: row.name.clone(),
        summary_en: row.summary_en.clone(),
        summary_zh: row.summary_zh.clone(),
        description_en: row.description_en.clone(),
        description_zh: row.description_zh.clone(),
        specs: specs(&row),
        price: row.price(),
    };
    let stock_log = products::stock_changes(state.db.pool(), id)
        .await?
        .into_iter()
        .map(|c| StockChange {
            delta: c.delta,
            stock_after: c.stock_after,
            reason: c.reason,
            at: c.at,
        })
        .collect();
    Ok(AdminProduct {
        id,
        form: ProductForm::from_product(&fields, &tiers),
        status: row.status,
        stock: row.stock,
        image: image_url(&row),
        stock_log,
    })
}

/// Archives (`"archived"`: hidden from the shop, kept for orders) or restores (`"active"`).
pub async fn set_status(state: &AppState, id: ProductId, status: ProductStatus) -> ShopResult<()> {
    match products::set_status(state.db.pool(), id, status, now()).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Changes stock by `delta` with a reason, logged with who did it; refuses to go below zero
/// or above [`limits::STOCK_MAX`]. Returns the new stock.
pub async fn adjust_stock(
    state: &AppState,
    id: ProductId,
    delta: i64,
    reason: &str,
    staff_id: Option<UserId>,
) -> ShopResult<i64> {
    let mut tx = state.db.begin_write().await?;
    products::find_by_id(&mut *tx, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let stock = products::adjust_stock(&mut tx, id, delta, reason, staff_id, now())
        .await?
        .ok_or_else(|| {
            let problem = if delta < 0 {
                Problem::StockBelowZero
            } else {
                Problem::OutOfRange {
                    min: 0,
                    max: limits::STOCK_MAX,
                }
            };
            ShopError::invalid("delta", problem)
        })?;
    tx.commit().await?;
    Ok(stock)
}

/// Stores an uploaded picture for product `id` and makes it the product's image. The bytes
/// decide the type; anything but PNG, JPEG or WebP up to the size limit is refused.
pub async fn save_image(state: &AppState, id: ProductId, bytes: &[u8]) -> ShopResult<ImageId> {
    let content_type = crate::domain::image::sniff(bytes)
        .map_err(|problem| ShopError::invalid("image", problem))?;
    let mut tx = state.db.begin_write().await?;
    products::find_by_id(&mut *tx, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let image_id = products::insert_image(&mut tx, id, content_type, bytes, now()).await?;
    products::set_image(&mut *tx, id, image_id).await?;
    tx.commit().await?;
    Ok(image_id)
}
