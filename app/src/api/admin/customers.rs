//! Staff: find customers, look at an account, suspend and reinstate; admins change roles.

use crate::domain::{account::Role, ids::UserId, stored::Choice};

use crate::{
    error::ShopError,
    model::admin::{CustomerDetail, CustomerPage},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{accounts::staff, request::context, request::flash};

#[server(endpoint = "admin/customers", input = server_fn::codec::GetUrl)]
pub async fn search_customers(query: String, page: i64) -> Result<CustomerPage, ShopError> {
    context::require_staff().await?;
    staff::search(&context::state()?, &query, page).await
}

#[server(endpoint = "admin/customer", input = server_fn::codec::GetUrl)]
pub async fn get_customer(id: UserId) -> Result<CustomerDetail, ShopError> {
    let staff = context::require_staff().await?;
    staff::detail(&context::state()?, &staff, id).await
}

#[server(endpoint = "admin/customer-role")]
pub async fn set_customer_role(id: UserId, role: Choice<Role>) -> Result<(), ShopError> {
    let admin = context::require_admin().await?;
    let role = role.or_invalid("role", crate::error::Problem::Invalid)?;
    staff::set_role(&context::state()?, &admin, id, role).await
}

#[server(endpoint = "admin/suspend")]
pub async fn suspend_customer(id: UserId, reason: String) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    if let Err(error) = staff::suspend(&context::state()?, &staff, id, &reason).await {
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
pub async fn reinstate_customer(id: UserId) -> Result<(), ShopError> {
    let staff = context::require_staff().await?;
    staff::reinstate(&context::state()?, &staff, id).await
}
