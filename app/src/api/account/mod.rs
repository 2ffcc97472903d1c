//! The shopper's account: signing in and out, email links, profile, addresses, sessions,
//! and their data (export, deactivation, erasure).

pub mod addresses;
pub mod auth;
pub mod data;
pub mod profile;
pub mod sessions;

use crate::{domain::account::Role, error::ShopError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in shopper, as the pages need them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub role: Role,
    pub email_verified: bool,
}

/// Who is signed in (`None` for a visitor).
#[server(endpoint = "account/me", input = server_fn::codec::GetUrl)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, ShopError> {
    let user = crate::backend::context::current_user().await?;
    Ok(user.map(|u| CurrentUser {
        id: u.id,
        role: u.role(),
        email_verified: u.email_verified_at.is_some(),
        full_name: u.full_name,
        email: u.email,
    }))
}

/// What a form without JavaScript kept when it failed, to refill it once (see
/// `backend/flash.rs`). Passwords are never kept.
#[server(endpoint = "account/form-flash")]
pub async fn take_form_flash(
    form: String,
) -> Result<Option<std::collections::BTreeMap<String, String>>, ShopError> {
    crate::backend::flash::take(&form).await
}
