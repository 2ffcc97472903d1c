//! The back office. Every server function here checks the staff or admin role itself: the
//! pages' checks are for display only.

pub mod analytics;
pub mod customers;
pub mod disclosures;
pub mod inbox;
pub mod mail;
pub mod newsletters;
pub mod orders;
pub mod privacy;
pub mod products;
pub mod reviews;
