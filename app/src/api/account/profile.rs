//! The shopper's profile: what it shows, and changing name, phone, language, marketing
//! choice, email address and password.

use crate::{domain::account::ProfileInput, error::ShopError, model::account::AccountView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{accounts, accounts::profile, request::context, request::flash};

#[server(endpoint = "account/profile", input = server_fn::codec::GetUrl)]
pub async fn get_account() -> Result<AccountView, ShopError> {
    let user = context::require_user().await?;
    profile::account(&context::state()?, user).await
}

/// Products picked from the shopper's own views and orders; none without their analytics
/// consent.
#[server(endpoint = "account/recommendations", input = server_fn::codec::GetUrl)]
pub async fn get_recommendations() -> Result<Vec<crate::model::catalog::ProductCard>, ShopError> {
    let user = context::require_user().await?;
    let lang = crate::i18n::current_request_lang();
    crate::backend::catalog::recommend::for_account(&context::state()?, user.id, lang).await
}

#[server(endpoint = "account/update-profile")]
pub async fn update_profile(form: ProfileInput) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    if let Err(error) = profile::update_profile(&state, &user, &form).await {
        flash::keep("profile", &form).await?;
        return Err(error);
    }
    // The shop speaks the chosen language from now on, on this device too.
    if let Some(lang) = crate::i18n::Lang::from_code(&form.language) {
        crate::api::language::remember_language_cookie(lang)?;
    }
    Ok(())
}

/// Sends a confirmation link to the new address; it replaces the old one once followed.
#[server(endpoint = "account/change-email")]
pub async fn change_email(new_email: String, current_password: String) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    if let Err(error) = profile::request_email_change(
        &state,
        &user,
        &new_email,
        &current_password,
        context::client_ip(),
    )
    .await
    {
        flash::keep(
            "change-email",
            &serde_json::json!({ "new_email": new_email }),
        )
        .await?;
        return Err(error);
    }
    Ok(())
}

/// Changes the password; returns how many other sessions were signed out.
#[server(endpoint = "account/change-password")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<u64, ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    let keep = context::session()?.id_hash();
    accounts::sign_in::change_password(
        &state,
        &user,
        &current_password,
        &password,
        &password_confirm,
        keep.as_deref(),
    )
    .await
}
