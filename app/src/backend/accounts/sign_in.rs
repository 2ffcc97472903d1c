//! Signing in and the password: reset by link, change with the current one.

use super::links::{
    DAY, LinkLetter, LinkMail, claim_link, field, lang_of, link_is_live, send_link,
};
use crate::backend::{
    AppState,
    db::{sessions, users, users::UserRow},
    now,
    security::keys::is_token,
    security::passwords,
    security::throttle::Throttle,
};
use crate::{
    domain::account::{
        AccountStatus, DEACTIVATION_GRACE_DAYS, LinkPurpose, check_email, normalize_email,
        validate_new_password,
    },
    error::{FieldError, Problem, ShopError, ShopResult},
    i18n::Lang,
};
use std::net::IpAddr;

/// Checks a sign-in. Unknown address and wrong password give the same error in about the same
/// time; throttling applies per address typed and per client. A deactivated account within its
/// grace period is restored; a suspended one is refused with its reason (only after the right
/// password). The caller binds the session.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    ip: Option<IpAddr>,
) -> ShopResult<UserRow> {
    let email = normalize_email(email);
    let now = now();
    let throttle = Throttle {
        db: &state.db,
        keys: &state.keys,
    };
    throttle.admit(&email, ip, now).await?;
    let user = users::find_by_email(state.db.pool(), &email).await?;
    let verified = passwords::verify(
        password.to_string(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(mut user) = user.filter(|_| verified.ok) else {
        throttle.record_failure(&email, now).await?;
        return Err(ShopError::SignInFailed);
    };
    throttle.record_success(&email).await?;
    match user.status {
        AccountStatus::Active => {}
        AccountStatus::Suspended => {
            return Err(ShopError::Suspended {
                reason: user.status_reason.clone().unwrap_or_default(),
            });
        }
        AccountStatus::Deactivated => {
            let since = user.status_changed_at.unwrap_or(0);
            if now - since > DEACTIVATION_GRACE_DAYS * DAY {
                // Past its grace period the account is erased by the maintenance task.
                return Err(ShopError::SignInFailed);
            }
            users::set_status(state.db.pool(), user.id, AccountStatus::Active, None, now).await?;
            user.status = AccountStatus::Active;
            tracing::info!(
                user_id = %user.id,
                "deactivated account restored by signing in"
            );
        }
    }
    if verified.needs_rehash {
        let hash = passwords::hash(password.to_string()).await?;
        users::set_password_hash(state.db.pool(), user.id, &hash, now).await?;
    }
    Ok(user)
}

/// Asks for a password-reset link. Always succeeds the same way; a link (valid one hour) is
/// sent only when the address has an account.
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    lang: Lang,
    client: Option<IpAddr>,
) -> ShopResult<()> {
    if let Some(problem) = check_email(email) {
        return Err(field("email", problem));
    }
    let email = normalize_email(email);
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let user = users::find_by_email(&mut *tx, &email).await?;
    if let Some(user) = user.filter(|u| u.status != AccountStatus::Suspended) {
        send_link(
            state,
            &mut tx,
            LinkMail {
                client,
                user_id: user.id,
                name: &user.full_name,
                to: &email,
                lang: lang_of(&user),
                letter: LinkLetter::ResetPassword,
            },
            now,
        )
        .await?;
    } else {
        tracing::info!(
            ?lang,
            "password reset asked for an address without an account"
        );
    }
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

/// True when a reset link is still usable (to show the form or a clear message).
pub async fn reset_link_is_live(state: &AppState, token: &str) -> ShopResult<bool> {
    if !is_token(token) {
        return Ok(false);
    }
    link_is_live(state, LinkPurpose::ResetPassword, token).await
}

/// Sets a new password through a reset link; every session of the account ends.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
) -> ShopResult<()> {
    ShopError::check(validate_new_password(password, confirmation))?;
    if !is_token(token) {
        return Err(ShopError::LinkInvalid);
    }
    let hash = passwords::hash(password.to_string()).await?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let claimed = claim_link(state, &mut tx, LinkPurpose::ResetPassword, token, now).await?;
    users::set_password_hash(&mut *tx, claimed.user_id, &hash, now).await?;
    sessions::delete_for_user(&mut *tx, claimed.user_id, None).await?;
    tx.commit().await?;
    tracing::info!(user_id = %claimed.user_id, "password reset");
    Ok(())
}

/// Checks the current password given to confirm a sensitive change.
pub(super) async fn confirm_password(
    user: &UserRow,
    password: &str,
    field_name: &str,
) -> ShopResult<()> {
    let verified =
        passwords::verify(password.to_string(), Some(user.password_hash.clone())).await?;
    if verified.ok {
        Ok(())
    } else {
        Err(field(field_name, Problem::WrongPassword))
    }
}

/// Changes the password (the current one is required); the account's other sessions end.
pub async fn change_password(
    state: &AppState,
    user: &UserRow,
    current: &str,
    password: &str,
    confirmation: &str,
    keep_session: Option<&str>,
) -> ShopResult<u64> {
    let mut errors: Vec<FieldError> = validate_new_password(password, confirmation);
    if current.is_empty() {
        errors.push(FieldError {
            field: "current_password".into(),
            problem: Problem::Required,
        });
    }
    ShopError::check(errors)?;
    confirm_password(user, current, "current_password").await?;
    let hash = passwords::hash(password.to_string()).await?;
    let mut tx = state.db.begin_write().await?;
    users::set_password_hash(&mut *tx, user.id, &hash, now()).await?;
    let ended = sessions::delete_for_user(&mut *tx, user.id, keep_session).await?;
    tx.commit().await?;
    Ok(ended)
}
