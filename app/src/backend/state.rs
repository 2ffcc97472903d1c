//! The state shared by every request: configuration, the database, the session store.

use crate::backend::{db::Db, request::session::SessionStore, security::keys::Keys};
use crate::error::{ShopError, ShopResult};
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

/// Settings of the shop that pages and server functions need (a subset of the server's
/// configuration file).
#[derive(Clone, Debug)]
pub struct ShopSettings {
    pub name: String,
    pub contact_email: String,
    /// The seller on invoices (`shop.legal_name`, `shop.address`, `shop.tax_number`).
    pub seller: crate::model::shop::Seller,
    /// The currency of every price (`shop.currency`): products are priced in it, and the
    /// shop refuses to start when its catalog holds prices in another.
    pub currency: crate::domain::money::Currency,
    /// Tax by destination country (`tax.rates`).
    pub tax: crate::domain::tax::TaxTable,
    /// True when the shop is served over HTTPS: cookies get `Secure` and the `__Host-` prefix.
    pub https: bool,
    /// The address shoppers use, for links in mail (no trailing slash).
    pub public_url: String,
    /// True when mail stays in the shop's own mailbox instead of leaving through SMTP
    /// (development only); admins can then read it at /admin/mail.
    pub local_mailbox: bool,
    /// The payment processor (`payment.gateway`).
    pub gateway: crate::backend::payments::Gateway,
}

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
    pub mail_nudge: Arc<tokio::sync::Notify>,
    /// What changed in the database, from any server (see `changes.rs`): the page cache
    /// drops pages rendered before a catalog change.
    pub changes: Arc<crate::backend::memory::changes::ChangeFeed>,
    /// Products as shown, kept until the change log names them.
    pub products: Arc<crate::backend::memory::products::ProductCache>,
    /// Signed-in accounts and cart lines as pages read them, kept until the change log
    /// names them (GET requests only).
    pub shoppers: Arc<crate::backend::memory::shoppers::ShopperCache>,
    /// The search index's words, for correcting a mistyped search.
    pub search_words: crate::backend::catalog::browse::SearchWords,
    /// How often the costly steps ran (password hashes, account writes, mail queued).
    pub work: crate::backend::security::work::Work,
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
    pub fn mail_written(&self) {
        self.mail_nudge.notify_one();
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
