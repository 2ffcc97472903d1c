//! Staff: the product list, creating and editing products (specifications and price tiers),
//! archiving, and stock changes with a reason. Picture uploads are a plain multipart route
//! (`POST /admin/products/{id}/image`, see the server crate), so they work without JavaScript.

use crate::{domain::product_form::ProductForm, error::ShopError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::backend::{catalog, context, db::products, flash};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductRow {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub category: String,
    pub price_minor: i64,
    pub stock: i64,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockChange {
    pub delta: i64,
    pub stock_after: i64,
    pub reason: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProduct {
    pub id: i64,
    pub form: ProductForm,
    pub status: String,
    pub stock: i64,
    pub image: String,
    pub stock_log: Vec<StockChange>,
}

#[server(endpoint = "admin/products", input = server_fn::codec::GetUrl)]
pub async fn list_admin_products() -> Result<Vec<AdminProductRow>, ShopError> {
    context::require_staff().await?;
    let state = context::state()?;
    Ok(products::all(state.db.pool())
        .await?
        .into_iter()
        .map(|p| AdminProductRow {
            id: p.id,
            name: p.name,
            slug: p.slug,
            category: p.category,
            price_minor: p.price_minor,
            stock: p.stock,
            status: p.status,
        })
        .collect())
}

#[server(endpoint = "admin/product", input = server_fn::codec::GetUrl)]
pub async fn get_admin_product(id: i64) -> Result<AdminProduct, ShopError> {
    context::require_staff().await?;
    catalog::admin_product(&context::state()?, id).await
}

/// Creates (`id` absent) or updates a product; a new product goes to its edit page.
#[server(endpoint = "admin/save-product")]
pub async fn save_product(id: Option<i64>, form: ProductForm) -> Result<i64, ShopError> {
    context::require_staff().await?;
    let state = context::state()?;
    let flash_name = id
        .map(|id| format!("product-{id}"))
        .unwrap_or_else(|| "product-new".into());
    let parsed = form
        .parse()
        .map_err(|fields| ShopError::Invalid { fields })
        .and_then(|(fields, tiers)| {
            let stock = match id {
                None => Some(
                    form.opening_stock()
                        .map_err(|e| ShopError::Invalid { fields: vec![e] })?,
                ),
                Some(_) => None,
            };
            Ok((fields, tiers, stock))
        });
    let result = match parsed {
        Ok((fields, tiers, stock)) => {
            catalog::save_product(&state, id, &fields, &tiers, stock).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(saved) => {
            if id.is_none() {
                crate::backend::redirect::redirect(
                    &crate::domain::redirect::SafePath::fixed("/admin/products")
                        .child(&saved.to_string()),
                );
            }
            Ok(saved)
        }
        Err(error) => {
            flash::keep(&flash_name, &form).await?;
            Err(error)
        }
    }
}

/// Archives a product (hidden from the shop, kept for orders) or makes it active again.
#[server(endpoint = "admin/product-status")]
pub async fn set_product_status(id: i64, status: String) -> Result<(), ShopError> {
    context::require_staff().await?;
    catalog::set_status(&context::state()?, id, &status).await
}

/// Changes stock by a signed amount with a reason (logged with the staff member); refuses to
/// go below zero. Returns the new stock.
#[server(endpoint = "admin/adjust-stock")]
pub async fn adjust_stock(id: i64, delta: String, reason: String) -> Result<i64, ShopError> {
    let staff = context::require_staff().await?;
    let (delta, reason) = crate::domain::product_form::parse_stock_change(&delta, &reason)
        .map_err(|fields| ShopError::Invalid { fields })?;
    catalog::adjust_stock(&context::state()?, id, delta, &reason, Some(staff.id)).await
}
