//! SQL for the privacy policy's versions, the acknowledgements of them, and the batches of
//! notice mail sent when one is published.

use crate::domain::{ids::UserId, policy::PolicyDraft};
use crate::i18n::Lang;

use sqlx::{Any, Executor, FromRow};

/// A version without its texts.
#[derive(Clone, Debug, FromRow)]
pub struct PolicyHead {
    pub version: i64,
    /// When the draft was last saved, or when it was published.
    pub written_at: i64,
    /// `None` while a draft.
    pub effective_at: Option<i64>,
    pub summary_en: String,
    pub summary_zh: String,
    /// The last account id its notice mail was queued for; `None` when none is left.
    pub notice_after: Option<i64>,
}

impl PolicyHead {
    pub fn summary(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.summary_en,
            Lang::Zh => &self.summary_zh,
        }
    }
}

#[derive(Clone, Debug, FromRow)]
pub struct PolicyTexts {
    pub text_en: String,
    pub text_zh: String,
}

impl PolicyTexts {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Zh => &self.text_zh,
        }
    }
}

const HEAD: &str = "version, written_at, effective_at, summary_en, summary_zh, notice_after";

/// Every version, drafts included, oldest first.
pub async fn heads<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<PolicyHead>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {HEAD} FROM policy_versions ORDER BY version"
    ))
    .fetch_all(db)
    .await
}

/// The version in effect at `now`: the newest published one whose date has come.
pub async fn current<'e>(
    db: impl Executor<'e, Database = Any>,
    now: i64,
) -> Result<Option<PolicyHead>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {HEAD} FROM policy_versions
         WHERE effective_at IS NOT NULL AND effective_at <= $1
         ORDER BY version DESC LIMIT 1"
    ))
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn texts<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
) -> Result<Option<PolicyTexts>, sqlx::Error> {
    sqlx::query_as("SELECT text_en, text_zh FROM policy_versions WHERE version = $1")
        .bind(version)
        .fetch_optional(db)
        .await
}

/// Gives a version its texts when it has none (the first version, at start-up).
pub async fn fill_empty_texts<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
    text_en: &str,
    text_zh: &str,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE policy_versions SET text_en = $2, text_zh = $3
         WHERE version = $1 AND text_en = '' AND text_zh = ''",
    )
    .bind(version)
    .bind(text_en)
    .bind(text_zh)
    .execute(db)
    .await?
    .rows_affected())
}

/// A new draft, numbered after every version there is; `None` when another one took that
/// number at the same moment.
pub async fn insert_draft(
    conn: &mut sqlx::AnyConnection,
    draft: &PolicyDraft,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let version: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM policy_versions")
            .fetch_one(&mut *conn)
            .await?;
    let inserted = sqlx::query(
        "INSERT INTO policy_versions
             (version, written_at, summary_en, summary_zh, text_en, text_zh)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (version) DO NOTHING",
    )
    .bind(version)
    .bind(now)
    .bind(&draft.summary_en)
    .bind(&draft.summary_zh)
    .bind(&draft.text_en)
    .bind(&draft.text_zh)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok((inserted == 1).then_some(version))
}

/// Saves a draft's fields; 0 rows when `version` is not a draft.
pub async fn update_draft<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
    draft: &PolicyDraft,
    now: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE policy_versions
         SET written_at = $2, summary_en = $3, summary_zh = $4, text_en = $5, text_zh = $6
         WHERE version = $1 AND effective_at IS NULL",
    )
    .bind(version)
    .bind(now)
    .bind(&draft.summary_en)
    .bind(&draft.summary_zh)
    .bind(&draft.text_en)
    .bind(&draft.text_zh)
    .execute(db)
    .await?
    .rows_affected())
}

/// Deletes a draft; 0 rows when `version` is not a draft.
pub async fn delete_draft<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM policy_versions WHERE version = $1 AND effective_at IS NULL")
            .bind(version)
            .execute(db)
            .await?
            .rows_affected(),
    )
}

/// Publishes a draft to take effect at `effective_at` and starts its notice mail; 0 rows
/// when `version` is not a draft.
pub async fn publish<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
    effective_at: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE policy_versions SET effective_at = $2, written_at = $3, notice_after = 0
         WHERE version = $1 AND effective_at IS NULL",
    )
    .bind(version)
    .bind(effective_at)
    .bind(now)
    .execute(db)
    .await?
    .rows_affected())
}

/// Records that `user_id` acknowledged `version` at `now` (once), and makes it the account's
/// newest acknowledged version unless a newer one is.
pub async fn acknowledge(
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    version: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO policy_acknowledgements (user_id, version, acknowledged_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, version) DO NOTHING",
    )
    .bind(user_id)
    .bind(version)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE users SET policy_version = $2 WHERE id = $1 AND policy_version < $2")
        .bind(user_id)
        .bind(version)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The oldest published version whose notice mail is not all queued, and the last account
/// id queued.
pub async fn notice_due<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Option<PolicyHead>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {HEAD} FROM policy_versions
         WHERE effective_at IS NOT NULL AND notice_after IS NOT NULL
         ORDER BY version LIMIT 1"
    ))
    .fetch_optional(db)
    .await
}

/// Moves a version's notice cursor from `from` to `to` (`None`: done); 0 rows when another
/// server moved it first.
pub async fn advance_notice<'e>(
    db: impl Executor<'e, Database = Any>,
    version: i64,
    from: i64,
    to: Option<i64>,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE policy_versions SET notice_after = $3 WHERE version = $1 AND notice_after = $2",
    )
    .bind(version)
    .bind(from)
    .bind(to)
    .execute(db)
    .await?
    .rows_affected())
}
