//! The shopper's saved cards (see `backend/accounts/saved_cards.rs`): added only through the payment
//! processor's card page; another shopper's card id answers 404.

use crate::{
    domain::ids::{CardEntryId, SavedCardId},
    error::ShopError,
    model::order::SavedCardView,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{
    accounts::saved_cards, request::context, request::redirect::redirect_to_processor,
};

/// The saved cards; `card_entry` is the entry id the card page came back with.
#[server(endpoint = "account/cards", input = server_fn::codec::GetUrl)]
pub async fn get_saved_cards(
    card_entry: Option<CardEntryId>,
) -> Result<Vec<SavedCardView>, ShopError> {
    let user = context::require_user().await?;
    saved_cards::list(
        &context::state()?,
        &context::session()?,
        user.id,
        card_entry.as_ref(),
    )
    .await
}

/// Opens the processor's card page (the browser is sent there).
#[server(endpoint = "account/add-card")]
pub async fn add_saved_card() -> Result<String, ShopError> {
    context::require_user().await?;
    let page = saved_cards::start_adding(&context::state()?, &context::session()?).await?;
    if context::is_plain_form_post() {
        redirect_to_processor(&page)?;
    }
    Ok(page)
}

#[server(endpoint = "account/remove-card")]
pub async fn remove_saved_card(id: SavedCardId) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    saved_cards::remove(&context::state()?, user.id, id).await
}
