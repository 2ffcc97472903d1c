//! Tax by destination country: a rate table from the configuration (`tax.rates`), the rate
//! in basis points (1/100 of a percent) so that 8.25 % is exact. An order keeps the rate it
//! used.

use super::money::Money;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaxTable {
    by_country: BTreeMap<String, u32>,
    /// For countries the table does not name.
    other: u32,
}

impl TaxTable {
    /// Reads `"DE=19, GB=20, US=0, *=0"`: a country code (or `*` for every other country)
    /// and a percentage with at most two decimals, from 0 to 100.
    pub fn parse(text: &str) -> Result<TaxTable, String> {
        let mut table = TaxTable::default();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (code, rate) = entry
                .split_once('=')
                .ok_or_else(|| format!("{entry:?} is not COUNTRY=PERCENT"))?;
            let code = code.trim().to_ascii_uppercase();
            let rate = percent_to_bp(rate.trim())
                .ok_or_else(|| format!("{entry:?}: the rate is not a percentage from 0 to 100"))?;
            if code == "*" {
                table.other = rate;
            } else if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                if table.by_country.insert(code.clone(), rate).is_some() {
                    return Err(format!("{code} is listed twice"));
                }
            } else {
                return Err(format!("{code:?} is not a two-letter country code or *"));
            }
        }
        Ok(table)
    }

    /// The rate for a destination, in basis points.
    pub fn rate_bp(&self, country: &str) -> u32 {
        self.by_country.get(country).copied().unwrap_or(self.other)
    }
}

fn percent_to_bp(text: &str) -> Option<u32> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !(whole.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    let bp = whole.checked_mul(100)?.checked_add(frac)?;
    (bp <= 10_000).then_some(bp)
}

/// The tax on `base` at `rate_bp`, rounded half up to the minor unit.
pub fn tax_on(base: Money, rate_bp: u32) -> Option<Money> {
    let scaled = i128::from(base.minor) * i128::from(rate_bp);
    let minor = (scaled + 5_000).div_euclid(10_000);
    Some(Money::new(i64::try_from(minor).ok()?, base.currency))
}

/// "19 %", "8.25 %".
pub fn rate_text(rate_bp: u32) -> String {
    let frac = format!("{:02}", rate_bp % 100);
    match frac.trim_end_matches('0') {
        "" => format!("{} %", rate_bp / 100),
        frac => format!("{}.{frac} %", rate_bp / 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    #[test]
    fn the_table_reads_countries_and_a_default() {
        let t = TaxTable::parse("DE=19, gb=20, US=8.25, *=5").unwrap();
        assert_eq!(t.rate_bp("DE"), 1900);
        assert_eq!(t.rate_bp("GB"), 2000);
        assert_eq!(t.rate_bp("US"), 825);
        assert_eq!(t.rate_bp("FR"), 500);
        assert_eq!(TaxTable::parse("").unwrap().rate_bp("DE"), 0);
        for bad in [
            "DE",
            "DE=x",
            "DE=101",
            "DE=1.234",
            "DEU=5",
            "DE=5,DE=6",
            "DE=-1",
        ] {
            assert!(TaxTable::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tax_rounds_half_up_to_the_cent() {
        let usd = |m| Money::new(m, Currency::Usd);
        assert_eq!(tax_on(usd(10_000), 1900), Some(usd(1_900)));
        // 8.25 % of 12.34 = 1.01805 → 1.02
        assert_eq!(tax_on(usd(1_234), 825), Some(usd(102)));
        // 5 % of 0.10 = 0.005 → 0.01
        assert_eq!(tax_on(usd(10), 500), Some(usd(1)));
        assert_eq!(tax_on(usd(10), 0), Some(usd(0)));
        assert_eq!(rate_text(1900), "19 %");
        assert_eq!(rate_text(825), "8.25 %");
        assert_eq!(rate_text(850), "8.5 %");
    }
}
