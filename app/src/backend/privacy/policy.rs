//! The privacy policy as versioned text (promise P11): the version in effect and the earlier
//! ones with the differences between any two; the notice a signed-in shopper sees until they
//! acknowledge a new version; staff drafting and publishing versions; the notice mail sent
//! to every account in batches when a version is published.

use crate::backend::{
    AppState,
    db::{
        audience::{self, Use},
        policy::{self, PolicyHead},
        users::UserRow,
    },
    mail::{Letter, Mail},
    memory::policy::in_effect,
    now,
};
use crate::{
    domain::{
        ids::UserId,
        policy::{PolicyDraft, blocks, diff as diff_blocks},
        time,
    },
    error::{Problem, ShopError, ShopResult},
    i18n::Lang,
    model::policy::{
        PolicyAdmin, PolicyDiff, PolicyNotice, PolicyPage, PolicyVersionAdmin, PolicyVersionItem,
    },
};

/// The first version's texts, shipped with the code (filled in at start-up when empty).
const FIRST_TEXT_EN: &str = include_str!("policy/v1.en.txt");
const FIRST_TEXT_ZH: &str = include_str!("policy/v1.zh.txt");

/// How many notices one round of the notice job queues.
pub const NOTICE_BATCH: i64 = 200;

/// Gives the first version its texts when it has none.
pub async fn fill_first_texts(state: &AppState) -> ShopResult<()> {
    policy::fill_empty_texts(state.db.pool(), 1, FIRST_TEXT_EN, FIRST_TEXT_ZH).await?;
    Ok(())
}

/// The published versions, oldest first, in `lang`.
fn published(heads: &[PolicyHead], lang: Lang) -> Vec<PolicyVersionItem> {
    heads.iter().filter_map(|h| item(h, lang)).collect()
}

fn item(head: &PolicyHead, lang: Lang) -> Option<PolicyVersionItem> {
    Some(PolicyVersionItem {
        version: head.version,
        effective_at: head.effective_at?,
        summary: head.summary(lang).to_string(),
    })
}

/// A published version (the one in effect when `version` is `None`) with its text in `lang`;
/// drafts are not found.
pub async fn page(state: &AppState, lang: Lang, version: Option<i64>) -> ShopResult<PolicyPage> {
    let heads = state.policy.heads(&state.changes, &state.db).await?;
    let current = in_effect(&heads, now()).ok_or(ShopError::NotFound)?;
    let wanted = version.unwrap_or(current.version);
    let head = heads
        .iter()
        .find(|h| h.version == wanted && h.effective_at.is_some())
        .ok_or(ShopError::NotFound)?;
    let texts = policy::texts(state.db.pool(), head.version)
        .await?
        .ok_or(ShopError::NotFound)?;
    let shown = item(head, lang).ok_or(ShopError::NotFound)?;
    Ok(PolicyPage {
        version: shown.version,
        effective_at: shown.effective_at,
        summary: shown.summary,
        blocks: blocks(texts.text(lang)),
        current: current.version,
        versions: published(&heads, lang),
    })
}

/// What changed from published version `from` to published version `to`, in `lang`.
pub async fn diff(state: &AppState, lang: Lang, from: i64, to: i64) -> ShopResult<PolicyDiff> {
    let heads = state.policy.heads(&state.changes, &state.db).await?;
    let find = |version: i64| {
        heads
            .iter()
            .find(|h| h.version == version)
            .and_then(|h| item(h, lang))
    };
    let (Some(from_item), Some(to_item)) = (find(from), find(to)) else {
        return Err(ShopError::NotFound);
    };
    let pool = state.db.pool();
    let (Some(old), Some(new)) = (
        policy::texts(pool, from).await?,
        policy::texts(pool, to).await?,
    ) else {
        return Err(ShopError::NotFound);
    };
    Ok(PolicyDiff {
        from: from_item,
        to: to_item,
        blocks: diff_blocks(&blocks(old.text(lang)), &blocks(new.text(lang))),
        versions: published(&heads, lang),
    })
}

/// The version `user` has still to acknowledge, if any.
pub async fn notice_for(state: &AppState, user: &UserRow) -> ShopResult<Option<PolicyNotice>> {
    let heads = state.policy.heads(&state.changes, &state.db).await?;
    Ok(notice_among(&heads, user.policy_version, now()))
}

fn notice_among(heads: &[PolicyHead], acknowledged: i64, now: i64) -> Option<PolicyNotice> {
    let current = in_effect(heads, now)?;
    (current.version > acknowledged).then(|| PolicyNotice {
        acknowledged,
        current: current.version,
        effective_at: current.effective_at.unwrap_or_default(),
    })
}

/// The signed-in shopper read `version`: it must be in effect or an earlier published one.
pub async fn acknowledge(state: &AppState, user: UserId, version: i64) -> ShopResult<()> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let heads = policy::heads(&mut *tx).await?;
    let current = in_effect(&heads, now).ok_or(ShopError::NotFound)?;
    let published = heads
        .iter()
        .any(|h| h.version == version && h.effective_at.is_some());
    if !published || version > current.version {
        return Err(ShopError::invalid("version", Problem::Invalid));
    }
    policy::acknowledge(&mut tx, user, version, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A new account has read the version in effect (registration, staff creating an account).
pub async fn acknowledge_current(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    now: i64,
) -> ShopResult<()> {
    if let Some(current) = policy::current(&mut *conn, now).await? {
        policy::acknowledge(conn, user, current.version, now).await?;
    }
    Ok(())
}

/// Staff: every version, newest first.
pub async fn admin_view(state: &AppState) -> ShopResult<PolicyAdmin> {
    let pool = state.db.pool();
    let heads = policy::heads(pool).await?;
    let now = now();
    let current = in_effect(&heads, now).map_or(0, |h| h.version);
    let mut versions = Vec::with_capacity(heads.len());
    for head in heads.into_iter().rev() {
        let texts = policy::texts(pool, head.version)
            .await?
            .ok_or(ShopError::NotFound)?;
        versions.push(PolicyVersionAdmin {
            version: head.version,
            written_at: head.written_at,
            effective_at: head.effective_at,
            notices_pending: head.effective_at.is_some() && head.notice_after.is_some(),
            summary_en: head.summary_en,
            summary_zh: head.summary_zh,
            text_en: texts.text_en,
            text_zh: texts.text_zh,
        });
    }
    Ok(PolicyAdmin {
        versions,
        current,
        now,
    })
}

/// Staff: saves a draft (a new one when `version` is `None`); its number.
pub async fn save_draft(
    state: &AppState,
    version: Option<i64>,
    draft: &PolicyDraft,
) -> ShopResult<i64> {
    draft.validate()?;
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let version = match version {
        None => policy::insert_draft(&mut tx, draft, now)
            .await?
            .ok_or(ShopError::Conflict)?,
        Some(version) => {
            if policy::update_draft(&mut *tx, version, draft, now).await? == 0 {
                return Err(not_a_draft());
            }
            version
        }
    };
    tx.commit().await?;
    tracing::info!(version, "privacy policy draft saved");
    Ok(version)
}

/// Staff: deletes a draft.
pub async fn delete_draft(state: &AppState, version: i64) -> ShopResult<()> {
    if policy::delete_draft(state.db.pool(), version).await? == 0 {
        return Err(not_a_draft());
    }
    Ok(())
}

/// Staff: publishes a draft to take effect on `effective_on` (`2026-12-24`, UTC; today or
/// later; today means now). Its notice mail starts at once.
pub async fn publish(state: &AppState, version: i64, effective_on: &str) -> ShopResult<i64> {
    let now = now();
    let day = time::parse_date(effective_on)
        .ok_or_else(|| ShopError::invalid("effective_on", Problem::Invalid))?;
    let today = now - now.rem_euclid(86_400);
    if day < today {
        return Err(ShopError::invalid("effective_on", Problem::DateInPast));
    }
    let effective_at = day.max(now);
    let mut tx = state.db.begin_write().await?;
    if policy::publish(&mut *tx, version, effective_at, now).await? == 0 {
        return Err(not_a_draft());
    }
    tx.commit().await?;
    tracing::info!(version, effective_at, "privacy policy version published");
    Ok(effective_at)
}

fn not_a_draft() -> ShopError {
    ShopError::Conflict
}

/// One round of notice mail: up to `batch` accounts after the last one queued get the
/// notice of the oldest version still sending, in their language, in one transaction that
/// also moves the cursor (another server doing the same round changes nothing). The number
/// of mails queued.
pub async fn queue_notices(state: &AppState, batch: i64, now: i64) -> ShopResult<usize> {
    let mut tx = state.db.begin_write().await?;
    let Some(head) = policy::notice_due(&mut *tx).await? else {
        return Ok(0);
    };
    let (Some(after), Some(effective_at)) = (head.notice_after, head.effective_at) else {
        return Ok(0);
    };
    let recipients = audience::accounts_after(&mut *tx, Use::CustomerService, after, batch).await?;
    let moved_to = audience::next_cursor(&recipients, batch);
    if policy::advance_notice(&mut *tx, head.version, after, moved_to).await? == 0 {
        return Ok(0);
    }
    let before = policy::heads(&mut *tx)
        .await?
        .iter()
        .filter(|h| h.version < head.version && h.effective_at.is_some())
        .map(|h| h.version)
        .max();
    let link = match before {
        Some(before) => format!(
            "{}/privacy/changes?from={before}&to={}",
            state.settings.public_url, head.version
        ),
        None => format!("{}/privacy", state.settings.public_url),
    };
    let date = time::date(effective_at);
    for r in &recipients {
        let letter = Letter::PolicyChanged {
            name: &r.full_name,
            version: head.version,
            date: &date,
            summary: head.summary(r.language),
            link: &link,
        };
        Mail::compose(
            r.language,
            &state.settings.name,
            Some(r.id),
            &r.email,
            letter,
        )
        .enqueue(&mut tx, now)
        .await?;
    }
    tx.commit().await?;
    if !recipients.is_empty() {
        state.outbox_written();
    }
    Ok(recipients.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(version: i64, effective_at: Option<i64>) -> PolicyHead {
        PolicyHead {
            version,
            written_at: 0,
            effective_at,
            summary_en: String::new(),
            summary_zh: String::new(),
            notice_after: None,
        }
    }

    #[test]
    fn the_notice_names_the_version_in_effect_until_it_is_acknowledged() {
        let heads = [head(1, Some(100)), head(2, Some(200)), head(3, None)];
        assert_eq!(notice_among(&heads, 1, 150), None);
        let notice = notice_among(&heads, 1, 200).unwrap();
        assert_eq!((notice.acknowledged, notice.current), (1, 2));
        assert_eq!(notice.effective_at, 200);
        assert_eq!(
            notice_among(&heads, 2, 10_000),
            None,
            "a draft is never current"
        );
        assert_eq!(notice_among(&[head(1, None)], 0, 1), None);
    }
}
