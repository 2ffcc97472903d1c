//! The state shared by every request: configuration, the database, the session store.

use super::{db::Db, session::SessionStore};
use crate::{
    domain::money::Currency,
    error::{ShopError, ShopResult},
};
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

/// Settings of the shop that pages and server functions need (a subset of the server's
/// configuration file).
#[derive(Clone, Debug)]
pub struct ShopSettings {
    pub name: String,
    pub contact_email: String,
    pub currency: Currency,
    /// True when the shop is served over HTTPS: cookies get `Secure` and the `__Host-` prefix.
    pub https: bool,
    /// How long raw analytics events are kept (P2).
    pub analytics_retention_days: u32,
}

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub sessions: SessionStore,
    pub settings: Arc<ShopSettings>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The application state, as provided to pages and server functions by the router.
pub fn app_state() -> ShopResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        ShopError::Internal
    })
}
