//! What an admin may see of the outbox (see `api/admin/mail.rs` for the rules).

use super::hide_link_tokens;
use crate::domain::ids::UserId;
use crate::{
    backend::{
        AppState,
        db::{outbox, users, users::UserRow},
    },
    domain::{account::normalize_email, limits},
    error::ShopResult,
    model::admin::{MailView, Mailbox},
};

/// The newest 100 messages (to one address when `to` is given), as `viewer` may see them.
pub async fn read(state: &AppState, viewer: &UserRow, to: Option<&str>) -> ShopResult<Mailbox> {
    let to = to
        .map(|t| normalize_email(limits::cut(t, limits::EMAIL)))
        .filter(|t| !t.is_empty());
    let pool = state.db.pool();
    let rows = outbox::mailbox(pool, to.as_deref(), 100).await?;
    let local = state.settings.local_mailbox;
    let staff = users::staff_accounts(pool).await?;
    // Links acting on another staff account: by the account the mail is about, or by the
    // address it went to.
    let acts_on_other_staff = |user_id: Option<UserId>, recipient: &str| {
        staff.iter().any(|(id, email)| {
            *id != viewer.id && (user_id == Some(*id) || email.eq_ignore_ascii_case(recipient))
        })
    };
    let mail = rows
        .into_iter()
        .map(|m| {
            let (body, links_hidden) = if !local {
                (None, false)
            } else if acts_on_other_staff(m.user_id, &m.recipient) {
                let (body, hidden) = hide_link_tokens(&m.body);
                (Some(body), hidden)
            } else {
                (Some(m.body), false)
            };
            MailView {
                id: m.id,
                headers: (local && !m.headers.is_empty()).then_some(m.headers),
                to: m.recipient,
                subject: m.subject,
                body,
                links_hidden,
                written_at: m.created_at,
                delivered_at: m.delivered_at,
                transport: m.transport,
                attempts: m.attempts,
                last_error: m.last_error,
            }
        })
        .collect();
    Ok(Mailbox { local, mail })
}
