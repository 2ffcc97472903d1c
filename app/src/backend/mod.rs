//! The backend: server-only code (feature `ssr`), the operations server functions call,
//! database access, sessions and the state every request reads. Nothing here is compiled
//! into the browser bundle. (Named so it is never confused with the `server` crate.)

pub mod accounts;
pub mod addresses;
pub mod carriers;
pub mod cart;
pub mod catalog;
pub mod catalog_seed;
pub mod changes;
pub mod checkout;
pub mod context;
pub mod customers;
pub mod db;
pub mod flash;
pub mod gateway;
pub mod kept;
pub mod keys;
pub mod mail;
pub mod orders;
pub mod passwords;
pub mod personal;
pub mod privacy;
pub mod product_cache;
pub mod profile;
pub mod redirect;
pub mod saved_cards;
pub mod session;
pub mod shopper_cache;
pub mod state;
pub mod throttle;
pub mod work;

pub use state::{AppState, Shared, ShopSettings, app_state};

/// Seconds since the Unix epoch: the one clock the database stores.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
