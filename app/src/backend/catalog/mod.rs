//! The catalog: what shoppers browse (listings, search, product pages, comparison, the
//! configurator), what staff edit, and the seed catalog a new shop starts with.

pub mod browse;
pub mod manage;
pub mod recommend;
pub mod seed;
