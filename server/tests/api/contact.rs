//! Questions answered by people (P12): the contact form (its limit per client and its robot
//! trap), the staff inbox, replies by mail through the outbox, statuses, a guest's
//! conversation joining the account that confirms its address, and expiry once closed.

use crate::{
    accounts::registered_shopper,
    admin::staff,
    catalog_admin::field_problems,
    db_test,
    helpers::{Browser, TestApp},
};
use app::{
    backend::{contact, now},
    domain::account::Role,
};
use reqwest::StatusCode;
use serde_json::Value;

async fn write(
    b: &Browser,
    name: &str,
    email: &str,
    message: &str,
    trap: &str,
) -> reqwest::Response {
    b.call(
        "contact/send",
        &[
            ("form[name]", name),
            ("form[email]", email),
            ("form[order]", ""),
            ("form[message]", message),
            ("form[website]", trap),
        ],
    )
    .await
}

/// The answer to a message that arrived (or was dropped as a robot's): the page that says so.
fn assert_sent(res: reqwest::Response) {
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert_eq!(res.headers()["location"], "/contact?sent=1");
}

async fn threads(app: &TestApp) -> Vec<(Option<i64>, String, String)> {
    sqlx::query_as("SELECT user_id, email, status FROM contact_threads ORDER BY id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap()
}

async fn the_contact_form_has_a_limit_per_client_and_a_robot_trap(app: TestApp) {
    let guest = app.new_browser();
    let res = write(&guest, "Mei Lin", "Mei@Example.com", "Does it fit?", "").await;
    assert_sent(res);
    assert_eq!(
        threads(&app).await,
        [(None, "mei@example.com".to_string(), "open".to_string())]
    );

    // Bad input: every field says what is wrong, nothing is stored.
    let res = guest
        .call(
            "contact/send",
            &[
                ("form[name]", ""),
                ("form[email]", "not an address"),
                ("form[order]", "DROP TABLE"),
                ("form[message]", &"x".repeat(5_001)),
            ],
        )
        .await;
    let fields: Vec<String> = field_problems(res)
        .await
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, ["name", "email", "order", "message"]);

    // A robot fills the trap: thanked, dropped, not counted.
    let res = write(
        &guest,
        "Bot",
        "bot@example.com",
        "Buy now",
        "https://spam.example",
    )
    .await;
    assert_sent(res);
    assert_eq!(threads(&app).await.len(), 1);

    // The second message from this address is the last this hour (the setting says 2).
    let res = write(&guest, "Mei Lin", "mei@example.com", "And the frame?", "").await;
    assert_sent(res);
    let res = write(&guest, "Mei Lin", "mei@example.com", "Hello?", "").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(threads(&app).await.len(), 2);
    // Another client is not held back by it.
    let other = Browser::from_address(&app.base, Some("127.0.0.2".parse().unwrap()));
    let res = write(&other, "Li Wei", "li@example.com", "Hi", "").await;
    assert_sent(res);
    assert_eq!(threads(&app).await.len(), 3);
}
db_test!(
    the_contact_form_has_a_limit_per_client_and_a_robot_trap,
    [("SHOP_MESSAGES_PER_CLIENT_PER_HOUR", "2")]
);

async fn staff_answer_by_mail_and_conversations_belong_to_their_writer(app: TestApp) {
    // A guest writes; plain text stays plain text.
    let guest = app.new_browser();
    let text = "Is the <script>alert(1)</script> P3.9 IP65?\nThanks";
    assert_sent(write(&guest, "Mei Lin", "mei@example.com", text, "").await);
    let id: i64 = sqlx::query_scalar("SELECT id FROM contact_threads")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();

    // The inbox is for staff only.
    let visitor = app.new_browser();
    assert_eq!(
        visitor.get("/api/admin/inbox").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "shopper@example.com").await;
    assert_eq!(
        shopper.get("/api/admin/inbox").await.status(),
        StatusCode::FORBIDDEN
    );
    let res = shopper
        .call(
            "admin/thread-reply",
            &[("id", &id.to_string()), ("text", "Hi")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let staff = staff(&app, "sam@shop.test", Role::Staff).await;
    let inbox: Value = staff
        .get("/api/admin/inbox?status=open")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["threads"][0]["email"], "mei@example.com", "{inbox}");
    let waiting: Value = staff
        .get("/api/admin/inbox?status=waiting")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(waiting["threads"], serde_json::json!([]));
    let res = staff.get("/api/admin/inbox?status=bogus").await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let (status, page) = staff.page(&format!("/admin/inbox/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));

    // The writer confirms an account with that address: the conversation is theirs.
    let mei = registered_shopper(&app, &app.new_browser(), "mei@example.com").await;
    let export: Value = {
        let b = app.new_browser();
        crate::accounts::sign_in(&b, "mei@example.com", crate::accounts::PASSWORD).await;
        b.get("/api/account/export").await.json().await.unwrap()
    };
    assert_eq!(
        export["questions_to_the_shop"][0]["email"], "mei@example.com",
        "{export}"
    );
    assert_eq!(export["messages_to_and_from_the_shop"][0]["text"], text);

    // A reply: refused when empty, else kept, mailed to the writer, and the conversation
    // waits for them.
    let res = staff
        .call(
            "admin/thread-reply",
            &[("id", &id.to_string()), ("text", " ")],
        )
        .await;
    assert_eq!(field_problems(res).await[0].0, "text");
    let res = staff
        .call(
            "admin/thread-reply",
            &[
                ("id", &id.to_string()),
                ("text", "Yes: IP65 front and back.\nSam"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let mail = app
        .mails_to("mei@example.com")
        .await
        .into_iter()
        .find(|m| m.kind == "contact_reply")
        .expect("the reply went to the outbox");
    assert_eq!(mail.user_id, Some(mei));
    assert!(mail.subject.contains(&format!("#{id}")), "{}", mail.subject);
    assert!(
        mail.body.contains("Yes: IP65 front and back.\nSam"),
        "{}",
        mail.body
    );
    let thread: Value = staff
        .get(&format!("/api/admin/thread?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(thread["status"], "waiting");
    assert_eq!(thread["account"], mei.get());
    assert_eq!(thread["messages"][1]["from_staff"], true);
    assert_eq!(thread["messages"][1]["staff_name"], "Sam Staff");
    let res = staff
        .call("admin/thread-reply", &[("id", "999999"), ("text", "Hi")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Closed, then kept a year, then gone with its messages.
    let res = staff
        .call(
            "admin/thread-status",
            &[("id", &id.to_string()), ("status", "closed")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = staff
        .call(
            "admin/thread-status",
            &[("id", &id.to_string()), ("status", "gone")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let closed: Value = staff
        .get("/api/admin/inbox?status=closed")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["threads"][0]["id"], id);
    assert_eq!(
        contact::expire_closed(&app.state, now() + 364 * 86_400)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        contact::expire_closed(&app.state, now() + 366 * 86_400)
            .await
            .unwrap(),
        1
    );
    let res = staff.get(&format!("/api/admin/thread?id={id}")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contact_messages")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
}
db_test!(staff_answer_by_mail_and_conversations_belong_to_their_writer);
