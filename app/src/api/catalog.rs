//! The catalog: listings with filters and facets, search suggestions, product pages, the
//! comparison list and the wall configurator. All reads are GET (cacheable, bookmarkable).

use crate::domain::ids::ProductId;

use crate::{
    domain::{catalog::CatalogQuery, configurator::WallRequest},
    error::ShopError,
    model::catalog::{CabinetOption, CatalogPage, ProductDetail, WallQuote},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{catalog, context},
    i18n::current_request_lang,
};

/// Most products side by side on the comparison page.
pub const MAX_COMPARE: usize = 4;
/// The cookie holding the comparison list (product ids).
pub const COMPARE_COOKIE: &str = "compare";

#[server(endpoint = "catalog/list", input = server_fn::codec::GetUrl)]
pub async fn list_products(query: CatalogQuery) -> Result<CatalogPage, ShopError> {
    catalog::list_page(&context::state()?, &query, current_request_lang()).await
}

#[server(endpoint = "catalog/product", input = server_fn::codec::GetUrl)]
pub async fn get_product(slug: String) -> Result<ProductDetail, ShopError> {
    catalog::detail(&context::state()?, &slug, current_request_lang()).await
}

/// Up to eight product names for the words typed so far: (address slug, name).
#[server(endpoint = "catalog/suggest", input = server_fn::codec::GetUrl)]
pub async fn suggest(q: String) -> Result<Vec<(String, String)>, ShopError> {
    catalog::suggest(&context::state()?, &q).await
}

/// The ids in the comparison cookie of this request.
#[cfg(feature = "ssr")]
fn compare_ids() -> Vec<ProductId> {
    use axum::http::{header::COOKIE, request::Parts};
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(name, _)| *name == COMPARE_COOKIE)
                .map(|(_, value)| {
                    value
                        .split('.')
                        .filter_map(|id| id.parse().ok())
                        .take(MAX_COMPARE)
                        .collect()
                })
        })
        .unwrap_or_default()
}

/// The products on the comparison list, with their specifications and tiers.
#[server(endpoint = "catalog/compare", input = server_fn::codec::GetUrl)]
pub async fn compared_products() -> Result<Vec<ProductDetail>, ShopError> {
    catalog::compared(&context::state()?, &compare_ids(), current_request_lang()).await
}

/// Adds a product to the comparison list, or takes it off; returns the list. The oldest is
/// dropped when a fifth is added.
#[server(endpoint = "catalog/toggle-compare")]
pub async fn toggle_compare(id: ProductId) -> Result<Vec<ProductId>, ShopError> {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    let state = context::state()?;
    catalog::ensure_active(&state, id).await?;
    let mut ids = compare_ids();
    if let Some(pos) = ids.iter().position(|x| *x == id) {
        ids.remove(pos);
    } else {
        ids.push(id);
        if ids.len() > MAX_COMPARE {
            ids.remove(0);
        }
    }
    let value: Vec<String> = ids.iter().map(ProductId::to_string).collect();
    let cookie = format!(
        "{COMPARE_COOKIE}={}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax{}",
        value.join("."),
        if state.settings.https { "; Secure" } else { "" }
    );
    if let (Some(response), Ok(cookie)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, cookie);
    }
    Ok(ids)
}

/// Plans and prices a wall of one cabinet product, on the server (the browser's own numbers
/// are never trusted).
#[server(endpoint = "catalog/quote-wall", input = server_fn::codec::GetUrl)]
pub async fn quote_wall(slug: String, request: WallRequest) -> Result<WallQuote, ShopError> {
    catalog::quote_wall(&context::state()?, &slug, request, current_request_lang()).await
}

#[server(endpoint = "catalog/cabinets", input = server_fn::codec::GetUrl)]
pub async fn configurator_cabinets() -> Result<Vec<CabinetOption>, ShopError> {
    catalog::cabinet_options(&context::state()?, current_request_lang()).await
}
