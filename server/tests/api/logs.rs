//! The log of a whole journey, as JSON lines (`SHOP_LOG_FORMAT=json`): a shopper registers,
//! verifies, signs in, resets a password, writes to the shop and buys with a card, and
//! a request fails on purpose. Every line is a JSON object with its time and level, request
//! lines carry the request's id (the one its answer's `X-Request-Id` names), and no line
//! holds a password, a token from a mail, the card number or a full email address.

use crate::{
    accounts::{PASSWORD, register, sign_in},
    checkout::{GOOD_CARD, address_and_delivery, enter_card, place},
    helpers::{Backend, Browser, ServerProcess, process_database},
};
use reqwest::StatusCode;
use serde_json::Value;

const EMAIL: &str = "mei.journey@example.com";
const NEW_PASSWORD: &str = "copper lantern seven";

/// The token of the newest mail to `EMAIL` with a link to `path`.
async fn token_from_mail(pool: &sqlx::AnyPool, path: &str) -> String {
    let bodies: Vec<String> =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = $1 ORDER BY id DESC")
            .bind(EMAIL)
            .fetch_all(pool)
            .await
            .unwrap();
    let body = bodies
        .iter()
        .find(|b| b.contains(path))
        .unwrap_or_else(|| panic!("no mail with {path}"));
    let start = body.find(path).unwrap() + path.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

#[tokio::test]
async fn a_journeys_json_log_holds_no_secret() {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let url = process_database(Backend::Sqlite, dir.path()).await.unwrap();
    let log_path = dir.path().join("server.log");
    let server = ServerProcess::start_with(
        &url,
        dir.path(),
        &log_path,
        "info,tower_http=debug,app=debug,server=debug",
        &[("SHOP_LOG_FORMAT", "json")],
    );
    server.wait_until_up().await;
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let b = Browser::new(&server.base);

    let res = register(&b, EMAIL).await;
    assert!(res.status().is_success(), "{}", res.status());
    let verify = token_from_mail(&pool, "/account/verify/").await;
    let res = b.call("account/verify-email", &[("token", &verify)]).await;
    assert!(res.status().is_success());
    b.call("account/sign-out", &[]).await;
    assert!(sign_in(&b, EMAIL, PASSWORD).await.status().is_success());
    assert_eq!(
        sign_in(&b, EMAIL, "wrong password").await.status(),
        StatusCode::UNAUTHORIZED
    );
    b.call("account/forgot-password", &[("email", EMAIL)]).await;
    let reset = token_from_mail(&pool, "/account/reset/").await;
    let res = b
        .call(
            "account/reset-password",
            &[
                ("token", &reset),
                ("password", NEW_PASSWORD),
                ("password_confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    assert!(sign_in(&b, EMAIL, NEW_PASSWORD).await.status().is_success());
    let res = b
        .call(
            "contact/send",
            &[
                ("form[name]", "Mei Lin"),
                ("form[email]", EMAIL),
                ("form[order]", ""),
                ("form[message]", "Is the P3 panel rated for coastal air?"),
                ("form[website]", ""),
            ],
        )
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let res = b
        .call("cart/add", &[("product", "1"), ("quantity", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    address_and_delivery(&b, None, "DE").await;
    let view = enter_card(&b, GOOD_CARD).await;
    let res = place(&b, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    // A request that fails, with its id from the answer.
    let res = b.get("/api/orders/view?id=999999").await;
    assert!(res.status().is_client_error());
    let failed_id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    pool.close().await;
    drop(server);

    let log = std::fs::read_to_string(&log_path).unwrap();
    let lines: Vec<Value> = log
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"))
        })
        .collect();
    assert!(lines.len() > 20, "a journey writes a log: {}", lines.len());
    for line in &lines {
        assert!(
            line["timestamp"].as_str().is_some_and(|t| t.ends_with('Z')),
            "{line}"
        );
        assert!(line["level"].as_str().is_some(), "{line}");
    }
    let ids: Vec<&str> = lines
        .iter()
        .filter(|l| l["span"]["name"] == "request")
        .filter_map(|l| l["span"]["id"].as_str())
        .collect();
    assert!(ids.iter().all(|id| id.len() == 16), "{ids:?}");
    assert!(
        ids.contains(&failed_id.as_str()),
        "the failed request is in the log"
    );
    let card_digits = GOOD_CARD.replace(' ', "");
    for secret in [
        PASSWORD,
        NEW_PASSWORD,
        "wrong password",
        verify.as_str(),
        reset.as_str(),
        GOOD_CARD,
        card_digits.as_str(),
        EMAIL,
    ] {
        assert!(
            !log.contains(secret),
            "the log holds {secret:?}: {}",
            log.lines().find(|l| l.contains(secret)).unwrap_or_default()
        );
    }
}
