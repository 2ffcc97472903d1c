//! Staff: find customers, look at an account, suspend and reinstate; admins change roles.

use crate::{
    domain::account::{AccountStatus, Role},
    error::ShopError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::backend::{accounts, context, db, flash};

pub const PAGE_SIZE: i64 = 25;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub role: Role,
    pub status: AccountStatus,
    pub registered_at: i64,
}

/// One account as staff see it. Never the password hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub summary: CustomerSummary,
    pub phone: String,
    pub language: String,
    pub email_verified: bool,
    pub marketing: bool,
    pub status_reason: Option<String>,
    pub addresses: Vec<crate::api::account::addresses::AddressView>,
    /// Whether the viewer may change roles (admins only).
    pub viewer_is_admin: bool,
}

#[cfg(feature = "ssr")]
fn summary(u: &db::users::UserRow) -> CustomerSummary {
    CustomerSummary {
        id: u.id,
        full_name: u.full_name.clone(),
        email: u.email.clone(),
        role: u.role(),
        status: u.account_status(),
        registered_at: u.created_at,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub customers: Vec<CustomerSummary>,
    pub page: i64,
    pub has_more: bool,
}

#[server(endpoint = "admin/customers", input = server_fn::codec::GetUrl)]
pub async fn search_customers(query: String, page: i64) -> Result<CustomerPage, ShopError> {
    context::require_staff().await?;
    let state = context::state()?;
    let page = page.max(1);
    let query = crate::domain::limits::cut(&query, crate::domain::limits::CUSTOMER_SEARCH);
    let mut rows = db::users::search(
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

#[server(endpoint = "admin/customer", input = server_fn::codec::GetUrl)]
pub async fn get_customer(id: i64) -> Result<CustomerDetail, ShopError> {
    let staff = context::require_staff().await?;
    let state = context::state()?;
    let user = db::users::find_by_id(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    if user.account_status() == AccountStatus::Deactivated {
        // Cancelled accounts are hidden from staff until restored or erased.
        return Err(ShopError::NotFound);
    }
    let addresses = db::addresses::list(state.db.pool(), id)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    Ok(CustomerDetail {
        summary: summary(&user),
        email_verified: user.email_verified_at.is_some(),
        marketing: user.marketing_opt_in_at.is_some(),
        phone: user.phone,
        language: user.language,
        status_reason: user.status_reason,
        addresses,
        viewer_is_admin: staff.role() == Role::Admin,
    })
}

#[server(endpoint = "admin/customer-role")]
pub async fn set_customer_role(id: i64, role: String) -> Result<(), ShopError> {
    let admin = context::require_admin().await?;
    let role = Role::parse(&role)
        .ok_or_else(|| ShopError::invalid("role", crate::error::Problem::Invalid))?;
    accounts::set_role(&context::state()?, &admin, id, role).await
}

#[server(endpoint = "admin/suspend")]
pub async fn suspend_customer(id: i64, reason: String) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    if let Err(error) = accounts::suspend(&context::state()?, &staff, id, &reason).await {
        flash::keep(
            &format!("suspend-{id}"),
            &serde_json::json!({ "reason": reason }),
        )
        .await?;
        return Err(error);
    }
    Ok(())
}

#[server(endpoint = "admin/reinstate")]
pub async fn reinstate_customer(id: i64) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    accounts::reinstate(&context::state()?, &staff, id).await
}
