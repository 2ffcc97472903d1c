//! Registration, sign-in and sign-out, and the links sent by mail.

use crate::{domain::account::RegistrationInput, error::ShopError};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{accounts, cart, request::context, request::flash, request::redirect::redirect},
    domain::redirect::SafePath,
};

/// Registers a shopper and sends the verification link (see `backend::accounts::registration::register`).
#[server(endpoint = "account/register")]
pub async fn register(form: RegistrationInput) -> Result<(), ShopError> {
    let state = context::state()?;
    let lang = crate::i18n::current_request_lang();
    if let Err(error) =
        accounts::registration::register(&state, &form, lang, context::client_ip()).await
    {
        flash::keep("register", &form).await?;
        return Err(error);
    }
    redirect(&SafePath::fixed("/account/check-email"));
    Ok(())
}

#[server(endpoint = "account/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    remember: Option<String>,
    next: Option<String>,
) -> Result<(), ShopError> {
    let state = context::state()?;
    let user =
        match accounts::sign_in::sign_in(&state, &email, &password, context::client_ip()).await {
            Ok(user) => user,
            Err(error) => {
                flash::keep("sign-in", &serde_json::json!({ "email": email })).await?;
                return Err(error);
            }
        };
    let session = context::session()?;
    session.sign_in(user.id, remember.is_some()).await?;
    cart::adopt_guest_cart(&state, &session, user.id).await?;
    // The account's language follows its owner to this browser.
    crate::api::language::remember_language_cookie(user.language)?;
    redirect(&SafePath::parse_or(next.as_deref(), "/account"));
    Ok(())
}

#[server(endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), ShopError> {
    context::session()?.destroy().await?;
    redirect(&SafePath::fixed("/"));
    Ok(())
}

/// Confirms an email address from the link sent to it, and signs its owner in.
#[server(endpoint = "account/verify-email")]
pub async fn verify_email(token: String) -> Result<(), ShopError> {
    let state = context::state()?;
    let user_id = accounts::registration::verify_email(&state, &token).await?;
    let session = context::session()?;
    if session.user_id() != Some(user_id) {
        session.sign_in(user_id, false).await?;
        cart::adopt_guest_cart(&state, &session, user_id).await?;
    }
    redirect(&SafePath::fixed("/account?verified=1"));
    Ok(())
}

#[server(endpoint = "account/resend-verification")]
pub async fn resend_verification() -> Result<(), ShopError> {
    let user = context::require_user().await?;
    accounts::registration::resend_verification(&context::state()?, &user, context::client_ip())
        .await
}

/// Sends a reset link if the address has an account; the answer is the same either way.
#[server(endpoint = "account/forgot-password")]
pub async fn request_password_reset(email: String) -> Result<(), ShopError> {
    let state = context::state()?;
    let lang = crate::i18n::current_request_lang();
    if let Err(error) =
        accounts::sign_in::request_password_reset(&state, &email, lang, context::client_ip()).await
    {
        flash::keep("forgot", &serde_json::json!({ "email": email })).await?;
        return Err(error);
    }
    redirect(&SafePath::fixed("/account/forgot?sent=1"));
    Ok(())
}

#[server(endpoint = "account/reset-link", input = server_fn::codec::GetUrl)]
pub async fn check_reset_link(token: String) -> Result<bool, ShopError> {
    accounts::sign_in::reset_link_is_live(&context::state()?, &token).await
}

#[server(endpoint = "account/reset-password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<(), ShopError> {
    accounts::sign_in::reset_password(&context::state()?, &token, &password, &password_confirm)
        .await?;
    redirect(&SafePath::fixed("/account/sign-in?reset=1"));
    Ok(())
}
