//! Running the shop: backups and restore (`backup.rs`), the figures `/metrics` reports
//! (`figures.rs`).

pub mod backup;
pub mod figures;
