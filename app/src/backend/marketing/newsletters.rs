//! Newsletters: staff write one (English, Chinese optional) and it goes, in batches, to
//! every account that opted in to marketing mail, in the account's language, with the
//! unsubscribe link in its text and in RFC 8058's headers.

use super::unsubscribe;
use crate::backend::{
    AppState,
    db::{
        audience::{self, Use},
        newsletters::{self, NewsletterRow},
    },
    mail::{Letter, Mail},
};
use crate::{
    domain::{ids::UserId, marketing::NewsletterForm},
    error::ShopResult,
    i18n::Lang,
    model::marketing::{NewsletterAdmin, NewsletterItem},
};

/// How many mails one round of the sending job queues.
pub const BATCH: i64 = 200;

/// Stores a newsletter; the sending job starts on it at once. Its id.
pub async fn send(
    state: &AppState,
    author: UserId,
    form: &NewsletterForm,
    now: i64,
) -> ShopResult<i64> {
    form.validate()?;
    Ok(newsletters::insert(state.db.pool(), form, author, now).await?)
}

/// What staff see: how many accounts a newsletter would reach now, and the newest ones
/// written.
pub async fn admin_view(state: &AppState) -> ShopResult<NewsletterAdmin> {
    let pool = state.db.pool();
    let audience = audience::count(pool, Use::Marketing).await?;
    let newsletters = newsletters::recent(pool, 50)
        .await?
        .into_iter()
        .map(|n| NewsletterItem {
            id: n.id,
            subject: n.subject_en,
            written_at: n.created_at,
            recipients: n.recipients,
            sending: n.send_after.is_some(),
        })
        .collect();
    Ok(NewsletterAdmin {
        audience,
        newsletters,
    })
}

/// One round: up to `batch` opted-in accounts after the last one queued get the oldest
/// newsletter still sending, in one transaction that also moves its cursor (another server
/// doing the same round changes nothing). The number of mails queued.
pub async fn queue_batch(state: &AppState, batch: i64, now: i64) -> ShopResult<usize> {
    let mut tx = state.db.begin_write().await?;
    let Some(letter) = newsletters::sending(&mut *tx).await? else {
        return Ok(0);
    };
    let Some(after) = letter.send_after else {
        return Ok(0);
    };
    let recipients = audience::accounts_after(&mut *tx, Use::Marketing, after, batch).await?;
    let moved_to = audience::next_cursor(&recipients, batch);
    let queued = recipients.len() as i64;
    if newsletters::advance(&mut *tx, letter.id, after, moved_to, queued).await? == 0 {
        return Ok(0);
    }
    for r in &recipients {
        mail(state, &letter, r.id, &r.email, &r.full_name, r.language)
            .enqueue(&mut tx, now)
            .await?;
    }
    tx.commit().await?;
    if !recipients.is_empty() {
        state.outbox_written();
    }
    Ok(recipients.len())
}

fn mail(
    state: &AppState,
    letter: &NewsletterRow,
    user: UserId,
    to: &str,
    name: &str,
    lang: Lang,
) -> Mail {
    let form = letter.form();
    let (subject, text) = form.texts(lang == Lang::Zh);
    let link = unsubscribe::link(state, user);
    let profile = format!("{}/account", state.settings.public_url);
    let letter = Letter::Newsletter {
        subject,
        name,
        text,
        link: &link,
        profile: &profile,
    };
    Mail::compose(lang, &state.settings.name, Some(user), to, letter).with_unsubscribe(&link)
}
