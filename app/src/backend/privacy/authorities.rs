//! Data handed to authorities (promise P6): only when the law requires it, and always
//! recorded. Admins register each request (who asked, the legal basis, their reference,
//! what was given, whether the shopper may be told) in a register whose entries the
//! database refuses to change or delete; unless telling is prohibited, the shopper's ledger
//! gets an entry in the same transaction. Erasing the account leaves the entry, which the
//! law requires, without the account (the user id is set to NULL by the database).

use crate::backend::{
    AppState,
    db::{
        authorities::{self, NewRequest},
        users::{self, UserRow},
    },
};
use crate::{
    domain::{account::normalize_email, disclosure::AuthorityRequestForm},
    error::{Problem, ShopError, ShopResult},
    model::authority::{AuthorityEntry, AuthorityRegister},
};

/// Registers a request for the data of the account with the form's address.
pub async fn register(
    state: &AppState,
    staff: &UserRow,
    form: &AuthorityRequestForm,
    now: i64,
) -> ShopResult<()> {
    form.validate()?;
    let mut tx = state.db.begin_write().await?;
    let Some(shopper) = users::find_by_email(&mut *tx, &normalize_email(&form.email)).await? else {
        return Err(ShopError::invalid("email", Problem::Invalid));
    };
    let fields = form.fields();
    let request = NewRequest {
        user_id: shopper.id,
        requester: form.requester.trim(),
        legal_basis: form.legal_basis.trim(),
        reference: form.reference.trim(),
        fields: &fields,
        shopper_told: form.shopper_told(),
        staff_id: staff.id,
    };
    authorities::insert(&mut tx, &request, now).await?;
    if request.shopper_told {
        authorities::disclose(&mut tx, &request, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The register as admins read it, newest first.
pub async fn view(state: &AppState) -> ShopResult<AuthorityRegister> {
    let entries = authorities::register(state.db.pool(), 200)
        .await?
        .into_iter()
        .map(|r| AuthorityEntry {
            id: r.id,
            account: r.user_id,
            email: r.email,
            requester: r.requester,
            legal_basis: r.legal_basis,
            reference: r.reference,
            fields: r.fields.split(", ").map(str::to_string).collect(),
            shopper_told: r.shopper_told == 1,
            staff_name: r.staff_name,
            at: r.at,
        })
        .collect();
    Ok(AuthorityRegister { entries })
}
