//! The shopper's address book (see `backend/accounts/addresses.rs`: another shopper's address id
//! answers 404).

use crate::domain::ids::AddressId;

use crate::{domain::account::PostalAddress, error::ShopError};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::backend::{accounts::addresses, request::context, request::flash};

#[server(endpoint = "account/add-address")]
pub async fn add_address(form: PostalAddress) -> Result<AddressId, ShopError> {
    let user = context::require_user().await?;
    let result = addresses::add(&context::state()?, user.id, &form).await;
    if result.is_err() {
        flash::keep("address-new", &form).await?;
    }
    result
}

#[server(endpoint = "account/update-address")]
pub async fn update_address(id: AddressId, form: PostalAddress) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let result = addresses::update(&context::state()?, user.id, id, &form).await;
    if result.is_err() {
        flash::keep(&format!("address-{id}"), &form).await?;
    }
    result
}

#[server(endpoint = "account/delete-address")]
pub async fn delete_address(id: AddressId) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    addresses::delete(&context::state()?, user.id, id).await
}

#[server(endpoint = "account/default-address")]
pub async fn set_default_address(id: AddressId) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    addresses::set_default(&context::state()?, user.id, id).await
}
