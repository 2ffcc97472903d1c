//! Plain Rust domain logic, compiled into both the server and the browser so that both
//! compute and validate the same way. No I/O here.

pub mod account;
pub mod analytics;
pub mod browser;
pub mod card;
pub mod cart;
pub mod catalog;
pub mod category;
pub mod common_passwords;
pub mod configurator;
pub mod consent;
pub mod contact;
pub mod country;
pub mod disclosure;
pub mod fraud;
pub mod ids;
pub mod image;
pub mod limits;
pub mod marketing;
pub mod money;
pub mod order;
pub mod outbox;
pub mod policy;
pub mod pricing;
pub mod product_form;
pub mod redirect;
pub mod review;
pub mod shipping;
pub mod stored;
pub mod tax;
pub mod time;
