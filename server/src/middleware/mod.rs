//! HTTP middleware of the shop, one concern per module.

pub mod analytics;
pub mod changes;
pub mod client_address;
pub mod encoding;
pub mod origin_check;
pub mod page_cache;
pub mod redirects;
pub mod security_headers;
pub mod server_fn_status;
pub mod sessions;
pub mod static_cache;
pub mod whole_pages;

use axum::http::{HeaderMap, header};

/// True when a response's headers say it is an HTML page.
fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}
