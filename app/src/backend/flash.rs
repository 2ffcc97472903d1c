//! Keeps what a shopper typed when a form posted without JavaScript fails validation: the
//! browser is redirected back to the form, which refills itself from here once. Passwords are
//! never kept. With JavaScript the form never reloads, so nothing is stored.

use super::context::{is_plain_form_post, session};
use crate::error::ShopResult;
use leptos::prelude::use_context;
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

/// Marks the page a plain form post (JavaScript off) succeeded and redirected to: the server
/// function at `path` worked. Put into the page request's extensions by the server's redirect
/// middleware, from the session, for that one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormDone {
    pub path: String,
}

/// True when this page follows a successful plain post to the server function at `path`.
pub fn form_done(path: &str) -> bool {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<FormDone>().cloned())
        .is_some_and(|done| done.path == path)
}

/// The values kept for `form`, removed on reading.
pub async fn take(form: &str) -> ShopResult<Option<BTreeMap<String, String>>> {
    let flash = session()?
        .take_if::<Flash>(KEY, |flash| flash.form == form)
        .await?;
    Ok(flash.map(|flash| flash.values))
}
