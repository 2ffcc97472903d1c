//! What admins see of the register of data handed to authorities.

use crate::domain::ids::UserId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityRegister {
    pub entries: Vec<AuthorityEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityEntry {
    pub id: i64,
    /// The account whose data was given (`None` once erased).
    pub account: Option<UserId>,
    pub email: Option<String>,
    pub requester: String,
    pub legal_basis: String,
    pub reference: String,
    /// The kinds of data given (`domain/disclosure.rs::FIELDS`).
    pub fields: Vec<String>,
    pub shopper_told: bool,
    pub staff_name: Option<String>,
    pub at: i64,
}
