//! Whether this app server should be sent traffic (`/readyz`): it is not draining (shutting
//! down after SIGTERM), its database answers and holds every migration this build knows,
//! and its outbox worker (mail, parcels for carriers) is running. `/healthz` only says the
//! process answers.

use crate::backend::db::Db;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What this server knows about itself beyond the database.
#[derive(Debug, Default)]
pub struct Health {
    draining: AtomicBool,
    outbox_running: AtomicBool,
    /// Set once the database was found holding every migration (they only ever add).
    migrated: AtomicBool,
}

impl Health {
    /// From now on the server answers not ready, so that a load balancer sends new traffic
    /// elsewhere while the requests in flight finish.
    pub fn start_draining(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    /// Marks the outbox worker running until the returned guard is dropped (when the worker
    /// stops, is aborted or panics).
    pub fn outbox_started(&self) -> Running<'_> {
        self.outbox_running.store(true, Ordering::SeqCst);
        Running(&self.outbox_running)
    }
}

/// Clears its flag when dropped.
pub struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Why a server is not ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    Draining,
    DatabaseUnavailable,
    /// The database lacks migrations this build has (another server is migrating, or a
    /// migration failed).
    MigrationsPending,
    OutboxStopped,
}

impl NotReady {
    pub fn reason(self) -> &'static str {
        match self {
            NotReady::Draining => "draining",
            NotReady::DatabaseUnavailable => "database unavailable",
            NotReady::MigrationsPending => "migrations pending",
            NotReady::OutboxStopped => "outbox worker stopped",
        }
    }
}

/// Checks readiness (the state's `health` and `db`), the database within two seconds.
pub async fn readiness(health: &Health, db: &Db) -> Result<(), NotReady> {
    if health.is_draining() {
        return Err(NotReady::Draining);
    }
    let answers = async {
        if health.migrated.load(Ordering::SeqCst) {
            // Migrations never go away: a trivial query says the database answers.
            return Ok(db.is_healthy().await.then_some(true));
        }
        db.migrations_current().await.map(Some)
    };
    let current = tokio::time::timeout(Duration::from_secs(2), answers)
        .await
        .map_err(|_| NotReady::DatabaseUnavailable)?
        .map_err(|_| NotReady::DatabaseUnavailable)?
        .ok_or(NotReady::DatabaseUnavailable)?;
    if !current {
        return Err(NotReady::MigrationsPending);
    }
    health.migrated.store(true, Ordering::SeqCst);
    if !health.outbox_running.load(Ordering::SeqCst) {
        return Err(NotReady::OutboxStopped);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outbox_counts_as_running_while_its_guard_lives() {
        let health = Health::default();
        assert!(!health.outbox_running.load(Ordering::SeqCst));
        let guard = health.outbox_started();
        assert!(health.outbox_running.load(Ordering::SeqCst));
        drop(guard);
        assert!(
            !health.outbox_running.load(Ordering::SeqCst),
            "stopped or panicked"
        );
        assert!(!health.is_draining());
        health.start_draining();
        assert!(health.is_draining());
    }
}
