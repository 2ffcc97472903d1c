//! The catalog as shoppers see it: listings with facets, search with its typo correction,
//! product pages, the comparison and the configurator's server side.

use crate::domain::ids::{ImageId, ProductId};
use std::sync::Arc;

use crate::backend::{
    AppState,
    db::{
        catalog_search,
        products::{self, ProductRow},
        reviews,
    },
};
use crate::{
    domain::{
        catalog::{CatalogQuery, PAGE_SIZE, ProductStatus, Specs, correct_search, search_terms},
        limits,
        money::Money,
        review::average_tenths,
    },
    error::{ShopError, ShopResult},
    i18n::Lang,
    model::catalog::{CabinetOption, CatalogPage, ProductCard, ProductDetail, WallQuote},
};

fn u(v: Option<i64>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

pub fn image_url(row: &ProductRow) -> String {
    match row.image_id {
        Some(id) => format!("/media/products/{id}"),
        None => row.category.image(),
    }
}

pub fn card(row: &ProductRow, lang: Lang) -> ProductCard {
    ProductCard {
        id: row.id,
        slug: row.slug.clone(),
        name: row.name.clone(),
        brand: row.brand.clone(),
        category: row.category,
        summary: match lang {
            Lang::En => row.summary_en.clone(),
            Lang::Zh => row.summary_zh.clone(),
        },
        pitch_um: u(row.pixel_pitch_um),
        brightness_nits: u(row.brightness_nits),
        ip_front: row.ip_front.clone(),
        price: row.price(),
        stock: row.stock,
        image: image_url(row),
        review_count: 0,
        rating_tenths: 0,
    }
}

/// The cards with their ratings: how many reviews are shown and their average.
async fn rated(state: &AppState, mut cards: Vec<ProductCard>) -> ShopResult<Vec<ProductCard>> {
    let ids: Vec<ProductId> = cards.iter().map(|c| c.id).collect();
    for (id, count, sum) in reviews::ratings(state.db.pool(), &ids).await? {
        for card in cards.iter_mut().filter(|c| c.id == id) {
            card.review_count = count;
            card.rating_tenths = average_tenths(sum, count);
        }
    }
    Ok(cards)
}

pub fn specs(row: &ProductRow) -> Specs {
    Specs {
        pitch_um: u(row.pixel_pitch_um),
        brightness_nits: u(row.brightness_nits),
        ip_front: row.ip_front.clone(),
        ip_back: row.ip_back.clone(),
        refresh_hz: u(row.refresh_hz),
        cabinet_width_mm: u(row.cabinet_width_mm),
        cabinet_height_mm: u(row.cabinet_height_mm),
        cabinet_depth_mm: u(row.cabinet_depth_mm),
        cabinet_px_w: u(row.cabinet_px_w),
        cabinet_px_h: u(row.cabinet_px_h),
        cabinet_weight_g: u(row.cabinet_weight_g),
        power_max_w: u(row.power_max_w),
        power_typical_w: u(row.power_typical_w),
        viewing_angle_h: u(row.viewing_angle_h),
        viewing_angle_v: u(row.viewing_angle_v),
        led_type: row.led_type.clone(),
        maintenance: row.maintenance.clone(),
        temp_min_c: row.temp_min_c.and_then(|v| i32::try_from(v).ok()),
        temp_max_c: row.temp_max_c.and_then(|v| i32::try_from(v).ok()),
        controller_capacity_px: row
            .controller_capacity_px
            .and_then(|v| u64::try_from(v).ok()),
        warranty_months: u(Some(row.warranty_months)).unwrap_or(0),
        lead_time_days: u(Some(row.lead_time_days)).unwrap_or(0),
        ship_weight_g: u(Some(row.ship_weight_g)).unwrap_or(0),
        ship_length_mm: u(Some(row.ship_length_mm)).unwrap_or(0),
        ship_width_mm: u(Some(row.ship_width_mm)).unwrap_or(0),
        ship_height_mm: u(Some(row.ship_height_mm)).unwrap_or(0),
    }
}

/// The search index's words (see `memory/search_words.rs`).
async fn search_words(state: &AppState) -> ShopResult<Arc<Vec<String>>> {
    let version = state.catalog_version();
    if let Some(words) = state.search_words.at(version) {
        return Ok(words);
    }
    let words = Arc::new(catalog_search::search_vocabulary(&state.db).await?);
    state.search_words.keep(version, words.clone());
    Ok(words)
}

/// Rebuilds every product's search entry once when what the index holds has grown since
/// it was written (at start-up).
pub async fn reindex_search(state: &AppState) -> ShopResult<()> {
    if catalog_search::reindex_if_older(&state.db).await? {
        tracing::info!("search index rebuilt");
    }
    Ok(())
}

/// One page of a listing with its facet counts.
pub async fn list_page(
    state: &AppState,
    query: &CatalogQuery,
    lang: Lang,
) -> ShopResult<CatalogPage> {
    let mut query = query.clone();
    query.q = limits::cut(&query.q, limits::SEARCH).to_string();
    let (mut rows, mut total) = catalog_search::list(&state.db, &query).await?;
    // Nothing found: the same search with mistyped words spelled as the catalog spells them.
    let mut corrected = None;
    let terms = search_terms(&query.q);
    if total == 0 && !terms.is_empty() {
        let vocabulary = search_words(state).await?;
        if let Some(better) = correct_search(&terms, &vocabulary) {
            let mut retry = query.clone();
            retry.q = better.join(" ");
            let (found, count) = catalog_search::list(&state.db, &retry).await?;
            if count > 0 {
                (rows, total) = (found, count);
                corrected = Some(retry.q.clone());
                query = retry;
            }
        }
    }
    let pages =
        u32::try_from((total + i64::from(PAGE_SIZE) - 1) / i64::from(PAGE_SIZE)).unwrap_or(0);
    // A page past the end (an old link, a hand-made address) shows the last page.
    if rows.is_empty() && pages > 0 && query.page > pages {
        query.page = pages;
        rows = catalog_search::list(&state.db, &query).await?.0;
    }
    let query = &query;
    let facets = catalog_search::facets(&state.db, query).await?;
    Ok(CatalogPage {
        corrected,
        products: rated(state, rows.iter().map(|r| card(r, lang)).collect()).await?,
        total,
        page: query.page.max(1),
        pages,
        facets,
    })
}

/// A product page; archived products are not found.
pub async fn detail(state: &AppState, slug: &str, lang: Lang) -> ShopResult<ProductDetail> {
    let row = products::find_by_slug(state.db.pool(), slug)
        .await?
        .filter(|r| r.status == ProductStatus::Active)
        .ok_or(ShopError::NotFound)?;
    let tiers = products::tiers(state.db.pool(), row.id).await?;
    let related = products::related(&state.db, &row, 4).await?;
    let mut cards = rated(
        state,
        std::iter::once(&row)
            .chain(&related)
            .map(|r| card(r, lang))
            .collect(),
    )
    .await?;
    let related = cards.split_off(1);
    Ok(ProductDetail {
        card: cards.pop().ok_or(ShopError::Internal)?,
        model: row.model.clone(),
        description: match lang {
            Lang::En => row.description_en.clone(),
            Lang::Zh => row.description_zh.clone(),
        },
        specs: specs(&row),
        tiers,
        related,
    })
}

/// Plans and prices a wall of cabinets of the product `slug` (for `api::catalog::quote_wall`).
pub async fn quote_wall(
    state: &AppState,
    slug: &str,
    request: crate::domain::configurator::WallRequest,
    lang: Lang,
) -> ShopResult<WallQuote> {
    use crate::domain::{configurator, pricing};
    let row = products::find_by_slug(state.db.pool(), slug)
        .await?
        .filter(|r| r.status == ProductStatus::Active)
        .ok_or(ShopError::NotFound)?;
    let cabinet = specs(&row)
        .cabinet()
        .ok_or_else(|| ShopError::invalid("product", crate::error::Problem::Invalid))?;
    let plan = configurator::plan_wall(&cabinet, request).map_err(|e| {
        let problem = match e {
            configurator::WallError::Empty => crate::error::Problem::Required,
            configurator::WallError::TooLarge => crate::error::Problem::TooLong {
                max: configurator::MAX_CABINETS_PER_SIDE as usize,
            },
        };
        ShopError::invalid("size", problem)
    })?;
    let tiers = products::tiers(state.db.pool(), row.id).await?;
    let qty = i64::from(plan.cabinets);
    let tier = pricing::tier_for(&tiers, qty).ok_or(ShopError::Internal)?;
    let cabinets_total = pricing::line_total(&tiers, qty).ok_or(ShopError::Internal)?;
    let pixels = i64::try_from(plan.pixels).unwrap_or(i64::MAX);
    let controller = products::controllers_for(&state.db, pixels)
        .await?
        .into_iter()
        .next();
    let (controller, controller_total) = match controller {
        Some(c) => {
            let capacity = c
                .controller_capacity_px
                .and_then(|v| u64::try_from(v).ok())
                .unwrap_or(0);
            let count = configurator::controllers_needed(plan.pixels, capacity);
            let c_tiers = products::tiers(state.db.pool(), c.id).await?;
            let total = pricing::line_total(&c_tiers, count as i64).ok_or(ShopError::Internal)?;
            (Some((card(&c, lang), count)), total)
        }
        None => (None, Money::new(0, cabinets_total.currency)),
    };
    Ok(WallQuote {
        cabinet: card(&row, lang),
        plan,
        tier,
        cabinets_total,
        controller,
        controller_total,
        total: cabinets_total
            .plus(controller_total)
            .ok_or(ShopError::Internal)?,
    })
}

/// Up to eight (slug, name) pairs for the words typed so far (searches cut to their limit).
pub async fn suggest(state: &AppState, q: &str) -> ShopResult<Vec<(String, String)>> {
    Ok(catalog_search::suggest(&state.db, limits::cut(q, limits::SEARCH), 8).await?)
}

/// `NotFound` unless `id` is a product on sale.
pub async fn ensure_active(state: &AppState, id: ProductId) -> ShopResult<()> {
    products::find_by_id(state.db.pool(), id)
        .await?
        .filter(|r| r.status == ProductStatus::Active)
        .map(|_| ())
        .ok_or(ShopError::NotFound)
}

/// The products on a comparison list, with their specifications and tiers.
pub async fn compared(
    state: &AppState,
    ids: &[ProductId],
    lang: Lang,
) -> ShopResult<Vec<ProductDetail>> {
    let mut out = Vec::new();
    for row in products::active_by_ids(&state.db, ids).await? {
        let tiers = products::tiers(state.db.pool(), row.id).await?;
        out.push(ProductDetail {
            card: card(&row, lang),
            model: row.model.clone(),
            description: String::new(),
            specs: specs(&row),
            tiers,
            related: Vec::new(),
        });
    }
    Ok(out)
}

/// The cabinets the configurator offers, with the figures its maths needs.
pub async fn cabinet_options(state: &AppState, lang: Lang) -> ShopResult<Vec<CabinetOption>> {
    let mut out = Vec::new();
    for row in products::cabinets(&state.db).await? {
        if let Some(cabinet) = specs(&row).cabinet() {
            out.push(CabinetOption {
                card: card(&row, lang),
                lead_time_days: u32::try_from(row.lead_time_days).unwrap_or(0),
                cabinet,
                tiers: products::tiers(state.db.pool(), row.id).await?,
            });
        }
    }
    Ok(out)
}

/// An uploaded product picture: its content type and bytes.
pub async fn image(state: &AppState, id: ImageId) -> ShopResult<Option<(String, Vec<u8>)>> {
    Ok(products::image(state.db.pool(), id).await?)
}
