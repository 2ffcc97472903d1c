//! What a server keeps in memory from the database: each value is used while the change
//! log (`changes.rs`) names nothing it was read from as changed, and for at most a fixed
//! life, after which it is read again. One shape for every such memory (loaded sessions,
//! products as shown, a shopper's header), so none of them decides staleness its own way.

use crate::backend::memory::changes::ChangeFeed;
use std::{
    borrow::Borrow,
    collections::HashMap,
    hash::Hash,
    sync::RwLock,
    time::{Duration, Instant},
};

/// Values by key, each with the change-log version it was read at.
pub struct Kept<K, V> {
    entries: RwLock<HashMap<K, Entry<V>>>,
    life: Duration,
    max: usize,
}

struct Entry<V> {
    value: V,
    version: u64,
    read: Instant,
}

impl<K: Eq + Hash, V: Clone> Kept<K, V> {
    /// Entries are used for at most `life`; past `max` entries, those past their life are
    /// dropped, then the older half.
    pub fn new(life: Duration, max: usize) -> Self {
        Kept {
            entries: RwLock::default(),
            life,
            max: max.max(2),
        }
    }

    /// The value kept under `key`, if younger than the life and `current(value, version)`
    /// says nothing it was read from changed after the version it was read at.
    pub fn get<Q>(&self, key: &Q, current: impl Fn(&V, u64) -> bool) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(key)?;
        (entry.read.elapsed() < self.life && current(&entry.value, entry.version))
            .then(|| entry.value.clone())
    }

    /// Keeps `value` as read at `version` (taken from [`ChangeFeed::version`] *before* the
    /// read).
    pub fn put(&self, key: K, value: V, version: u64) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.len() >= self.max {
            entries.retain(|_, e| e.read.elapsed() < self.life);
            if entries.len() >= self.max {
                let mut ages: Vec<Instant> = entries.values().map(|e| e.read).collect();
                ages.sort();
                let cut = ages[ages.len() / 2];
                entries.retain(|_, e| e.read > cut);
            }
        }
        entries.insert(
            key,
            Entry {
                value,
                version,
                read: Instant::now(),
            },
        );
    }

    /// Drops what is kept under `key` (this server just wrote to it).
    pub fn forget<Q>(&self, key: &Q)
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(key);
        }
    }

    /// The kept value, or else what `load` reads (kept when it is `Some`). The key is owned
    /// only when something is kept (a hit costs no allocation).
    pub async fn get_or_load<Q, E>(
        &self,
        feed: &ChangeFeed,
        key: &Q,
        current: impl Fn(&V, u64) -> bool,
        load: impl Future<Output = Result<Option<V>, E>>,
    ) -> Result<Option<V>, E>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(value) = self.get(key, current) {
            return Ok(Some(value));
        }
        let version = feed.version();
        let value = load.await?;
        if let Some(value) = &value {
            self.put(key.to_owned(), value.clone(), version);
        }
        Ok(value)
    }

    /// How many values are kept (for `/metrics`).
    pub fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_used_while_current_and_young() {
        let kept = Kept::new(Duration::from_secs(60), 10);
        kept.put("a".to_string(), 1, 5);
        assert_eq!(kept.get("a", |_, _| true), Some(1));
        assert_eq!(kept.get("a", |_, version| version > 5), None, "stale");
        assert_eq!(kept.get("b", |_, _| true), None);
        kept.forget("a");
        assert_eq!(kept.get("a", |_, _| true), None, "forgotten");
    }

    #[test]
    fn a_value_past_its_life_is_not_used() {
        let kept = Kept::new(Duration::ZERO, 10);
        kept.put(1, "x", 0);
        assert_eq!(kept.get(&1, |_, _| true), None);
    }

    #[test]
    fn past_the_maximum_the_older_half_goes() {
        let kept = Kept::new(Duration::from_secs(60), 4);
        for key in 0..4 {
            kept.put(key, key, 0);
            std::thread::sleep(Duration::from_millis(2));
        }
        kept.put(4, 4, 0);
        assert!(kept.len() <= 3, "{} entries kept", kept.len());
        assert_eq!(kept.get(&4, |_, _| true), Some(4), "the newest stays");
        assert_eq!(kept.get(&0, |_, _| true), None, "the oldest goes");
    }

    #[tokio::test]
    async fn get_or_load_reads_once_and_records_the_version_before_reading() {
        let feed = ChangeFeed::default();
        let kept: Kept<u32, &str> = Kept::new(Duration::from_secs(60), 10);
        let loaded = kept
            .get_or_load(&feed, &1, |_, _| true, async { Ok::<_, ()>(Some("read")) })
            .await;
        assert_eq!(loaded, Ok(Some("read")));
        let again = kept
            .get_or_load(&feed, &1, |_, _| true, async { Ok::<_, ()>(Some("again")) })
            .await;
        assert_eq!(again, Ok(Some("read")), "the kept value, no second read");
        let none = kept
            .get_or_load(&feed, &2, |_, _| true, async { Ok::<_, ()>(None) })
            .await;
        assert_eq!(none, Ok(None));
        assert_eq!(kept.get(&2, |_, _| true), None, "nothing kept for a miss");
        assert_eq!(
            kept.get(&1, |_, version| version == feed.version()),
            Some("read")
        );
    }
}
