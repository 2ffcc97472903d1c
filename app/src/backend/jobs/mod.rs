//! Background jobs: every loop the server runs, one per file, all started here by
//! [`start`] and stopped together when the server stops.

pub mod bulk_mail;
pub mod change_feed;
pub mod maintenance;
pub mod outbox;
pub mod recovery;

use crate::backend::{AppState, mail::worker::Transport};
use tokio::task::JoinHandle;

/// The running jobs; [`Jobs::stop`] ends them.
pub struct Jobs(Vec<JoinHandle<()>>);

/// How long the hourly maintenance keeps what expires.
#[derive(Clone, Copy, Debug)]
pub struct Retention {
    /// Delivered mail.
    pub mail_days: u32,
    /// Raw analytics records (then daily totals).
    pub analytics_days: u32,
}

/// Starts every job of a serving server: the change feed, the outbox (mail and parcels),
/// the recovery of unfinished orders, mail to many accounts (the privacy policy's notices,
/// newsletters) and the hourly
/// maintenance (see [`Retention`]).
pub fn start(state: &AppState, transport: Transport, retention: Retention) -> Jobs {
    Jobs(vec![
        tokio::spawn(change_feed::run(state.clone())),
        tokio::spawn(outbox::run(state.clone(), transport)),
        tokio::spawn(recovery::run(state.clone())),
        tokio::spawn(bulk_mail::run(state.clone())),
        tokio::spawn(maintenance::run(state.clone(), retention)),
    ])
}

impl Jobs {
    pub fn stop(self) {
        for job in self.0 {
            job.abort();
        }
    }
}
