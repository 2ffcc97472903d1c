//! What kept pages show one visitor (see `components/personal.rs`): their first name and cart,
//! worked out from their session, and whether a kept page with these put in is the page they
//! would get rendered. It is not for staff (the header has a back-office link), for an address
//! not yet confirmed or a privacy policy version not yet acknowledged (a banner on every
//! page), or while the session holds a form's one-time outcome (the page shows it). The
//! server keeps it in memory until the change log names its session, account or cart, or
//! the catalog changes (prices are in the subtotal), or a policy version is published.

use crate::backend::{
    AppState,
    cart::{self, summary},
    memory::changes::{ChangeFeed, Scope, cart_key, user_key},
    privacy::policy,
    request::flash::ONE_TIME_KEYS,
};
use crate::{domain::account::AccountStatus, error::ShopResult, model::cart::CartSummary};
use axum::http::HeaderMap;

#[derive(Clone, Debug)]
pub struct Personal {
    /// `None` when a kept page will not do for this visitor.
    pub shown: Option<Shown>,
    /// What it was built from, each as the change log names it.
    depends_on: Vec<(Scope, String)>,
}

#[derive(Clone, Debug)]
pub struct Shown {
    /// The signed-in shopper's full name; `None` for a guest.
    pub full_name: Option<String>,
    pub cart: CartSummary,
}

impl Personal {
    /// False once anything it was built from changed after `version` (see `changes.rs`).
    pub fn is_current(&self, feed: &ChangeFeed, version: u64) -> bool {
        !feed.changed_after(Scope::Catalog, "", version)
            && !feed.changed_after(Scope::Policy, "", version)
            && !self
                .depends_on
                .iter()
                .any(|(scope, key)| feed.changed_after(*scope, key, version))
    }
}

/// What kept pages show the visitor whose request has these headers: `None` when the request
/// names no live session (its page is rendered, which also clears a dead cookie).
pub async fn of_request(state: &AppState, headers: &HeaderMap) -> ShopResult<Option<Personal>> {
    let session = state.sessions.open(headers).await?;
    let Some(session_hash) = session.id_hash() else {
        return Ok(None);
    };
    let mut depends_on = vec![(Scope::Session, session_hash)];
    let mut full_name = None;
    let mut kept_page_will_do = !ONE_TIME_KEYS.iter().any(|k| session.has(k));
    if let Some(id) = session.user_id() {
        depends_on.push((Scope::User, user_key(id)));
        match state.shoppers.user(&state.changes, &state.db, id).await? {
            Some(user)
                if user.status == AccountStatus::Active
                    && !user.role.is_staff()
                    && user.email_verified_at.is_some()
                    && policy::notice_for(state, &user).await?.is_none() =>
            {
                full_name = Some(user.full_name);
            }
            _ => kept_page_will_do = false,
        }
    }
    let owner = cart::owner(&session);
    if let Some(owner) = &owner {
        depends_on.push((Scope::Cart, cart_key(owner)));
    }
    let shown = if kept_page_will_do {
        Some(Shown {
            full_name,
            cart: summary(state, owner.as_ref()).await?,
        })
    } else {
        None
    };
    Ok(Some(Personal { shown, depends_on }))
}
