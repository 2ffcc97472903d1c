//! What staff see of marketing mail.

use serde::{Deserialize, Serialize};

/// The newsletter page: how many accounts one would reach, and the newest written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsletterAdmin {
    /// Active accounts with a confirmed address that opted in to marketing mail.
    pub audience: i64,
    pub newsletters: Vec<NewsletterItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsletterItem {
    pub id: i64,
    /// The English subject.
    pub subject: String,
    pub written_at: i64,
    /// Mails queued so far.
    pub recipients: i64,
    /// Still being queued.
    pub sending: bool,
}
