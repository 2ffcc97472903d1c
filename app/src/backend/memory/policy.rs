//! The privacy policy's versions (without their texts), which every rendered page reads to
//! know whether a signed-in shopper has a new version to acknowledge: kept until the change
//! log says a version was published, and for 30 s at most (a version published with a later
//! date takes effect within that).

use crate::backend::{
    db::{
        Db,
        policy::{self, PolicyHead},
    },
    memory::{
        changes::{ChangeFeed, Scope},
        kept::Kept,
    },
};
use crate::error::ShopResult;
use std::{sync::Arc, time::Duration};

const LIFE: Duration = Duration::from_secs(30);

pub struct PolicyVersions(Kept<(), Arc<Vec<PolicyHead>>>);

impl Default for PolicyVersions {
    fn default() -> Self {
        PolicyVersions(Kept::new(LIFE, 2))
    }
}

impl PolicyVersions {
    /// Every version, drafts included, oldest first.
    pub async fn heads(&self, changes: &ChangeFeed, db: &Db) -> ShopResult<Arc<Vec<PolicyHead>>> {
        let current =
            |_: &Arc<Vec<PolicyHead>>, version| !changes.changed_after(Scope::Policy, "", version);
        let heads = self
            .0
            .get_or_load(changes, &(), current, async {
                Ok::<_, sqlx::Error>(Some(Arc::new(policy::heads(db.pool()).await?)))
            })
            .await?;
        Ok(heads.unwrap_or_default())
    }
}

/// The version in effect at `now` among `heads`: the newest published one whose date has come.
pub fn in_effect(heads: &[PolicyHead], now: i64) -> Option<&PolicyHead> {
    heads
        .iter()
        .rev()
        .find(|h| h.effective_at.is_some_and(|at| at <= now))
}
