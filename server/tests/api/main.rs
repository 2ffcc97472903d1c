//! HTTP-level tests: each starts the real server on port 0 with a fresh database and talks
//! to it over HTTP. Every test runs twice, on SQLite and on PostgreSQL (see `helpers.rs`).

mod helpers;

mod accounts;
mod admin;
mod analytics;
mod backup;
mod cart;
mod catalog;
mod catalog_admin;
mod checkout;
mod checkout_safety;
mod cli;
mod contact;
mod dashboard;
mod deploy;
mod disclosures;
mod fraud;

mod health;
mod ledger;
mod logs;
mod marketing;
mod monitoring;
mod pages;
mod policy;
mod privacy;
mod recommendations;
mod reviews;
mod schema;
mod security;
mod servers;
mod sessions;
mod stripe;
