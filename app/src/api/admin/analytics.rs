//! Staff: the analytics dashboard, for a range of days.

use crate::{error::ShopError, model::analytics::Dashboard};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{analytics::dashboard, now, request::context};

/// The dashboard from `from` to `to` (`2026-11-24`; empty for the last 30 days up to today).
#[server(endpoint = "admin/analytics", input = server_fn::codec::GetUrl)]
pub async fn get_dashboard(from: String, to: String) -> Result<Dashboard, ShopError> {
    context::require_staff().await?;
    if from.len() > 10 || to.len() > 10 {
        return Err(ShopError::BadRequest);
    }
    let (from, to) = dashboard::range(&from, &to, now())?;
    dashboard::dashboard(&context::state()?, from, to).await
}
