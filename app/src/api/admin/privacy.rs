//! Admins: the privacy policy's versions: drafts written, previewed, deleted, and published
//! with the day they take effect.

use crate::{domain::policy::PolicyDraft, error::ShopError, model::policy::PolicyAdmin};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{privacy::policy, request::context, request::flash, request::redirect::redirect},
    domain::redirect::SafePath,
};

#[server(endpoint = "admin/privacy", input = server_fn::codec::GetUrl)]
pub async fn get_policy_admin() -> Result<PolicyAdmin, ShopError> {
    context::require_admin().await?;
    policy::admin_view(&context::state()?).await
}

/// Saves a draft (a new one without `version`, which goes to its own page) and answers its
/// number.
#[server(endpoint = "admin/privacy-draft")]
pub async fn save_policy_draft(version: Option<i64>, draft: PolicyDraft) -> Result<i64, ShopError> {
    context::require_admin().await?;
    let state = context::state()?;
    match policy::save_draft(&state, version, &draft).await {
        Ok(saved) => {
            if version.is_none() {
                redirect(&SafePath::fixed("/admin/privacy").child(&saved.to_string()));
            }
            Ok(saved)
        }
        Err(error) => {
            let form = version.map_or("policy-new".to_string(), |v| format!("policy-{v}"));
            flash::keep(&form, &draft).await?;
            Err(error)
        }
    }
}

#[server(endpoint = "admin/privacy-delete")]
pub async fn delete_policy_draft(version: i64) -> Result<(), ShopError> {
    context::require_admin().await?;
    policy::delete_draft(&context::state()?, version).await?;
    redirect(&SafePath::fixed("/admin/privacy"));
    Ok(())
}

/// Publishes a draft to take effect on `effective_on` (`YYYY-MM-DD`, UTC).
#[server(endpoint = "admin/privacy-publish")]
pub async fn publish_policy(version: i64, effective_on: String) -> Result<i64, ShopError> {
    context::require_admin().await?;
    policy::publish(&context::state()?, version, &effective_on).await
}
