//! Wholesale price tiers: the unit price falls as the quantity ordered reaches each tier's
//! minimum (for example 1–9, 10–49, 50+ units).

use super::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    /// The smallest quantity this price applies to.
    pub min_qty: i64,
    /// Price of one unit.
    pub unit_price: Money,
}

/// The tier that applies to `qty`: the one with the largest minimum not above it. `None` for a
/// quantity below 1 or a product without a tier starting at 1 or below.
pub fn tier_for(tiers: &[Tier], qty: i64) -> Option<Tier> {
    if qty < 1 {
        return None;
    }
    tiers
        .iter()
        .filter(|t| t.min_qty <= qty)
        .max_by_key(|t| t.min_qty)
        .copied()
}

/// `qty × unit price` of the applicable tier, or `None` (no tier, or overflow).
pub fn line_total(tiers: &[Tier], qty: i64) -> Option<Money> {
    tier_for(tiers, qty)?.unit_price.times(qty)
}

/// Problems with a set of tiers entered by staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TierProblem {
    /// There must be a tier for a single unit.
    NoSingleUnitTier,
    DuplicateMinimum,
    NonPositivePrice,
    /// A larger quantity must never cost more per unit.
    PriceRisesWithQuantity,
    /// All tiers of a product are in one currency.
    MixedCurrencies,
}

/// Checks tiers: one starting at 1, distinct minimums, positive prices that never rise with
/// quantity. Returns the tiers sorted by minimum.
pub fn validate_tiers(tiers: &[Tier]) -> Result<Vec<Tier>, TierProblem> {
    let mut sorted = tiers.to_vec();
    sorted.sort_by_key(|t| t.min_qty);
    if sorted.first().map(|t| t.min_qty) != Some(1) {
        return Err(TierProblem::NoSingleUnitTier);
    }
    for pair in sorted.windows(2) {
        if pair[0].min_qty == pair[1].min_qty {
            return Err(TierProblem::DuplicateMinimum);
        }
        if pair[1].unit_price.currency != pair[0].unit_price.currency {
            return Err(TierProblem::MixedCurrencies);
        }
        if pair[1].unit_price.minor > pair[0].unit_price.minor {
            return Err(TierProblem::PriceRisesWithQuantity);
        }
    }
    if sorted.iter().any(|t| t.unit_price.minor <= 0) {
        return Err(TierProblem::NonPositivePrice);
    }
    Ok(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::Usd)
    }

    fn tiers() -> Vec<Tier> {
        vec![
            Tier {
                min_qty: 1,
                unit_price: usd(120_000),
            },
            Tier {
                min_qty: 10,
                unit_price: usd(110_000),
            },
            Tier {
                min_qty: 50,
                unit_price: usd(98_000),
            },
        ]
    }

    #[test]
    fn the_largest_reached_tier_applies() {
        let t = tiers();
        assert_eq!(tier_for(&t, 1).unwrap().unit_price.minor, 120_000);
        assert_eq!(tier_for(&t, 9).unwrap().unit_price.minor, 120_000);
        assert_eq!(tier_for(&t, 10).unwrap().unit_price.minor, 110_000);
        assert_eq!(tier_for(&t, 49).unwrap().unit_price.minor, 110_000);
        assert_eq!(tier_for(&t, 50).unwrap().unit_price.minor, 98_000);
        assert_eq!(tier_for(&t, 5000).unwrap().unit_price.minor, 98_000);
        assert_eq!(tier_for(&t, 0), None);
        assert_eq!(tier_for(&t, -3), None);
    }

    #[test]
    fn totals_multiply_the_tier_price() {
        assert_eq!(line_total(&tiers(), 12), Some(usd(1_320_000)));
        assert_eq!(line_total(&tiers(), i64::MAX), None);
    }

    #[test]
    fn staff_tiers_are_checked() {
        let mut t = tiers();
        t.reverse();
        assert_eq!(validate_tiers(&t).unwrap(), tiers());
        assert_eq!(
            validate_tiers(&tiers()[1..]),
            Err(TierProblem::NoSingleUnitTier)
        );
        let rising = [
            Tier {
                min_qty: 1,
                unit_price: usd(100),
            },
            Tier {
                min_qty: 10,
                unit_price: usd(200),
            },
        ];
        assert_eq!(
            validate_tiers(&rising),
            Err(TierProblem::PriceRisesWithQuantity)
        );
        let dup = [
            Tier {
                min_qty: 1,
                unit_price: usd(100),
            },
            Tier {
                min_qty: 1,
                unit_price: usd(90),
            },
        ];
        assert_eq!(validate_tiers(&dup), Err(TierProblem::DuplicateMinimum));
        assert_eq!(
            validate_tiers(&[Tier {
                min_qty: 1,
                unit_price: usd(0)
            }]),
            Err(TierProblem::NonPositivePrice)
        );
    }
}
