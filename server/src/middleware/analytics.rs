//! Counts page views for first-party analytics, only for visitors who allowed it (see
//! `app/src/backend/analytics.rs`): every HTML page answered to a GET, kept pages from
//! memory included (and a kept page the browser already had: `304 Not Modified`), recorded
//! after the answer has gone so the visitor never waits for it.

use app::backend::{AppState, analytics, now, request::context::ClientAddr};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::Response,
};
use std::net::SocketAddr;

pub async fn count_page_views(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    // Only a visitor who may be counted costs a copy of the request's headers.
    let countable = request.method() == Method::GET
        && analytics::countable_visitor(request.headers()).is_some();
    let counted = countable.then(|| {
        let client = match request.extensions().get::<ClientAddr>() {
            Some(ClientAddr(ip)) => Some(*ip),
            None => request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
        };
        let path = request
            .uri()
            .path_and_query()
            .map_or_else(|| request.uri().path().to_string(), |p| p.to_string());
        (request.headers().clone(), client, path)
    });
    let response = next.run(request).await;
    let page = match response.status() {
        StatusCode::OK => super::is_html(response.headers()),
        StatusCode::NOT_MODIFIED => counted.as_ref().is_some_and(|(headers, ..)| {
            headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        }),
        _ => false,
    };
    if let Some((headers, client, path)) = counted
        && page
    {
        tokio::spawn(async move {
            if let Err(error) = analytics::record_view(&state, &headers, client, &path, now()).await
            {
                tracing::warn!(?error, "a page view could not be counted");
            }
        });
    }
    response
}
