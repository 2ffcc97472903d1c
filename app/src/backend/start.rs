//! Starting the backend: the database opened and migrated, the checks a shop must pass
//! before it serves, and the work done once before the first request. The server crate
//! starts the shop through these (it never reaches into `db`).

use crate::backend::{
    AppState,
    catalog::{browse, seed},
    db::products,
    security::passwords,
};
use crate::error::ShopResult;

pub use crate::backend::db::{Backend, Db, DbOptions, DbSetupError};

/// Connects to the database and brings its schema up to date.
pub async fn open_database(options: &DbOptions) -> Result<Db, DbSetupError> {
    let db = Db::connect(options).await?;
    db.migrate().await?;
    Ok(db)
}

/// The currencies the catalog's prices are in (the shop refuses to start when they are not
/// its own).
pub async fn catalog_currencies(state: &AppState) -> ShopResult<Vec<String>> {
    Ok(products::currencies(state.db.pool()).await?)
}

/// Loads the seed catalog into an empty shop; returns how many products were added.
pub async fn seed_catalog(state: &AppState) -> ShopResult<usize> {
    seed::seed_if_empty(state).await
}

/// Before the first request: the search index rewritten for what it may now hold, the
/// privacy policy's first version given its texts, every change so far seen (kept values
/// start fresh), the password hasher warmed up.
pub async fn prepare(state: &AppState) -> ShopResult<()> {
    browse::reindex_search(state).await?;
    crate::backend::privacy::policy::fill_first_texts(state).await?;
    state.changes.catch_up(&state.db).await?;
    passwords::warm_up().await;
    Ok(())
}
