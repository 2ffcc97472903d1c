//! The backend: server-only code (feature `ssr`), the operations server functions call,
//! database access, sessions and the state every request reads. Nothing here is compiled
//! into the browser bundle. (Named so it is never confused with the `server` crate.)

// Business areas, one wing each.
pub mod accounts;
pub mod analytics;
pub mod cart;
pub mod catalog;
pub mod contact;
pub mod marketing;
pub mod orders;
pub mod payments;
pub mod privacy;
pub mod reviews;

// Plumbing.
pub mod db;
pub mod health;
pub mod jobs;
pub mod mail;
pub mod memory;
pub mod operations;
pub mod request;
pub mod security;
pub mod settings;
pub mod start;
pub mod state;

// Outside parties that are pretend ones.
pub mod outside;

pub use settings::ShopSettings;
pub use state::{AppState, Shared, app_state};

/// Seconds since the Unix epoch: the one clock the database stores.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
