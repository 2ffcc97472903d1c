//! What each session's visitor sees in kept pages ([`Personal`]), kept in memory by session
//! so that a shopper's catalog pages cost no database query: an entry is used while nothing
//! it was built from changed (the change log) and for at most [`LIFE`], after which it is
//! built again (which also keeps the session's idle clock running).

use app::backend::{
    AppState,
    memory::kept::Kept,
    request::personal::{self, Personal},
};
use axum::http::HeaderMap;
use std::{sync::Arc, time::Duration};

/// The longest an entry is used.
const LIFE: Duration = Duration::from_secs(30);
/// The most sessions kept.
const MAX_ENTRIES: usize = 20_000;

#[derive(Clone)]
pub struct PersonalCache {
    kept: Arc<Kept<String, Arc<Personal>>>,
}

impl Default for PersonalCache {
    fn default() -> Self {
        PersonalCache {
            kept: Arc::new(Kept::new(LIFE, MAX_ENTRIES)),
        }
    }
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
        let current =
            |personal: &Arc<Personal>, version| personal.is_current(&state.changes, version);
        let load = async {
            personal::of_request(state, headers)
                .await
                .map(|personal| personal.map(Arc::new))
        };
        match self
            .kept
            .get_or_load(&state.changes, hash.as_str(), current, load)
            .await
        {
            Ok(personal) => personal,
            Err(error) => {
                tracing::warn!(?error, "cannot work out a visitor's header");
                None
            }
        }
    }
}
