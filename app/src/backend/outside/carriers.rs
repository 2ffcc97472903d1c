//! The invented carriers (Swiftwing, Kestrel, Harborline): they answer at once and keep
//! their bookings in `sandbox_parcels`. The shop reaches them only through [`book`], with
//! the [`Handoff`] of promise P3 and nothing else; a real carrier's module would sit beside
//! this one behind the same call.

use crate::{
    backend::{AppState, db::sandbox_parcels, now, security::keys::random_token},
    domain::shipping::{CarrierId, Handoff},
    error::ShopResult,
};

/// Sends the parcel to its carrier, which books `booking_ref` once (a repeated reference
/// gets the first booking's tracking number back).
pub async fn book(
    state: &AppState,
    carrier: CarrierId,
    booking_ref: &str,
    handoff: &Handoff,
) -> ShopResult<String> {
    tracing::info!(
        carrier = carrier.code(),
        weight_g = handoff.parcel_weight,
        "parcel handed over"
    );
    Ok(sandbox_parcels::book(
        state.db.pool(),
        booking_ref,
        carrier,
        &tracking_number(carrier),
        handoff.parcel_weight,
        handoff.parcel_count,
        now(),
    )
    .await?)
}

/// A new tracking number in the carrier's style: its prefix and ten digits.
fn tracking_number(carrier: CarrierId) -> String {
    let prefix = match carrier {
        CarrierId::Swiftwing => "SW",
        CarrierId::Kestrel => "KC",
        CarrierId::Harborline => "HL",
    };
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

    #[test]
    fn tracking_numbers_look_like_the_carriers() {
        for (carrier, prefix) in [
            (CarrierId::Swiftwing, "SW"),
            (CarrierId::Kestrel, "KC"),
            (CarrierId::Harborline, "HL"),
        ] {
            let tracking = tracking_number(carrier);
            assert!(tracking.starts_with(prefix), "{tracking}");
            assert_eq!(tracking.len(), 12, "{tracking}");
            assert!(
                tracking[2..].bytes().all(|b| b.is_ascii_digit()),
                "{tracking}"
            );
        }
    }
}
