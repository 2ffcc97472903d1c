//! SQL for the privacy registry's walk over personal data (`privacy/`): the rows a shopper
//! owns in any registered table, read for the export, deleted or anonymised for erasure.
//! Table and column names come from the registry's constants, never from input.

use crate::domain::ids::UserId;
use sqlx::{Any, AnyConnection, Executor, any::AnyRow};

/// True when the account exists.
pub async fn user_exists(conn: &mut AnyConnection, user_id: UserId) -> Result<bool, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await?;
    Ok(id.is_some())
}

/// `columns` of the rows of `table` that `condition` (on `$1`, the shopper) selects, in the
/// order of the first column.
pub async fn owned_rows<'e>(
    db: impl Executor<'e, Database = Any>,
    table: &str,
    condition: &str,
    columns: &[&str],
    user_id: UserId,
) -> Result<Vec<AnyRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM {table} WHERE {condition} ORDER BY 1",
        columns.join(", ")
    );
    sqlx::query(&sql).bind(user_id).fetch_all(db).await
}

/// Deletes the rows of `table` that `condition` selects; returns how many.
pub async fn delete_owned(
    conn: &mut AnyConnection,
    table: &str,
    condition: &str,
    user_id: UserId,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query(&format!("DELETE FROM {table} WHERE {condition}"))
            .bind(user_id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

/// Blanks `columns` of the shopper's rows of `table` and unlinks them from the shopper;
/// returns how many rows were kept that way.
pub async fn anonymise_owned(
    conn: &mut AnyConnection,
    table: &str,
    owner: &str,
    columns: &[&str],
    user_id: UserId,
) -> Result<u64, sqlx::Error> {
    let blanks: Vec<String> = columns.iter().map(|c| format!("{c} = ''")).collect();
    Ok(sqlx::query(&format!(
        "UPDATE {table} SET {}, {owner} = NULL WHERE {owner} = $1",
        blanks.join(", ")
    ))
    .bind(user_id)
    .execute(conn)
    .await?
    .rows_affected())
}

/// Remembers that the account was erased (for `server restore` to erase it again from an
/// older backup).
pub async fn record_erased(
    conn: &mut AnyConnection,
    user_id: UserId,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO erased_accounts (user_id, erased_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Lists every id in `ids` as erased (a restored copy keeps the list it was given), and
/// moves the accounts' id counter past every listed id: a restored copy's counter is from
/// before some of those accounts were made, and a new account given an erased id would be
/// erased by the next restore.
pub async fn record_all_erased(db: &super::Db, ids: &[UserId]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for &id in ids {
        record_erased(&mut tx, id, crate::backend::now()).await?;
    }
    let listed = "(SELECT COALESCE(MAX(user_id), 0) FROM erased_accounts)";
    let statements = match db.backend() {
        super::Backend::Sqlite => vec![
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'users', 0 \
             WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'users')"
                .to_string(),
            format!("UPDATE sqlite_sequence SET seq = MAX(seq, {listed}) WHERE name = 'users'"),
        ],
        super::Backend::Postgres => vec![format!(
            "SELECT setval(pg_get_serial_sequence('users', 'id'), \
             GREATEST((SELECT COALESCE(MAX(id), 0) FROM users), {listed}, 1))"
        )],
    };
    for statement in statements {
        sqlx::query(&statement).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Every erased account's id.
pub async fn erased_ids<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<UserId>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM erased_accounts ORDER BY user_id")
        .fetch_all(db)
        .await
}
