//! Handing a parcel to the express company (promise P5): the carrier receives exactly the
//! recipient's name, telephone and address and the parcel's data ([`Handoff`], whose fields
//! are `domain/shipping.rs::HANDOFF_FIELDS`, the names the disclosure ledger records), and
//! answers with a tracking number. The built-in carriers are invented and answer at once.

use super::{db::orders::OrderRow, keys::random_token};
use crate::domain::shipping::CarrierId;
use serde::Serialize;

/// What the carrier receives: nothing else of the order leaves the shop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handoff {
    pub recipient_name: String,
    pub recipient_phone: String,
    pub address: String,
    pub parcel_weight: i64,
    pub parcel_count: i64,
}

impl Handoff {
    pub fn of(order: &OrderRow, units: i64) -> Handoff {
        let lines = [
            order.company.as_str(),
            order.line1.as_str(),
            order.line2.as_str(),
            order.postal_code.as_str(),
            order.city.as_str(),
            order.region.as_str(),
            order.country.as_str(),
        ];
        let address = lines
            .iter()
            .filter(|l| !l.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        Handoff {
            recipient_name: order.recipient_name.clone(),
            recipient_phone: order.recipient_phone.clone(),
            address,
            parcel_weight: order.parcel_weight_g,
            parcel_count: units,
        }
    }
}

/// Books the parcel with its carrier; returns the tracking number.
pub fn hand_over(carrier: CarrierId, handoff: &Handoff) -> String {
    let prefix = match carrier {
        CarrierId::Swiftwing => "SW",
        CarrierId::Kestrel => "KC",
        CarrierId::Harborline => "HL",
    };
    tracing::info!(
        carrier = carrier.code(),
        weight_g = handoff.parcel_weight,
        "parcel handed over"
    );
    let digits: String = random_token()
        .bytes()
        .filter(u8::is_ascii_digit)
        .take(10)
        .map(char::from)
        .collect();
    format!("{prefix}{digits:0>10}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shipping::HANDOFF_FIELDS;

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
        let tracking = hand_over(CarrierId::Kestrel, &handoff);
        assert!(
            tracking.starts_with("KC") && tracking.len() == 12,
            "{tracking}"
        );
    }
}
