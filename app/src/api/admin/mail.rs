//! Staff: the local mailbox (mail kept when no SMTP server is configured) and the state of
//! the outbox.

use crate::error::ShopError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailView {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub written_at: i64,
    pub delivered_at: Option<i64>,
    pub transport: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[server(endpoint = "admin/mail", input = server_fn::codec::GetUrl)]
pub async fn list_mail(to: Option<String>) -> Result<Vec<MailView>, ShopError> {
    use crate::server::{context, db::outbox};
    context::require_staff().await?;
    let state = context::state()?;
    let to = to
        .map(|t| crate::domain::account::normalize_email(&t))
        .filter(|t| !t.is_empty());
    Ok(outbox::mailbox(state.db.pool(), to.as_deref(), 100)
        .await?
        .into_iter()
        .map(|m| MailView {
            id: m.id,
            to: m.recipient,
            subject: m.subject,
            body: m.body,
            written_at: m.created_at,
            delivered_at: m.delivered_at,
            transport: m.transport,
            attempts: m.attempts,
            last_error: m.last_error,
        })
        .collect())
}
