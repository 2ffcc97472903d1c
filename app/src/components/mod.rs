//! Building blocks shared by pages.

pub mod analytics;
pub mod auth;
pub mod cart;
pub mod chart;
pub mod confirm;
pub mod consent;
pub mod form;
pub mod head;
pub mod icons;
pub mod language_picker;
pub mod layout;
pub mod ledger;
pub mod page_meta;
pub mod personal;
pub mod product_card;
pub mod reviews;
pub mod search_box;
pub mod specs;
