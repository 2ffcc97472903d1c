//! The privacy policy for everyone: a version with its text, the differences between two,
//! and a signed-in shopper acknowledging a new version.

use crate::{
    error::ShopError,
    model::policy::{PolicyDiff, PolicyPage},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{privacy::policy, request::context},
    i18n::current_request_lang,
};

/// A published version (`None`: the one in effect) in the reader's language.
#[server(endpoint = "privacy/policy", input = server_fn::codec::GetUrl)]
pub async fn get_policy(version: Option<i64>) -> Result<PolicyPage, ShopError> {
    policy::page(&context::state()?, current_request_lang(), version).await
}

#[server(endpoint = "privacy/changes", input = server_fn::codec::GetUrl)]
pub async fn get_policy_changes(from: i64, to: i64) -> Result<PolicyDiff, ShopError> {
    policy::diff(&context::state()?, current_request_lang(), from, to).await
}

#[server(endpoint = "privacy/acknowledge")]
pub async fn acknowledge_policy(version: i64) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    policy::acknowledge(&context::state()?, user.id, version).await
}
