//! Throttling.
//!
//! Sign-in: per account (keyed by the email typed, whether or not it has an account): after
//! a few consecutive failures each further attempt must wait, the wait doubling up to a cap,
//! never a permanent lock-out. Per client address: a ceiling of attempts a minute, answered
//! with 429 beyond it.
//!
//! Mail sent because someone asked (verification and reset links, "someone used your
//! address" notes): an allowance per recipient and per client address each hour, so nobody
//! can flood a stranger's inbox through the shop. Beyond it the mail is simply not written;
//! the requester gets the same answer as always, which reveals nothing.
//!
//! Counters are keyed hashes of the address or email, never the values themselves.

use crate::backend::{
    db::{
        Db,
        throttle::{self, ThrottleRow},
    },
    security::keys::Keys,
};
use crate::error::ShopError;
use std::net::IpAddr;

/// Failures allowed before waits begin.
pub const FREE_FAILURES: i64 = 5;
/// The longest wait between attempts on one account.
pub const MAX_DELAY_SECS: i64 = 15 * 60;
/// Sign-in attempts allowed per client address per minute.
pub const ATTEMPTS_PER_MINUTE: i64 = 30;
const WINDOW_SECS: i64 = 60;
/// Requested mails one address receives per hour at most.
pub const MAILS_PER_RECIPIENT_PER_HOUR: i64 = 5;
/// Requested mails one client address can cause per hour at most, unless the setting
/// `limits.mails_per_client_per_hour` says otherwise.
pub const MAILS_PER_CLIENT_PER_HOUR: i64 = 20;
const HOUR_SECS: i64 = 3600;

/// Counts one requested mail to `to` (normalised address) caused by `client`; false when the
/// recipient or the client (`per_client` an hour) is over its hourly allowance (then the mail
/// must not be written).
pub async fn admit_mail(
    conn: &mut sqlx::AnyConnection,
    keys: &Keys,
    to: &str,
    client: Option<IpAddr>,
    per_client: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let cutoff = now - HOUR_SECS;
    let to_hits = throttle::hit(
        &mut *conn,
        "mail-to",
        &keys.hash("throttle-mail-to", to),
        cutoff,
        now,
    )
    .await?;
    let client_hits = match client {
        Some(ip) => {
            throttle::hit(
                &mut *conn,
                "mail-client",
                &keys.hash("throttle-mail-client", &ip.to_string()),
                cutoff,
                now,
            )
            .await?
        }
        None => 0,
    };
    let admitted = to_hits <= MAILS_PER_RECIPIENT_PER_HOUR && client_hits <= per_client;
    if !admitted {
        tracing::info!(
            to_hits,
            client_hits,
            "requested mail not sent: hourly allowance used"
        );
    }
    Ok(admitted)
}

/// Messages through the contact form one client address can send per hour, unless the
/// setting `limits.messages_per_client_per_hour` says otherwise.
pub const MESSAGES_PER_CLIENT_PER_HOUR: i64 = 5;

/// Counts one contact message from `client`; false when the client is over its hourly
/// allowance of `per_client` (then the message is refused). A client without an address
/// (never behind the shop's listener) is not counted.
pub async fn admit_message(
    conn: &mut sqlx::AnyConnection,
    keys: &Keys,
    client: Option<IpAddr>,
    per_client: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let Some(ip) = client else { return Ok(true) };
    let hits = throttle::hit(
        conn,
        "message-client",
        &keys.hash("throttle-message-client", &ip.to_string()),
        now - HOUR_SECS,
        now,
    )
    .await?;
    Ok(hits <= per_client)
}

/// Seconds an account must wait before its next attempt: 2 s after the fifth failure, then
/// doubling. (Times are whole seconds, so a first wait of 1 s could round to none at all.)
pub fn account_wait(row: Option<ThrottleRow>, now: i64) -> i64 {
    let Some(row) = row else { return 0 };
    if row.hits < FREE_FAILURES {
        return 0;
    }
    let exponent = (row.hits - FREE_FAILURES + 1).min(20) as u32;
    let delay = 2i64.pow(exponent).min(MAX_DELAY_SECS);
    (row.last_hit_at + delay - now).max(0)
}

/// Seconds a client address must wait before its next attempt.
pub fn address_wait(row: Option<ThrottleRow>, now: i64) -> i64 {
    match row {
        Some(row) if now < row.window_start + WINDOW_SECS && row.hits >= ATTEMPTS_PER_MINUTE => {
            row.window_start + WINDOW_SECS - now
        }
        _ => 0,
    }
}

pub struct Throttle<'a> {
    pub db: &'a Db,
    pub keys: &'a Keys,
}

impl Throttle<'_> {
    fn account_key(&self, email: &str) -> String {
        self.keys.hash("throttle-account", email)
    }

    fn address_key(&self, ip: IpAddr) -> String {
        self.keys.hash("throttle-ip", &ip.to_string())
    }

    /// Counts this attempt against the client address and refuses it when either the address
    /// or the account must wait.
    pub async fn admit(&self, email: &str, ip: Option<IpAddr>, now: i64) -> Result<(), ShopError> {
        let pool = self.db.pool();
        if let Some(ip) = ip {
            let key = self.address_key(ip);
            let row = throttle::get(pool, "ip", &key).await?;
            let wait = address_wait(row, now);
            if wait > 0 {
                return Err(ShopError::RateLimited {
                    retry_after_secs: wait as u64,
                });
            }
            let next = match row {
                Some(r) if now < r.window_start + WINDOW_SECS => ThrottleRow {
                    hits: r.hits + 1,
                    window_start: r.window_start,
                    last_hit_at: now,
                },
                _ => ThrottleRow {
                    hits: 1,
                    window_start: now,
                    last_hit_at: now,
                },
            };
            throttle::put(pool, "ip", &key, next).await?;
        }
        let row = throttle::get(pool, "account", &self.account_key(email)).await?;
        let wait = account_wait(row, now);
        if wait > 0 {
            return Err(ShopError::RateLimited {
                retry_after_secs: wait as u64,
            });
        }
        Ok(())
    }

    pub async fn record_failure(&self, email: &str, now: i64) -> Result<(), ShopError> {
        let key = self.account_key(email);
        let row = throttle::get(self.db.pool(), "account", &key).await?;
        let next = ThrottleRow {
            hits: row.map_or(1, |r| r.hits + 1),
            window_start: row.map_or(now, |r| r.window_start),
            last_hit_at: now,
        };
        throttle::put(self.db.pool(), "account", &key, next).await?;
        Ok(())
    }

    pub async fn record_success(&self, email: &str) -> Result<(), ShopError> {
        throttle::clear(self.db.pool(), "account", &self.account_key(email)).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(hits: i64, window_start: i64, last_hit_at: i64) -> Option<ThrottleRow> {
        Some(ThrottleRow {
            hits,
            window_start,
            last_hit_at,
        })
    }

    #[test]
    fn accounts_wait_longer_after_each_failure_up_to_a_cap() {
        assert_eq!(account_wait(None, 100), 0);
        assert_eq!(account_wait(row(4, 0, 100), 100), 0);
        assert_eq!(account_wait(row(5, 0, 100), 100), 2);
        assert_eq!(
            account_wait(row(5, 0, 100), 101),
            1,
            "still waiting a second later"
        );
        assert_eq!(account_wait(row(6, 0, 100), 100), 4);
        assert_eq!(account_wait(row(8, 0, 100), 100), 16);
        assert_eq!(account_wait(row(8, 0, 100), 105), 11);
        assert_eq!(account_wait(row(8, 0, 100), 200), 0);
        assert_eq!(account_wait(row(40, 0, 100), 100), MAX_DELAY_SECS);
    }

    #[test]
    fn addresses_get_a_fixed_number_of_attempts_a_minute() {
        assert_eq!(address_wait(None, 10), 0);
        assert_eq!(address_wait(row(ATTEMPTS_PER_MINUTE - 1, 0, 10), 10), 0);
        assert_eq!(address_wait(row(ATTEMPTS_PER_MINUTE, 0, 10), 10), 50);
        assert_eq!(address_wait(row(ATTEMPTS_PER_MINUTE, 0, 10), 60), 0);
    }
}
