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
    let user = crate::backend::context::current_user().await?;
    Ok(user.map(crate::backend::profile::current_user))
}

/// Whether this page follows a successful plain form post (JavaScript off) to the server
/// function at `path`, so the form can say so as it would with JavaScript.
#[server(endpoint = "account/form-done", input = server_fn::codec::GetUrl)]
pub async fn form_done(path: String) -> Result<bool, ShopError> {
    Ok(crate::backend::flash::form_done(&path))
}

/// What a form without JavaScript kept when it failed, to refill it once (see
/// `backend/flash.rs`). Passwords are never kept.
#[server(endpoint = "account/form-flash")]
pub async fn take_form_flash(
    form: String,
) -> Result<Option<std::collections::BTreeMap<String, String>>, ShopError> {
    crate::backend::flash::take(&form).await
}
