//! Keeps what a shopper typed when a form posted without JavaScript fails validation: the
//! browser is redirected back to the form, which refills itself from here once. Passwords are
//! never kept. With JavaScript the form never reloads, so nothing is stored.

use crate::backend::{
    request::context::{is_plain_form_post, session},
    request::session::Session,
};
use crate::{
    error::ShopResult,
    model::forms::{AfterPlainPost, KeptForm},
};
use leptos::prelude::with_context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const KEY: &str = "form_flash";
/// The session key of the error of the visitor's last plain form post (`server/src/
/// middleware/redirects.rs`).
pub const FORM_ERROR: &str = "form_error";
/// The session key of the server function the visitor's last plain form post ran
/// successfully (`server/src/middleware/redirects.rs`).
pub const FORM_DONE: &str = "form_done";
/// The session keys whose value the next page shows once: while one is there, that page is
/// rendered for the visitor, not taken from the page cache.
pub const ONE_TIME_KEYS: [&str; 3] = [KEY, FORM_ERROR, FORM_DONE];

#[derive(Debug, Serialize, Deserialize)]
struct Flash {
    form: String,
    values: BTreeMap<String, String>,
}

/// Remembers `input` (minus passwords) for the form named `form`, if this is a plain post.
pub async fn keep<T: Serialize>(form: &str, input: &T) -> ShopResult<()> {
    if !is_plain_form_post() {
        return Ok(());
    }
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(input) else {
        return Ok(());
    };
    let values = map
        .into_iter()
        .filter(|(k, _)| !k.contains("password"))
        .filter_map(|(k, v)| match v {
            serde_json::Value::String(s) => Some((k, s)),
            serde_json::Value::Number(n) => Some((k, n.to_string())),
            serde_json::Value::Bool(b) => Some((k, b.to_string())),
            _ => None,
        })
        .collect();
    session()?
        .insert(
            KEY,
            &Flash {
                form: form.to_string(),
                values,
            },
        )
        .await?;
    Ok(())
}

/// Takes what the page after a plain form post shows (the server function that worked, the
/// values of the form that failed) from the session: called by the server's redirect
/// middleware for each page request, which puts the result into the request's extensions.
pub async fn take_after_plain_post(session: &Session) -> Result<AfterPlainPost, sqlx::Error> {
    if !session.exists() {
        return Ok(AfterPlainPost::default());
    }
    let done = session.take_if::<String>(FORM_DONE, |_| true).await?;
    let kept = session
        .take_if::<Flash>(KEY, |_| true)
        .await?
        .map(|flash| KeptForm {
            form: flash.form,
            values: flash.values,
        });
    Ok(AfterPlainPost { done, kept })
}

/// What this page shows about the visitor's last plain form post (rendering a page).
pub fn after_plain_post() -> AfterPlainPost {
    with_context::<axum::http::request::Parts, _>(|parts| {
        parts.extensions.get::<AfterPlainPost>().cloned()
    })
    .flatten()
    .unwrap_or_default()
}
