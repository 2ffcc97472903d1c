//! Marketing mail (P4): only to accounts that opted in, each mail with RFC 8058's one-click
//! unsubscribe (signed link, no sign-in, the mail client's POST passes the origin check, a
//! GET changes nothing); bulk reads of accounts filter on consent in one place.

use crate::{
    accounts::{register, registered_shopper, smtp_sink},
    admin::staff,
    catalog_admin::field_problems,
    db_test,
    helpers::{Browser, TestApp},
};
use app::{
    backend::{
        db::{
            audience::{self, Use},
            consents, outbox, users,
        },
        mail::worker,
        marketing::{newsletters, unsubscribe},
        now,
    },
    domain::{account::Role, ids::UserId},
};
use reqwest::StatusCode;
use serde_json::Value;

/// A confirmed shopper who ticked "news and offers by email" (in `lang`).
async fn subscriber(app: &TestApp, email: &str, lang: &str) -> (Browser, UserId) {
    let b = app.new_browser();
    let id = registered_shopper(app, &b, email).await;
    let res = b
        .call(
            "account/update-profile",
            &[
                ("form[full_name]", "Mei Lin"),
                ("form[phone]", "+86 138 0013 8000"),
                ("form[language]", lang),
                ("form[marketing]", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    (b, id)
}

fn newsletter(subject_en: &str, subject_zh: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[subject_en]", subject_en.to_string()),
        ("form[body_en]", "The P3.9 cabinets are back.".to_string()),
        ("form[subject_zh]", subject_zh.to_string()),
        (
            "form[body_zh]",
            if subject_zh.is_empty() {
                ""
            } else {
                "P3.9 箱体已到货。"
            }
            .to_string(),
        ),
    ]
}

async fn send(b: &Browser, form: &[(&'static str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.call("admin/newsletter-send", &form).await
}

/// Runs the bulk-mail rounds in batches of 2 (the server's own job may run alongside).
async fn queue_all(app: &TestApp) {
    while newsletters::queue_batch(&app.state, 2, now())
        .await
        .unwrap()
        > 0
    {}
}

async fn newsletters_to(app: &TestApp, email: &str) -> Vec<outbox::OutboxRow> {
    app.mails_to(email)
        .await
        .into_iter()
        .filter(|m| m.kind == "newsletter")
        .collect()
}

async fn a_newsletter_reaches_only_opted_in_accounts_with_unsubscribe_headers(app: TestApp) {
    let (_, mei) = subscriber(&app, "mei@example.com", "en").await;
    let (_, li) = subscriber(&app, "li@example.com", "zh").await;
    let (_, ann) = subscriber(&app, "ann@example.com", "en").await;
    registered_shopper(&app, &app.new_browser(), "no@example.com").await;
    // Opted in but never confirmed the address: not reached.
    let unconfirmed = app.new_browser();
    register(&unconfirmed, "unconfirmed@example.com").await;
    sqlx::query("UPDATE users SET marketing_opt_in_at = 1 WHERE email = $1")
        .bind("unconfirmed@example.com")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    // Opted in, then deactivated: not reached.
    sqlx::query("UPDATE users SET status = 'deactivated' WHERE id = $1")
        .bind(ann)
        .execute(app.state.db.pool())
        .await
        .unwrap();

    // Only staff write newsletters.
    let form = newsletter("Cabinets are back", "箱体到货");
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "shopper@example.com").await;
    assert_eq!(send(&shopper, &form).await.status(), StatusCode::FORBIDDEN);
    let staff = staff(&app, "staff@shop.test", Role::Staff).await;
    let view: Value = staff
        .get("/api/admin/newsletters")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["audience"], 2, "{view}");

    // A bad newsletter is refused, field by field, and nothing is sent.
    let mut bad = newsletter("Two\nlines", "只有标题");
    bad[3].1 = String::new();
    let res = send(&staff, &bad).await;
    assert_eq!(
        field_problems(res).await,
        [
            ("subject_en".to_string(), "invalid".to_string()),
            ("body_zh".to_string(), "required".to_string())
        ]
    );

    let res = send(&staff, &form).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    queue_all(&app).await;

    let mail = newsletters_to(&app, "mei@example.com").await;
    assert_eq!(
        mail.len(),
        1,
        "one each, even with the job running alongside"
    );
    let mail = &mail[0];
    assert_eq!(mail.user_id, Some(mei));
    assert_eq!(mail.subject, "Lumenwall news: Cabinets are back");
    assert!(mail.body.contains("The P3.9 cabinets are back."));
    let link = unsubscribe::link(&app.state, mei);
    assert!(link.starts_with(&format!(
        "{}/unsubscribe/{mei}.",
        app.state.settings.public_url
    )));
    assert!(mail.body.contains(&link), "{}", mail.body);
    assert_eq!(
        mail.headers,
        format!("List-Unsubscribe: <{link}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click")
    );
    let zh = newsletters_to(&app, "li@example.com").await;
    assert_eq!(zh.len(), 1);
    assert!(zh[0].subject.ends_with("箱体到货"), "{}", zh[0].subject);
    assert!(zh[0].body.contains(&unsubscribe::link(&app.state, li)));
    for nobody in [
        "no@example.com",
        "ann@example.com",
        "unconfirmed@example.com",
        "shopper@example.com",
    ] {
        assert!(newsletters_to(&app, nobody).await.is_empty(), "{nobody}");
    }
    let view: Value = staff
        .get("/api/admin/newsletters")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["newsletters"][0]["recipients"], 2, "{view}");
    assert_eq!(view["newsletters"][0]["sending"], false, "{view}");

    // The page shows it; the mailbox shows its headers to admins.
    let (status, page) = staff.page("/admin/newsletters").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Cabinets are back") && page.contains("2 recipients"),
        "{page}"
    );
}
db_test!(a_newsletter_reaches_only_opted_in_accounts_with_unsubscribe_headers);

async fn the_unsubscribe_headers_reach_the_mail_relay(db: app::backend::db::Db) {
    let headers = "List-Unsubscribe: <https://shop.test/unsubscribe/1.ab>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click";
    outbox::insert(
        db.pool(),
        outbox::NewMail {
            user_id: None,
            recipient: "mei@example.com",
            kind: "newsletter",
            subject: "News",
            body: "Hi\n",
            headers,
        },
        0,
    )
    .await
    .unwrap();
    let (port, sink) = smtp_sink().await;
    let smtp =
        worker::Transport::smtp(&format!("smtp://127.0.0.1:{port}"), "Shop <shop@shop.test>")
            .unwrap();
    assert_eq!(worker::deliver_due(&db, &smtp).await.unwrap(), 1);
    let received = sink.await.unwrap();
    assert!(
        received.contains("List-Unsubscribe: <https://shop.test/unsubscribe/1.ab>\n"),
        "{received}"
    );
    assert!(
        received.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"),
        "{received}"
    );
    // Sent: the link is not kept.
    let row = outbox::mailbox(db.pool(), Some("mei@example.com"), 1)
        .await
        .unwrap()
        .remove(0);
    assert_eq!((row.body.as_str(), row.headers.as_str()), ("", ""));
}
crate::bare_db_test!(the_unsubscribe_headers_reach_the_mail_relay);

async fn opted_in(app: &TestApp, id: UserId) -> bool {
    users::find_by_id(app.state.db.pool(), id)
        .await
        .unwrap()
        .unwrap()
        .marketing_opt_in_at
        .is_some()
}

async fn marketing_events(app: &TestApp, id: UserId) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT granted FROM consent_events WHERE user_id = $1 AND purpose = 'marketing' ORDER BY id",
    )
    .bind(id)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap()
}

async fn one_click_unsubscribe_needs_only_the_signed_link(app: TestApp) {
    let (_, mei) = subscriber(&app, "mei@example.com", "en").await;
    let (_, li) = subscriber(&app, "li@example.com", "zh").await;
    let link = unsubscribe::link(&app.state, mei);
    let path = &link[app.state.settings.public_url.len()..];
    let key = path.trim_start_matches("/unsubscribe/");

    // Only a key the shop made is one.
    let mac = key.split('.').nth(1).unwrap();
    let state = |key: String| {
        let visitor = app.new_browser();
        async move {
            let res = visitor
                .get(&format!("/api/marketing/unsubscribe-state?key={key}"))
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()
        }
    };
    assert_eq!(state(key.to_string()).await, serde_json::json!(true));
    assert_eq!(state(format!("{li}.{mac}")).await, Value::Null);
    assert_eq!(state("junk".to_string()).await, Value::Null);

    // Opening the link shows the button and changes nothing.
    let visitor = app.new_browser();
    let (status, page) = visitor.page(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Stop marketing mail") && page.contains(key),
        "{page}"
    );
    assert!(opted_in(&app, mei).await);

    // The mail client's one-click POST, as a web-mail page sends it: from another site, no
    // cookies, RFC 8058's body.
    let one_click = |path: String| {
        visitor
            .client
            .post(visitor.url(&path))
            .header("sec-fetch-site", "cross-site")
            .header("origin", "https://mail.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
    };
    // A key the server did not make: refused, nothing changes.
    let forged = [
        format!("/unsubscribe/{li}.{mac}"),
        format!("/unsubscribe/{mei}.{}", "0".repeat(64)),
        format!("/unsubscribe/{mei}.{}", mac.to_uppercase()),
        format!("/unsubscribe/{mei}"),
    ];
    for path in forged {
        let res = one_click(path.clone()).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert!(opted_in(&app, mei).await && opted_in(&app, li).await);

    let res = one_click(path.to_string()).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    assert!(!opted_in(&app, mei).await);
    assert!(opted_in(&app, li).await, "only the link's account");
    // (No at registration, yes in the profile, no by the link.)
    assert_eq!(
        marketing_events(&app, mei).await,
        [0, 1, 0],
        "recorded as withdrawn"
    );
    // Again: still unsubscribed, nothing more recorded.
    let res = one_click(path.to_string()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(marketing_events(&app, mei).await, [0, 1, 0]);
    assert_eq!(state(key.to_string()).await, serde_json::json!(false));

    // The origin check still guards everything else.
    let res = visitor
        .client
        .post(visitor.url("/api/marketing/unsubscribe"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("key", unsubscribe::key(&app.state, li).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(opted_in(&app, li).await);

    // The page's button (no sign-in): a malformed key is a bad request, a forged one is
    // refused, the right one unsubscribes.
    let res = visitor
        .call("marketing/unsubscribe", &[("key", "12.not-a-hash")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = visitor
        .call("marketing/unsubscribe", &[("key", &format!("{li}.{mac}"))])
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(opted_in(&app, li).await);
    let res = visitor
        .call(
            "marketing/unsubscribe",
            &[("key", unsubscribe::key(&app.state, li).as_str())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(!opted_in(&app, li).await);

    // No newsletter reaches them now.
    let staff = staff(&app, "staff@shop.test", Role::Staff).await;
    let res = send(&staff, &newsletter("Later news", "")).await;
    assert_eq!(res.status(), StatusCode::OK);
    queue_all(&app).await;
    assert!(newsletters_to(&app, "mei@example.com").await.is_empty());
    assert!(newsletters_to(&app, "li@example.com").await.is_empty());
}
db_test!(one_click_unsubscribe_needs_only_the_signed_link);

/// Every bulk read names its use; marketing and analytics reach only those who consented.
async fn bulk_reads_filter_on_consent_by_their_use(app: TestApp) {
    let (_, mei) = subscriber(&app, "mei@example.com", "en").await;
    let plain = registered_shopper(&app, &app.new_browser(), "plain@example.com").await;
    let counted = registered_shopper(&app, &app.new_browser(), "counted@example.com").await;
    let pool = app.state.db.pool();
    // Analytics: the account's last choice counts.
    consents::record(pool, counted, "analytics", true, 10)
        .await
        .unwrap();
    consents::record(pool, mei, "analytics", true, 10)
        .await
        .unwrap();
    consents::record(pool, mei, "analytics", false, 20)
        .await
        .unwrap();

    let reached = |purpose| async move {
        audience::accounts_after(pool, purpose, 0, 100)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(reached(Use::Marketing).await, [mei]);
    assert_eq!(reached(Use::Analytics).await, [counted]);
    assert_eq!(reached(Use::CustomerService).await, [mei, plain, counted]);
    assert_eq!(reached(Use::Fulfilment).await, [mei, plain, counted]);
    assert_eq!(audience::count(pool, Use::Marketing).await.unwrap(), 1);
    // In batches, from a cursor.
    let after_mei = audience::accounts_after(pool, Use::CustomerService, mei.get(), 1)
        .await
        .unwrap();
    assert_eq!(after_mei.len(), 1);
    assert_eq!(after_mei[0].id, plain);
}
db_test!(bulk_reads_filter_on_consent_by_their_use);
