//! First-party analytics (promise P2), only with the visitor's consent: each page they open
//! (counted by a middleware, kept pages included) and the clicks the hydrated app reports,
//! with their address cut to its network as it arrives; visit counts per visitor; and
//! retention: raw rows older than `shop.analytics_retention_days` become daily totals.

pub mod dashboard;

use crate::backend::{
    AppState,
    db::analytics::{self, View},
    privacy::consent,
    security::keys::random_token,
};
use crate::{
    cookies,
    domain::{
        analytics::{
            CLICKS_PER_BATCH, Click, VISIT_IDLE_SECS, is_visitor_id, kept_path, shortened_ip,
        },
        ids::UserId,
    },
    error::{Problem, ShopError, ShopResult},
    i18n::lang_of_request,
};
use axum::http::{HeaderMap, HeaderValue};
use std::{collections::BTreeMap, net::IpAddr};

/// How long the visitor cookie lives (renewed with each consent).
const VISITOR_LIFE_SECS: i64 = 180 * 86_400;
const DAY: i64 = 86_400;

/// The visitor number of a request that may be counted: analytics allowed (and not refused
/// by the browser), and a visitor cookie the shop made.
pub fn countable_visitor(headers: &HeaderMap) -> Option<String> {
    if !consent::of_headers(headers).analytics() {
        return None;
    }
    cookies::get(headers, cookies::VISITOR).filter(|v| is_visitor_id(v))
}

/// The visitor cookie to set with a consent choice: a new visitor number when analytics is
/// allowed and the browser has none; removed when analytics is not allowed.
pub fn visitor_cookie(headers: &HeaderMap, analytics: bool, secure: bool) -> Option<HeaderValue> {
    let current = cookies::get(headers, cookies::VISITOR).filter(|v| is_visitor_id(v));
    match (analytics, current) {
        (true, Some(_)) => None,
        (true, None) => {
            let id = &random_token()[..32];
            cookies::set(cookies::VISITOR, id, Some(VISITOR_LIFE_SECS), secure)
        }
        (false, Some(_)) => cookies::clear(cookies::VISITOR, secure),
        (false, None) => None,
    }
}

/// Counts a page view of the request with these headers, from `client`, at `now`; false
/// when it may not be counted.
pub async fn record_view(
    state: &AppState,
    headers: &HeaderMap,
    client: Option<IpAddr>,
    path_and_query: &str,
    now: i64,
) -> ShopResult<bool> {
    let Some(visitor) = countable_visitor(headers) else {
        return Ok(false);
    };
    let user = state.sessions.open(headers).await?.user_id();
    let path = kept_path(path_and_query);
    let ip_network = client.map(shortened_ip).unwrap_or_default();
    let lang = lang_of_request(headers);
    let mut tx = state.db.begin_write().await?;
    analytics::insert_view(
        &mut tx,
        &View {
            at: now,
            path: &path,
            ip_network: &ip_network,
            language: lang.code(),
            visitor_id: &visitor,
            user_id: user,
        },
    )
    .await?;
    analytics::seen(&mut tx, &visitor, user, now, VISIT_IDLE_SECS).await?;
    tx.commit().await?;
    Ok(true)
}

/// Records a batch of clicks from the hydrated app; how many were kept (none without
/// consent).
pub async fn record_clicks(
    state: &AppState,
    headers: &HeaderMap,
    user: Option<UserId>,
    clicks: &[Click],
    now: i64,
) -> ShopResult<usize> {
    if clicks.len() > CLICKS_PER_BATCH {
        return Err(ShopError::invalid(
            "clicks",
            Problem::TooLong {
                max: CLICKS_PER_BATCH,
            },
        ));
    }
    let Some(visitor) = countable_visitor(headers) else {
        return Ok(0);
    };
    let kept: Vec<Click> = clicks.iter().filter_map(Click::kept).collect();
    let mut tx = state.db.begin_write().await?;
    analytics::insert_clicks(&mut tx, &kept, &visitor, user, now).await?;
    tx.commit().await?;
    Ok(kept.len())
}

/// Deletes a browser's own analytics records (from the choices page); how many rows.
pub async fn forget_visitor(state: &AppState, headers: &HeaderMap) -> ShopResult<u64> {
    let Some(visitor) = cookies::get(headers, cookies::VISITOR).filter(|v| is_visitor_id(v)) else {
        return Ok(0);
    };
    let mut tx = state.db.begin_write().await?;
    let rows = analytics::delete_visitor(&mut tx, &visitor).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Retention, as of `now`: every whole day of raw rows older than `retention_days` is folded
/// into daily totals and deleted, one day per transaction (safe with several servers: a day
/// is taken by deleting it), and visitors not seen since are forgotten. Rows deleted.
pub async fn expire(state: &AppState, now: i64, retention_days: u32) -> Result<u64, sqlx::Error> {
    let cutoff = now - i64::from(retention_days) * DAY;
    let before = cutoff - cutoff.rem_euclid(DAY);
    let mut deleted = 0;
    while let Some(day) = analytics::oldest_day_before(state.db.pool(), before).await? {
        let mut tx = state.db.begin_write().await?;
        let (views, clicks) = analytics::take_day(&mut tx, day).await?;
        deleted += (views.len() + clicks.len()) as u64;
        for (kind, name, count) in daily_totals(&views, &clicks) {
            analytics::add_daily(&mut tx, day, kind, &name, count).await?;
        }
        tx.commit().await?;
    }
    deleted += analytics::delete_visitors_before(state.db.pool(), before).await?;
    Ok(deleted)
}

/// The totals of one day: views per path, clicks per label, distinct visitors, views per
/// language.
fn daily_totals(
    views: &[(String, String, String)],
    clicks: &[String],
) -> Vec<(&'static str, String, i64)> {
    let mut totals: BTreeMap<(&'static str, String), i64> = BTreeMap::new();
    let mut visitors = std::collections::BTreeSet::new();
    for (path, visitor, language) in views {
        *totals.entry(("views", path.clone())).or_default() += 1;
        *totals.entry(("languages", language.clone())).or_default() += 1;
        visitors.insert(visitor);
    }
    for label in clicks {
        *totals.entry(("clicks", label.clone())).or_default() += 1;
    }
    if !visitors.is_empty() {
        totals.insert(("visitors", String::new()), visitors.len() as i64);
    }
    totals
        .into_iter()
        .map(|((kind, name), count)| (kind, name, count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_becomes_totals_without_visitors() {
        let v = |p: &str, who: &str, l: &str| (p.to_string(), who.to_string(), l.to_string());
        let totals = daily_totals(
            &[v("/", "a", "en"), v("/", "b", "zh"), v("/cart", "a", "en")],
            &["/checkout".to_string()],
        );
        assert_eq!(
            totals,
            [
                ("clicks", "/checkout".to_string(), 1),
                ("languages", "en".to_string(), 2),
                ("languages", "zh".to_string(), 1),
                ("views", "/".to_string(), 2),
                ("views", "/cart".to_string(), 1),
                ("visitors", String::new(), 2),
            ]
        );
        assert!(daily_totals(&[], &[]).is_empty());
    }
}
