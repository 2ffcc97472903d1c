//! What staff see of the questions shoppers sent.

use crate::domain::{
    contact::ThreadStatus,
    ids::{ThreadId, UserId},
};
use serde::{Deserialize, Serialize};

/// The inbox: conversations, newest first, perhaps of one status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxView {
    pub status: Option<ThreadStatus>,
    pub threads: Vec<ThreadItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadItem {
    pub id: ThreadId,
    pub name: String,
    pub email: String,
    pub order_number: String,
    pub status: ThreadStatus,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub id: ThreadId,
    pub name: String,
    pub email: String,
    pub order_number: String,
    /// The account it belongs to, if any.
    pub account: Option<UserId>,
    pub status: ThreadStatus,
    pub created_at: i64,
    pub messages: Vec<MessageView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_staff: bool,
    /// The staff member who answered (when known).
    pub staff_name: Option<String>,
    pub body: String,
    pub at: i64,
}
