//! Account erasure: in one transaction, every row the registry lists for the shopper is
//! deleted (children first, the account last), which also ends every session. What is kept
//! and why is reported back, for the receipt the shopper sees. On SQLite the deleted bytes
//! are also wiped from the files (`secure_delete`, then a WAL checkpoint).

use crate::domain::ids::UserId;

use super::registry::{OnErase, Owner, PERSONAL};
use crate::backend::db::Db;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasedSection {
    pub section: String,
    pub rows: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureReport {
    pub erased: Vec<ErasedSection>,
    /// Records kept in anonymised form (orders, for accounting), by kind.
    pub kept_anonymised: Vec<ErasedSection>,
}

/// Erases a shopper. Returns `None` when the account does not exist.
pub async fn erase_user(db: &Db, user_id: UserId) -> Result<Option<ErasureReport>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    let mut erased = Vec::new();
    let mut kept_anonymised = Vec::new();
    for table in PERSONAL {
        let owner = match table.owner {
            Owner::User => "id",
            Owner::UserId => "user_id",
        };
        let rows = match table.on_erase {
            OnErase::Delete => {
                sqlx::query(&format!("DELETE FROM {} WHERE {owner} = $1", table.table))
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
            }
            OnErase::Anonymise(columns) => {
                // Names come from the registry (constants), never from input.
                let blanks: Vec<String> = columns.iter().map(|c| format!("{c} = ''")).collect();
                let kept = sqlx::query(&format!(
                    "UPDATE {} SET {}, {owner} = NULL WHERE {owner} = $1",
                    table.table,
                    blanks.join(", ")
                ))
                .bind(user_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                kept_anonymised.push(ErasedSection {
                    section: table.section.to_string(),
                    rows: kept,
                });
                continue;
            }
        };
        erased.push(ErasedSection {
            section: table.section.to_string(),
            rows,
        });
    }
    tx.commit().await?;
    db.flush_erased().await?;
    Ok(Some(ErasureReport {
        erased,
        kept_anonymised,
    }))
}
