//! Products and their price tiers as shown (cart lines, the header's subtotal), kept in
//! memory per product until the change log names that product (`changes.rs`), and for a
//! minute at most. Writes read the database themselves, inside their transactions.

use crate::backend::{
    db::{
        Db,
        products::{self, ProductRow},
    },
    memory::changes::{ChangeFeed, Scope},
    memory::kept::Kept,
};
use crate::{
    domain::{ids::ProductId, pricing::Tier},
    error::ShopResult,
};
use std::{sync::Arc, time::Duration};

/// The longest an entry is used (shorter than the change log keeps what it applied).
const LIFE: Duration = Duration::from_secs(60);
/// The most products kept.
const MAX_ENTRIES: usize = 50_000;

/// A product with its tiers, as read at one version.
#[derive(Debug)]
pub struct Shown {
    pub product: ProductRow,
    pub tiers: Vec<Tier>,
}

pub struct ProductCache {
    kept: Kept<ProductId, Arc<Shown>>,
}

impl Default for ProductCache {
    fn default() -> Self {
        ProductCache {
            kept: Kept::new(LIFE, MAX_ENTRIES),
        }
    }
}

impl ProductCache {
    /// How many products are kept.
    pub fn kept(&self) -> usize {
        self.kept.len()
    }

    /// The product with its tiers; `None` when there is no such product.
    pub async fn get(
        &self,
        changes: &ChangeFeed,
        db: &Db,
        id: ProductId,
    ) -> ShopResult<Option<Arc<Shown>>> {
        let key = format!("p{id}");
        let current =
            |_: &Arc<Shown>, version| !changes.changed_after(Scope::Catalog, &key, version);
        self.kept
            .get_or_load(changes, &id, current, async {
                let pool = db.pool();
                let Some(product) = products::find_by_id(pool, id).await? else {
                    return Ok(None);
                };
                let tiers = products::tiers(pool, id).await?;
                Ok(Some(Arc::new(Shown { product, tiers })))
            })
            .await
    }
}
