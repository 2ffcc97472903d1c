//! The one way a server function sends the browser elsewhere: to a [`SafePath`], so a target
//! that came from the request (`next=`) has been checked to be a path on this site, and the
//! `Location` header can always be built (leptos_axum panics on an invalid one).

use crate::domain::redirect::SafePath;

pub fn redirect(to: &SafePath) {
    leptos_axum::redirect(to.as_str());
}

/// Sends the browser to the payment processor's card page, which the gateway itself
/// returned (never a target from the request): a path on this site (the sandbox) or the
/// processor's own `https://` address.
pub fn redirect_to_processor(page: &str) -> crate::error::ShopResult<()> {
    if let Some(path) = SafePath::parse(page) {
        redirect(&path);
        return Ok(());
    }
    if !page.starts_with("https://") || axum::http::HeaderValue::from_str(page).is_err() {
        return Err(crate::error::ShopError::Internal);
    }
    leptos_axum::redirect(page);
    Ok(())
}
