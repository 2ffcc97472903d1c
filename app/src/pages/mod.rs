//! One module per page (route) of the shop.

pub mod account;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod compare;
pub mod configurator;
pub mod contact;
pub mod home;
pub mod legal;
pub mod not_found;
pub mod product;
