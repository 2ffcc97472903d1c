//! The shopper's address book. Every statement is scoped to the owner: another shopper's
//! address id is `NotFound`.

use crate::domain::ids::{AddressId, UserId};

use crate::backend::{AppState, db::addresses, now};
use crate::{
    domain::account::{PostalAddress, validate_address},
    error::{Rule, ShopError, ShopResult},
    model::account::AddressView,
};

/// The most addresses one shopper may keep.
pub const MAX_ADDRESSES: usize = 20;

fn view(a: addresses::AddressRow) -> AddressView {
    AddressView {
        id: a.id,
        address: a.address,
        is_default: a.is_default == 1,
    }
}

pub async fn list(state: &AppState, user_id: UserId) -> ShopResult<Vec<AddressView>> {
    Ok(addresses::list(state.db.pool(), user_id)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// Adds an address (the first one becomes the default); returns its id.
pub async fn add(state: &AppState, user_id: UserId, form: &PostalAddress) -> ShopResult<AddressId> {
    ShopError::check(validate_address(form))?;
    let mut tx = state.db.begin_write().await?;
    let existing = addresses::list(&mut *tx, user_id).await?;
    if existing.len() >= MAX_ADDRESSES {
        return Err(ShopError::Refused {
            rule: Rule::AddressBookFull { max: MAX_ADDRESSES },
        });
    }
    let id = addresses::insert(
        &mut tx,
        user_id,
        &form.trimmed(),
        existing.is_empty(),
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    state: &AppState,
    user_id: UserId,
    id: AddressId,
    form: &PostalAddress,
) -> ShopResult<()> {
    ShopError::check(validate_address(form))?;
    let mut conn = state.db.pool().acquire().await?;
    match addresses::update(&mut conn, user_id, id, &form.trimmed(), now()).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Deletes an address; another becomes the default if it was.
pub async fn delete(state: &AppState, user_id: UserId, id: AddressId) -> ShopResult<()> {
    let mut tx = state.db.begin_write().await?;
    if addresses::delete(&mut *tx, user_id, id).await? == 0 {
        return Err(ShopError::NotFound);
    }
    addresses::ensure_default(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_default(state: &AppState, user_id: UserId, id: AddressId) -> ShopResult<()> {
    let mut tx = state.db.begin_write().await?;
    if addresses::set_default(&mut tx, user_id, id).await? == 0 {
        return Err(ShopError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
