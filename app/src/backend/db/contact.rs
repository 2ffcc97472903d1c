//! SQL for `contact_threads` and `contact_messages`: questions to the shop and the answers.

use crate::{
    domain::{
        contact::ThreadStatus,
        ids::{ThreadId, UserId},
    },
    i18n::Lang,
};
use sqlx::{Any, AnyConnection, Executor, FromRow};

#[derive(Clone, Debug, FromRow)]
pub struct ThreadRow {
    pub id: ThreadId,
    pub user_id: Option<UserId>,
    pub name: String,
    pub email: String,
    pub order_number: String,
    pub language: Lang,
    pub status: ThreadStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub closed_at: Option<i64>,
}

const THREAD: &str = "id, user_id, name, email, order_number, language, status, created_at, \
                      updated_at, closed_at";

#[derive(Clone, Debug, FromRow)]
pub struct MessageRow {
    pub id: i64,
    /// 1 for a staff reply, 0 for the shopper's message.
    pub from_staff: i64,
    /// The answering staff member's name (NULL for the shopper's message, or once that
    /// account is gone).
    pub staff_name: Option<String>,
    pub body: String,
    pub at: i64,
}

/// A new conversation (status open) with its first message, from the shopper.
pub struct NewThread<'a> {
    pub user_id: Option<UserId>,
    pub name: &'a str,
    pub email: &'a str,
    pub order_number: &'a str,
    pub language: Lang,
    pub message: &'a str,
}

pub async fn insert_thread(
    conn: &mut AnyConnection,
    thread: NewThread<'_>,
    now: i64,
) -> Result<ThreadId, sqlx::Error> {
    let id: ThreadId = sqlx::query_scalar(
        "INSERT INTO contact_threads (user_id, name, email, order_number, language, status,
                                      created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $6)
         RETURNING id",
    )
    .bind(thread.user_id)
    .bind(thread.name)
    .bind(thread.email)
    .bind(thread.order_number)
    .bind(thread.language)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    insert_message(&mut *conn, id, thread.user_id, None, thread.message, now).await?;
    Ok(id)
}

/// A message in a conversation: the shopper's (`staff` None) or a staff reply.
pub async fn insert_message(
    conn: &mut AnyConnection,
    thread: ThreadId,
    owner: Option<UserId>,
    staff: Option<UserId>,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO contact_messages (thread_id, user_id, staff_id, from_staff, body, at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(thread)
    .bind(owner)
    .bind(staff)
    .bind(i64::from(staff.is_some()))
    .bind(body)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest conversations first, those in `status` only when given.
pub async fn threads<'e>(
    db: impl Executor<'e, Database = Any>,
    status: Option<ThreadStatus>,
    limit: i64,
) -> Result<Vec<ThreadRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {THREAD} FROM contact_threads
         WHERE ($1 = '' OR status = $1)
         ORDER BY updated_at DESC, id DESC LIMIT $2"
    ))
    .bind(status.map_or("", ThreadStatus::as_str))
    .bind(limit)
    .fetch_all(db)
    .await
}

pub async fn thread<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ThreadId,
) -> Result<Option<ThreadRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {THREAD} FROM contact_threads WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A conversation's messages, oldest first.
pub async fn messages<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ThreadId,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.id, m.from_staff, u.full_name AS staff_name, m.body, m.at
         FROM contact_messages m LEFT JOIN users u ON u.id = m.staff_id
         WHERE m.thread_id = $1 ORDER BY m.id",
    )
    .bind(id)
    .fetch_all(db)
    .await
}

/// Sets a conversation's status (a closed one remembers when); false when there is none.
pub async fn set_status<'e>(
    db: impl Executor<'e, Database = Any>,
    id: ThreadId,
    status: ThreadStatus,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let closed_at = (status == ThreadStatus::Closed).then_some(now);
    let done = sqlx::query(
        "UPDATE contact_threads SET status = $1, updated_at = $2, closed_at = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(now)
    .bind(closed_at)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a guest's conversations from `email` to the account that confirmed it.
pub async fn claim_guest_threads(
    conn: &mut AnyConnection,
    user: UserId,
    email: &str,
) -> Result<u64, sqlx::Error> {
    let claimed =
        sqlx::query("UPDATE contact_threads SET user_id = $1 WHERE user_id IS NULL AND email = $2")
            .bind(user)
            .bind(email)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    sqlx::query(
        "UPDATE contact_messages SET user_id = $1
         WHERE user_id IS NULL AND thread_id IN (SELECT id FROM contact_threads WHERE user_id = $1)",
    )
    .bind(user)
    .execute(&mut *conn)
    .await?;
    Ok(claimed)
}

/// Deletes conversations closed before `cutoff`, with their messages.
pub async fn delete_closed_before<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM contact_threads WHERE status = 'closed' AND closed_at < $1")
            .bind(cutoff)
            .execute(db)
            .await?;
    Ok(done.rows_affected())
}
