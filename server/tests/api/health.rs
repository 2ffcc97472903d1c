//! Health check, static files, compression, limits and failure handling.

use crate::{
    db_test,
    helpers::{Backend, TestApp, spawn_with_routes},
};
use axum::{Router, routing::get};
use reqwest::StatusCode;
use std::io::Read;

async fn healthz_follows_the_database(app: TestApp) {
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    app.state.db.close().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
}
db_test!(healthz_follows_the_database);

async fn database_failure_answers_503_not_a_crash(app: TestApp) {
    // A request that needs the database (a session not read recently: kept ones are served
    // from memory for a few seconds) answers 503 while the database is away.
    let page = |token: String| {
        let b = app.new_browser();
        async move {
            b.client
                .get(b.url("/cart"))
                .header("cookie", format!("shop_session={token}"))
                .send()
                .await
                .unwrap()
        }
    };
    let read = crate::sessions::new_session_token(&app).await;
    let unread = crate::sessions::new_session_token(&app).await;
    assert_eq!(page(read).await.status(), StatusCode::OK);

    app.state.db.close().await;
    let res = page(unread).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(!res.text().await.unwrap().to_lowercase().contains("pool"));
}
db_test!(database_failure_answers_503_not_a_crash);

/// PostgreSQL restarts or a proxy drops connections: the pool must reconnect by itself.
#[tokio::test]
async fn pool_recovers_after_postgres_drops_its_connections() {
    let Some(app) = crate::helpers::spawn(Backend::Postgres).await else {
        return;
    };
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    let admin = std::env::var("SHOP_TEST_POSTGRES_URL").unwrap();
    let pool = sqlx::AnyPool::connect(&admin).await.unwrap();
    let db_name: String = sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let terminated =
        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
            .bind(&db_name)
            .execute(&pool)
            .await
            .unwrap();
    assert!(terminated.rows_affected() >= 1, "no connection was dropped");
    for _ in 0..3 {
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    }
}

async fn static_files_are_cached_and_precompressed(app: TestApp) {
    let root = app.site_root.path();
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/shop.css"), "body{color:red}").unwrap();
    std::fs::write(root.join("pkg/shop.css.gz"), b"\x1f\x8bfake-gzip").unwrap();
    std::fs::write(root.join("robots.txt"), "User-agent: *").unwrap();

    let res = app
        .client
        .get(app.url("/pkg/shop.css"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(res.headers()["content-type"], "text/css");
    assert_eq!(res.headers()["cache-control"], "public, max-age=3600");

    let res = app.get("/pkg/shop.css").await;
    assert_eq!(res.text().await.unwrap(), "body{color:red}");

    let res = app.get("/robots.txt").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("x-content-type-options").is_some());
}
db_test!(static_files_are_cached_and_precompressed);

async fn pages_are_compressed(app: TestApp) {
    // A kept page in the smallest encoding the browser takes.
    let res = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-encoding"], "br");

    // A page rendered for one request is compressed too (by `whole_pages`), in the
    // encoding the browser takes (gzip, the cheaper to make, when it takes both), and
    // decodes to the page.
    let plain = app.get("/account/sign-in").await;
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.text().await.unwrap();
    assert!(plain.contains("<form"), "{plain}");
    for (accepted, encoding) in [("br", "br"), ("gzip", "gzip"), ("br, gzip", "gzip")] {
        let res = app
            .client
            .get(app.url("/account/sign-in"))
            .header("accept-encoding", accepted)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-encoding"], encoding);
        // Compressed whole (a length), not streamed through the general layer (chunked).
        assert!(res.headers().get("content-length").is_some(), "{encoding}");
        assert_eq!(
            res.headers()["vary"],
            "Cookie, Accept-Language, Accept-Encoding"
        );
        let bytes = res.bytes().await.unwrap();
        let mut page = String::new();
        if encoding == "br" {
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_string(&mut page)
                .unwrap();
        } else {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut page)
                .unwrap();
        }
        // The same page but for its per-response nonce.
        assert_eq!(page.len(), plain.len(), "{encoding}");
        assert!(page.contains("<form"));
    }
}
db_test!(pages_are_compressed);

async fn oversized_bodies_are_refused(app: TestApp) {
    let big = "x".repeat(3 * 1024 * 1024);
    let res = app.call("language/set", &[("lang", &big)]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // And the server is still there.
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}
db_test!(oversized_bodies_are_refused);

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_lives_on() {
    let extra = Router::new().route(
        "/test/panic",
        get(|| async {
            panic!("handler bug");
            #[allow(unreachable_code)]
            ""
        }),
    );
    let app = spawn_with_routes(Backend::Sqlite, extra).await.unwrap();
    let res = app.get("/test/panic").await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!res.text().await.unwrap().contains("handler bug"));
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}
