//! The ledger (P10): every outbound flow of personal data, the mail relay included, in one
//! list for the shopper, newest first; rows never change.

use crate::{
    accounts::{registered_shopper, smtp_sink},
    bare_db_test,
    checkout::buy_cart,
    db_test,
    helpers::TestApp,
};
use app::{
    backend::{
        db::{Db, orders, outbox, users},
        mail::worker,
        now,
    },
    domain::account::Role,
    i18n::Lang,
};
use reqwest::StatusCode;
use serde_json::Value;

async fn a_user(db: &Db) -> app::domain::ids::UserId {
    users::insert(
        db.pool(),
        users::NewUser {
            email: "mei@example.com",
            password_hash: "x",
            full_name: "Mei Lin",
            phone: "",
            language: Lang::En,
            marketing_opt_in_at: None,
            role: Role::Shopper,
            email_verified_at: Some(0),
            now: 0,
        },
    )
    .await
    .unwrap()
}

async fn ledger_rows(db: &Db) -> Vec<(Option<i64>, String, String, String)> {
    sqlx::query_as("SELECT user_id, recipient, fields, purpose FROM disclosures ORDER BY id")
        .fetch_all(db.pool())
        .await
        .unwrap()
}

/// Mail that leaves through the relay is in its recipient's ledger; mail kept in the
/// development mailbox reached no one else and is not.
async fn the_mail_relay_is_a_recipient_and_ledger_rows_never_change(db: Db) {
    let user = a_user(&db).await;
    let mailbox = worker::Transport::Mailbox;
    outbox::insert(
        db.pool(),
        outbox::NewMail {
            user_id: Some(user),
            recipient: "mei@example.com",
            kind: "order_shipped",
            subject: "Shipped",
            body: "Hi\n",
            headers: "",
        },
        0,
    )
    .await
    .unwrap();
    assert_eq!(worker::deliver_due(&db, &mailbox).await.unwrap(), 1);
    assert!(ledger_rows(&db).await.is_empty());

    outbox::insert(
        db.pool(),
        outbox::NewMail {
            user_id: Some(user),
            recipient: "mei@example.com",
            kind: "order_placed",
            subject: "Placed",
            body: "Hi\n",
            headers: "",
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
    sink.await.unwrap();
    assert_eq!(
        ledger_rows(&db).await,
        [(
            Some(user.get()),
            "mail_relay".to_string(),
            "name, email, message".to_string(),
            "order_placed".to_string()
        )]
    );

    // The database refuses to change a ledger row: not its words, not its owner.
    for change in [
        "UPDATE disclosures SET purpose = 'marketing'",
        "UPDATE disclosures SET recipient = 'nobody'",
        "UPDATE disclosures SET at = 0",
        "UPDATE disclosures SET user_id = NULL",
    ] {
        assert!(
            sqlx::query(change).execute(db.pool()).await.is_err(),
            "{change} went through"
        );
    }
    assert_eq!(ledger_rows(&db).await.len(), 1);
    // A guest's row is given to the account that claims its order, once.
    let mut conn = db.pool().acquire().await.unwrap();
    orders::disclose_mail(&mut conn, user, "order_shipped", now())
        .await
        .unwrap();
    sqlx::query("INSERT INTO disclosures (user_id, order_id, recipient, fields, purpose, at) VALUES (NULL, NULL, 'x', 'y', 'z', 1)")
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE disclosures SET user_id = $1 WHERE user_id IS NULL")
        .bind(user)
        .execute(db.pool())
        .await
        .unwrap();
}
bare_db_test!(the_mail_relay_is_a_recipient_and_ledger_rows_never_change);

/// `/account/data` lists every entry of the account, newest first, in the reader's
/// language.
async fn the_account_ledger_lists_every_entry_newest_first(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com").await;
    let product = crate::cart::product_id(&app, crate::checkout::PANEL)
        .await
        .to_string();
    let res = app
        .call("cart/add", &[("product", &product), ("quantity", "1")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    buy_cart(&app).await;
    let mut conn = app.state.db.pool().acquire().await.unwrap();
    orders::disclose_mail(&mut conn, id, "order_placed", now() + 5)
        .await
        .unwrap();
    drop(conn);

    let ledger: Value = app.get("/api/account/ledger").await.json().await.unwrap();
    let entries = ledger.as_array().unwrap();
    assert_eq!(entries.len(), 2, "{ledger}");
    assert_eq!(entries[0]["recipient"], "mail_relay");
    assert!(entries[0]["order_id"].is_null());
    assert_eq!(entries[1]["purpose"], "payment");
    assert!(entries[1]["order_id"].is_number());
    assert_eq!(
        app.new_browser().get("/api/account/ledger").await.status(),
        StatusCode::UNAUTHORIZED
    );

    let (_, page) = app.page("/account/data").await;
    assert!(page.contains("Who received your data"));
    assert!(page.contains("Mail relay (the service that carries our email)"));
    assert!(page.contains("order confirmation"));
    app.call("language/set", &[("lang", "zh")]).await;
    let (_, zh) = app.page("/account/data").await;
    assert!(zh.contains("谁收到了您的数据") && zh.contains("邮件中转服务"));
}
db_test!(the_account_ledger_lists_every_entry_newest_first);
