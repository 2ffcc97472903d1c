//! The privacy policy as pages show it: a version with its text, the list of versions, the
//! differences between two, and the back office's view of drafts.

use crate::domain::{
    consent::VisitorNotice,
    policy::{Block, Change},
};
use serde::{Deserialize, Serialize};

/// One published version in the list of versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersionItem {
    pub version: i64,
    pub effective_at: i64,
    /// What it changed, in the reader's language.
    pub summary: String,
}

/// A published version with its text in the reader's language, and every published version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyPage {
    pub version: i64,
    pub effective_at: i64,
    pub summary: String,
    pub blocks: Vec<Block>,
    /// The version in effect now.
    pub current: i64,
    /// Oldest first, including versions published to take effect later.
    pub versions: Vec<PolicyVersionItem>,
}

/// What changed from one version to another, block by block, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyDiff {
    pub from: PolicyVersionItem,
    pub to: PolicyVersionItem,
    pub blocks: Vec<(Change, Block)>,
    pub versions: Vec<PolicyVersionItem>,
}

/// A version the signed-in shopper has not acknowledged yet (the banner on every page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyNotice {
    /// The newest version they acknowledged.
    pub acknowledged: i64,
    /// The version in effect.
    pub current: i64,
    pub effective_at: i64,
}

/// A version as staff see it in the back office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersionAdmin {
    pub version: i64,
    pub written_at: i64,
    /// `None` while a draft.
    pub effective_at: Option<i64>,
    pub summary_en: String,
    pub summary_zh: String,
    pub text_en: String,
    pub text_zh: String,
    /// Notice mail still being queued.
    pub notices_pending: bool,
}

/// The back office's privacy page: every version, newest first, and the one in effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyAdmin {
    pub versions: Vec<PolicyVersionAdmin>,
    pub current: i64,
    /// The server's clock (drafts take effect today or later).
    pub now: i64,
}

/// A visitor's consent as pages show it: the notice on top, and the choices in effect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConsentView {
    pub notice: VisitorNotice,
    /// Allowed, and not refused by the browser.
    pub analytics: bool,
    pub marketing: bool,
    /// A choice is in the cookie.
    pub chosen: bool,
    /// The browser sends `Sec-GPC: 1` or `DNT: 1`.
    pub browser_refuses: bool,
    /// The version in effect and since when.
    pub policy_version: i64,
    pub policy_effective_at: i64,
}
