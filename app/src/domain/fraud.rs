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
}
