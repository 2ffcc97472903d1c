//! The shopper's address book. Every statement is scoped to the signed-in shopper: another
//! shopper's address id answers 404.

use crate::{domain::account::AddressInput, error::ShopError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::{
    backend::{context, db::addresses, flash, now},
    domain::account::validate_address,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: i64,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub is_default: bool,
}

#[cfg(feature = "ssr")]
impl From<addresses::AddressRow> for AddressView {
    fn from(a: addresses::AddressRow) -> Self {
        AddressView {
            id: a.id,
            line1: a.line1,
            line2: a.line2,
            city: a.city,
            region: a.region,
            postal_code: a.postal_code,
            country: a.country,
            is_default: a.is_default == 1,
        }
    }
}

/// The most addresses one shopper may keep.
pub const MAX_ADDRESSES: usize = 20;

#[server(endpoint = "account/add-address")]
pub async fn add_address(form: AddressInput) -> Result<i64, ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    if let Err(error) = ShopError::check(validate_address(&form)) {
        flash::keep("address-new", &form).await?;
        return Err(error);
    }
    let mut tx = state.db.begin_write().await?;
    let existing = addresses::list(&mut *tx, user.id).await?;
    if existing.len() >= MAX_ADDRESSES {
        return Err(ShopError::Conflict);
    }
    let id = addresses::insert(
        &mut *tx,
        user.id,
        &form.trimmed(),
        existing.is_empty(),
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[server(endpoint = "account/update-address")]
pub async fn update_address(id: i64, form: AddressInput) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    if let Err(error) = ShopError::check(validate_address(&form)) {
        flash::keep(&format!("address-{id}"), &form).await?;
        return Err(error);
    }
    match addresses::update(state.db.pool(), user.id, id, &form.trimmed(), now()).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

#[server(endpoint = "account/delete-address")]
pub async fn delete_address(id: i64) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    let mut tx = state.db.begin_write().await?;
    if addresses::delete(&mut *tx, user.id, id).await? == 0 {
        return Err(ShopError::NotFound);
    }
    addresses::ensure_default(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "account/default-address")]
pub async fn set_default_address(id: i64) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    let state = context::state()?;
    let mut tx = state.db.begin_write().await?;
    if addresses::set_default(&mut tx, user.id, id).await? == 0 {
        return Err(ShopError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
