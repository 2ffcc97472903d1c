//! Delivery by express companies. Each carrier has a rate table: by destination zone, a
//! base price, a price per started kilogram of parcel weight, a weight limit and a delivery
//! estimate in days. Rates are in minor units of the shop's currency. The carriers are
//! invented; a real one is another entry here plus its handoff (`backend/orders/handoff.rs, backend/outside/carriers.rs`).

use super::money::{Currency, Money};
use serde::{Deserialize, Serialize};

super::stored::stored_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum CarrierId: code, from_code {
        /// Fast and dear, parcels up to 70 kg.
        Swiftwing = "swiftwing",
        /// The middle road, up to 300 kg.
        Kestrel = "kestrel",
        /// Freight by sea and road: slow, cheap per kilogram, any weight.
        Harborline = "harborline",
    }
}

/// Where a parcel goes, as carriers price it (the shop ships from Shenzhen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Mainland China, Hong Kong, Macau.
    Home,
    /// The rest of East and South-East Asia, Australia and New Zealand.
    Asia,
    Europe,
    Americas,
    /// Everywhere else.
    World,
}

impl Zone {
    pub fn of(country: &str) -> Zone {
        match country {
            "CN" | "HK" | "MO" => Zone::Home,
            "JP" | "KR" | "TW" | "SG" | "MY" | "TH" | "VN" | "ID" | "PH" | "AU" | "NZ" | "IN" => {
                Zone::Asia
            }
            "AT" | "BE" | "CH" | "CZ" | "DE" | "DK" | "ES" | "FI" | "FR" | "GB" | "GR" | "HU"
            | "IE" | "IT" | "NL" | "NO" | "PL" | "PT" | "RO" | "SE" => Zone::Europe,
            "US" | "CA" | "MX" | "BR" | "AR" | "CL" | "CO" | "PE" => Zone::Americas,
            _ => Zone::World,
        }
    }

    fn index(self) -> usize {
        match self {
            Zone::Home => 0,
            Zone::Asia => 1,
            Zone::Europe => 2,
            Zone::Americas => 3,
            Zone::World => 4,
        }
    }
}

/// One row of a rate table: (base, per started kg, fastest days, slowest days).
type Rate = (i64, i64, u32, u32);

impl CarrierId {
    /// The company's name (a name, the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            CarrierId::Swiftwing => "Swiftwing Express",
            CarrierId::Kestrel => "Kestrel Courier",
            CarrierId::Harborline => "Harborline Freight",
        }
    }

    /// The heaviest parcel it takes, in grams.
    fn max_weight_g(self) -> Option<i64> {
        match self {
            CarrierId::Swiftwing => Some(70_000),
            CarrierId::Kestrel => Some(300_000),
            CarrierId::Harborline => None,
        }
    }

    /// The rate table, by zone (Home, Asia, Europe, Americas, World).
    fn rates(self) -> [Rate; 5] {
        match self {
            CarrierId::Swiftwing => [
                (1_500, 400, 1, 2),
                (3_500, 900, 2, 4),
                (4_500, 1_200, 3, 5),
                (4_900, 1_300, 3, 6),
                (6_500, 1_600, 4, 8),
            ],
            CarrierId::Kestrel => [
                (1_000, 250, 2, 4),
                (2_500, 600, 4, 7),
                (3_000, 800, 5, 9),
                (3_200, 850, 6, 10),
                (4_500, 1_000, 7, 14),
            ],
            CarrierId::Harborline => [
                (5_000, 60, 4, 8),
                (9_000, 120, 12, 20),
                (12_000, 150, 25, 40),
                (12_000, 160, 20, 35),
                (15_000, 200, 30, 50),
            ],
        }
    }

    /// What this carrier asks to take a parcel of `weight_g` to `country`, and when it
    /// arrives; `None` when the parcel is too heavy for it.
    pub fn quote(self, weight_g: i64, country: &str, currency: Currency) -> Option<DeliveryQuote> {
        if weight_g < 0 || self.max_weight_g().is_some_and(|max| weight_g > max) {
            return None;
        }
        let (base, per_kg, days_min, days_max) = self.rates()[Zone::of(country).index()];
        let kg = (weight_g + 999) / 1000;
        let price = per_kg.checked_mul(kg.max(1))?.checked_add(base)?;
        Some(DeliveryQuote {
            carrier: self,
            price: Money::new(price, currency),
            days_min,
            days_max,
        })
    }
}

/// A carrier's offer for one parcel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryQuote {
    pub carrier: CarrierId,
    pub price: Money,
    pub days_min: u32,
    pub days_max: u32,
}

/// Every carrier's offer for a parcel, cheapest first.
pub fn quotes(weight_g: i64, country: &str, currency: Currency) -> Vec<DeliveryQuote> {
    let mut quotes: Vec<DeliveryQuote> = CarrierId::ALL
        .into_iter()
        .filter_map(|c| c.quote(weight_g, country, currency))
        .collect();
    quotes.sort_by_key(|q| q.price.minor);
    quotes
}

/// The fields of an order the carrier receives at handoff, and nothing else (promise P3):
/// recorded in the disclosure ledger with the same names.
pub const HANDOFF_FIELDS: &[&str] = &[
    "recipient_name",
    "recipient_phone",
    "address",
    "parcel_weight",
    "parcel_count",
];

/// What the carrier receives: [`HANDOFF_FIELDS`], nothing else of the order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handoff {
    pub recipient_name: String,
    pub recipient_phone: String,
    /// The postal address on one line.
    pub address: String,
    pub parcel_weight: i64,
    pub parcel_count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carrier_receives_exactly_the_listed_fields() {
        let handoff = Handoff {
            recipient_name: "Mei Lin".into(),
            recipient_phone: "+86 1".into(),
            address: "1 Road, Kowloon, HK".into(),
            parcel_weight: 8_000,
            parcel_count: 1,
        };
        let value = serde_json::to_value(&handoff).unwrap();
        let mut sent: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        sent.sort();
        let mut listed = HANDOFF_FIELDS.to_vec();
        listed.sort();
        assert_eq!(sent, listed);
    }

    #[test]
    fn rates_grow_with_weight_and_distance() {
        let usd = Currency::Usd;
        let near = CarrierId::Kestrel.quote(8_000, "HK", usd).unwrap();
        let far = CarrierId::Kestrel.quote(8_000, "DE", usd).unwrap();
        let heavy = CarrierId::Kestrel.quote(80_000, "DE", usd).unwrap();
        assert!(near.price.minor < far.price.minor);
        assert!(far.price.minor < heavy.price.minor);
        // 8 kg to Europe: base 30.00 + 8 × 8.00.
        assert_eq!(far.price.minor, 3_000 + 8 * 800);
        // A started kilogram counts whole.
        assert_eq!(
            CarrierId::Kestrel
                .quote(8_001, "DE", usd)
                .unwrap()
                .price
                .minor,
            3_000 + 9 * 800
        );
    }

    #[test]
    fn heavy_parcels_go_by_freight_only() {
        let quotes = quotes(500_000, "US", Currency::Usd);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].carrier, CarrierId::Harborline);
        assert_eq!(super::quotes(10_000, "US", Currency::Usd).len(), 3);
        assert!(
            CarrierId::Swiftwing
                .quote(-1, "US", Currency::Usd)
                .is_none()
        );
    }

    #[test]
    fn unknown_codes_are_not_carriers() {
        assert_eq!(CarrierId::from_code("kestrel"), Some(CarrierId::Kestrel));
        assert_eq!(CarrierId::from_code("dhl"), None);
    }
}
