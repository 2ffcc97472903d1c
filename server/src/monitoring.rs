//! `/metrics`, in the Prometheus text format, for the owner's monitoring only: it answers
//! only with `Authorization: Bearer <site.metrics_token>` and is not there at all without
//! that setting. Rendered by `metrics-exporter-prometheus` from a recorder of this server's
//! own (not the process-wide one, so that several shops in one process, as in the tests,
//! keep their figures apart):
//!
//! - `shop_http_requests_total{route,method,status}` and the latency histogram
//!   `shop_http_request_duration_seconds{route}`, by the route's pattern (`/products/{slug}`,
//!   a server function's path; static files and unknown paths as `other`);
//! - `shop_page_cache_total{result="hit"|"miss"}`: kept catalog pages served or made;
//! - read at each scrape (`app::backend::operations::figures`): `shop_orders{status}` (the
//!   whole shop's orders by state), `shop_outbox_waiting` and
//!   `shop_outbox_oldest_age_seconds` (mail still being tried), `shop_outbox_given_up`, `shop_db_pool_connections{state="open"|"idle"|"max"}`,
//!   and `shop_kept_values{kind}` (sessions, products, accounts, carts in this server's
//!   memory).

use crate::middleware::page_cache::CACHE_HEADER;
use app::backend::{AppState, operations::figures};
use axum::{
    extract::{MatchedPath, Request, State},
    http::{HeaderMap, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use metrics::{Key, Label, Level, Metadata, Recorder, Unit};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};
use std::{sync::Arc, time::Instant};
use subtle::ConstantTimeEq;

const METADATA: Metadata<'static> =
    Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

const REQUESTS: &str = "shop_http_requests_total";
const DURATION: &str = "shop_http_request_duration_seconds";
const PAGE_CACHE: &str = "shop_page_cache_total";

/// Latency buckets, in seconds: from a kept page (well under a millisecond) to a slow
/// checkout.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// This server's recorder and the token that may read it.
#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

struct Inner {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    token: Option<String>,
}

impl Metrics {
    /// `token`: the bearer token `/metrics` asks for; `None` turns it off.
    pub fn new(token: Option<String>) -> Metrics {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.into()), BUCKETS)
            .expect("the buckets are not empty")
            .build_recorder();
        recorder.describe_counter(
            REQUESTS.into(),
            None,
            "HTTP requests answered, by route, method and status".into(),
        );
        recorder.describe_histogram(
            DURATION.into(),
            Some(Unit::Seconds),
            "Time to answer an HTTP request, by route".into(),
        );
        recorder.describe_counter(
            PAGE_CACHE.into(),
            None,
            "Kept catalog pages served from memory (hit) or made and kept (miss)".into(),
        );
        recorder.describe_gauge(
            "shop_orders".into(),
            None,
            "Orders in the database, by state".into(),
        );
        recorder.describe_gauge(
            "shop_outbox_waiting".into(),
            None,
            "Mails waiting to be delivered".into(),
        );
        recorder.describe_gauge(
            "shop_outbox_given_up".into(),
            None,
            "Mails given up after their last try".into(),
        );
        recorder.describe_gauge(
            "shop_outbox_oldest_age_seconds".into(),
            Some(Unit::Seconds),
            "Age of the oldest mail waiting".into(),
        );
        recorder.describe_gauge(
            "shop_db_pool_connections".into(),
            None,
            "Database connections: open, idle, and the most the pool opens".into(),
        );
        recorder.describe_gauge(
            "shop_kept_values".into(),
            None,
            "Values this server keeps in memory, by kind".into(),
        );
        let handle = recorder.handle();
        Metrics(Arc::new(Inner {
            recorder,
            handle,
            token,
        }))
    }

    fn counter(&self, name: &'static str, labels: Vec<Label>) -> metrics::Counter {
        self.0
            .recorder
            .register_counter(&Key::from_parts(name, labels), &METADATA)
    }

    fn gauge(&self, name: &'static str, labels: Vec<Label>, value: f64) {
        self.0
            .recorder
            .register_gauge(&Key::from_parts(name, labels), &METADATA)
            .set(value);
    }

    /// True when `headers` carry the token (compared in constant time).
    fn allows(&self, headers: &HeaderMap) -> bool {
        let Some(token) = &self.0.token else {
            return false;
        };
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        given.len() == token.len() && bool::from(given.as_bytes().ct_eq(token.as_bytes()))
    }

    pub fn enabled(&self) -> bool {
        self.0.token.is_some()
    }
}

/// The label a request's route gets: the pattern it matched (`/products/{slug}`; each
/// server function has a route of its own), or `other` for static files and unknown paths,
/// so that the number of series stays bounded.
fn route_of(matched: Option<&str>) -> &str {
    matched.unwrap_or("other")
}

/// Counts each request by route, method and status, times it, and counts the page cache's
/// answers.
pub async fn track(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    if !metrics.enabled() {
        return next.run(request).await;
    }
    let started = Instant::now();
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let method = request.method().as_str().to_string();
    let response = next.run(request).await;
    let route = route_of(matched.as_deref()).to_string();
    let status = response.status().as_u16().to_string();
    metrics
        .counter(
            REQUESTS,
            vec![
                Label::new("route", route.clone()),
                Label::new("method", method),
                Label::new("status", status),
            ],
        )
        .increment(1);
    metrics
        .0
        .recorder
        .register_histogram(
            &Key::from_parts(DURATION, vec![Label::new("route", route)]),
            &METADATA,
        )
        .record(started.elapsed().as_secs_f64());
    if let Some(result) = response
        .headers()
        .get(CACHE_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| matches!(*v, "hit" | "miss"))
    {
        metrics
            .counter(PAGE_CACHE, vec![Label::new("result", result.to_string())])
            .increment(1);
    }
    response
}

/// `GET /metrics`.
pub async fn render(
    State((state, metrics)): State<(AppState, Metrics)>,
    headers: HeaderMap,
) -> Response {
    if !metrics.enabled() {
        return StatusCode::NOT_FOUND.into_response();
    }
    if !metrics.allows(&headers) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "A bearer token is required.",
        )
            .into_response();
    }
    match figures::figures(&state).await {
        Ok(now) => {
            for (status, n) in now.orders {
                metrics.gauge("shop_orders", vec![Label::new("status", status)], n as f64);
            }
            metrics.gauge("shop_outbox_waiting", vec![], now.outbox_waiting as f64);
            metrics.gauge("shop_outbox_given_up", vec![], now.outbox_given_up as f64);
            metrics.gauge(
                "shop_outbox_oldest_age_seconds",
                vec![],
                now.outbox_oldest_secs as f64,
            );
            for (state, n) in [
                ("open", now.pool_open),
                ("idle", now.pool_idle),
                ("max", now.pool_max),
            ] {
                metrics.gauge(
                    "shop_db_pool_connections",
                    vec![Label::new("state", state)],
                    f64::from(n),
                );
            }
            for (kind, n) in now.kept {
                metrics.gauge("shop_kept_values", vec![Label::new("kind", kind)], n as f64);
            }
        }
        // The request counts still answer; the figures' absence says the database did not.
        Err(error) => tracing::warn!(?error, "the shop's figures could not be read for /metrics"),
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics.0.handle.render(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_patterns_and_unknown_paths_one_label() {
        assert_eq!(route_of(Some("/products/{slug}")), "/products/{slug}");
        assert_eq!(route_of(None), "other");
    }

    #[test]
    fn only_the_token_reads_it() {
        let metrics = Metrics::new(Some("a-long-metrics-token".into()));
        let mut headers = HeaderMap::new();
        assert!(!metrics.allows(&headers));
        headers.insert(
            header::AUTHORIZATION,
            "Bearer a-long-metrics-tokeN".parse().unwrap(),
        );
        assert!(!metrics.allows(&headers));
        headers.insert(
            header::AUTHORIZATION,
            "Bearer a-long-metrics-token".parse().unwrap(),
        );
        assert!(metrics.allows(&headers));
        assert!(!Metrics::new(None).allows(&headers));
    }
}
