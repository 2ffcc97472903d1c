//! Marketing mail for everyone: the unsubscribe link's button (no sign-in; the key in the
//! link is the authority).

use crate::{domain::marketing::UnsubscribeKey, error::ShopError};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{marketing::unsubscribe as unsubscribing, request::context};

/// Ends the marketing opt-in of the link's account.
#[server(endpoint = "marketing/unsubscribe")]
pub async fn unsubscribe(key: UnsubscribeKey) -> Result<(), ShopError> {
    unsubscribing::unsubscribe(&context::state()?, &key).await
}
