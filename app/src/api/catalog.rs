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
    backend::{catalog, request::context},
    domain::catalog::CompareList,
    i18n::current_request_lang,
};

#[server(endpoint = "catalog/list", input = server_fn::codec::GetUrl)]
pub async fn list_products(query: CatalogQuery) -> Result<CatalogPage, ShopError> {
    catalog::browse::list_page(&context::state()?, &query, current_request_lang()).await
}

#[server(endpoint = "catalog/product", input = server_fn::codec::GetUrl)]
pub async fn get_product(slug: String) -> Result<ProductDetail, ShopError> {
    catalog::browse::detail(&context::state()?, &slug, current_request_lang()).await
}

/// Up to eight product names for the words typed so far: (address slug, name).
#[server(endpoint = "catalog/suggest", input = server_fn::codec::GetUrl)]
pub async fn suggest(q: String) -> Result<Vec<(String, String)>, ShopError> {
    catalog::browse::suggest(&context::state()?, &q).await
}

/// The comparison list this request carries in its cookie.
#[cfg(feature = "ssr")]
fn compare_list() -> CompareList {
    with_context::<axum::http::request::Parts, _>(|parts| {
        crate::cookies::get(&parts.headers, crate::cookies::COMPARE)
    })
    .flatten()
    .map(|value| CompareList::parse(&value))
    .unwrap_or_default()
}

/// The products on the comparison list, with their specifications and tiers.
#[server(endpoint = "catalog/compare", input = server_fn::codec::GetUrl)]
pub async fn compared_products() -> Result<Vec<ProductDetail>, ShopError> {
    catalog::browse::compared(
        &context::state()?,
        compare_list().ids(),
        current_request_lang(),
    )
    .await
}

/// The ids on the comparison list. The cookie is `HttpOnly` and product pages are kept for
/// every visitor, so a hydrated page asks for it to show whether its product is on the list.
#[server(endpoint = "catalog/compare-ids", input = server_fn::codec::GetUrl)]
pub async fn compare_ids() -> Result<Vec<ProductId>, ShopError> {
    Ok(compare_list().ids().to_vec())
}

/// Adds a product to the comparison list, or takes it off; returns the list. The oldest is
/// dropped when a fifth is added.
#[server(endpoint = "catalog/toggle-compare")]
pub async fn toggle_compare(id: ProductId) -> Result<Vec<ProductId>, ShopError> {
    use crate::cookies;
    const MONTH: i64 = 30 * 24 * 3600;
    let state = context::state()?;
    catalog::browse::ensure_active(&state, id).await?;
    let mut list = compare_list();
    list.toggle(id);
    if let (Some(response), Some(cookie)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        cookies::set(
            cookies::COMPARE,
            &list.cookie_value(),
            Some(MONTH),
            state.settings.https,
        ),
    ) {
        response.append_header(axum::http::header::SET_COOKIE, cookie);
    }
    Ok(list.ids().to_vec())
}

/// Plans and prices a wall of one cabinet product, on the server (the browser's own numbers
/// are never trusted).
#[server(endpoint = "catalog/quote-wall", input = server_fn::codec::GetUrl)]
pub async fn quote_wall(slug: String, request: WallRequest) -> Result<WallQuote, ShopError> {
    catalog::browse::quote_wall(&context::state()?, &slug, request, current_request_lang()).await
}

#[server(endpoint = "catalog/cabinets", input = server_fn::codec::GetUrl)]
pub async fn configurator_cabinets() -> Result<Vec<CabinetOption>, ShopError> {
    catalog::browse::cabinet_options(&context::state()?, current_request_lang()).await
}
