//! Reads of many shoppers at once for something other than serving each of them: every
//! such read names its use, and the consent a use needs is checked here, in SQL, in this
//! one place ([`Use::condition`]). Marketing reaches only accounts that opted in to
//! marketing mail; analytics only accounts whose last analytics choice was yes.

use crate::{domain::ids::UserId, i18n::Lang};
use sqlx::{Any, Executor, FromRow};

/// Why shoppers are read in bulk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// Delivering and invoicing orders.
    Fulfilment,
    /// Mail every account needs (such as a new privacy policy) and answering shoppers.
    CustomerService,
    /// Marketing mail: only with the opt-in.
    Marketing,
    /// Measuring and recommending from what a shopper did: only with analytics consent.
    Analytics,
}

impl Use {
    /// The SQL condition on `users` this use needs, besides an active account with a
    /// confirmed address.
    fn condition(self) -> &'static str {
        match self {
            Use::Fulfilment | Use::CustomerService => "1 = 1",
            Use::Marketing => "users.marketing_opt_in_at IS NOT NULL",
            Use::Analytics => {
                "COALESCE((SELECT c.granted FROM consent_events c
                           WHERE c.user_id = users.id AND c.purpose = 'analytics'
                           ORDER BY c.id DESC LIMIT 1), 0) = 1"
            }
        }
    }
}

/// An account reached in bulk: where to write, and in which language.
#[derive(Clone, Debug, FromRow)]
pub struct Reached {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    pub language: Lang,
}

/// Up to `limit` accounts after the id `after`, in id order, that `purpose` may reach.
pub async fn accounts_after<'e>(
    db: impl Executor<'e, Database = Any>,
    purpose: Use,
    after: i64,
    limit: i64,
) -> Result<Vec<Reached>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT id, email, full_name, language FROM users
         WHERE id > $1 AND status = 'active' AND email_verified_at IS NOT NULL AND ({})
         ORDER BY id LIMIT $2",
        purpose.condition()
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Whether `purpose` may use what one account did (its consent as [`Use::condition`] says,
/// an active account with a confirmed address).
pub async fn may_use<'e>(
    db: impl Executor<'e, Database = Any>,
    purpose: Use,
    user: UserId,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM users
         WHERE id = $1 AND status = 'active' AND email_verified_at IS NOT NULL AND ({})",
        purpose.condition()
    ))
    .bind(user)
    .fetch_one(db)
    .await?;
    Ok(n == 1)
}

/// Where a batch cursor moves after a batch read with [`accounts_after`]: the last id of a
/// full batch, or `None` (every account reached) when fewer than `batch` came back.
pub fn next_cursor(batch_read: &[Reached], batch: i64) -> Option<i64> {
    match batch_read.last() {
        Some(last) if batch_read.len() as i64 >= batch => Some(last.id.get()),
        _ => None,
    }
}

/// How many accounts `purpose` may reach now.
pub async fn count<'e>(
    db: impl Executor<'e, Database = Any>,
    purpose: Use,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM users
         WHERE status = 'active' AND email_verified_at IS NOT NULL AND ({})",
        purpose.condition()
    ))
    .fetch_one(db)
    .await
}
