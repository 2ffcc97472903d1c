//! The signed-in account and the cart lines that every rendered page reads (the header, the
//! account guard, the page itself), kept in memory between requests like sessions are: each
//! until the change log (`changes.rs`) names its account or cart, and for 30 s at most. The
//! database triggers log every write to `users` and `cart_lines`, whatever code made it, so a
//! sign-out, a suspension or a role change on any server drops the copy within a second,
//! and at once on the server that made it, after its request.
//!
//! Only reads that cannot write use them: GET requests (pages, `GetUrl` server functions).
//! A POST reads the database, so what it checks and writes is never an older copy, and a
//! read after its own write sees the write. The account is kept without its password hash
//! (nothing that reads a password runs on a GET).

use crate::backend::{
    db::{
        Db,
        cart::{self, CartLineRow, CartOwner},
        users::{self, UserRow},
    },
    memory::changes::{ChangeFeed, Scope, cart_key, user_key},
    memory::kept::Kept,
};
use crate::{domain::ids::UserId, error::ShopResult};
use std::{sync::Arc, time::Duration};

/// The longest a copy is used.
const LIFE: Duration = Duration::from_secs(30);
/// Beyond this many accounts or carts in memory, the older half is dropped.
const MAX_ENTRIES: usize = 50_000;

pub struct ShopperCache {
    users: Kept<UserId, UserRow>,
    carts: Kept<String, Arc<Vec<CartLineRow>>>,
}

impl Default for ShopperCache {
    fn default() -> Self {
        ShopperCache {
            users: Kept::new(LIFE, MAX_ENTRIES),
            carts: Kept::new(LIFE, MAX_ENTRIES),
        }
    }
}

impl ShopperCache {
    /// How many accounts and carts are kept.
    pub fn kept(&self) -> (usize, usize) {
        (self.users.len(), self.carts.len())
    }

    /// The account `id` as last read, its password hash left out (empty); `None` when there
    /// is no such account.
    pub async fn user(
        &self,
        changes: &ChangeFeed,
        db: &Db,
        id: UserId,
    ) -> ShopResult<Option<UserRow>> {
        let key = user_key(id);
        let current = |_: &UserRow, version| !changes.changed_after(Scope::User, &key, version);
        let user = self
            .users
            .get_or_load(changes, &id, current, async {
                let user = users::find_by_id(db.pool(), id).await?;
                Ok::<_, sqlx::Error>(user.map(|user| UserRow {
                    password_hash: String::new(),
                    ..user
                }))
            })
            .await?;
        Ok(user)
    }

    /// The lines of `owner`'s cart as last read.
    pub async fn cart_lines(
        &self,
        changes: &ChangeFeed,
        db: &Db,
        owner: &CartOwner,
    ) -> ShopResult<Arc<Vec<CartLineRow>>> {
        let key = cart_key(owner);
        let current =
            |_: &Arc<Vec<CartLineRow>>, version| !changes.changed_after(Scope::Cart, &key, version);
        let lines = self
            .carts
            .get_or_load(changes, key.as_str(), current, async {
                Ok::<_, sqlx::Error>(Some(Arc::new(cart::lines(db.pool(), owner).await?)))
            })
            .await?;
        Ok(lines.unwrap_or_default())
    }
}
