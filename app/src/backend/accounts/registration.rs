//! Registration and email verification.

use crate::domain::ids::UserId;

use super::links::{
    HOUR, LinkLetter, LinkMail, claim_link, issue_token, lang_of, link, mail, notify_address_taken,
    send_link,
};
use crate::backend::{
    AppState,
    db::{addresses, consents, users, users::UserRow},
    mail::Letter,
    now,
    security::keys::{is_token, random_token},
    security::passwords,
    security::throttle::admit_mail,
    security::work::Step,
};
use crate::{
    domain::account::{
        LinkPurpose, RegistrationInput, Role, normalize_email, validate_registration,
    },
    error::{ShopError, ShopResult},
    i18n::Lang,
};
use std::net::IpAddr;

/// Registers a shopper. The answer is the same whether or not the address already has an
/// account (no account enumeration): a new address gets a verification link, a known one a
/// note that someone tried to register with it. Both paths do the same work, so their time
/// cannot tell them apart either: one password hash, the same account writes (for a taken
/// address made for a stand-in address under a savepoint, then undone) and one mail queued.
pub async fn register(
    state: &AppState,
    input: &RegistrationInput,
    lang: Lang,
    client: Option<IpAddr>,
) -> ShopResult<()> {
    ShopError::check(validate_registration(input))?;
    let email = normalize_email(&input.email);
    let hash = passwords::hash(input.password.clone()).await?;
    state.work.count(Step::PasswordHash);
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let taken = users::find_by_email(&mut *tx, &email).await?;
    let stand_in = format!("{}@stand-in.invalid", &random_token()[..32]);
    let written_as = if taken.is_some() { &stand_in } else { &email };
    let mut account = sqlx::Connection::begin(&mut *tx).await?;
    let (user_id, token) =
        write_account(state, &mut account, input, written_as, &hash, lang, now).await?;
    if taken.is_some() {
        account.rollback().await?;
    } else {
        account.commit().await?;
    }
    let queued = match &taken {
        Some(owner) => notify_address_taken(state, &mut tx, owner, client, now).await?,
        None if admit_mail(
            &mut tx,
            &state.keys,
            &email,
            client,
            state.settings.mails_per_client_per_hour,
            now,
        )
        .await? =>
        {
            let verify = link(
                state,
                &format!("{}{token}", LinkPurpose::VerifyEmail.path()),
            );
            let letter = LinkLetter::Verify.letter(input.full_name.trim(), &verify);
            mail(state, lang, Some(user_id), &email, letter)
                .enqueue(&mut tx, now)
                .await?;
            true
        }
        None => false,
    };
    if queued {
        state.work.count(Step::MailQueued);
    }
    tx.commit().await?;
    state.outbox_written();
    if taken.is_none() {
        tracing::info!(%user_id, "account registered");
    }
    Ok(())
}

/// The rows of a new account: the user, the first address, the policy acknowledged, the
/// marketing choice and the verification link's token (returned with the id).
pub(super) async fn write_account(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    input: &RegistrationInput,
    email: &str,
    hash: &str,
    lang: Lang,
    now: i64,
) -> ShopResult<(UserId, String)> {
    let marketing = input.marketing.is_some();
    let user_id = users::insert(
        &mut *conn,
        users::NewUser {
            email,
            password_hash: hash,
            full_name: input.full_name.trim(),
            phone: input.phone.trim(),
            language: lang,
            marketing_opt_in_at: marketing.then_some(now),
            role: Role::Shopper,
            email_verified_at: None,
            now,
        },
    )
    .await?;
    addresses::insert(&mut *conn, user_id, &input.shipping_address(), true, now).await?;
    crate::backend::privacy::policy::acknowledge_current(&mut *conn, user_id, now).await?;
    consents::record(&mut *conn, user_id, "marketing", marketing, now).await?;
    let purpose = LinkPurpose::VerifyEmail;
    let token = issue_token(
        state,
        conn,
        user_id,
        purpose,
        email,
        purpose.valid_hours() * HOUR,
    )
    .await?;
    state.work.count(Step::AccountWritten);
    Ok((user_id, token))
}

/// Sends a fresh verification link for the account's current address.
pub async fn resend_verification(
    state: &AppState,
    user: &UserRow,
    client: Option<IpAddr>,
) -> ShopResult<()> {
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    let now = now();
    let mut tx = state.db.begin_write().await?;
    send_link(
        state,
        &mut tx,
        LinkMail {
            client,
            user_id: user.id,
            name: &user.full_name,
            to: &user.email,
            lang: lang_of(user),
            letter: LinkLetter::Verify,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    state.outbox_written();
    Ok(())
}

/// Follows a verification link: confirms the address it was sent to, which becomes the
/// account's address when it was an email change (the old address is told).
pub async fn verify_email(state: &AppState, token: &str) -> ShopResult<UserId> {
    if !is_token(token) {
        return Err(ShopError::LinkInvalid);
    }
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let claimed = claim_link(state, &mut tx, LinkPurpose::VerifyEmail, token, now).await?;
    let user = users::find_by_id(&mut *tx, claimed.user_id)
        .await?
        .ok_or(ShopError::LinkInvalid)?;
    if claimed.email != user.email {
        if users::find_by_email(&mut *tx, &claimed.email)
            .await?
            .is_some()
        {
            return Err(ShopError::LinkInvalid);
        }
        mail(
            state,
            lang_of(&user),
            Some(user.id),
            &user.email,
            Letter::EmailChanged {
                name: &user.full_name,
                email: &claimed.email,
            },
        )
        .enqueue(&mut tx, now)
        .await?;
    }
    users::set_verified_email(&mut *tx, user.id, &claimed.email, now).await?;
    // Orders placed and questions sent as a guest with this address are the account's now
    // that it is proven.
    crate::backend::db::orders::claim_guest_orders(&mut tx, user.id, &claimed.email).await?;
    crate::backend::db::contact::claim_guest_threads(&mut tx, user.id, &claimed.email).await?;
    tx.commit().await?;
    state.outbox_written();
    Ok(user.id)
}
