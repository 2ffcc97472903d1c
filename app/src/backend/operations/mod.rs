//! Running the shop: backups and restore (`backup.rs`).

pub mod backup;
