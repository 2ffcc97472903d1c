//! What each session's visitor sees in kept pages ([`Personal`]), kept in memory by session
//! so that a shopper's catalog pages cost no database query: an entry is used while nothing
//! it was built from changed (the change log) and for at most [`LIFE`], after which it is
//! built again (which also keeps the session's idle clock running).

use app::backend::{
    AppState,
    personal::{self, Personal},
};
use axum::http::HeaderMap;
use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

/// The longest an entry is used.
const LIFE: Duration = Duration::from_secs(30);
/// Beyond this many sessions, entries past their life are dropped, then the older half.
const MAX_ENTRIES: usize = 20_000;

#[derive(Clone, Default)]
pub struct PersonalCache {
    entries: Arc<RwLock<HashMap<String, Entry>>>,
}

struct Entry {
    personal: Arc<Personal>,
    version: u64,
    built: Instant,
}

impl PersonalCache {
    /// The visitor's [`Personal`] for a request carrying session `token`; `None` when the
    /// session is not live (or cannot be read now): the page is rendered.
    pub async fn get(
        &self,
        state: &AppState,
        headers: &HeaderMap,
        token: &str,
    ) -> Option<Arc<Personal>> {
        let hash = state.sessions.id_hash_of(token);
        if let Ok(entries) = self.entries.read()
            && let Some(entry) = entries.get(&hash)
            && entry.built.elapsed() < LIFE
            && entry.personal.is_current(&state.changes, entry.version)
        {
            return Some(entry.personal.clone());
        }
        let version = state.changes.version();
        let personal = match personal::of_request(state, headers).await {
            Ok(Some(personal)) => Arc::new(personal),
            Ok(None) => return None,
            Err(error) => {
                tracing::warn!(?error, "cannot work out a visitor's header");
                return None;
            }
        };
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.retain(|_, e| e.built.elapsed() < LIFE);
                if entries.len() >= MAX_ENTRIES {
                    let mut ages: Vec<Instant> = entries.values().map(|e| e.built).collect();
                    ages.sort();
                    let cut = ages[ages.len() / 2];
                    entries.retain(|_, e| e.built > cut);
                }
            }
            entries.insert(
                hash,
                Entry {
                    personal: personal.clone(),
                    version,
                    built: Instant::now(),
                },
            );
        }
        Some(personal)
    }
}
