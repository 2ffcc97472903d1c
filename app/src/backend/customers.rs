//! Staff views of customer accounts: search and one account in detail.

use crate::domain::ids::UserId;

use super::{
    AppState, addresses,
    db::users::{self, UserRow},
};
use crate::{
    domain::{
        account::{AccountStatus, Role},
        limits,
    },
    error::{ShopError, ShopResult},
    model::admin::{CustomerDetail, CustomerPage, CustomerSummary},
};

pub const PAGE_SIZE: i64 = 25;

fn summary(u: &UserRow) -> CustomerSummary {
    CustomerSummary {
        id: u.id,
        full_name: u.full_name.clone(),
        email: u.email.clone(),
        role: u.role,
        status: u.status,
        registered_at: u.created_at,
    }
}

/// Accounts matching `query` in name or email, newest first, a page at a time.
pub async fn search(state: &AppState, query: &str, page: i64) -> ShopResult<CustomerPage> {
    let page = page.max(1);
    let query = limits::cut(query, limits::CUSTOMER_SEARCH);
    let mut rows = users::search(
        state.db.pool(),
        query,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(CustomerPage {
        customers: rows.iter().map(summary).collect(),
        page,
        has_more,
    })
}

/// One account as `viewer` sees it. Cancelled accounts are hidden from staff until they
/// are restored or erased.
pub async fn detail(state: &AppState, viewer: &UserRow, id: UserId) -> ShopResult<CustomerDetail> {
    let user = users::find_by_id(state.db.pool(), id)
        .await?
        .filter(|u| u.status != AccountStatus::Deactivated)
        .ok_or(ShopError::NotFound)?;
    let addresses = addresses::list(state, id).await?;
    Ok(CustomerDetail {
        summary: summary(&user),
        email_verified: user.email_verified_at.is_some(),
        marketing: user.marketing_opt_in_at.is_some(),
        phone: user.phone,
        language: user.language,
        status_reason: user.status_reason,
        addresses,
        viewer_is_admin: viewer.role == Role::Admin,
    })
}
