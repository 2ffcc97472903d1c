//! Read-your-writes across the shop's memory: after a request that may have written (any
//! method but GET, HEAD and OPTIONS), this server reads the change log before it answers, so
//! the page the browser asks for next (a redirect, a reload) already shows the change. Other
//! servers see it within [`app::backend::memory::changes::POLL`].

use app::backend::AppState;
use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::Response,
};

pub async fn catch_up_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let reads_only = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let response = next.run(request).await;
    if !reads_only && let Err(error) = state.changes.catch_up(&state.db).await {
        tracing::warn!(%error, "reading the change log after a write failed");
    }
    response
}
