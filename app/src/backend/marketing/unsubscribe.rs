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

/// Whether the key's account still gets marketing mail; `None` for a key the server did
/// not make (the page then says the link is not valid).
pub async fn subscribed(state: &AppState, key: &str) -> ShopResult<Option<bool>> {
    let Some(key) = UnsubscribeKey::parse(key).filter(|k| made_here(state, k)) else {
        return Ok(None);
    };
    let user = users::find_by_id(state.db.pool(), key.user()).await?;
    Ok(Some(user.is_some_and(|u| u.marketing_opt_in_at.is_some())))
}

fn made_here(state: &AppState, key: &UnsubscribeKey) -> bool {
    state
        .keys
        .verify(PURPOSE, &key.user().to_string(), key.mac())
}

/// Ends the marketing opt-in of the key's account. A key the server did not make is
/// refused; a second use changes nothing and succeeds.
pub async fn unsubscribe(state: &AppState, key: &UnsubscribeKey) -> ShopResult<()> {
    if !made_here(state, key) {
        return Err(ShopError::LinkInvalid);
    }
    let user = key.user();
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if users::opt_out_of_marketing(&mut *tx, user, now).await? == 1 {
        consents::record(&mut *tx, user, "marketing", false, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
