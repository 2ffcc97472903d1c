//! The catalog: listings with filters and facets, search suggestions, product pages, the
//! comparison list and the wall configurator. All reads are GET (cacheable, bookmarkable).

use crate::{
    domain::{
        catalog::{CatalogPage, CatalogQuery, ProductCard, ProductDetail},
        configurator::{WallPlan, WallRequest},
        pricing::Tier,
    },
    error::ShopError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::{
    backend::{catalog, context, db::products},
    i18n::current_request_lang,
};

/// Most products side by side on the comparison page.
pub const MAX_COMPARE: usize = 4;
/// The cookie holding the comparison list (product ids).
pub const COMPARE_COOKIE: &str = "compare";

#[server(endpoint = "catalog/list", input = server_fn::codec::GetUrl)]
pub async fn list_products(query: CatalogQuery) -> Result<CatalogPage, ShopError> {
    let mut query = query;
    query.q = crate::domain::limits::cut(&query.q, crate::domain::limits::SEARCH).to_string();
    catalog::list_page(&context::state()?, &query, current_request_lang()).await
}

#[server(endpoint = "catalog/product", input = server_fn::codec::GetUrl)]
pub async fn get_product(slug: String) -> Result<ProductDetail, ShopError> {
    catalog::detail(&context::state()?, &slug, current_request_lang()).await
}

/// Up to eight product names for the words typed so far: (address slug, name).
#[server(endpoint = "catalog/suggest", input = server_fn::codec::GetUrl)]
pub async fn suggest(q: String) -> Result<Vec<(String, String)>, ShopError> {
    let q = crate::domain::limits::cut(&q, crate::domain::limits::SEARCH);
    Ok(products::suggest(&context::state()?.db, q, 8).await?)
}

/// The ids in the comparison cookie of this request.
#[cfg(feature = "ssr")]
fn compare_ids() -> Vec<i64> {
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
    let state = context::state()?;
    let lang = current_request_lang();
    let mut out = Vec::new();
    for row in products::active_by_ids(&state.db, &compare_ids()).await? {
        let tiers = products::tiers(state.db.pool(), row.id).await?;
        out.push(ProductDetail {
            card: catalog::card(&row, lang),
            model: row.model.clone(),
            description: String::new(),
            specs: catalog::specs(&row),
            tiers,
            related: Vec::new(),
        });
    }
    Ok(out)
}

/// Adds a product to the comparison list, or takes it off; returns the list. The oldest is
/// dropped when a fifth is added.
#[server(endpoint = "catalog/toggle-compare")]
pub async fn toggle_compare(id: i64) -> Result<Vec<i64>, ShopError> {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    let state = context::state()?;
    products::find_by_id(state.db.pool(), id)
        .await?
        .filter(|r| r.status == "active")
        .ok_or(ShopError::NotFound)?;
    let mut ids = compare_ids();
    if let Some(pos) = ids.iter().position(|x| *x == id) {
        ids.remove(pos);
    } else {
        ids.push(id);
        if ids.len() > MAX_COMPARE {
            ids.remove(0);
        }
    }
    let value: Vec<String> = ids.iter().map(i64::to_string).collect();
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

/// A priced wall: the plan, the cabinets at their tier price and the controller it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallQuote {
    pub cabinet: ProductCard,
    pub plan: WallPlan,
    pub tier: Tier,
    pub cabinets_total_minor: i64,
    /// The recommended controller and how many of it.
    pub controller: Option<(ProductCard, u64)>,
    pub controller_total_minor: i64,
    pub total_minor: i64,
}

/// Plans and prices a wall of one cabinet product, on the server (the browser's own numbers
/// are never trusted).
#[server(endpoint = "catalog/quote-wall", input = server_fn::codec::GetUrl)]
pub async fn quote_wall(slug: String, request: WallRequest) -> Result<WallQuote, ShopError> {
    catalog::quote_wall(&context::state()?, &slug, request, current_request_lang()).await
}

/// A cabinet the configurator offers: its card, the figures the maths needs, its tiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CabinetOption {
    pub card: ProductCard,
    pub cabinet: crate::domain::configurator::CabinetSpec,
    pub tiers: Vec<Tier>,
}

#[server(endpoint = "catalog/cabinets", input = server_fn::codec::GetUrl)]
pub async fn configurator_cabinets() -> Result<Vec<CabinetOption>, ShopError> {
    let state = context::state()?;
    let lang = current_request_lang();
    let mut out = Vec::new();
    for row in products::cabinets(&state.db).await? {
        if let Some(cabinet) = catalog::specs(&row).cabinet() {
            out.push(CabinetOption {
                card: catalog::card(&row, lang),
                cabinet,
                tiers: products::tiers(state.db.pool(), row.id).await?,
            });
        }
    }
    Ok(out)
}
