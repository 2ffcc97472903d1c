//! The shopper's account: signing in and out, email links, profile, addresses, sessions,
//! and their data (export, deactivation, erasure).

pub mod addresses;
pub mod auth;
pub mod cards;
pub mod data;
pub mod profile;
pub mod sessions;

use crate::{error::ShopError, model::account::CurrentUser};
use leptos::prelude::*;

/// Who is signed in (`None` for a visitor).
#[server(endpoint = "account/me", input = server_fn::codec::GetUrl)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, ShopError> {
    use crate::backend::{accounts::profile, request::context};
    match context::current_user().await? {
        Some(user) => Ok(Some(profile::current_user(&context::state()?, user).await?)),
        None => Ok(None),
    }
}
