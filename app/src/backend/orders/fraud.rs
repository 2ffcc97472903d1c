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

/// Failed payments in [`WINDOW_SECS`] with one card, one account or from one client
/// address from which the next order is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoldAfter {
    pub card: i64,
    pub account: i64,
    /// Higher by default: many shoppers can share one address (an office, a mobile network).
    pub client: i64,
}

impl HoldAfter {
    pub const DEFAULT: HoldAfter = HoldAfter {
        card: 3,
        account: 3,
        client: 10,
    };

    fn of(self, reason: HoldReason) -> i64 {
        match reason {
            HoldReason::Card => self.card,
            HoldReason::Account => self.account,
            HoldReason::Client => self.client,
        }
    }
}

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
            (HoldReason::Client, client.map(|ip| ip.to_string())),
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
    fn each_reason_has_its_own_limit() {
        let limits = HoldAfter {
            card: 1,
            account: 2,
            client: 3,
        };
        assert_eq!(limits.of(HoldReason::Card), 1);
        assert_eq!(limits.of(HoldReason::Account), 2);
        assert_eq!(limits.of(HoldReason::Client), 3);
    }
}
