//! Switching the shop's language.

use crate::{domain::stored::Choice, error::ShopError, i18n::Lang};
use leptos::prelude::*;

/// Remembers the shopper's language choice in a cookie (one year) and, when signed in, in
/// the account; returns it. Works as a plain form post without JavaScript (the browser is sent
/// back to the page it came from).
#[server(endpoint = "language/set")]
pub async fn set_language(lang: Choice<Lang>) -> Result<Lang, ShopError> {
    use crate::{backend::request::context, error::Problem};
    let lang = lang.or_invalid("lang", Problem::Invalid)?;
    remember_language_cookie(lang)?;
    if let Some(user_id) = context::session()?.user_id() {
        crate::backend::accounts::profile::set_language(&context::state()?, user_id, lang).await?;
    }
    Ok(lang)
}

/// Adds the language cookie to this response.
#[cfg(feature = "ssr")]
pub fn remember_language_cookie(lang: Lang) -> Result<(), ShopError> {
    use crate::cookies;
    const YEAR: i64 = 365 * 24 * 3600;
    let settings = crate::backend::app_state()?.settings.clone();
    let cookie = cookies::set(cookies::LANG, lang.code(), Some(YEAR), settings.https)
        .ok_or(ShopError::Internal)?;
    expect_context::<leptos_axum::ResponseOptions>()
        .append_header(axum::http::header::SET_COOKIE, cookie);
    Ok(())
}
