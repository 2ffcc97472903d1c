//! The shop's shared crate: pages and components (compiled for the server with `ssr` and for
//! the browser with `hydrate`), server functions (`api`), plain domain logic (`domain`),
//! translations (`i18n`) and, behind `ssr`, the server-only modules (`backend`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
#[cfg(feature = "ssr")]
pub mod cookies;
pub mod csp;
pub mod domain;
pub mod error;
pub mod escape;
pub mod i18n;
pub mod model;
pub mod pages;
mod shell;

pub use shell::{App, shell};
