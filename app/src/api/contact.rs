//! The contact form: a question to the shop, from anyone (signed in or not).

use crate::{domain::contact::ContactForm, error::ShopError};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        contact::{self, Writer},
        now,
        request::{context, flash, redirect::redirect},
    },
    domain::redirect::SafePath,
    i18n::current_request_lang,
};

/// Sends a message to the staff inbox.
#[server(endpoint = "contact/send")]
pub async fn send_message(form: ContactForm) -> Result<(), ShopError> {
    let state = context::state()?;
    let writer = Writer {
        user: context::session()?.user_id(),
        client: context::client_ip(),
        lang: current_request_lang(),
    };
    match contact::submit(&state, writer, &form, now()).await {
        Ok(_) => {
            // To a page that says it worked, with or without JavaScript (a guest has no
            // session to carry the outcome of a plain post).
            redirect(&SafePath::fixed("/contact?sent=1"));
            Ok(())
        }
        Err(error) => {
            flash::keep(
                "contact",
                &ContactForm {
                    website: String::new(),
                    ..form
                },
            )
            .await?;
            Err(error)
        }
    }
}
