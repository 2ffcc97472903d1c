//! The search index's words, kept until the catalog changes (a search that finds nothing
//! compares its words with them; loading them reads every product).

use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct SearchWords(Mutex<Option<(u64, Arc<Vec<String>>)>>);

impl SearchWords {
    /// The words kept for catalog version `version`, if those are the ones kept.
    pub fn at(&self, version: u64) -> Option<Arc<Vec<String>>> {
        let kept = self.0.lock().ok()?.clone();
        kept.filter(|(at, _)| *at == version)
            .map(|(_, words)| words)
    }

    /// Keeps `words`, read at catalog version `version`.
    pub fn keep(&self, version: u64, words: Arc<Vec<String>>) {
        if let Ok(mut kept) = self.0.lock() {
            *kept = Some((version, words));
        }
    }
}
