//! Account erasure: in one transaction, every row the registry lists for the shopper is
//! deleted (children first, the account last), which also ends every session. What is kept
//! and why is reported back, for the receipt the shopper sees. On SQLite the deleted bytes
//! are also wiped from the files (`secure_delete`, then a WAL checkpoint).

use crate::domain::ids::UserId;

use super::registry::{OnErase, Owner, PERSONAL};
use crate::backend::db::{Db, personal};
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
    if !personal::user_exists(&mut tx, user_id).await? {
        return Ok(None);
    }
    let mut erased = Vec::new();
    let mut kept_anonymised = Vec::new();
    for table in PERSONAL {
        let owner = table.owner.condition();
        match table.on_erase {
            OnErase::Delete => erased.push(ErasedSection {
                section: table.section.to_string(),
                rows: personal::delete_owned(&mut tx, table.table, owner, user_id).await?,
            }),
            OnErase::Anonymise(columns) => {
                let Owner::UserId = table.owner else {
                    unreachable!("only rows with a user_id are kept anonymised")
                };
                kept_anonymised.push(ErasedSection {
                    section: table.section.to_string(),
                    rows: personal::anonymise_owned(
                        &mut tx,
                        table.table,
                        "user_id",
                        columns,
                        user_id,
                    )
                    .await?,
                })
            }
        }
    }
    personal::record_erased(&mut tx, user_id, crate::backend::now()).await?;
    tx.commit().await?;
    db.flush_erased().await?;
    Ok(Some(ErasureReport {
        erased,
        kept_anonymised,
    }))
}
