//! The end of an account: deactivation (undone by signing in within the grace period),
//! erasure with its receipt, and the hourly erasure of accounts past their grace period.

use super::links::DAY;
use super::sign_in::confirm_password;
use crate::backend::{
    AppState,
    db::{receipts, sessions, users, users::UserRow},
    now,
    privacy::erasure::{ErasedSection, ErasureReport, erase_user},
    security::keys::random_token,
};
use crate::{
    domain::{
        account::{AccountStatus, DEACTIVATION_GRACE_DAYS},
        ids::ReceiptId,
    },
    error::{ShopError, ShopResult},
    model::account::ErasureReceipt,
};

/// Cancels the account: hidden and signed out everywhere; signing in within the grace period
/// restores it.
pub async fn deactivate(state: &AppState, user: &UserRow, password: &str) -> ShopResult<()> {
    confirm_password(user, password, "password").await?;
    let mut tx = state.db.begin_write().await?;
    users::set_status(&mut *tx, user.id, AccountStatus::Deactivated, None, now()).await?;
    sessions::delete_for_user(&mut *tx, user.id, None).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user.id, "account deactivated");
    Ok(())
}

/// Erases the account after the password is confirmed; returns the receipt id.
pub async fn delete_account(
    state: &AppState,
    user: &UserRow,
    password: &str,
) -> ShopResult<ReceiptId> {
    confirm_password(user, password, "password").await?;
    super::saved_cards::forget_all(state, user.id).await?;
    let report = erase_user(&state.db, user.id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let receipt = store_receipt(state, &report).await?;
    tracing::info!("account erased on its owner's request");
    Ok(receipt)
}

pub(super) async fn store_receipt(
    state: &AppState,
    report: &ErasureReport,
) -> ShopResult<ReceiptId> {
    let id = ReceiptId::issued(random_token());
    let summary = serde_json::to_string(report).map_err(|_| ShopError::Internal)?;
    receipts::insert(state.db.pool(), id.as_str(), &summary, now()).await?;
    Ok(id)
}

/// The receipt of an erasure, for the page the former shopper lands on.
pub async fn receipt(state: &AppState, id: &ReceiptId) -> ShopResult<ErasureReceipt> {
    let (erased_at, summary) = receipts::find(state.db.pool(), id.as_str())
        .await?
        .ok_or(ShopError::NotFound)?;
    let report: ErasureReport = serde_json::from_str(&summary).map_err(|_| ShopError::Internal)?;
    let counts =
        |sections: Vec<ErasedSection>| sections.into_iter().map(|s| (s.section, s.rows)).collect();
    Ok(ErasureReceipt {
        erased_at,
        erased: counts(report.erased),
        kept_anonymised: counts(report.kept_anonymised),
    })
}

/// Housekeeping run hourly: erases accounts deactivated longer than the grace period.
pub async fn erase_expired_deactivations(state: &AppState) -> ShopResult<usize> {
    let cutoff = now() - DEACTIVATION_GRACE_DAYS * DAY;
    let due = users::deactivated_before(state.db.pool(), cutoff).await?;
    for id in &due {
        super::saved_cards::forget_all(state, *id).await?;
        erase_user(&state.db, *id).await?;
    }
    Ok(due.len())
}
