//! Reviews on both databases (first part of issue 25: writing, editing, deleting, the
//! product's list and summary, both moderation settings, the verified badge, hostile text,
//! concurrent writes, the change log, export and erasure).

use crate::{
    accounts::{PASSWORD, registered_shopper},
    cart::{product_id, set_stock},
    checkout::{PANEL, buy_cart, count},
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;

fn form(rating: &str, title: &str, body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("slug", PANEL.to_string()),
        ("form[rating]", rating.into()),
        ("form[title]", title.into()),
        ("form[body]", body.into()),
    ]
}

async fn write(b: &Browser, form: &[(&'static str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.call("reviews/write", &pairs).await
}

async fn listed(app: &TestApp, query: &str) -> Value {
    let res = app
        .get(&format!("/api/reviews/product?slug={PANEL}{query}"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn mine(b: &Browser) -> Vec<Value> {
    b.get("/api/reviews/mine").await.json().await.unwrap()
}

async fn a_shopper_writes_edits_and_deletes_one_review_per_product(app: TestApp) {
    let mei = app.new_browser();
    let user = registered_shopper(&app, &mei, "mei@example.com").await;
    // Guests cannot write; a bad review is refused field by field.
    let guest = app.new_browser();
    let res = write(&guest, &form("5", "Great", "Bright.")).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = write(&mei, &form("6", "", "a\u{7}b")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = res.json().await.unwrap();
    let fields: Vec<&str> = error["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["rating", "title", "body"], "{error}");

    // The product's kept page says there are none, then shows the review at once.
    let (_, page) = app.page(&format!("/products/{PANEL}")).await;
    assert!(page.contains("No reviews yet."));
    let changes_before = count(&app, "SELECT COUNT(*) FROM changes").await;
    let res = write(
        &mei,
        &form("4", "Bright at noon", "Two winters,\nno dead pixels."),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap(), "Published");
    assert!(
        count(&app, "SELECT COUNT(*) FROM changes").await > changes_before,
        "kept product pages are told"
    );
    let list = listed(&app, "").await;
    assert_eq!(list["summary"]["count"], 1);
    assert_eq!(list["summary"]["average_tenths"], 40);
    assert_eq!(
        list["summary"]["distribution"],
        serde_json::json!([0, 0, 0, 1, 0])
    );
    let review = &list["reviews"][0];
    assert_eq!(review["author"], "Mei L.");
    assert_eq!(review["body"], "Two winters,\nno dead pixels.");
    assert_eq!(review["verified"], false);
    assert!(
        !list.to_string().contains("mei@example.com"),
        "never the email"
    );
    let (_, page) = app.page(&format!("/products/{PANEL}")).await;
    let text = page.replace("<!>", "");
    assert!(text.contains("Bright at noon"), "the kept page follows");
    assert!(text.contains("4.0 out of 5"));
    assert!(text.contains("1 review"));
    // Her own page lists it with its state; the writing page has it filled in.
    let (_, page) = mei.page("/account/reviews").await;
    assert!(page.contains("Bright at noon") && page.contains("Published"));
    let (_, page) = mei.page(&format!("/account/reviews/{PANEL}")).await;
    assert!(page.contains("Bright at noon"), "the form holds her review");

    // A second write is an edit of the same review.
    let res = write(&mei, &form("2", "Dimmer after a year", "Fading.")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM reviews").await,
        1,
        "one per product"
    );
    let list = listed(&app, "").await;
    assert_eq!(list["summary"]["average_tenths"], 20);
    assert_eq!(list["reviews"][0]["title"], "Dimmer after a year");
    let own = mine(&mei).await;
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["status"], "Published");
    assert_eq!(own[0]["slug"], PANEL);

    // Bought, the badge; refunded, none.
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 5).await;
    mei.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    let order = buy_cart(&mei).await["id"].as_i64().unwrap();
    assert_eq!(listed(&app, "").await["reviews"][0]["verified"], true);
    sqlx::query("UPDATE orders SET status = 'refunded' WHERE id = $1")
        .bind(order)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(listed(&app, "").await["reviews"][0]["verified"], false);

    // The export carries it; deleting it removes it; a second delete finds nothing.
    let doc: Value = mei.get("/api/account/export").await.json().await.unwrap();
    assert_eq!(doc["reviews"][0]["title"], "Dimmer after a year", "{doc}");
    let res = mei.call("reviews/delete", &[("slug", PANEL)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = mei.call("reviews/delete", &[("slug", PANEL)]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(listed(&app, "").await["summary"]["count"], 0);

    // Erasure deletes the account's reviews.
    write(&mei, &form("5", "Back again", "Still fine.")).await;
    let res = mei.call("account/delete", &[("password", PASSWORD)]).await;
    assert!(res.status().is_redirection() || res.status().is_success());
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM reviews WHERE user_id = {user}")
        )
        .await,
        0
    );
    assert_eq!(listed(&app, "").await["summary"]["count"], 0);

    // Unknown products and sorts.
    let res = app.get("/api/reviews/product?slug=no-such-panel").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .get(&format!("/api/reviews/product?slug={PANEL}&sort=helpful"))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
db_test!(a_shopper_writes_edits_and_deletes_one_review_per_product);

async fn held_reviews_wait_for_approval(app: TestApp) {
    let mei = app.new_browser();
    registered_shopper(&app, &mei, "mei@example.com").await;
    let res = write(&mei, &form("5", "Superb", "Colours pop.")).await;
    assert_eq!(res.json::<Value>().await.unwrap(), "Held");
    assert_eq!(listed(&app, "").await["summary"]["count"], 0);
    assert_eq!(listed(&app, "").await["reviews"], serde_json::json!([]));
    assert_eq!(mine(&mei).await[0]["status"], "Held");
}
db_test!(
    held_reviews_wait_for_approval,
    [("SHOP_REVIEWS_MODERATION", "hold")]
);

/// Hostile text comes back exactly as typed, and the page shows it as text.
async fn reviews_are_plain_text(app: TestApp) {
    let mei = app.new_browser();
    registered_shopper(&app, &mei, "mei@example.com").await;
    let body = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) \
                مرحبا بالعالم 🎉 Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let res = write(&mei, &form("3", "<img src=x onerror=alert(1)>", body)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let list = listed(&app, "").await;
    assert_eq!(list["reviews"][0]["body"], body);
    assert_eq!(list["reviews"][0]["title"], "<img src=x onerror=alert(1)>");
    let (_, page) = app.page(&format!("/products/{PANEL}")).await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
db_test!(reviews_are_plain_text);

/// Twenty shoppers review at once: the summary counts each once.
async fn concurrent_reviews_add_up(app: TestApp) {
    let mut shoppers = Vec::new();
    for i in 0..20 {
        let b = app.new_browser();
        registered_shopper(&app, &b, &format!("s{i}@example.com")).await;
        shoppers.push(b);
    }
    let writes = shoppers.iter().enumerate().map(|(i, b)| async move {
        let rating = (i % 5 + 1).to_string();
        let res = write(b, &form(&rating, "Fine", "Works.")).await;
        assert_eq!(res.status(), StatusCode::OK);
    });
    futures_util::future::join_all(writes).await;
    let list = listed(&app, "&sort=lowest&page=2").await;
    assert_eq!(list["summary"]["count"], 20);
    assert_eq!(
        list["summary"]["distribution"],
        serde_json::json!([4, 4, 4, 4, 4])
    );
    assert_eq!(list["summary"]["average_tenths"], 30);
    assert_eq!(list["pages"], 2);
    assert_eq!(list["page"], 2);
    let ratings: Vec<i64> = list["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rating"].as_i64().unwrap())
        .collect();
    assert_eq!(ratings, [3, 3, 4, 4, 4, 4, 5, 5, 5, 5]);
}
db_test!(concurrent_reviews_add_up);
