//! Health check, static files, compression, limits and failure handling.

use crate::{
    db_test,
    helpers::{Backend, ServerProcess, TestApp, process_database, spawn_with_routes},
};
use axum::{Router, routing::get};
use reqwest::StatusCode;
use std::io::Read;

/// `/healthz` says the process answers; `/readyz` whether it should get traffic: migrated,
/// its outbox worker running, its database answering, not draining.
async fn readyz_follows_the_database_the_worker_and_draining(app: TestApp) {
    let ready = |app: &TestApp| {
        let b = app.new_browser();
        async move {
            let res = b.get("/readyz").await;
            (res.status(), res.text().await.unwrap())
        }
    };
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    // A migration this build has but the database lacks (a failed one): not ready.
    let set_newest = |success: bool| {
        let pool = app.state.db.pool().clone();
        async move {
            sqlx::query(
                "UPDATE _sqlx_migrations SET success = $1
                 WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
            )
            .bind(success)
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    set_newest(false).await;
    assert_eq!(
        ready(&app).await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "migrations pending".to_string()
        )
    );
    set_newest(true).await;
    // The worker starts with the server: ready once it runs.
    let mut answer = ready(&app).await;
    for _ in 0..100 {
        if answer.0 == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        answer = ready(&app).await;
    }
    assert_eq!(answer, (StatusCode::OK, "ready".to_string()));
    // Once migrated, always migrated: later checks only ask whether the database answers.
    set_newest(false).await;
    assert_eq!(ready(&app).await.0, StatusCode::OK);

    app.state.health.start_draining();
    assert_eq!(
        ready(&app).await,
        (StatusCode::SERVICE_UNAVAILABLE, "draining".to_string())
    );
    assert_eq!(
        app.get("/healthz").await.status(),
        StatusCode::OK,
        "alive while draining"
    );
}
db_test!(readyz_follows_the_database_the_worker_and_draining);

async fn readyz_fails_without_the_database(app: TestApp) {
    app.state.db.close().await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.text().await.unwrap(), "database unavailable");
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}
db_test!(readyz_fails_without_the_database);

/// SIGTERM: the server answers not ready for its drain time, still serving, then exits.
#[cfg(unix)]
#[tokio::test]
async fn a_terminated_server_drains_then_exits() {
    let dir = tempfile::tempdir().unwrap();
    let Some(database_url) = process_database(Backend::Sqlite, dir.path()).await else {
        return;
    };
    let log_path = dir.path().join("server.log");
    let mut server = ServerProcess::start_with(
        &database_url,
        dir.path(),
        &log_path,
        "info",
        &[("SHOP_DRAIN_SECONDS", "3")],
    );
    server.wait_until_up().await;
    let get = |path: &str| reqwest::get(format!("{}{path}", server.base));
    for _ in 0..100 {
        if get("/readyz").await.unwrap().status() == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(get("/readyz").await.unwrap().status(), StatusCode::OK);
    server.terminate();
    let mut draining = false;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if let Ok(res) = get("/readyz").await
            && res.status() == StatusCode::SERVICE_UNAVAILABLE
        {
            assert_eq!(res.text().await.unwrap(), "draining");
            draining = true;
            break;
        }
    }
    assert!(draining, "answered not ready while draining");
    assert_eq!(
        get("/").await.unwrap().status(),
        StatusCode::OK,
        "still serving"
    );
    assert!(
        server.exits_within(std::time::Duration::from_secs(10)),
        "exits after draining"
    );
}

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
            "Cookie, Accept-Language, Accept-Encoding, Sec-GPC, DNT"
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

/// A 404 for `/orders/`, `/orders` or an unknown path logged two `ERROR … session missing from
/// the request` lines: anyone could fill the error log. A client's mistake is not a server
/// error: a run of bad requests of every kind writes no ERROR line.
async fn bad_requests_write_no_error_to_the_log(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(database_url) = process_database(backend, dir.path()).await else {
        return;
    };
    let log_path = dir.path().join("server.log");
    let server = ServerProcess::start(&database_url, dir.path(), &log_path, "info");
    server.wait_until_up().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = |path: &str| format!("{}{path}", server.base);
    for path in [
        "/orders/",
        "/orders",
        "/no-such-page",
        "/orders/abc",
        "/orders/999999",
        "/orders/1?key=forged",
        "/favicon.ico",
        "/sandbox-pay/card/nope",
        "/media/products/abc",
        "/products/no-such-product",
        "/api/orders/view?id=x",
        "/api/no-such-function",
        "/account/verify/nope",
    ] {
        let res = client
            .get(url(path))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_client_error()
                || res.status().is_redirection()
                || res.status().is_success(),
            "{path}: {}",
            res.status()
        );
        assert!(!res.status().is_server_error(), "{path}");
    }
    let not_found = client.get(url("/orders/")).send().await.unwrap();
    assert_eq!(not_found.status(), StatusCode::NOT_FOUND);
    let res = client
        .post(url("/api/cart/add"))
        .header("origin", "https://elsewhere.example")
        .form(&[("product", "1"), ("quantity", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // The oversized body last: the server may close the connection before reading it.
    let posts: [(&str, Vec<u8>, &str); 5] = [
        (
            "/api/cart/add",
            vec![0xff, 0xfe, b'=', 0x80],
            "application/x-www-form-urlencoded",
        ),
        (
            "/api/cart/add",
            b"quantity=1".to_vec(),
            "application/x-www-form-urlencoded",
        ),
        (
            "/api/checkout/place",
            b"key=short".to_vec(),
            "application/x-www-form-urlencoded",
        ),
        (
            "/api/account/sign-in",
            b"{not json".to_vec(),
            "application/json",
        ),
        (
            "/api/cart/add",
            vec![b'a'; 3 * 1024 * 1024],
            "application/x-www-form-urlencoded",
        ),
    ];
    for (path, body, kind) in posts {
        let big = body.len() > 1024;
        let res = client
            .post(url(path))
            .header("sec-fetch-site", "same-origin")
            .header("content-type", kind)
            .body(body)
            .send()
            .await;
        match res {
            Ok(res) => assert!(res.status().is_client_error(), "{path}: {}", res.status()),
            // The server may answer 413 and close before the whole body is sent.
            Err(_) if big => {}
            Err(e) => panic!("{path}: {e}"),
        }
    }
    drop(server);
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("INFO"), "the log was written");
    let errors: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).collect();
    assert!(errors.is_empty(), "bad requests logged errors: {errors:#?}");
}

mod bad_requests_write_no_error_to_the_log {
    use crate::helpers::Backend;

    #[tokio::test]
    async fn sqlite() {
        super::bad_requests_write_no_error_to_the_log(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        super::bad_requests_write_no_error_to_the_log(Backend::Postgres).await;
    }
}

/// Every answer names its request by an id of the shop's own; one a client sends is
/// replaced (it could write anything into the log).
async fn each_request_has_an_id_of_its_own(app: TestApp) {
    let id = |res: &reqwest::Response| res.headers()["x-request-id"].to_str().unwrap().to_string();
    let first = id(&app.get("/").await);
    let second = id(&app.get("/api/catalog/suggest?q=p").await);
    for value in [&first, &second] {
        assert_eq!(value.len(), 16, "{value}");
        assert!(value.chars().all(|c| c.is_ascii_hexdigit()), "{value}");
    }
    assert_ne!(first, second);
    let res = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "forged\tline")
        .send()
        .await
        .unwrap();
    let answered = id(&res);
    assert_ne!(answered, "forged\tline");
    assert_eq!(answered.len(), 16);
}
db_test!(each_request_has_an_id_of_its_own);
