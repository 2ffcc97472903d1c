//! The cart's rules: how many of a product one line may hold, and what a line costs at its
//! quantity (the tier price, and what the tier saves against the single-unit price).

use super::{limits, money::Money, pricing::Tier};
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// The most units of one product a cart line may hold.
pub const QUANTITY_MAX: i64 = limits::STOCK_MAX;

/// The most lines one cart may hold.
pub const LINES_MAX: usize = 50;

/// The longest group key a request may name (a wall's key is far shorter).
pub const GROUP_KEY_MAX: usize = 64;

/// The key shared by the lines of a wall added from the configurator: its shape in cabinets
/// and a random part, so two walls of the same shape stay two groups.
pub fn wall_group_key(cols: u32, rows: u32, nonce: &str) -> String {
    format!("wall-{cols}x{rows}-{nonce}")
}

/// The shape (columns, rows) of a wall from its group key.
pub fn wall_shape(key: &str) -> Option<(i64, i64)> {
    let shape = key.strip_prefix("wall-")?.split('-').next()?;
    let (cols, rows) = shape.split_once('x')?;
    Some((cols.parse().ok()?, rows.parse().ok()?))
}

/// A quantity typed into a form: a whole number from 1 to [`QUANTITY_MAX`].
pub fn parse_quantity(text: &str) -> Result<i64, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    if text.chars().count() > limits::NUMBER {
        return Err(Problem::TooLong {
            max: limits::NUMBER,
        });
    }
    let range = Problem::OutOfRange {
        min: 1,
        max: QUANTITY_MAX,
    };
    match super::product_form::whole_number(text) {
        Some(q) if (1..=QUANTITY_MAX).contains(&q) => Ok(q),
        Some(_) => Err(range),
        None if text
            .trim_start_matches(['+', '-'])
            .bytes()
            .all(|b| b.is_ascii_digit()) =>
        {
            Err(range)
        }
        None => Err(Problem::WholeNumber),
    }
}

/// What a line of `quantity` units costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinePrice {
    /// The unit price of the tier the quantity reaches.
    pub unit: Money,
    pub total: Money,
    /// What the tier saves against buying the units one at a time, when it saves anything.
    pub saving: Option<Money>,
}

/// The price of `quantity` units with these tiers; `None` without a tier for one unit, or on
/// overflow.
pub fn price_line(tiers: &[Tier], quantity: i64) -> Option<LinePrice> {
    let tier = super::pricing::tier_for(tiers, quantity)?;
    let single = super::pricing::tier_for(tiers, 1)?;
    let total = tier.unit_price.times(quantity)?;
    let at_single = single.unit_price.times(quantity)?;
    let saving = Money::new(at_single.minor.checked_sub(total.minor)?, total.currency);
    Some(LinePrice {
        unit: tier.unit_price,
        total,
        saving: (saving.minor > 0).then_some(saving),
    })
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
                unit_price: usd(100_000),
            },
            Tier {
                min_qty: 10,
                unit_price: usd(94_000),
            },
        ]
    }

    #[test]
    fn quantities_are_whole_numbers_from_one() {
        assert_eq!(parse_quantity(" 3 "), Ok(3));
        assert_eq!(parse_quantity("+3"), Ok(3));
        assert_eq!(parse_quantity(""), Err(Problem::Required));
        assert_eq!(parse_quantity("2.5"), Err(Problem::WholeNumber));
        assert_eq!(parse_quantity("lots"), Err(Problem::WholeNumber));
        let range = Err(Problem::OutOfRange {
            min: 1,
            max: QUANTITY_MAX,
        });
        assert_eq!(parse_quantity("0"), range);
        assert_eq!(parse_quantity("-1"), range);
        assert_eq!(parse_quantity("1000000000000"), range);
    }

    #[test]
    fn a_wall_group_key_keeps_its_shape() {
        let key = wall_group_key(4, 3, "ab12");
        assert_eq!(key, "wall-4x3-ab12");
        assert_eq!(wall_shape(&key), Some((4, 3)));
        assert_eq!(wall_shape("wall-x-1"), None);
        assert_eq!(wall_shape(""), None);
        assert!(key.len() <= GROUP_KEY_MAX);
    }

    #[test]
    fn a_line_costs_its_tier_and_shows_the_saving() {
        let one = price_line(&tiers(), 1).unwrap();
        assert_eq!(
            (one.unit, one.total, one.saving),
            (usd(100_000), usd(100_000), None)
        );
        let ten = price_line(&tiers(), 10).unwrap();
        assert_eq!(ten.unit, usd(94_000));
        assert_eq!(ten.total, usd(940_000));
        assert_eq!(ten.saving, Some(usd(60_000)));
        assert_eq!(price_line(&tiers(), i64::MAX), None);
        assert_eq!(price_line(&[], 1), None);
    }
}
