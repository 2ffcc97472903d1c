//! One module per page (route) of the shop, and the guards of pages behind a sign-in.

pub mod account;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod compare;
pub mod configurator;
pub mod contact;
pub mod guard;
pub mod home;
pub mod legal;
pub mod not_found;
pub mod orders;
pub mod privacy;
pub mod product;
pub mod unsubscribe;
