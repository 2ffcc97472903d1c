//! HTTP middleware of the shop, one concern per module.

pub mod changes;
pub mod client_address;
pub mod origin_check;
pub mod page_cache;
pub mod redirects;
pub mod security_headers;
pub mod server_fn_status;
pub mod sessions;
pub mod static_cache;
pub mod whole_pages;
