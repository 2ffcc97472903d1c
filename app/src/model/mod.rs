//! What server functions answer with: the views of products, accounts and back-office
//! records that the backend assembles and the pages show. They cross the wire as JSON (and
//! in the hydration data), so they are plain data: no logic beyond trivial accessors.
//!
//! Layers (each uses only those before it): `i18n`, `error` → `domain` (values and rules)
//! → `model` (these views) → `backend` (server only) → `api` → `components` → `pages`.
//! A test (`tests/layers.rs`) fails when an import points the other way.

pub mod account;
pub mod admin;
pub mod analytics;
pub mod authority;
pub mod cart;
pub mod catalog;
pub mod contact;
pub mod forms;
pub mod marketing;
pub mod order;
pub mod policy;
pub mod review;
pub mod shop;
