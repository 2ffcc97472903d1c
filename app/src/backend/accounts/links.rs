//! The mail an account receives and the one-time links it carries (verification, email
//! change, password reset), and the small helpers the account operations share.

use crate::domain::ids::UserId;

use crate::backend::{
    AppState,
    db::{tokens, users::UserRow},
    mail::{Letter, Mail},
    now,
    security::keys::random_token,
    security::throttle::admit_mail,
};
use crate::{
    domain::account::LinkPurpose,
    error::{Problem, Rule, ShopError, ShopResult},
    i18n::Lang,
};
use std::net::IpAddr;

pub(super) const HOUR: i64 = 3600;
pub(super) const DAY: i64 = 24 * HOUR;

pub(super) fn lang_of(user: &UserRow) -> Lang {
    user.language
}

pub(super) fn mail(
    state: &AppState,
    lang: Lang,
    user_id: Option<UserId>,
    to: &str,
    letter: Letter,
) -> Mail {
    Mail::compose(lang, &state.settings.name, user_id, to, letter)
}

pub(super) fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.settings.public_url)
}

/// The keyed hash under which a link's token is stored (the token itself never is).
fn link_hash(state: &AppState, purpose: LinkPurpose, token: &str) -> String {
    state.keys.hash(purpose.as_str(), token)
}

/// Uses up a one-time link of `purpose`: the token's row, once; an unknown, used or expired
/// link is `LinkInvalid`.
pub(super) async fn claim_link(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    purpose: LinkPurpose,
    token: &str,
    now: i64,
) -> ShopResult<tokens::TokenRow> {
    tokens::claim(conn, &link_hash(state, purpose, token), purpose, now)
        .await?
        .ok_or(ShopError::LinkInvalid)
}

/// True while a one-time link of `purpose` can still be used.
pub(super) async fn link_is_live(
    state: &AppState,
    purpose: LinkPurpose,
    token: &str,
) -> ShopResult<bool> {
    let live = tokens::find_live(
        state.db.pool(),
        &link_hash(state, purpose, token),
        purpose,
        now(),
    )
    .await?;
    Ok(live.is_some())
}

/// Creates a one-time link token; only its keyed hash is stored.
pub(super) async fn issue_token(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
    purpose: LinkPurpose,
    email: &str,
    ttl: i64,
) -> ShopResult<String> {
    let token = random_token();
    let now = now();
    tokens::revoke_all(&mut *conn, user_id, purpose, now).await?;
    tokens::insert(
        &mut *conn,
        &link_hash(state, purpose, &token),
        user_id,
        purpose,
        email,
        now,
        now + ttl,
    )
    .await?;
    Ok(token)
}

/// The mails that carry a one-time link.
#[derive(Clone, Copy)]
pub(super) enum LinkLetter {
    Verify,
    ChangeEmail,
    ResetPassword,
}

impl LinkLetter {
    pub(super) fn purpose(self) -> LinkPurpose {
        match self {
            LinkLetter::Verify | LinkLetter::ChangeEmail => LinkPurpose::VerifyEmail,
            LinkLetter::ResetPassword => LinkPurpose::ResetPassword,
        }
    }

    pub(super) fn letter<'a>(self, name: &'a str, link: &'a str) -> Letter<'a> {
        match self {
            LinkLetter::Verify => Letter::Verify { name, link },
            LinkLetter::ChangeEmail => Letter::ChangeEmail { name, link },
            LinkLetter::ResetPassword => Letter::ResetPassword { name, link },
        }
    }
}

/// A mail carrying a one-time link, asked for by `client`.
pub(super) struct LinkMail<'a> {
    pub(super) client: Option<IpAddr>,
    pub(super) user_id: UserId,
    pub(super) name: &'a str,
    pub(super) to: &'a str,
    pub(super) lang: Lang,
    pub(super) letter: LinkLetter,
}

/// Issues a link token and writes the mail that carries it (inside the caller's transaction),
/// unless the recipient or the client has used its hourly allowance of requested mail.
pub(super) async fn send_link(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    m: LinkMail<'_>,
    now: i64,
) -> ShopResult<()> {
    let per_client = state.settings.mails_per_client_per_hour;
    if !admit_mail(conn, &state.keys, m.to, m.client, per_client, now).await? {
        return Ok(());
    }
    let purpose = m.letter.purpose();
    let hours = purpose.valid_hours();
    let token = issue_token(state, conn, m.user_id, purpose, m.to, hours * HOUR).await?;
    let url = link(state, &format!("{}{token}", purpose.path()));
    let letter = m.letter.letter(m.name, &url);
    mail(state, m.lang, Some(m.user_id), m.to, letter)
        .enqueue(conn, now)
        .await?;
    Ok(())
}

/// Tells the owner of an address that someone tried to use it for another account (instead
/// of telling the person who tried).
/// Returns whether the note was queued (the hourly allowance of requested mail may hold it
/// back).
pub(super) async fn notify_address_taken(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    owner: &UserRow,
    client: Option<IpAddr>,
    now: i64,
) -> ShopResult<bool> {
    let per_client = state.settings.mails_per_client_per_hour;
    if !admit_mail(conn, &state.keys, &owner.email, client, per_client, now).await? {
        return Ok(false);
    }
    let signin = link(state, "/account/sign-in");
    let reset = link(state, "/account/forgot");
    mail(
        state,
        lang_of(owner),
        Some(owner.id),
        &owner.email,
        Letter::AddressTaken {
            name: &owner.full_name,
            signin: &signin,
            reset: &reset,
        },
    )
    .enqueue(conn, now)
    .await?;
    Ok(true)
}

pub(super) fn refused(rule: Rule) -> ShopError {
    ShopError::Refused { rule }
}

pub(super) fn field(field: &str, problem: Problem) -> ShopError {
    ShopError::invalid(field, problem)
}
