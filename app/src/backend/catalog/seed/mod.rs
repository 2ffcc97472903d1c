//! The seed catalog: invented brands and models with plausible specifications, loaded when a
//! shop starts with an empty catalog. Generated from a few product series, so each product's
//! numbers stay consistent with one another (a finer pitch means more pixels per cabinet).

mod build;
mod cabinets;
mod parts;

use crate::backend::{
    AppState,
    catalog::manage::save_product,
    db::products::{self, ProductFields},
};
use crate::{domain::pricing::Tier, error::ShopResult};

/// The seed products: (fields, price tiers, stock).
pub fn seed_products() -> Vec<(ProductFields, Vec<Tier>, i64)> {
    let mut all = cabinets::cabinets();
    all.extend(parts::parts());
    all
}

/// Loads the seed catalog into an empty shop; returns how many products were added (0 when
/// the catalog already has products).
pub async fn seed_if_empty(state: &AppState) -> ShopResult<usize> {
    if products::count(state.db.pool()).await? > 0 {
        return Ok(0);
    }
    // The demo prices are numbers; they are loaded in the shop's own currency.
    let currency = state.settings.currency;
    let mut seed = seed_products();
    for (fields, tiers, stock) in &mut seed {
        fields.price.currency = currency;
        for tier in tiers.iter_mut() {
            tier.unit_price.currency = currency;
        }
        save_product(state, None, fields, tiers, Some(*stock)).await?;
    }
    tracing::info!(products = seed.len(), "seed catalog loaded");
    Ok(seed.len())
}

#[cfg(test)]
mod tests {
    use super::build::slugify;
    use super::*;
    use crate::domain::category::Category;
    use crate::domain::pricing::validate_tiers;

    #[test]
    fn the_seed_catalog_is_large_consistent_and_unique() {
        let seed = seed_products();
        assert!(seed.len() >= 40, "only {} products", seed.len());
        let mut slugs: Vec<_> = seed.iter().map(|(f, _, _)| f.slug.clone()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), seed.len(), "duplicate slugs");
        for category in Category::ALL {
            assert!(
                seed.iter().any(|(f, _, _)| f.category == category),
                "{category:?} is empty"
            );
        }
        for (f, tiers, _) in &seed {
            assert_eq!(
                validate_tiers(tiers).as_deref(),
                Ok(tiers.as_slice()),
                "{}",
                f.slug
            );
            assert_eq!(tiers[0].unit_price, f.price);
            if let Some(cab) = f.specs.cabinet() {
                // Pixels per cabinet follow from size and pitch.
                let exact = f64::from(cab.width_mm) * 1000.0 / f64::from(cab.pitch_um);
                assert!((f64::from(cab.px_w) - exact).abs() <= 0.5, "{}", f.slug);
            }
        }
        assert_eq!(slugify("Solara FX P6.67"), "solara-fx-p6-67");
    }
}
