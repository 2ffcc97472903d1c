//! The shopper's data: see it, download it, cancel the account, erase it.

use crate::{domain::ids::ReceiptId, error::ShopError, model::account::ErasureReceipt};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        accounts, now, privacy::export::export_user, request::context, request::redirect::redirect,
    },
    domain::redirect::SafePath,
};

/// Everything the shop holds about the signed-in shopper (the same document as the
/// download), for the "What we hold about you" page.
#[server(endpoint = "account/data", input = server_fn::codec::GetUrl)]
pub async fn my_data() -> Result<serde_json::Value, ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    Ok(export_user(&state.db, user.id, &state.settings, now()).await?)
}

/// The same document as a file download (`GET /api/account/export`).
#[server(endpoint = "account/export", input = server_fn::codec::GetUrl)]
pub async fn export_my_data() -> Result<serde_json::Value, ShopError> {
    use axum::http::{HeaderValue, header::CONTENT_DISPOSITION};
    let data = my_data().await?;
    let date = crate::domain::time::date(now());
    let disposition = format!("attachment; filename=\"my-data-{date}.json\"");
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&disposition),
    ) {
        response.insert_header(CONTENT_DISPOSITION, value);
    }
    Ok(data)
}

/// Cancels the account (password required): signed out, hidden; signing in again within 30
/// days restores it.
#[server(endpoint = "account/deactivate")]
pub async fn deactivate_account(password: String) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    accounts::lifecycle::deactivate(&context::state()?, &user, &password).await?;
    context::session()?.destroy().await?;
    redirect(&SafePath::fixed("/account/deactivated"));
    Ok(())
}

/// Erases the account and its personal data at once (password required) and shows the
/// receipt.
#[server(endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let receipt = accounts::lifecycle::delete_account(&context::state()?, &user, &password).await?;
    context::session()?.destroy().await?;
    redirect(&SafePath::fixed("/account/erased").child(receipt.as_str()));
    Ok(())
}

#[server(endpoint = "account/erasure-receipt", input = server_fn::codec::GetUrl)]
pub async fn get_erasure_receipt(id: ReceiptId) -> Result<ErasureReceipt, ShopError> {
    accounts::lifecycle::receipt(&context::state()?, &id).await
}

/// Who received the shopper's data, newest first.
#[server(endpoint = "account/ledger", input = server_fn::codec::GetUrl)]
pub async fn my_ledger() -> Result<Vec<crate::model::order::SharedWith>, ShopError> {
    let user = crate::backend::request::context::require_user().await?;
    let state = crate::backend::request::context::state()?;
    crate::backend::privacy::ledger::of_user(&state, user.id).await
}
