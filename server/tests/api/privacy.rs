//! The personal-data registry against the real schema, export completeness, cancellation and
//! erasure (P8, P9).

use crate::{
    accounts::{PASSWORD, me, registered_shopper, sign_in},
    db_test,
    helpers::TestApp,
};
use app::backend::{
    accounts,
    db::{Backend, users},
    privacy::registry::{Coverage, NOT_PERSONAL, PERSONAL, coverage},
};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeMap;

/// Every table and its columns, read from the database itself.
async fn schema(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let pool = app.state.db.pool();
    let rows: Vec<(String, String)> = match app.state.db.backend() {
        Backend::Sqlite => sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
        Backend::Postgres => sqlx::query_as(
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT)
                 FROM information_schema.columns WHERE table_schema = 'public'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column) in rows {
        tables.entry(table).or_default().push(column);
    }
    tables
}

async fn every_column_is_in_the_personal_data_registry(app: TestApp) {
    let tables = schema(&app).await;
    let mut missing = Vec::new();
    for (table, columns) in &tables {
        for column in columns {
            if coverage(table, column) == Coverage::Missing {
                missing.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in app/src/server/privacy/registry.rs (say whether each is exported or why not): {missing:?}"
    );
    // And the registry names nothing that does not exist.
    for t in PERSONAL {
        let columns = tables
            .get(t.table)
            .unwrap_or_else(|| panic!("registry table {} does not exist", t.table));
        for (c, _) in t.exported.iter().chain(t.withheld) {
            assert!(
                columns.iter().any(|x| x == c),
                "registry column {}.{c} does not exist",
                t.table
            );
        }
    }
    for (t, _) in NOT_PERSONAL {
        // SQLite's full-text index tables have no PostgreSQL counterpart.
        let sqlite_only = t.starts_with("products_fts");
        if !(sqlite_only && app.state.db.backend() == Backend::Postgres) {
            assert!(tables.contains_key(*t), "registry table {t} does not exist");
        }
    }
}
db_test!(every_column_is_in_the_personal_data_registry);

/// A shopper with something in every personal table.
async fn busy_shopper(app: &TestApp) -> app::domain::ids::UserId {
    let id = registered_shopper(app, app, "mei@example.com").await;
    // Analytics allowed: a page view and a click.
    crate::analytics::allow(app, "accept").await;
    app.page("/catalog").await;
    crate::analytics::wait_for(app, "SELECT COUNT(*) FROM page_views", 1).await;
    let res = app
        .call_json(
            "analytics/clicks",
            &serde_json::json!({ "clicks": [{ "path": "/catalog", "label": "/cart" }] }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app.call(
        "account/update-profile",
        &[
            ("form[full_name]", "Mei Lin"),
            ("form[phone]", "+86 139 1111 2222"),
            ("form[language]", "en"),
            ("form[marketing]", "on"),
        ],
    )
    .await;
    app.call(
        "account/add-address",
        &[
            ("form[recipient_name]", "Mei Lin"),
            ("form[recipient_phone]", "+86 139 1111 2222"),
            ("form[company]", "Kowloon Signs Ltd"),
            ("form[tax_id]", "HK-88771234"),
            ("form[line1]", "1 Harbour Road"),
            ("form[city]", "Kowloon"),
            ("form[postal_code]", "999077"),
            ("form[country]", "HK"),
        ],
    )
    .await;
    app.call("account/forgot-password", &[("email", "mei@example.com")])
        .await;
    // A question to the shop (signed in: the account's at once).
    let res = app
        .call(
            "contact/send",
            &[
                ("form[name]", "Mei Lin"),
                ("form[email]", "mei@example.com"),
                ("form[order]", ""),
                ("form[message]", "Does the cabinet fit the frame?"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // A review.
    let res = app
        .call(
            "reviews/write",
            &[
                ("slug", "tourline-r-p3-91"),
                ("form[rating]", "4"),
                ("form[title]", "Bright at noon"),
                ("form[body]", "No dead pixels after two winters."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // A helpful vote and a report, on another shopper's review.
    let other = app.new_browser();
    crate::accounts::registered_shopper(app, &other, "li.other@example.com").await;
    let res = other
        .call(
            "reviews/write",
            &[
                ("slug", "tourline-r-p3-91"),
                ("form[rating]", "2"),
                ("form[title]", "Buy elsewhere"),
                ("form[body]", "Mine flickers."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let review: i64 = sqlx::query_scalar("SELECT MAX(id) FROM reviews")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let review = review.to_string();
    let res = app.call("reviews/vote", &[("id", &review)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .call("reviews/report", &[("id", &review), ("reason", "other")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let wall = [
        ("product", "tourline-r-p3-91"),
        ("cols", "2"),
        ("rows", "1"),
    ];
    // An order (with its ledger entry), and a cart again.
    let res = app.call("cart/add-wall", &wall).await;
    assert_eq!(res.status(), StatusCode::OK);
    crate::checkout::buy_cart(app).await;
    crate::checkout::save_card(app, crate::checkout::GOOD_CARD).await;
    let res = app.call("cart/add-wall", &wall).await;
    assert_eq!(res.status(), StatusCode::OK);
    id
}

async fn export_covers_every_registered_table(app: TestApp) {
    let id = busy_shopper(&app).await;
    let res = app.get("/api/account/export").await;
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"my-data-"),
        "{disposition}"
    );
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["account_number"], id.get());
    for table in PERSONAL {
        let about = &doc["purposes_and_retention"][table.section];
        assert_eq!(about["purpose"], table.purpose.code(), "{}", table.section);
        assert_eq!(about["kept"], table.retention.code(), "{}", table.section);
    }
    assert_eq!(
        doc["purposes_and_retention"]["emails_sent_to_you"]["days"],
        30
    );
    assert_eq!(
        doc["purposes_and_retention"]["analytics_clicks"]["days"],
        90
    );
    for table in PERSONAL {
        let section = &doc[table.section];
        let first = if section.is_array() {
            &section[0]
        } else {
            section
        };
        assert!(first.is_object(), "section {} is empty", table.section);
        for (_, name) in table.exported {
            assert!(
                first.get(name).is_some(),
                "{}.{name} missing from the export",
                table.section
            );
        }
    }
    assert_eq!(doc["profile"]["email"], "mei@example.com");
    assert_eq!(doc["profile"]["telephone"], "+86 139 1111 2222");
    assert!(
        doc["profile"]["registered_at"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    assert_eq!(doc["addresses"].as_array().unwrap().len(), 2);
    assert_eq!(doc["addresses"][0]["is_default_address"], true);
    assert!(doc["emails_sent_to_you"].as_array().unwrap().len() >= 2);
    assert!(doc["profile"].get("password_hash").is_none());
    let text = doc.to_string();
    assert!(
        !text.contains("argon2"),
        "the password hash must not be exported"
    );
}
db_test!(export_covers_every_registered_table);

/// The export's field names were shown in English on the Chinese site.
async fn held_data_is_labelled_in_the_shoppers_language(app: TestApp) {
    registered_shopper(&app, &app, "mei@example.com").await;
    let (status, page) = app.page("/account/data").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Registered"), "English labels in English");
    // Each section says why it is held and how long, the settings' days included.
    for text in [
        "Why we hold it",
        "to deliver and invoice your orders, and for accounting",
        "deleted 30 days after delivery",
        "90 days, then only daily totals without you in them",
        "until you sign out, at most 30 days",
    ] {
        assert!(page.contains(text), "{text:?} missing");
    }
    let res = app.call("language/set", &[("lang", "zh")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, page) = app.page("/account/data").await;
    for label in [
        "注册时间",
        "电子邮箱",
        "城市",
        "保存原因",
        "投递后 30 天删除",
    ] {
        assert!(page.contains(label), "{label} missing");
    }
    for english in ["Registered at", "Address line 1", "Recipient telephone"] {
        assert!(
            !page.contains(english),
            "{english} shown on the Chinese page"
        );
    }
}
db_test!(held_data_is_labelled_in_the_shoppers_language);

/// Every text cell of every table, to look for what erasure must have removed.
async fn all_text(app: &TestApp) -> String {
    let mut out = String::new();
    for (table, columns) in schema(app).await {
        // Binary contents (checksums, pictures, SQLite's index pages), no personal data.
        const BINARY: [&str; 6] = [
            "_sqlx_migrations",
            "product_images",
            "products_fts_data",
            "products_fts_idx",
            "products_fts_docsize",
            "products_fts_config",
        ];
        if BINARY.contains(&table.as_str()) {
            continue;
        }
        let sql = format!(
            "SELECT {} FROM {table}",
            columns
                .iter()
                .map(|c| format!("CAST({c} AS TEXT)"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let rows = sqlx::query(&sql)
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
        for row in rows {
            use sqlx::Row;
            for i in 0..columns.len() {
                if let Ok(Some(v)) = row.try_get::<Option<String>, _>(i) {
                    out.push_str(&v);
                    out.push('\n');
                }
            }
        }
    }
    out
}

async fn deleting_the_account_erases_every_trace(app: TestApp) {
    busy_shopper(&app).await;
    let laptop = app.new_browser();
    sign_in(&laptop, "mei@example.com", PASSWORD).await;
    // Someone else's data stays.
    registered_shopper(&app, &app.new_browser(), "li@example.com").await;

    let wrong = app
        .call("account/delete", &[("password", "not my password")])
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(all_text(&app).await.contains("mei@example.com"));

    let res = app.call("account/delete", &[("password", PASSWORD)]).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/account/erased/"), "{location}");

    let text = all_text(&app).await;
    // (The other shopper registered with the same street address, so look for what only Mei has.)
    const TRACES: [&str; 6] = [
        "mei@example.com",
        "Mei Lin",
        "+86 139 1111 2222",
        "Harbour Road",
        "Kowloon",
        "HK-88771234",
    ];
    for trace in TRACES {
        assert!(!text.contains(trace), "{trace:?} survived erasure");
    }
    assert!(
        text.contains("li@example.com"),
        "another shopper's data was touched"
    );
    // The order stays for accounting, with its amounts and country but no one to name.
    let kept: Vec<(i64, String, String, String)> =
        sqlx::query_as("SELECT total_minor, email, recipient_name, country FROM orders")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].0 > 0);
    assert_eq!((kept[0].1.as_str(), kept[0].2.as_str()), ("", ""));
    assert_eq!(kept[0].3, "CN");
    // On SQLite, the files themselves: deleted rows linger in free pages and in the
    // write-ahead log unless they are overwritten (`secure_delete`) and the log truncated.
    if let Some(dir) = &app.db_dir {
        let mut scanned = 0;
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            scanned += bytes.len();
            for trace in TRACES {
                assert!(
                    !bytes.windows(trace.len()).any(|w| w == trace.as_bytes()),
                    "{trace:?} is still in the bytes of {}",
                    path.display()
                );
            }
        }
        assert!(scanned > 0);
    }
    assert_eq!(me(&app).await, Value::Null);
    assert_eq!(me(&laptop).await, Value::Null, "every session ends");
    assert_eq!(
        sign_in(&app, "mei@example.com", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let receipt_id = location.trim_start_matches("/account/erased/");
    let receipt: Value = app
        .get(&format!("/api/account/erasure-receipt?id={receipt_id}"))
        .await
        .json()
        .await
        .unwrap();
    let erased: BTreeMap<String, u64> = receipt["erased"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_u64().unwrap()))
        .collect();
    assert_eq!(erased["profile"], 1);
    assert_eq!(erased["addresses"], 2);
    assert_eq!(erased["signed_in_sessions"], 2);
    let (_, page) = app.page(&location).await;
    assert!(page.contains("Your account has been deleted"));
}
db_test!(deleting_the_account_erases_every_trace);

async fn cancelling_hides_the_account_until_its_owner_returns(app: TestApp) {
    let id = busy_shopper(&app).await;
    let res = app
        .call("account/deactivate", &[("password", PASSWORD)])
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    assert_eq!(me(&app).await, Value::Null);
    let user = users::find_by_id(app.state.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        user.status,
        app::domain::account::AccountStatus::Deactivated
    );
    // Hidden from staff lists.
    let hits = users::search(app.state.db.pool(), "mei", 10, 0)
        .await
        .unwrap();
    assert!(hits.is_empty());
    // Signing in within 30 days restores it.
    let res = sign_in(&app, "mei@example.com", PASSWORD).await;
    assert!(res.status().is_success());
    assert_eq!(
        users::find_by_id(app.state.db.pool(), id)
            .await
            .unwrap()
            .unwrap()
            .status,
        app::domain::account::AccountStatus::Active
    );

    // Cancelled more than 30 days ago: housekeeping erases it.
    app.call("account/deactivate", &[("password", PASSWORD)])
        .await;
    sqlx::query(
        "UPDATE users SET status_changed_at = status_changed_at - 31 * 86400 WHERE id = $1",
    )
    .bind(id)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        sign_in(&app, "mei@example.com", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        accounts::lifecycle::erase_expired_deactivations(&app.state)
            .await
            .unwrap(),
        1
    );
    assert!(
        users::find_by_id(app.state.db.pool(), id)
            .await
            .unwrap()
            .is_none()
    );
    assert!(!all_text(&app).await.contains("mei@example.com"));
}
db_test!(cancelling_hides_the_account_until_its_owner_returns);
