//! Counts of the costly steps the shop takes (password hashes, account writes, mail
//! queued): tests read them to check that two paths do the same work (registration of a new
//! and of a taken address), where timing them would be flaky.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    PasswordHash,
    AccountWritten,
    MailQueued,
}

impl Step {
    const ALL: [Step; 3] = [Step::PasswordHash, Step::AccountWritten, Step::MailQueued];
}

/// How often each [`Step`] ran since the server started.
#[derive(Debug, Default)]
pub struct Work {
    counts: [AtomicU64; Step::ALL.len()],
}

impl Work {
    pub fn count(&self, step: Step) {
        self.counts[step as usize].fetch_add(1, Ordering::Relaxed);
    }

    pub fn done(&self, step: Step) -> u64 {
        self.counts[step as usize].load(Ordering::Relaxed)
    }

    /// Every step with its count, in the order of [`Step`].
    pub fn all(&self) -> Vec<(Step, u64)> {
        Step::ALL.iter().map(|&s| (s, self.done(s))).collect()
    }
}
