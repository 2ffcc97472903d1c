//! Consent (promise P2): a visitor's choice read from their request, the notice their pages
//! carry (the consent banner on a first visit, a one-time notice after a policy change), and
//! a new choice written to the `consent` cookie and, for a signed-in shopper, recorded as
//! consent events with the policy version in effect.

use crate::backend::{AppState, db::consents, memory::policy::in_effect, now};
use crate::{
    cookies,
    domain::{
        consent::{Consent, ConsentAnswer, ConsentState, PURPOSE_ANALYTICS, PURPOSE_OFFERS},
        ids::UserId,
    },
    error::{ShopError, ShopResult},
    model::policy::ConsentView,
};
use axum::http::{HeaderMap, HeaderValue};

/// How long a choice is kept (then the visitor is asked again).
const CHOICE_LIFE_SECS: i64 = 180 * 86_400;

/// The visitor's consent: their cookie, and whether their browser refuses tracking.
pub fn of_headers(headers: &HeaderMap) -> ConsentState {
    let says_no = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() == "1")
    };
    ConsentState {
        chosen: cookies::get(headers, cookies::CONSENT).and_then(|v| Consent::parse(&v)),
        browser_refuses: says_no("sec-gpc") || says_no("dnt"),
    }
}

/// The version of the policy in effect now (0 when none is).
pub async fn current_policy(state: &AppState) -> ShopResult<(i64, i64)> {
    let heads = state.policy.heads(&state.changes, &state.db).await?;
    Ok(
        in_effect(&heads, now())
            .map_or((0, 0), |h| (h.version, h.effective_at.unwrap_or_default())),
    )
}

/// What the pages show about a visitor's consent.
pub async fn view(state: &AppState, consent: ConsentState) -> ShopResult<ConsentView> {
    let (current, effective_at) = current_policy(state).await?;
    Ok(ConsentView {
        notice: consent.notice(current),
        analytics: consent.analytics(),
        marketing: consent.marketing(),
        chosen: consent.chosen.is_some(),
        browser_refuses: consent.browser_refuses,
        policy_version: current,
        policy_effective_at: effective_at,
    })
}

/// A new choice: the cookie to set, and for a signed-in shopper the changed purposes
/// recorded (the visitor cookie that goes with analytics is `analytics::visitor_cookie`). `Keep` keeps the choice there was (none: the necessary only) under the
/// version in effect.
pub async fn choose(
    state: &AppState,
    headers: &HeaderMap,
    user: Option<UserId>,
    answer: ConsentAnswer,
    analytics: bool,
    marketing: bool,
) -> ShopResult<(Consent, HeaderValue)> {
    let before = of_headers(headers).chosen;
    let (analytics, marketing) = match answer {
        ConsentAnswer::AcceptAll => (true, true),
        ConsentAnswer::RejectAll => (false, false),
        ConsentAnswer::Save => (analytics, marketing),
        ConsentAnswer::Keep => before.map_or((false, false), |c| (c.analytics, c.marketing)),
    };
    let (policy_version, _) = current_policy(state).await?;
    let consent = Consent {
        analytics,
        marketing,
        policy_version,
    };
    if let Some(user) = user {
        let now = now();
        let mut tx = state.db.begin_write().await?;
        for (purpose, granted, was) in [
            (PURPOSE_ANALYTICS, analytics, before.map(|c| c.analytics)),
            (PURPOSE_OFFERS, marketing, before.map(|c| c.marketing)),
        ] {
            if was != Some(granted) {
                consents::record(&mut *tx, user, purpose, granted, now).await?;
            }
        }
        tx.commit().await?;
    }
    let cookie = cookies::set(
        cookies::CONSENT,
        &consent.cookie_value(),
        Some(CHOICE_LIFE_SECS),
        state.settings.https,
    )
    .ok_or(ShopError::Internal)?;
    Ok((consent, cookie))
}
