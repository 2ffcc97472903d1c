//! Marketing mail for everyone: the unsubscribe link's button (no sign-in; the key in the
//! link is the authority).

use crate::{domain::marketing::UnsubscribeKey, error::ShopError};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{marketing::unsubscribe as unsubscribing, request::context};

/// Whether the link's account still gets marketing mail (`None`: not a link the shop made).
#[server(endpoint = "marketing/unsubscribe-state", input = server_fn::codec::GetUrl)]
pub async fn get_unsubscribe_state(key: String) -> Result<Option<bool>, ShopError> {
    unsubscribing::subscribed(&context::state()?, &key).await
}

/// Ends the marketing opt-in of the link's account.
#[server(endpoint = "marketing/unsubscribe")]
pub async fn unsubscribe(key: UnsubscribeKey) -> Result<(), ShopError> {
    unsubscribing::unsubscribe(&context::state()?, &key).await
}
