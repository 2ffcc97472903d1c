//! Admins: the register of data handed to authorities.

use crate::{
    domain::disclosure::AuthorityRequestForm, error::ShopError, model::authority::AuthorityRegister,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{now, privacy::authorities, request::context, request::flash};

#[server(endpoint = "admin/disclosures", input = server_fn::codec::GetUrl)]
pub async fn get_authority_register() -> Result<AuthorityRegister, ShopError> {
    context::require_admin().await?;
    authorities::view(&context::state()?).await
}

/// Records a request from an authority (and, unless telling is prohibited, the shopper's
/// ledger entry).
#[server(endpoint = "admin/disclosure-record")]
pub async fn record_authority_request(form: AuthorityRequestForm) -> Result<(), ShopError> {
    let admin = context::require_admin().await?;
    let recorded = authorities::register(&context::state()?, &admin, &form, now()).await;
    if recorded.is_err() {
        flash::keep("disclosure", &form).await?;
    }
    recorded
}
