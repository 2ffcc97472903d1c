//! Staff and customer accounts: the staff's search and detail view of customers, and their
//! actions on accounts (suspend, reinstate, change a role, create staff).

use crate::domain::ids::UserId;

use super::addresses;
use super::links::{field, refused};
use crate::backend::{
    AppState,
    db::{sessions, users, users::UserRow},
    now,
    security::passwords,
};
use crate::domain::limits;
use crate::{
    domain::account::{AccountStatus, Role, check_email, normalize_email},
    error::{Problem, Rule, ShopError, ShopResult},
    i18n::Lang,
    model::admin::{CustomerDetail, CustomerPage, CustomerSummary},
};

pub const PAGE_SIZE: i64 = 25;

fn summary(u: &UserRow) -> CustomerSummary {
    CustomerSummary {
        id: u.id,
        full_name: u.full_name.clone(),
        email: u.email.clone(),
        role: u.role,
        status: u.status,
        registered_at: u.created_at,
    }
}

/// Accounts matching `query` in name or email, newest first, a page at a time.
pub async fn search(state: &AppState, query: &str, page: i64) -> ShopResult<CustomerPage> {
    let page = page.max(1);
    let query = limits::cut(query, limits::CUSTOMER_SEARCH);
    let mut rows = users::search(
        state.db.pool(),
        query,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(CustomerPage {
        customers: rows.iter().map(summary).collect(),
        page,
        has_more,
    })
}

/// One account as `viewer` sees it. Cancelled accounts are hidden from staff until they
/// are restored or erased.
pub async fn detail(state: &AppState, viewer: &UserRow, id: UserId) -> ShopResult<CustomerDetail> {
    let user = users::find_by_id(state.db.pool(), id)
        .await?
        .filter(|u| u.status != AccountStatus::Deactivated)
        .ok_or(ShopError::NotFound)?;
    let addresses = addresses::list(state, id).await?;
    Ok(CustomerDetail {
        summary: summary(&user),
        email_verified: user.email_verified_at.is_some(),
        marketing: user.marketing_opt_in_at.is_some(),
        phone: user.phone,
        language: user.language,
        status_reason: user.status_reason,
        addresses,
        viewer_is_admin: viewer.role == Role::Admin,
    })
}

/// Staff: suspends an account for breaking the terms (reason required; its sessions end).
pub async fn suspend(
    state: &AppState,
    staff: &UserRow,
    user_id: UserId,
    reason: &str,
) -> ShopResult<()> {
    let reason = reason.trim();
    if let Some(problem) =
        crate::domain::account::check_text(reason, crate::domain::limits::SUSPENSION_REASON)
    {
        return Err(field("reason", problem));
    }
    if user_id == staff.id {
        return Err(refused(Rule::NotYourOwnAccount));
    }
    let mut tx = state.db.begin_write().await?;
    let target = users::find_by_id(&mut *tx, user_id)
        .await?
        .ok_or(ShopError::NotFound)?;
    if !staff.role.may_manage(target.role) {
        return Err(refused(Rule::StaffAccountsNeedAnAdmin));
    }
    users::set_status(
        &mut *tx,
        user_id,
        AccountStatus::Suspended,
        Some(reason),
        now(),
    )
    .await?;
    sessions::delete_for_user(&mut *tx, user_id, None).await?;
    tx.commit().await?;
    tracing::info!(%user_id, staff_id = %staff.id, "account suspended");
    Ok(())
}

/// Staff: lifts a suspension.
pub async fn reinstate(state: &AppState, staff: &UserRow, user_id: UserId) -> ShopResult<()> {
    let target = users::find_by_id(state.db.pool(), user_id)
        .await?
        .ok_or(ShopError::NotFound)?;
    if !staff.role.may_manage(target.role) {
        return Err(refused(Rule::StaffAccountsNeedAnAdmin));
    }
    if target.status != AccountStatus::Suspended {
        return Err(refused(Rule::NotSuspended));
    }
    users::set_status(state.db.pool(), user_id, AccountStatus::Active, None, now()).await?;
    tracing::info!(%user_id, staff_id = %staff.id, "account reinstated");
    Ok(())
}

/// Admin: changes a role. An admin cannot demote themselves (the shop keeps an admin).
pub async fn set_role(
    state: &AppState,
    admin: &UserRow,
    user_id: UserId,
    role: Role,
) -> ShopResult<()> {
    if user_id == admin.id && role != Role::Admin {
        return Err(refused(Rule::KeepYourAdminRole));
    }
    let changed = users::set_role(state.db.pool(), user_id, role, now()).await?;
    if changed == 0 {
        return Err(ShopError::NotFound);
    }
    tracing::info!(
        %user_id,
        role = role.as_str(),
        admin_id = %admin.id,
        "role changed"
    );
    Ok(())
}

/// True when an account has this address (the development seed makes its admin once).
pub async fn account_exists(state: &AppState, email: &str) -> ShopResult<bool> {
    Ok(
        users::find_by_email(state.db.pool(), &normalize_email(email))
            .await?
            .is_some(),
    )
}

/// Creates a verified staff or admin account (the `server admin create` command and the
/// development seed).
pub async fn create_staff(
    state: &AppState,
    email: &str,
    full_name: &str,
    password: &str,
    role: Role,
) -> ShopResult<UserId> {
    if let Some(problem) = check_email(email) {
        return Err(field("email", problem));
    }
    if let Some(problem) = crate::domain::account::check_password(password) {
        return Err(field("password", problem));
    }
    let email = normalize_email(email);
    let hash = passwords::hash(password.to_string()).await?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if users::find_by_email(&mut *tx, &email).await?.is_some() {
        return Err(field("email", Problem::EmailTaken));
    }
    let id = users::insert(
        &mut *tx,
        users::NewUser {
            email: &email,
            password_hash: &hash,
            full_name,
            phone: "",
            language: Lang::En,
            marketing_opt_in_at: None,
            role,
            email_verified_at: Some(now),
            now,
        },
    )
    .await?;
    crate::backend::privacy::policy::acknowledge_current(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(id)
}
