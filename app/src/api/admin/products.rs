//! Staff: the product list, creating and editing products (specifications and price tiers),
//! archiving, and stock changes with a reason. Picture uploads are a plain multipart route
//! (`POST /admin/products/{id}/image`, see the server crate), so they work without JavaScript.

use crate::domain::{catalog::ProductStatus, ids::ProductId, stored::Choice};

use crate::{
    domain::product_form::ProductForm,
    error::ShopError,
    model::admin::{AdminProduct, AdminProductRow},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{catalog, request::context, request::flash, request::redirect::redirect},
    domain::redirect::SafePath,
};

#[server(endpoint = "admin/products", input = server_fn::codec::GetUrl)]
pub async fn list_admin_products() -> Result<Vec<AdminProductRow>, ShopError> {
    context::require_staff().await?;
    catalog::manage::admin_products(&context::state()?).await
}

#[server(endpoint = "admin/product", input = server_fn::codec::GetUrl)]
pub async fn get_admin_product(id: ProductId) -> Result<AdminProduct, ShopError> {
    context::require_staff().await?;
    catalog::manage::admin_product(&context::state()?, id).await
}

/// Creates (`id` absent) or updates a product; a new product goes to its edit page.
#[server(endpoint = "admin/save-product")]
pub async fn save_product(
    id: Option<ProductId>,
    form: ProductForm,
) -> Result<ProductId, ShopError> {
    context::require_staff().await?;
    match catalog::manage::save_product_form(&context::state()?, id, &form).await {
        Ok(saved) => {
            if id.is_none() {
                redirect(&SafePath::fixed("/admin/products").child(&saved.to_string()));
            }
            Ok(saved)
        }
        Err(error) => {
            let flash_name = id
                .map(|id| format!("product-{id}"))
                .unwrap_or_else(|| "product-new".into());
            flash::keep(&flash_name, &form).await?;
            Err(error)
        }
    }
}

/// Archives a product (hidden from the shop, kept for orders) or makes it active again.
#[server(endpoint = "admin/product-status")]
pub async fn set_product_status(
    id: ProductId,
    status: Choice<ProductStatus>,
) -> Result<(), ShopError> {
    context::require_staff().await?;
    let status = status.or_invalid("status", crate::error::Problem::Invalid)?;
    catalog::manage::set_status(&context::state()?, id, status).await
}

/// Changes stock by a signed amount with a reason (logged with the staff member); refuses to
/// go below zero. Returns the new stock.
#[server(endpoint = "admin/adjust-stock")]
pub async fn adjust_stock(id: ProductId, delta: String, reason: String) -> Result<i64, ShopError> {
    let staff = context::require_staff().await?;
    catalog::manage::change_stock(&context::state()?, &staff, id, &delta, &reason).await
}
