//! The unsubscribe link of marketing mail: `/unsubscribe/<key>`, where the key is the
//! account id and its keyed hash (`domain/marketing.rs::UnsubscribeKey`). Opening it shows
//! a confirm page (a GET changes nothing); the page's button, or the one-click POST a mail
//! client sends to the same address (RFC 8058), ends the opt-in, recorded as a consent
//! event. Nothing else is needed: no sign-in, no cookie.

use crate::backend::{
    AppState,
    db::{consents, users},
    now,
};
use crate::{
    domain::{ids::UserId, marketing::UnsubscribeKey},
    error::{ShopError, ShopResult},
};

const PURPOSE: &str = "unsubscribe";

/// The key of `user`'s unsubscribe link.
pub fn key(state: &AppState, user: UserId) -> UnsubscribeKey {
    UnsubscribeKey::issued(user, &state.keys.hash(PURPOSE, &user.to_string()))
}

/// The whole address of `user`'s unsubscribe link.
pub fn link(state: &AppState, user: UserId) -> String {
    format!(
        "{}/unsubscribe/{}",
        state.settings.public_url,
        key(state, user).as_str()
    )
}

/// Ends the marketing opt-in of the key's account. A key the server did not make is
/// refused; a second use changes nothing and succeeds.
pub async fn unsubscribe(state: &AppState, key: &UnsubscribeKey) -> ShopResult<()> {
    let user = key.user();
    if !state.keys.verify(PURPOSE, &user.to_string(), key.mac()) {
        return Err(ShopError::LinkInvalid);
    }
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if users::opt_out_of_marketing(&mut *tx, user, now).await? == 1 {
        consents::record(&mut *tx, user, "marketing", false, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
