//! Account operations: registration, sign-in, email links, profile and password changes,
//! deactivation and erasure, and the staff actions on accounts. Plain async functions over
//! [`AppState`]; server functions call them after their authorisation checks, and tests call
//! them directly. Every multi-step write runs in one transaction, mail included.

use crate::domain::ids::UserId;

use super::{
    AppState,
    db::{addresses, consents, receipts, sessions, tokens, users, users::UserRow},
    keys::{is_token, random_token},
    mail::{Letter, Mail},
    now, passwords,
    privacy::erasure::{ErasedSection, ErasureReport, erase_user},
    throttle::{Throttle, admit_mail},
    work::Step,
};
use crate::{
    domain::account::{
        AccountStatus, DEACTIVATION_GRACE_DAYS, LinkPurpose, ProfileInput, RegistrationInput, Role,
        check_email, normalize_email, validate_new_password, validate_profile,
        validate_registration,
    },
    error::{FieldError, Problem, Rule, ShopError, ShopResult},
    i18n::Lang,
    model::account::ErasureReceipt,
};
use std::net::IpAddr;

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

fn lang_of(user: &UserRow) -> Lang {
    user.language
}

fn mail(state: &AppState, lang: Lang, user_id: Option<UserId>, to: &str, letter: Letter) -> Mail {
    Mail::compose(lang, &state.settings.name, user_id, to, letter)
}

fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.settings.public_url)
}

/// Creates a one-time link token; only its keyed hash is stored.
async fn issue_token(
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
        &state.keys.hash(purpose.as_str(), &token),
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
enum LinkLetter {
    Verify,
    ChangeEmail,
    ResetPassword,
}

impl LinkLetter {
    fn purpose(self) -> LinkPurpose {
        match self {
            LinkLetter::Verify | LinkLetter::ChangeEmail => LinkPurpose::VerifyEmail,
            LinkLetter::ResetPassword => LinkPurpose::ResetPassword,
        }
    }

    fn letter<'a>(self, name: &'a str, link: &'a str) -> Letter<'a> {
        match self {
            LinkLetter::Verify => Letter::Verify { name, link },
            LinkLetter::ChangeEmail => Letter::ChangeEmail { name, link },
            LinkLetter::ResetPassword => Letter::ResetPassword { name, link },
        }
    }
}

/// A mail carrying a one-time link, asked for by `client`.
struct LinkMail<'a> {
    client: Option<IpAddr>,
    user_id: UserId,
    name: &'a str,
    to: &'a str,
    lang: Lang,
    letter: LinkLetter,
}

/// Issues a link token and writes the mail that carries it (inside the caller's transaction),
/// unless the recipient or the client has used its hourly allowance of requested mail.
async fn send_link(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    m: LinkMail<'_>,
    now: i64,
) -> ShopResult<()> {
    if !admit_mail(conn, &state.keys, m.to, m.client, now).await? {
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
async fn notify_address_taken(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    owner: &UserRow,
    client: Option<IpAddr>,
    now: i64,
) -> ShopResult<bool> {
    if !admit_mail(conn, &state.keys, &owner.email, client, now).await? {
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

fn refused(rule: Rule) -> ShopError {
    ShopError::Refused { rule }
}

fn field(field: &str, problem: Problem) -> ShopError {
    ShopError::invalid(field, problem)
}

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
        None if admit_mail(&mut tx, &state.keys, &email, client, now).await? => {
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
    state.mail_written();
    if taken.is_none() {
        tracing::info!(%user_id, "account registered");
    }
    Ok(())
}

/// The rows of a new account: the user, the first address, the policy acknowledged, the
/// marketing choice and the verification link's token (returned with the id).
async fn write_account(
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
    let policy = consents::current_policy(&mut *conn).await?;
    consents::acknowledge(&mut *conn, user_id, policy.version, now).await?;
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
    state.mail_written();
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
    let claimed = tokens::claim(
        &mut tx,
        &state.keys.hash(LinkPurpose::VerifyEmail.as_str(), token),
        LinkPurpose::VerifyEmail,
        now,
    )
    .await?
    .ok_or(ShopError::LinkInvalid)?;
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
    // Orders placed as a guest with this address are the account's now that it is proven.
    super::db::orders::claim_guest_orders(&mut tx, user.id, &claimed.email).await?;
    tx.commit().await?;
    state.mail_written();
    Ok(user.id)
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
    state.mail_written();
    Ok(())
}

/// True when a reset link is still usable (to show the form or a clear message).
pub async fn reset_link_is_live(state: &AppState, token: &str) -> ShopResult<bool> {
    if !is_token(token) {
        return Ok(false);
    }
    Ok(tokens::find_live(
        state.db.pool(),
        &state.keys.hash(LinkPurpose::ResetPassword.as_str(), token),
        LinkPurpose::ResetPassword,
        now(),
    )
    .await?
    .is_some())
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
    let claimed = tokens::claim(
        &mut tx,
        &state.keys.hash(LinkPurpose::ResetPassword.as_str(), token),
        LinkPurpose::ResetPassword,
        now,
    )
    .await?
    .ok_or(ShopError::LinkInvalid)?;
    users::set_password_hash(&mut *tx, claimed.user_id, &hash, now).await?;
    sessions::delete_for_user(&mut *tx, claimed.user_id, None).await?;
    tx.commit().await?;
    tracing::info!(user_id = %claimed.user_id, "password reset");
    Ok(())
}

/// Checks the current password given to confirm a sensitive change.
async fn confirm_password(user: &UserRow, password: &str, field_name: &str) -> ShopResult<()> {
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
    state.mail_written();
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

/// Cancels the account: hidden and signed out everywhere; signing in within the grace period
/// restores it.
pub async fn deactivate(state: &AppState, user: &UserRow, password: &str) -> ShopResult<()> {
    confirm_password(user, password, "password").await?;
    let mut tx = state.db.begin_write().await?;
    users::set_status(&mut *tx, user.id, AccountStatus::Deactivated, None, now()).await?;
    sessions::delete_for_user(&mut *tx, user.id, None).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user.id, "account deactivated");
    Ok(())
}

/// Erases the account after the password is confirmed; returns the receipt id.
pub async fn delete_account(
    state: &AppState,
    user: &UserRow,
    password: &str,
) -> ShopResult<String> {
    confirm_password(user, password, "password").await?;
    let report = erase_user(&state.db, user.id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let receipt = store_receipt(state, &report).await?;
    tracing::info!("account erased on its owner's request");
    Ok(receipt)
}

async fn store_receipt(state: &AppState, report: &ErasureReport) -> ShopResult<String> {
    let id = random_token();
    let summary = serde_json::to_string(report).map_err(|_| ShopError::Internal)?;
    receipts::insert(state.db.pool(), &id, &summary, now()).await?;
    Ok(id)
}

/// The receipt of an erasure, for the page the former shopper lands on.
pub async fn receipt(state: &AppState, id: &str) -> ShopResult<ErasureReceipt> {
    if !is_token(id) {
        return Err(ShopError::NotFound);
    }
    let (erased_at, summary) = receipts::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let report: ErasureReport = serde_json::from_str(&summary).map_err(|_| ShopError::Internal)?;
    let counts =
        |sections: Vec<ErasedSection>| sections.into_iter().map(|s| (s.section, s.rows)).collect();
    Ok(ErasureReceipt {
        erased_at,
        erased: counts(report.erased),
        kept_anonymised: counts(report.kept_anonymised),
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
    role: &str,
) -> ShopResult<()> {
    let role = Role::parse(role).ok_or_else(|| field("role", Problem::Invalid))?;
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
    let policy = consents::current_policy(&mut *tx).await?;
    consents::acknowledge(&mut *tx, id, policy.version, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Housekeeping run hourly: erases accounts deactivated longer than the grace period.
pub async fn erase_expired_deactivations(state: &AppState) -> ShopResult<usize> {
    let cutoff = now() - DEACTIVATION_GRACE_DAYS * DAY;
    let due = users::deactivated_before(state.db.pool(), cutoff).await?;
    for id in &due {
        erase_user(&state.db, *id).await?;
    }
    Ok(due.len())
}

/// Remembers the language an account's owner chose (for mail and the next sign-in).
pub async fn set_language(state: &AppState, user_id: UserId, lang: Lang) -> ShopResult<()> {
    users::set_language(state.db.pool(), user_id, lang).await?;
    Ok(())
}
