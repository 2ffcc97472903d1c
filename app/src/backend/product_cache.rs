//! Products and their price tiers as shown (cart lines, the header's subtotal), kept in
//! memory per product until the change log names that product (`changes.rs`), and for a
//! minute at most. Writes read the database themselves, inside their transactions.

use super::{
    AppState,
    changes::Scope,
    db::products::{self, ProductRow},
};
use crate::{
    domain::{ids::ProductId, pricing::Tier},
    error::ShopResult,
};
use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

/// The longest an entry is used (shorter than the change log keeps what it applied).
const LIFE: Duration = Duration::from_secs(60);
/// Beyond this many products, the cache starts afresh.
const MAX_ENTRIES: usize = 50_000;

/// A product with its tiers, as read at one version.
#[derive(Debug)]
pub struct Shown {
    pub product: ProductRow,
    pub tiers: Vec<Tier>,
}

#[derive(Default)]
pub struct ProductCache {
    entries: RwLock<HashMap<ProductId, Entry>>,
}

struct Entry {
    shown: Arc<Shown>,
    version: u64,
    read: Instant,
}

impl ProductCache {
    /// The product with its tiers; `None` when there is no such product.
    pub async fn get(&self, state: &AppState, id: ProductId) -> ShopResult<Option<Arc<Shown>>> {
        let key = format!("p{id}");
        if let Ok(entries) = self.entries.read()
            && let Some(entry) = entries.get(&id)
            && entry.read.elapsed() < LIFE
            && !state
                .changes
                .changed_after(Scope::Catalog, &key, entry.version)
        {
            return Ok(Some(entry.shown.clone()));
        }
        let version = state.changes.version();
        let pool = state.db.pool();
        let Some(product) = products::find_by_id(pool, id).await? else {
            return Ok(None);
        };
        let tiers = products::tiers(pool, id).await?;
        let shown = Arc::new(Shown { product, tiers });
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                id,
                Entry {
                    shown: shown.clone(),
                    version,
                    read: Instant::now(),
                },
            );
        }
        Ok(Some(shown))
    }
}
