//! Staff: newsletters to the shoppers who opted in to marketing mail.

use crate::{
    domain::marketing::NewsletterForm, error::ShopError, model::marketing::NewsletterAdmin,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{marketing::newsletters, now, request::context, request::flash};

#[server(endpoint = "admin/newsletters", input = server_fn::codec::GetUrl)]
pub async fn get_newsletters() -> Result<NewsletterAdmin, ShopError> {
    context::require_staff().await?;
    newsletters::admin_view(&context::state()?).await
}

/// Sends a newsletter (in batches, by the bulk-mail job); its id.
#[server(endpoint = "admin/newsletter-send")]
pub async fn send_newsletter(form: NewsletterForm) -> Result<i64, ShopError> {
    let author = context::require_staff().await?;
    let sent = newsletters::send(&context::state()?, author.id, &form, now()).await;
    if sent.is_err() {
        flash::keep("newsletter", &form).await?;
    }
    sent
}
