//! Money as integer minor units (cents) with a currency: never floating point.

use crate::i18n::{Key, Lang};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

super::stored::stored_enum! {
    /// The currencies a shop can sell in (`shop.currency`; one per shop, every price in it).
    #[derive(Serialize, Deserialize)]
    pub enum Currency: code {
        Usd = "USD",
        Eur = "EUR",
        Gbp = "GBP",
        Cny = "CNY",
        Hkd = "HKD",
    }
}

impl Currency {
    pub fn from_code(code: &str) -> Option<Currency> {
        let code = code.trim().to_ascii_uppercase();
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }

    /// How many minor units make one major unit (cents per dollar; 100 for each currency
    /// offered).
    pub fn minor_per_major(self) -> i64 {
        100
    }

    /// The currency's name in a sentence ("All prices in …").
    pub fn name(self) -> Key {
        match self {
            Currency::Usd => Key::CurrencyUsd,
            Currency::Eur => Key::CurrencyEur,
            Currency::Gbp => Key::CurrencyGbp,
            Currency::Cny => Key::CurrencyCny,
            Currency::Hkd => Key::CurrencyHkd,
        }
    }

    /// The symbol before an amount; where a symbol is shared, the reader's language decides
    /// whether it needs its country (a Chinese reader's ¥ is the yuan, their $ is not).
    fn symbol(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Currency::Usd, Lang::En) => "$",
            (Currency::Usd, Lang::Zh) => "US$",
            (Currency::Eur, _) => "€",
            (Currency::Gbp, _) => "£",
            (Currency::Cny, Lang::En) => "CN¥",
            (Currency::Cny, Lang::Zh) => "¥",
            (Currency::Hkd, _) => "HK$",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// `self * quantity`, or `None` on overflow.
    pub fn times(self, quantity: i64) -> Option<Money> {
        self.minor
            .checked_mul(quantity)
            .map(|minor| Money::new(minor, self.currency))
    }

    /// The sum of two amounts in the same currency; `None` on overflow or mixed currencies.
    pub fn plus(self, other: Money) -> Option<Money> {
        if self.currency != other.currency {
            return None;
        }
        self.minor
            .checked_add(other.minor)
            .map(|minor| Money::new(minor, self.currency))
    }

    /// The sum of amounts in one currency; `None` for none at all, on overflow or mixed
    /// currencies.
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        let mut amounts = amounts.into_iter();
        let first = amounts.next()?;
        amounts.try_fold(first, Money::plus)
    }

    /// The amount as a plain decimal in major units, e.g. `1234.50` (for machine-readable
    /// data such as schema.org offers).
    pub fn decimal(self) -> String {
        let per = self.currency.minor_per_major().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", abs / per, abs % per)
    }

    /// Formats for display, e.g. `$12,345.60` (English) or `US$12,345.60` (Chinese).
    pub fn format(self, lang: Lang) -> String {
        let per = self.currency.minor_per_major();
        let abs = self.minor.unsigned_abs();
        let major = abs / per as u64;
        let minor = abs % per as u64;
        let digits = major.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let mut out = String::new();
        if self.minor < 0 {
            out.push('-');
        }
        out.push_str(self.currency.symbol(lang));
        out.push_str(&grouped);
        let _ = write!(out, ".{minor:02}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::Usd)
    }

    #[test]
    fn a_sum_is_of_one_currency_and_not_of_nothing() {
        assert_eq!(Money::sum([usd(100), usd(250)]), Some(usd(350)));
        assert_eq!(Money::sum([]), None);
        assert_eq!(Money::sum([usd(1), Money::new(1, Currency::Eur)]), None);
        assert_eq!(Money::sum([usd(i64::MAX), usd(1)]), None);
    }

    #[test]
    fn formats_with_grouping_and_cents() {
        assert_eq!(usd(0).format(Lang::En), "$0.00");
        assert_eq!(usd(5).format(Lang::En), "$0.05");
        assert_eq!(usd(123_456).format(Lang::En), "$1,234.56");
        assert_eq!(usd(100_000_000).format(Lang::En), "$1,000,000.00");
        assert_eq!(usd(99_900).format(Lang::Zh), "US$999.00");
        assert_eq!(usd(-1_050).format(Lang::En), "-$10.50");
        let eur = Money::new(123_456, Currency::Eur);
        assert_eq!(eur.format(Lang::En), "€1,234.56");
        assert_eq!(
            Money::new(99_900, Currency::Cny).format(Lang::Zh),
            "¥999.00"
        );
        assert_eq!(
            Money::new(99_900, Currency::Cny).format(Lang::En),
            "CN¥999.00"
        );
        assert_eq!(
            usd(i64::MIN).format(Lang::En),
            "-$92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn decimals_for_machines() {
        assert_eq!(usd(123_450).decimal(), "1234.50");
        assert_eq!(usd(5).decimal(), "0.05");
        assert_eq!(usd(-1_050).decimal(), "-10.50");
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(usd(250).times(4), Some(usd(1_000)));
        assert_eq!(usd(i64::MAX).times(2), None);
        assert_eq!(usd(1).plus(usd(2)), Some(usd(3)));
        assert_eq!(usd(i64::MAX).plus(usd(1)), None);
    }

    #[test]
    fn parses_currency_codes() {
        assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
        assert_eq!(Currency::from_code(" eur"), Some(Currency::Eur));
        assert_eq!(Currency::from_code("XYZ"), None);
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
    }
}
