//! The privacy policy for everyone: a version with its text, the differences between two,
//! and a signed-in shopper acknowledging a new version.

use crate::{
    domain::{consent::ConsentAnswer, stored::Choice},
    error::ShopError,
    model::policy::{ConsentView, PolicyDiff, PolicyPage},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        privacy::{consent, policy},
        request::context,
    },
    i18n::current_request_lang,
};

/// A published version (`None`: the one in effect) in the reader's language.
#[server(endpoint = "privacy/policy", input = server_fn::codec::GetUrl)]
pub async fn get_policy(version: Option<i64>) -> Result<PolicyPage, ShopError> {
    policy::page(&context::state()?, current_request_lang(), version).await
}

#[server(endpoint = "privacy/changes", input = server_fn::codec::GetUrl)]
pub async fn get_policy_changes(from: i64, to: i64) -> Result<PolicyDiff, ShopError> {
    policy::diff(&context::state()?, current_request_lang(), from, to).await
}

#[server(endpoint = "privacy/acknowledge")]
pub async fn acknowledge_policy(version: i64) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    policy::acknowledge(&context::state()?, user.id, version).await
}

/// The visitor's consent and the notice their pages carry.
#[server(endpoint = "privacy/consent-state", input = server_fn::codec::GetUrl)]
pub async fn get_consent() -> Result<ConsentView, ShopError> {
    consent::view(
        &context::state()?,
        consent::of_headers(&context::headers()?),
    )
    .await
}

/// A consent choice: all, only the necessary, the ticked purposes, or the choice kept under
/// a new policy version. Sets the `consent` cookie; records it for a signed-in shopper.
#[server(endpoint = "privacy/consent")]
pub async fn set_consent(
    answer: Choice<ConsentAnswer>,
    analytics: Option<String>,
    marketing: Option<String>,
) -> Result<ConsentView, ShopError> {
    let answer = answer.or_invalid("answer", crate::error::Problem::Invalid)?;
    let state = context::state()?;
    let headers = context::headers()?;
    let user = context::session()?.user_id();
    let (chosen, cookie) = consent::choose(
        &state,
        &headers,
        user,
        answer,
        analytics.is_some(),
        marketing.is_some(),
    )
    .await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(axum::http::header::SET_COOKIE, cookie);
    // A visitor number comes with analytics and goes with it.
    let visitor =
        crate::backend::analytics::visitor_cookie(&headers, chosen.analytics, state.settings.https);
    if let Some(cookie) = visitor {
        response.append_header(axum::http::header::SET_COOKIE, cookie);
    }
    let now_in_effect = crate::domain::consent::ConsentState {
        chosen: Some(chosen),
        ..consent::of_headers(&headers)
    };
    consent::view(&state, now_in_effect).await
}

/// Deletes this browser's analytics records (its visitor number's views and clicks); how
/// many records went.
#[server(endpoint = "privacy/forget-visits")]
pub async fn forget_visits() -> Result<u64, ShopError> {
    crate::backend::analytics::forget_visitor(&context::state()?, &context::headers()?).await
}

/// Clicks reported by the hydrated app in a batch; how many were kept (none without
/// consent: the server checks it again).
#[server(endpoint = "analytics/clicks", input = server_fn::codec::Json)]
pub async fn record_clicks(
    clicks: Vec<crate::domain::analytics::Click>,
) -> Result<usize, ShopError> {
    let user = context::session()?.user_id();
    crate::backend::analytics::record_clicks(
        &context::state()?,
        &context::headers()?,
        user,
        &clicks,
        crate::backend::now(),
    )
    .await
}
