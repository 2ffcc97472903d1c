//! The privacy mechanisms that work on stored data: the registry of where personal data
//! lives, the export built from it, and the erasure built from it (promises P8 and P9); the
//! policy as versioned text with its notices (P11); consent (P2).

pub mod authorities;
pub mod consent;
pub mod erasure;
pub mod export;
pub mod ledger;
pub mod not_personal;
pub mod policy;
pub mod purposes;
pub mod registry;
