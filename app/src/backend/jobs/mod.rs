//! Background jobs: every loop the server runs, one per file, all started here by
//! [`start`] and stopped together when the server stops.

pub mod change_feed;
pub mod maintenance;
pub mod outbox;
pub mod policy_notices;
pub mod recovery;

use crate::backend::{AppState, mail::worker::Transport};
use tokio::task::JoinHandle;

/// The running jobs; [`Jobs::stop`] ends them.
pub struct Jobs(Vec<JoinHandle<()>>);

/// Starts every job of a serving server: the change feed, the outbox (mail and parcels),
/// the recovery of unfinished orders, the privacy policy's notice mail and the hourly
/// maintenance (mail delivered longer than
/// `mail_retention_days` ago is deleted).
pub fn start(state: &AppState, transport: Transport, mail_retention_days: u32) -> Jobs {
    Jobs(vec![
        tokio::spawn(change_feed::run(state.clone())),
        tokio::spawn(outbox::run(state.clone(), transport)),
        tokio::spawn(recovery::run(state.clone())),
        tokio::spawn(policy_notices::run(state.clone())),
        tokio::spawn(maintenance::run(state.clone(), mail_retention_days)),
    ])
}

impl Jobs {
    pub fn stop(self) {
        for job in self.0 {
            job.abort();
        }
    }
}
