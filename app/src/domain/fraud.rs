//! Why an order is held for review instead of charged (`backend/orders/fraud.rs`): too many
//! failed payments in a day with its card, its account or from its client address. The
//! reasons are kept in the held event's detail as their codes, comma-separated.

/// The detail of the held event that records a staff release.
pub const RELEASED: &str = "released";

super::stored::stored_enum! {
    #[derive(serde::Serialize, serde::Deserialize)]
    pub enum HoldReason: code, parse {
        Card = "card",
        Account = "account",
        Client = "client",
    }
}

impl HoldReason {
    /// The purpose of the keyed hash a counter is kept under.
    pub fn purpose(self) -> &'static str {
        match self {
            HoldReason::Card => "fraud-card",
            HoldReason::Account => "fraud-account",
            HoldReason::Client => "fraud-client",
        }
    }

    /// The counter's scope in `sign_in_throttle`.
    pub fn scope(self) -> &'static str {
        match self {
            HoldReason::Card => "failed-payments-card",
            HoldReason::Account => "failed-payments-account",
            HoldReason::Client => "failed-payments-client",
        }
    }

    /// The reasons as kept: `card,account`.
    pub fn join(reasons: &[HoldReason]) -> String {
        reasons
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The reasons in a kept detail; anything else in it is ignored.
    pub fn split(detail: &str) -> Vec<HoldReason> {
        detail.split(',').filter_map(HoldReason::parse).collect()
    }
}

/// Failed payments in a day (`backend/orders/fraud.rs::WINDOW_SECS`) with one card, one account or from one client
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

    /// The limit of one reason.
    pub fn of(self, reason: HoldReason) -> i64 {
        match reason {
            HoldReason::Card => self.card,
            HoldReason::Account => self.account,
            HoldReason::Client => self.client,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_kept_as_codes_and_read_back() {
        let reasons = [HoldReason::Card, HoldReason::Client];
        assert_eq!(HoldReason::join(&reasons), "card,client");
        assert_eq!(HoldReason::split("card,client"), reasons);
        assert_eq!(HoldReason::split("released"), []);
        assert_eq!(HoldReason::split(""), []);
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
