//! The shopper's profile, read and written: who is signed in, the profile with its
//! addresses, its edits (name, phone, language, marketing choice, a new email address), and
//! the signed-in sessions (list, end one, end all others).

use super::{
    addresses,
    links::{LinkLetter, LinkMail, field, lang_of, notify_address_taken, send_link},
    sign_in::confirm_password,
};
use crate::backend::{
    AppState,
    db::{consents, sessions, users, users::UserRow},
    now,
    privacy::policy,
    request::session::Session,
};
use crate::{
    domain::{
        account::{ProfileInput, check_email, normalize_email, validate_profile},
        ids::{SessionRef, UserId},
    },
    error::{Problem, ShopError, ShopResult},
    i18n::Lang,
    model::account::{AccountView, CurrentUser, SessionView},
};
use std::net::IpAddr;

/// Who is signed in, with the policy version they have still to acknowledge.
pub async fn current_user(state: &AppState, user: UserRow) -> ShopResult<CurrentUser> {
    let policy_notice = policy::notice_for(state, &user).await?;
    Ok(CurrentUser {
        id: user.id,
        role: user.role,
        email_verified: user.email_verified_at.is_some(),
        full_name: user.full_name,
        email: user.email,
        policy_notice,
    })
}

pub async fn account(state: &AppState, user: UserRow) -> ShopResult<AccountView> {
    let addresses = addresses::list(state, user.id).await?;
    Ok(AccountView {
        email_verified: user.email_verified_at.is_some(),
        marketing: user.marketing_opt_in_at.is_some(),
        member_since: user.created_at,
        full_name: user.full_name,
        email: user.email,
        phone: user.phone,
        language: user.language,
        addresses,
    })
}

/// The live sessions of `user`, marking the one of this request.
pub async fn sessions(
    state: &AppState,
    user: &UserRow,
    current: &Session,
) -> ShopResult<Vec<SessionView>> {
    let current = current.id_hash();
    Ok(sessions::list_for_user(state.db.pool(), user.id, now())
        .await?
        .into_iter()
        .map(|s| SessionView {
            current: current.as_deref() == Some(s.id_hash.as_str()),
            browser: crate::domain::browser::describe(s.user_agent.as_deref().unwrap_or("")),
            id: SessionRef::issued(s.id_hash),
            signed_in_at: s.created_at,
            last_used_at: s.last_seen_at,
        })
        .collect())
}

/// Ends one of `user`'s sessions (`NotFound` for anyone else's).
pub async fn end_session(state: &AppState, user: &UserRow, id: &SessionRef) -> ShopResult<()> {
    match sessions::delete_one_for_user(state.db.pool(), user.id, id.as_str()).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Ends every session of `user` but `keep`; returns how many ended.
pub async fn end_other_sessions(
    state: &AppState,
    user: &UserRow,
    keep: &Session,
) -> ShopResult<u64> {
    let keep = keep.id_hash();
    Ok(sessions::delete_for_user(state.db.pool(), user.id, keep.as_deref()).await?)
}

/// Starts an email change: the new address gets a link and becomes the account's address
/// only when it is followed. The answer does not reveal whether the new address is taken.
pub async fn request_email_change(
    state: &AppState,
    user: &UserRow,
    new_email: &str,
    password: &str,
    client: Option<IpAddr>,
) -> ShopResult<()> {
    if let Some(problem) = check_email(new_email) {
        return Err(field("new_email", problem));
    }
    let email = normalize_email(new_email);
    if email == user.email {
        return Err(field("new_email", Problem::Invalid));
    }
    confirm_password(user, password, "current_password").await?;
    let now = now();
    let lang = lang_of(user);
    let mut tx = state.db.begin_write().await?;
    if let Some(owner) = users::find_by_email(&mut *tx, &email).await? {
        notify_address_taken(state, &mut tx, &owner, client, now).await?;
    } else {
        send_link(
            state,
            &mut tx,
            LinkMail {
                client,
                user_id: user.id,
                name: &user.full_name,
                to: &email,
                lang,
                letter: LinkLetter::ChangeEmail,
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

/// Updates name, phone, language and the marketing choice (a change of that choice is
/// recorded as a consent event).
pub async fn update_profile(
    state: &AppState,
    user: &UserRow,
    input: &ProfileInput,
) -> ShopResult<()> {
    ShopError::check(validate_profile(input))?;
    let lang = Lang::from_code(&input.language).unwrap_or_default();
    let now = now();
    let wants_marketing = input.marketing.is_some();
    let opt_in_at = match (wants_marketing, user.marketing_opt_in_at) {
        (true, Some(since)) => Some(since),
        (true, None) => Some(now),
        (false, _) => None,
    };
    let mut tx = state.db.begin_write().await?;
    users::update_profile(
        &mut *tx,
        user.id,
        input.full_name.trim(),
        input.phone.trim(),
        lang,
        opt_in_at,
        now,
    )
    .await?;
    if wants_marketing != user.marketing_opt_in_at.is_some() {
        consents::record(&mut *tx, user.id, "marketing", wants_marketing, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Remembers the language an account's owner chose (for mail and the next sign-in).
pub async fn set_language(state: &AppState, user_id: UserId, lang: Lang) -> ShopResult<()> {
    users::set_language(state.db.pool(), user_id, lang).await?;
    Ok(())
}
