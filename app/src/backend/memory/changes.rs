//! Keeping every app server's memory current. What servers keep in memory (catalog pages,
//! what the header shows a shopper) is dropped when the database says it changed: triggers
//! append to the `changes` table on every write to products, prices, pictures, sessions,
//! accounts and carts (migration `changes.sql`), whatever code made it, and each server
//! reads the log:
//!
//! - every 250 ms ([`run`]): a change made on another server is seen within a second;
//! - at once after each request that may write (`server/src/middleware/changes.rs`): the
//!   server that made a change answers the next request with it.
//!
//! Each change applied gets a new local version number. Something built in memory records
//! [`ChangeFeed::version`] before it reads the database, and is stale once
//! [`ChangeFeed::catalog_version`] or [`ChangeFeed::changed_after`] (for one session,
//! account or cart) names a later version.
//!
//! On PostgreSQL, log numbers are taken in one order and committed in another: a number
//! missing below the newest one seen may still appear, so it is watched for a while.

use crate::backend::db::{Db, cart::CartOwner, changes};
use crate::domain::ids::UserId;
use std::{
    collections::{BTreeMap, HashMap},
    sync::{
        RwLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

/// What a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Anything catalog pages show (key: `p<product id>`; any such change also moves the
    /// catalog as a whole).
    Catalog,
    /// One session (key: its id hash).
    Session,
    /// One account (key: `u<id>`).
    User,
    /// One cart (key: `u<user id>` or `g<guest key>`).
    Cart,
    /// The privacy policy's versions (key: empty): one was published.
    Policy,
}

impl Scope {
    fn parse(s: &str) -> Option<Scope> {
        Some(match s {
            "catalog" => Scope::Catalog,
            "session" => Scope::Session,
            "user" => Scope::User,
            "cart" => Scope::Cart,
            "policy" => Scope::Policy,
            _ => return None,
        })
    }
}

/// How often each server reads the log.
pub const POLL: Duration = Duration::from_millis(250);
/// The change log's key of an account.
pub fn user_key(id: UserId) -> String {
    format!("u{id}")
}

/// The change log's key of a cart.
pub fn cart_key(owner: &CartOwner) -> String {
    match owner {
        CartOwner::User(id) => user_key(*id),
        CartOwner::Guest(key) => format!("g{key}"),
    }
}

/// How long the log keeps a row, and a server a change it applied.
const KEEP: Duration = Duration::from_secs(600);
/// How long a missing number is watched (a transaction that long is not expected).
const WATCH: Duration = Duration::from_secs(30);
/// Gaps wider than this (a sequence jump after a crash) are not watched number by number.
const MAX_GAP: i64 = 1000;

#[derive(Default)]
pub struct ChangeFeed {
    /// Serialises readers of the log; holds where reading resumes.
    cursor: tokio::sync::Mutex<Cursor>,
    /// The local version: one more for each change applied.
    version: AtomicU64,
    /// The version of the newest catalog change.
    catalog: AtomicU64,
    /// The version of the newest change of each session, account and cart, and when it was
    /// applied.
    touched: RwLock<HashMap<(Scope, String), (u64, Instant)>>,
}

#[derive(Default)]
struct Cursor {
    after: i64,
    /// Numbers below `after` not seen yet, with when they were first missed.
    missing: BTreeMap<i64, Instant>,
    pruned: Option<Instant>,
}

impl ChangeFeed {
    /// A feed that starts after the newest row already in the log.
    pub async fn start(db: &Db) -> Result<ChangeFeed, sqlx::Error> {
        let last = changes::last(db.pool()).await?;
        let feed = ChangeFeed::default();
        feed.cursor.lock().await.after = last;
        Ok(feed)
    }

    /// The version now: record it before reading what is to be kept.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// The version of the newest catalog change: pages rendered before it are stale.
    pub fn catalog_version(&self) -> u64 {
        self.catalog.load(Ordering::SeqCst)
    }

    /// True when `key` in `scope` changed after `version` (as far as this server has read);
    /// `Catalog` with an empty key: anything in the catalog.
    pub fn changed_after(&self, scope: Scope, key: &str, version: u64) -> bool {
        if scope == Scope::Catalog && key.is_empty() {
            return self.catalog_version() > version;
        }
        let Ok(touched) = self.touched.read() else {
            return true;
        };
        touched
            .get(&(scope, key.to_string()))
            .is_some_and(|(changed, _)| *changed > version)
    }

    /// Reads the log up to now and applies it.
    pub async fn catch_up(&self, db: &Db) -> Result<(), sqlx::Error> {
        let mut cursor = self.cursor.lock().await;
        let now = Instant::now();
        cursor.missing.retain(|_, since| now - *since < WATCH);
        let watched: Vec<i64> = cursor.missing.keys().copied().collect();
        loop {
            let rows = changes::since(db.pool(), cursor.after, &watched, 1000).await?;
            let full = rows.len() == 1000;
            for row in rows {
                if row.seq > cursor.after {
                    if row.seq - cursor.after <= MAX_GAP {
                        for gap in cursor.after + 1..row.seq {
                            cursor.missing.insert(gap, now);
                        }
                    }
                    cursor.after = row.seq;
                } else {
                    cursor.missing.remove(&row.seq);
                }
                self.apply(&row, now);
            }
            if !full {
                break;
            }
        }
        if cursor
            .pruned
            .is_none_or(|at| now - at > Duration::from_secs(60))
        {
            cursor.pruned = Some(now);
            self.prune(db, now).await?;
        }
        Ok(())
    }

    fn apply(&self, row: &changes::ChangeRow, now: Instant) {
        let version = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        match Scope::parse(&row.scope) {
            Some(Scope::Catalog) if row.key.is_empty() => {
                self.catalog.fetch_max(version, Ordering::SeqCst);
            }
            Some(scope) => {
                if scope == Scope::Catalog {
                    self.catalog.fetch_max(version, Ordering::SeqCst);
                }
                if let Ok(mut touched) = self.touched.write() {
                    touched.insert((scope, row.key.clone()), (version, now));
                }
            }
            None => tracing::warn!(scope = row.scope, "unknown scope in the change log"),
        }
    }

    /// Forgets changes applied long ago (nothing built before them is still kept) and
    /// deletes old rows from the log.
    async fn prune(&self, db: &Db, now: Instant) -> Result<(), sqlx::Error> {
        if let Ok(mut touched) = self.touched.write() {
            touched.retain(|_, (_, at)| now - *at < KEEP);
        }
        let cutoff = crate::backend::now() - KEEP.as_secs() as i64;
        changes::delete_before(db.pool(), cutoff).await?;
        Ok(())
    }
}
