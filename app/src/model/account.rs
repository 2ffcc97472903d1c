//! Views of a shopper's own account: who is signed in, the profile with its addresses, the
//! sessions, the erasure receipt.

use crate::domain::ids::{AddressId, SessionRef, UserId};

use crate::{
    domain::account::{PostalAddress, Role},
    i18n::Lang,
};
use serde::{Deserialize, Serialize};

/// The signed-in shopper, as the pages need them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub full_name: String,
    pub email: String,
    pub role: Role,
    pub email_verified: bool,
    /// A policy version to acknowledge, when there is one.
    pub policy_notice: Option<crate::model::policy::PolicyNotice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub full_name: String,
    pub email: String,
    pub email_verified: bool,
    pub phone: String,
    pub language: Lang,
    pub marketing: bool,
    pub member_since: i64,
    pub addresses: Vec<AddressView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: AddressId,
    #[serde(flatten)]
    pub address: PostalAddress,
    pub is_default: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Identifies the session to its owner (a keyed hash, useless as a cookie).
    pub id: SessionRef,
    pub browser: String,
    pub signed_in_at: i64,
    pub last_used_at: i64,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureReceipt {
    pub erased_at: i64,
    pub erased: Vec<(String, u64)>,
    pub kept_anonymised: Vec<(String, u64)>,
}
