//! What the server keeps in memory between requests: kept values with their lifetimes, the
//! change log that drops them when the database changes, and the caches built on both.

pub mod changes;
pub mod kept;
pub mod policy;
pub mod products;
pub mod search_words;
pub mod shoppers;
