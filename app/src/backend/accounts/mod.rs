//! Accounts: registration, sign-in, one-time links, the profile, the end of an account
//! (deactivation, erasure and its receipt), staff actions, addresses and saved cards. Plain
//! async functions over [`AppState`](crate::backend::AppState); server functions call them
//! after their authorisation checks, and tests call them directly. Every multi-step write
//! runs in one transaction, mail included.

pub mod addresses;
pub mod lifecycle;
mod links;
pub mod profile;
pub mod registration;
pub mod saved_cards;
pub mod sign_in;
pub mod staff;
