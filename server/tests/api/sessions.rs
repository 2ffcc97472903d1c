//! Database sessions: cookie flags, expiry, renewal and sign-out, on both databases.

use crate::{db_test, helpers::TestApp};
use app::backend::{
    request::session::{CookieChange, Session, SessionPolicy, SessionStore},
    security::keys::Keys,
};
use axum::http::{HeaderMap, HeaderValue};
use reqwest::StatusCode;

fn headers_with(token: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(
        "cookie",
        HeaderValue::from_str(&format!("other=1; shop_session={token}")).unwrap(),
    );
    h
}

async fn open(app: &TestApp, token: Option<&str>) -> Session {
    let headers = token.map(headers_with).unwrap_or_default();
    app.state.sessions.open(&headers).await.unwrap()
}

fn token_of(change: CookieChange) -> String {
    match change {
        CookieChange::Set { token, .. } => token,
        other => panic!("expected a new cookie, got {other:?}"),
    }
}

/// Creates a session holding one value; returns its cookie token.
pub async fn new_session_token(app: &TestApp) -> String {
    let session = open(app, None).await;
    session.insert("greeting", &"hello").await.unwrap();
    token_of(session.take_cookie_change())
}

async fn count_sessions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

async fn a_plain_visit_sets_no_cookie(app: TestApp) {
    for path in ["/", "/catalog", "/no-such-page"] {
        let res = app.get(path).await;
        assert!(
            res.headers().get("set-cookie").is_none(),
            "{path} set a cookie"
        );
    }
    assert_eq!(count_sessions(&app).await, 0);
}
db_test!(a_plain_visit_sets_no_cookie);

async fn sessions_round_trip_through_the_cookie(app: TestApp) {
    let token = new_session_token(&app).await;
    assert_eq!(token.len(), 64);
    let session = open(&app, Some(&token)).await;
    assert!(session.exists());
    assert_eq!(session.get::<String>("greeting").as_deref(), Some("hello"));
    assert_eq!(session.take_cookie_change(), CookieChange::Keep);

    // Only a keyed hash of the token is stored.
    let stored: String = sqlx::query_scalar("SELECT id_hash FROM sessions")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_ne!(stored, token);

    // Over HTTP the middleware loads it and leaves the cookie alone.
    let res = app
        .client
        .get(app.url("/"))
        .header("cookie", format!("shop_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").is_none());
}
db_test!(sessions_round_trip_through_the_cookie);

async fn unknown_or_forged_tokens_are_cleared(app: TestApp) {
    let forged = "ab".repeat(32);
    let res = app
        .client
        .get(app.url("/"))
        .header("cookie", format!("shop_session={forged}"))
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("shop_session=;") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );
    assert!(!open(&app, Some(&forged)).await.exists());
}
db_test!(unknown_or_forged_tokens_are_cleared);

async fn renewal_kills_the_old_id(app: TestApp) {
    let old = new_session_token(&app).await;
    let session = open(&app, Some(&old)).await;
    session.renew(true).await.unwrap();
    let change = session.take_cookie_change();
    let CookieChange::Set { max_age, .. } = &change else {
        panic!("renewal must set a cookie");
    };
    assert_eq!(*max_age, Some(SessionPolicy::default().remembered.absolute));
    let new = token_of(change);
    assert_ne!(new, old);
    assert!(!open(&app, Some(&old)).await.exists(), "old id still alive");
    let renewed = open(&app, Some(&new)).await;
    assert_eq!(renewed.get::<String>("greeting").as_deref(), Some("hello"));
    assert_eq!(count_sessions(&app).await, 1);
}
db_test!(renewal_kills_the_old_id);

async fn destroy_ends_the_session(app: TestApp) {
    let token = new_session_token(&app).await;
    let session = open(&app, Some(&token)).await;
    session.destroy().await.unwrap();
    assert_eq!(session.take_cookie_change(), CookieChange::Clear);
    assert!(!open(&app, Some(&token)).await.exists());
    assert_eq!(count_sessions(&app).await, 0);
}
db_test!(destroy_ends_the_session);

async fn idle_and_absolute_timeouts_are_enforced(app: TestApp) {
    let pool = app.state.db.pool();
    let idle = new_session_token(&app).await;
    let absolute = new_session_token(&app).await;
    let live = new_session_token(&app).await;
    // Age the sessions directly in the table: one idle for longer than its timeout, one past
    // its absolute end although recently used.
    for (token, column, marker) in [
        (&idle, "last_seen_at", "idle"),
        (&absolute, "expires_at", "absolute"),
    ] {
        let session = open(&app, Some(token)).await;
        session.insert("marker", &marker).await.unwrap();
        let sql = format!("UPDATE sessions SET {column} = {column} - 100000000 WHERE data LIKE $1");
        sqlx::query(&sql)
            .bind(format!("%\"{marker}\"%"))
            .execute(pool)
            .await
            .unwrap();
    }
    assert!(
        !open(&app, Some(&idle)).await.exists(),
        "idle session still alive"
    );
    assert!(
        !open(&app, Some(&absolute)).await.exists(),
        "expired session still alive"
    );
    assert!(open(&app, Some(&live)).await.exists());

    let purged = app.state.sessions.purge_expired().await.unwrap();
    assert_eq!(purged, 2);
    assert_eq!(count_sessions(&app).await, 1);
}
db_test!(idle_and_absolute_timeouts_are_enforced);

async fn cookie_flags_follow_the_deployment(app: TestApp) {
    let key = [7u8; 32];
    let plain = SessionStore::new(
        app.state.db.clone(),
        Keys::new(&key),
        false,
        SessionPolicy::default(),
        app.state.changes.clone(),
    );
    let change = CookieChange::Set {
        token: "t".into(),
        max_age: None,
    };
    let value = plain.set_cookie_value(&change).unwrap();
    let value = value.to_str().unwrap();
    assert!(value.starts_with("shop_session=t;"), "{value}");
    let mut attributes: Vec<&str> = value.split("; ").skip(1).collect();
    attributes.sort();
    assert_eq!(
        attributes,
        ["HttpOnly", "Path=/", "SameSite=Lax"],
        "a browser-session cookie"
    );

    let https = SessionStore::new(
        app.state.db.clone(),
        Keys::new(&key),
        true,
        SessionPolicy::default(),
        app.state.changes.clone(),
    );
    let value = https.set_cookie_value(&change).unwrap();
    let value = value.to_str().unwrap();
    assert!(value.starts_with("__Host-shop_session=t;"), "{value}");
    assert!(
        value.contains("; Secure")
            && value.contains("; HttpOnly")
            && value.contains("SameSite=Lax")
    );
    assert!(value.contains("Path=/") && !value.to_lowercase().contains("domain"));
    assert!(https.set_cookie_value(&CookieChange::Keep).is_none());
}
db_test!(cookie_flags_follow_the_deployment);

async fn a_new_session_key_ends_every_session(app: TestApp) {
    let token = new_session_token(&app).await;
    let rotated = SessionStore::new(
        app.state.db.clone(),
        Keys::new(&[9u8; 32]),
        false,
        SessionPolicy::default(),
        app.state.changes.clone(),
    );
    assert!(!rotated.open(&headers_with(&token)).await.unwrap().exists());
}
db_test!(a_new_session_key_ends_every_session);
