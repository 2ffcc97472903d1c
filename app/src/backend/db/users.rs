//! SQL for `users`.

use crate::domain::ids::UserId;

use super::sql::Sql;
use crate::{
    domain::account::{AccountStatus, Role},
    i18n::Lang,
};
use sqlx::{Any, Executor, FromRow};

/// A user as stored. Holds the password hash, so it is neither `Serialize` nor printed in
/// full by `Debug`.
#[derive(Clone, FromRow)]
pub struct UserRow {
    pub id: UserId,
    pub email: String,
    pub email_verified_at: Option<i64>,
    pub password_hash: String,
    pub full_name: String,
    pub phone: String,
    pub language: Lang,
    pub marketing_opt_in_at: Option<i64>,
    pub role: Role,
    pub status: AccountStatus,
    pub status_reason: Option<String>,
    pub status_changed_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The newest privacy policy version the account acknowledged.
    pub policy_version: i64,
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow")
            .field("id", &self.id)
            .field("role", &self.role)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "id, email, email_verified_at, password_hash, full_name, phone, language, \
     marketing_opt_in_at, role, status, status_reason, status_changed_at, created_at, updated_at, \
     policy_version";

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub phone: &'a str,
    pub language: Lang,
    pub marketing_opt_in_at: Option<i64>,
    pub role: Role,
    pub email_verified_at: Option<i64>,
    pub now: i64,
}

pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    u: NewUser<'_>,
) -> Result<UserId, sqlx::Error> {
    let columns = vec![
        ("email", u.email.into()),
        ("password_hash", u.password_hash.into()),
        ("full_name", u.full_name.into()),
        ("phone", u.phone.into()),
        ("language", u.language.code().into()),
        ("marketing_opt_in_at", u.marketing_opt_in_at.into()),
        ("role", u.role.as_str().into()),
        ("email_verified_at", u.email_verified_at.into()),
        ("status", AccountStatus::Active.as_str().into()),
        ("created_at", u.now.into()),
        ("updated_at", u.now.into()),
    ];
    let row = Sql::insert_returning_id("users", columns)
        .query()
        .fetch_one(db)
        .await?;
    sqlx::Row::try_get(&row, 0)
}

pub async fn find_by_id<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_email<'e>(
    db: impl Executor<'e, Database = Any>,
    email: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(db)
        .await
}

pub async fn update_profile<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    full_name: &str,
    phone: &str,
    language: Lang,
    marketing_opt_in_at: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET full_name = $1, phone = $2, language = $3, marketing_opt_in_at = $4,
                          updated_at = $5
         WHERE id = $6",
    )
    .bind(full_name)
    .bind(phone)
    .bind(language)
    .bind(marketing_opt_in_at)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// Ends an account's marketing opt-in; 0 rows when it had none.
pub async fn opt_out_of_marketing<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    now: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE users SET marketing_opt_in_at = NULL, updated_at = $1
         WHERE id = $2 AND marketing_opt_in_at IS NOT NULL",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await?
    .rows_affected())
}

pub async fn set_language<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    language: Lang,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_password_hash<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Sets a verified email address (after the shopper followed the link sent to it).
pub async fn set_verified_email<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    email: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email = $1, email_verified_at = $2, updated_at = $2 WHERE id = $3",
    )
    .bind(email)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn set_role<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    role: Role,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
        .bind(role)
        .bind(now)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

pub async fn set_status<'e>(
    db: impl Executor<'e, Database = Any>,
    id: UserId,
    status: AccountStatus,
    reason: Option<&str>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE users SET status = $1, status_reason = $2, status_changed_at = $3, updated_at = $3
         WHERE id = $4",
    )
    .bind(status)
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// Customers for the back office: accounts that are not deactivated, matching `query` in
/// email or name (case-insensitive), newest first.
pub async fn search<'e>(
    db: impl Executor<'e, Database = Any>,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<UserRow>, sqlx::Error> {
    let pattern = format!(
        "%{}%",
        super::sql::escape_like(&query.trim().to_lowercase())
    );
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users
         WHERE status <> 'deactivated'
           AND (LOWER(email) LIKE $1 ESCAPE '\\' OR LOWER(full_name) LIKE $1 ESCAPE '\\')
         ORDER BY created_at DESC, id DESC
         LIMIT $2 OFFSET $3"
    ))
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// Accounts deactivated before `cutoff`: due for erasure.
pub async fn deactivated_before<'e>(
    db: impl Executor<'e, Database = Any>,
    cutoff: i64,
) -> Result<Vec<UserId>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE status = 'deactivated' AND status_changed_at < $1",
    )
    .bind(cutoff)
    .fetch_all(db)
    .await
}

/// The ids and addresses of every staff and admin account.
pub async fn staff_accounts<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<(UserId, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, email FROM users WHERE role IN ('staff', 'admin')")
        .fetch_all(db)
        .await
}

pub async fn exists_with_role<'e>(
    db: impl Executor<'e, Database = Any>,
    role: Role,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = $1")
        .bind(role)
        .fetch_one(db)
        .await?;
    Ok(n > 0)
}
