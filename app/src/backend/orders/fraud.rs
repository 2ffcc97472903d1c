//! The fraud check at checkout (promise P6): failed payments are counted per card (by the
//! processor's fingerprint: the sandbox makes a new token per card entry), per client
//! address and per account, as keyed hashes in `sign_in_throttle` over a day. When one of
//! them reached its limit (`limits.failed_payments_per_*`), the next order is not charged
//! but written `held` with the reasons, for staff to release (charge) or cancel
//! (`holds.rs`). Nothing but the counters is kept for it, and they expire within a day.

use crate::backend::{AppState, db::throttle, now};
use crate::{
    domain::{card::CardRef, fraud::HoldReason, ids::UserId},
    error::ShopResult,
};
use std::net::IpAddr;

/// How long failed payments are counted.
pub const WINDOW_SECS: i64 = 86_400;

/// What one payment attempt is counted by: keyed hashes of the card's fingerprint, the
/// account and the client address (each when known).
#[derive(Clone, Debug, Default)]
pub struct Signals {
    counters: Vec<(HoldReason, String)>,
}

impl Signals {
    pub async fn of(
        state: &AppState,
        card: &CardRef,
        user: Option<UserId>,
        client: Option<IpAddr>,
    ) -> ShopResult<Signals> {
        let fingerprint = state.settings.gateway.fingerprint(state, card).await?;
        let counted = [
            (HoldReason::Card, fingerprint),
            (HoldReason::Account, user.map(|u| u.to_string())),
            (HoldReason::Client, client.map(client_network)),
        ];
        let counters = counted
            .into_iter()
            .filter_map(|(reason, value)| {
                let key = state.keys.hash(reason.purpose(), &value?);
                Some((reason, key))
            })
            .collect();
        Ok(Signals { counters })
    }
}

/// The client as counted: an IPv4 address as it is, an IPv6 address by its /64 (one
/// connection can change the rest at will).
pub fn client_network(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4).to_string(),
        v4 => v4.to_string(),
    }
}

/// True when a counter's row says its limit is reached within the window.
pub fn reached(row: Option<throttle::ThrottleRow>, limit: i64, now: i64) -> bool {
    row.is_some_and(|r| r.window_start > now - WINDOW_SECS && r.hits >= limit)
}

/// Why an order with these signals must be held; empty when it may be charged.
pub async fn reasons_to_hold(state: &AppState, signals: &Signals) -> ShopResult<Vec<HoldReason>> {
    let now = now();
    let mut reasons = Vec::new();
    for (reason, key) in &signals.counters {
        let row = throttle::get(state.db.pool(), reason.scope(), key).await?;
        if reached(row, state.settings.hold_after.of(*reason), now) {
            reasons.push(*reason);
        }
    }
    Ok(reasons)
}

/// Counts one failed payment against each of its signals.
pub async fn record_failure(state: &AppState, signals: &Signals) -> ShopResult<()> {
    let now = now();
    for (reason, key) in &signals.counters {
        throttle::hit(state.db.pool(), reason.scope(), key, now - WINDOW_SECS, now).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::db::throttle::ThrottleRow;

    fn row(hits: i64, window_start: i64) -> Option<ThrottleRow> {
        Some(ThrottleRow {
            hits,
            window_start,
            last_hit_at: window_start,
        })
    }

    #[test]
    fn a_limit_is_reached_by_enough_failures_within_a_day() {
        let now = 10 * WINDOW_SECS;
        assert!(!reached(None, 3, now));
        assert!(!reached(row(2, now - 60), 3, now));
        assert!(reached(row(3, now - 60), 3, now));
        assert!(reached(row(9, now - WINDOW_SECS + 1), 3, now));
        assert!(
            !reached(row(9, now - WINDOW_SECS), 3, now),
            "a window that began a day ago is over"
        );
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_network() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(client_network(ip("203.0.113.7")), "203.0.113.7");
        assert_eq!(client_network(ip("::ffff:203.0.113.7")), "203.0.113.7");
        assert_eq!(
            client_network(ip("2001:db8:1:2:aaaa::1")),
            client_network(ip("2001:db8:1:2:bbbb::9"))
        );
        assert_ne!(
            client_network(ip("2001:db8:1:2::1")),
            client_network(ip("2001:db8:1:3::1"))
        );
    }
}
