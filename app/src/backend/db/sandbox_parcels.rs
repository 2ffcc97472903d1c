//! SQL for `sandbox_parcels`: the bookings of the invented carriers
//! (`outside/carriers.rs`), which stand in for a real carrier's own records.

use crate::domain::shipping::CarrierId;
use sqlx::AnyPool;

/// A parcel booked once per booking reference: `tracking` is kept for a new reference; the
/// answer is the tracking number of the reference's first booking.
pub async fn book(
    db: &AnyPool,
    booking_ref: &str,
    carrier: CarrierId,
    tracking: &str,
    weight_g: i64,
    parcel_count: i64,
    now: i64,
) -> Result<String, sqlx::Error> {
    sqlx::query(
        "INSERT INTO sandbox_parcels
             (booking_ref, carrier, tracking_number, weight_g, parcel_count, booked_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (booking_ref) DO NOTHING",
    )
    .bind(booking_ref)
    .bind(carrier)
    .bind(tracking)
    .bind(weight_g)
    .bind(parcel_count)
    .bind(now)
    .execute(db)
    .await?;
    sqlx::query_scalar("SELECT tracking_number FROM sandbox_parcels WHERE booking_ref = $1")
        .bind(booking_ref)
        .fetch_one(db)
        .await
}
