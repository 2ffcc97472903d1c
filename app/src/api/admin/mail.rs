//! Admins: the outbox. In development without an SMTP server it is also the local mailbox,
//! where the text of each message can be read (links included) instead of leaving the shop.
//! Mail is for its recipient, so the rules are: admins only (a staff member must not read
//! the reset link of an account that outranks them); one-time links of any other staff or
//! admin account are never shown live, so no admin can take over another; with SMTP the text
//! is deleted once sent, and only the delivery state is shown.

use crate::{error::ShopError, model::admin::Mailbox};
use leptos::prelude::*;

#[server(endpoint = "admin/mail", input = server_fn::codec::GetUrl)]
pub async fn list_mail(to: Option<String>) -> Result<Mailbox, ShopError> {
    use crate::backend::{mail::mailbox, request::context};
    let admin = context::require_admin().await?;
    let state = context::state()?;
    mailbox::read(&state, &admin, to.as_deref()).await
}
