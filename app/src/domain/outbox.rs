//! What every outbox shares (mail, parcels handed to carriers): how long to wait before the
//! next attempt, and after how many attempts a message is left for staff to look at.

/// After this many attempts a message is left for staff to look at.
pub const MAX_ATTEMPTS: i64 = 10;

/// Seconds before retry number `attempts` (30 s, 1 min, 2 min… capped at 6 h).
pub fn retry_delay(attempts: i64) -> i64 {
    let exp = attempts.clamp(0, 20) as u32;
    (30 * 2i64.pow(exp)).min(6 * 3600)
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn retries_back_off_up_to_six_hours() {
        assert_eq!(retry_delay(0), 30);
        assert_eq!(retry_delay(1), 60);
        assert_eq!(retry_delay(3), 240);
        assert_eq!(retry_delay(15), 6 * 3600);
        assert_eq!(retry_delay(-1), 30);
    }
}
