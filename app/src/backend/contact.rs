//! Questions answered by people (promise P12): the contact form writes a conversation into
//! the staff inbox (`/admin/inbox`); staff answer by mail through the outbox and say where
//! it stands (open, waiting for the shopper, closed). A conversation is its writer's
//! personal data: it belongs to the account when written signed in, or once an account
//! confirms the address it came from, like a guest's orders; closed ones are deleted after
//! [`CLOSED_KEPT_DAYS`].

use crate::backend::{
    AppState,
    db::{
        contact::{self, NewThread, ThreadRow},
        users::{self, UserRow},
    },
    mail::{Letter, Mail},
    security::throttle::admit_message,
};
use crate::{
    domain::{
        account::normalize_email,
        contact::{CLOSED_KEPT_DAYS, ContactForm, ThreadStatus, check_reply},
        ids::{ThreadId, UserId},
    },
    error::{ShopError, ShopResult},
    i18n::Lang,
    model::contact::{InboxView, MessageView, ThreadItem, ThreadView},
};
use std::net::IpAddr;

/// Who wrote: the signed-in account if any, the client address (for the hourly
/// allowance) and the page's language (for the replies).
#[derive(Clone, Copy, Debug)]
pub struct Writer {
    pub user: Option<UserId>,
    pub client: Option<IpAddr>,
    pub lang: Lang,
}

/// Takes a message from the contact form; its conversation's number, or `None` when the
/// robot trap was filled (thanked for and dropped, so a robot learns nothing).
pub async fn submit(
    state: &AppState,
    writer: Writer,
    form: &ContactForm,
    now: i64,
) -> ShopResult<Option<ThreadId>> {
    form.validate()?;
    if form.is_robot() {
        tracing::info!("contact message dropped: the robot trap was filled");
        return Ok(None);
    }
    let email = normalize_email(&form.email);
    let mut tx = state.db.begin_write().await?;
    let per_client = state.settings.messages_per_client_per_hour;
    if !admit_message(&mut tx, &state.keys, writer.client, per_client, now).await? {
        tx.rollback().await?;
        return Err(ShopError::RateLimited {
            retry_after_secs: 3600,
        });
    }
    let thread = NewThread {
        user_id: writer.user,
        name: form.name.trim(),
        email: &email,
        order_number: form.order.trim(),
        language: writer.lang,
        message: &form.message,
    };
    let id = contact::insert_thread(&mut tx, thread, now).await?;
    // Written with an address an account has confirmed: that account's at once.
    if writer.user.is_none()
        && let Some(owner) = users::find_by_email(&mut *tx, &email).await?
        && owner.email_verified_at.is_some()
    {
        contact::claim_guest_threads(&mut tx, owner.id, &email).await?;
    }
    tx.commit().await?;
    Ok(Some(id))
}

/// The inbox: the newest conversations, those in `status` only when given.
pub async fn inbox(state: &AppState, status: Option<ThreadStatus>) -> ShopResult<InboxView> {
    let threads = contact::threads(state.db.pool(), status, 200)
        .await?
        .into_iter()
        .map(|t| ThreadItem {
            id: t.id,
            name: t.name,
            email: t.email,
            order_number: t.order_number,
            status: t.status,
            updated_at: t.updated_at,
        })
        .collect();
    Ok(InboxView { status, threads })
}

/// One conversation with its messages.
pub async fn thread(state: &AppState, id: ThreadId) -> ShopResult<ThreadView> {
    let pool = state.db.pool();
    let thread = contact::thread(pool, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let messages = contact::messages(pool, id)
        .await?
        .into_iter()
        .map(|m| MessageView {
            from_staff: m.from_staff == 1,
            staff_name: m.staff_name,
            body: m.body,
            at: m.at,
        })
        .collect();
    Ok(ThreadView {
        id: thread.id,
        name: thread.name,
        email: thread.email,
        order_number: thread.order_number,
        account: thread.user_id,
        status: thread.status,
        created_at: thread.created_at,
        messages,
    })
}

/// A staff reply: kept in the conversation and mailed to its writer in their language, in
/// one transaction; the conversation then waits for the shopper.
pub async fn reply(
    state: &AppState,
    staff: &UserRow,
    id: ThreadId,
    text: &str,
    now: i64,
) -> ShopResult<()> {
    check_reply(text)?;
    let mut tx = state.db.begin_write().await?;
    let thread = contact::thread(&mut *tx, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    contact::insert_message(&mut tx, id, thread.user_id, Some(staff.id), text, now).await?;
    contact::set_status(&mut *tx, id, ThreadStatus::Waiting, now).await?;
    reply_mail(state, &thread, text)
        .enqueue(&mut tx, now)
        .await?;
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

fn reply_mail(state: &AppState, thread: &ThreadRow, text: &str) -> Mail {
    let number = format!("#{}", thread.id);
    let link = format!("{}/contact", state.settings.public_url);
    let letter = Letter::ContactReply {
        name: &thread.name,
        number: &number,
        text,
        link: &link,
    };
    Mail::compose(
        thread.language,
        &state.settings.name,
        thread.user_id,
        &thread.email,
        letter,
    )
}

pub async fn set_status(
    state: &AppState,
    id: ThreadId,
    status: ThreadStatus,
    now: i64,
) -> ShopResult<()> {
    if contact::set_status(state.db.pool(), id, status, now).await? {
        Ok(())
    } else {
        Err(ShopError::NotFound)
    }
}

/// Deletes conversations closed more than [`CLOSED_KEPT_DAYS`] before `now`; how many.
pub async fn expire_closed(state: &AppState, now: i64) -> Result<u64, sqlx::Error> {
    let cutoff = now - i64::from(CLOSED_KEPT_DAYS) * 86_400;
    contact::delete_closed_before(state.db.pool(), cutoff).await
}
