//! The state shared by every request: configuration, the database, the session store.

use crate::backend::{ShopSettings, db::Db, request::session::SessionStore, security::keys::Keys};
use crate::error::{ShopError, ShopResult};
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

/// The state every request shares. Cloning it (each `use_context`, each server function,
/// each route's service) copies one pointer: the fields live behind an `Arc` (`Shared`),
/// read through `Deref` as `state.db`, `state.settings`...
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What `AppState` holds.
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub sessions: SessionStore,
    pub keys: Keys,
    pub settings: Arc<ShopSettings>,
    /// Wakes the outbox worker (mail, parcels for carriers) after a transaction wrote to it.
    pub outbox_nudge: Arc<tokio::sync::Notify>,
    /// What changed in the database, from any server (see `changes.rs`): the page cache
    /// drops pages rendered before a catalog change.
    pub changes: Arc<crate::backend::memory::changes::ChangeFeed>,
    /// Products as shown, kept until the change log names them.
    pub products: Arc<crate::backend::memory::products::ProductCache>,
    /// Signed-in accounts and cart lines as pages read them, kept until the change log
    /// names them (GET requests only).
    pub shoppers: Arc<crate::backend::memory::shoppers::ShopperCache>,
    /// The privacy policy's versions, for the notice banner on every page.
    pub policy: crate::backend::memory::policy::PolicyVersions,
    /// The search index's words, for correcting a mistyped search.
    pub search_words: crate::backend::memory::search_words::SearchWords,
    /// How often the costly steps ran (password hashes, account writes, mail queued).
    pub work: crate::backend::security::work::Work,
    /// Draining, and whether the outbox worker runs (`/readyz`).
    pub health: crate::backend::health::Health,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }

    /// Tells the outbox worker there is new mail or a parcel to book (call after the
    /// transaction committed).
    pub fn outbox_written(&self) {
        self.outbox_nudge.notify_one();
    }

    /// The version of the newest change to what catalog pages show (products, prices,
    /// stock, pictures), made on any server.
    pub fn catalog_version(&self) -> u64 {
        self.changes.catalog_version()
    }
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
