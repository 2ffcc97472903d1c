//! The shop's HTTP server: configuration, start-up and middleware. `main.rs` is a thin
//! command-line wrapper; the integration tests use [`startup::Application`] directly.

pub mod bench;
pub mod config;
pub mod media;
pub mod middleware;
pub mod monitoring;
pub mod seed;
pub mod startup;
pub mod telemetry;
pub mod unsubscribe;
