//! Reviews on both databases: writing, editing, deleting, the product's list and summary,
//! both moderation settings, the verified badge, hostile text, concurrent writes, the change
//! log, helpful votes, reports, staff moderation, ratings in listings, export and erasure.

use crate::{
    accounts::{PASSWORD, registered_shopper},
    admin::staff,
    cart::{product_id, set_stock},
    checkout::{PANEL, buy_cart, count},
    db_test,
    helpers::{Browser, TestApp},
};
use app::domain::account::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

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
        .get(&format!("/api/reviews/product?slug={PANEL}&sort=chaos"))
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

/// A shopper with a published review of the panel; the review's id.
async fn reviewer(app: &TestApp, email: &str, rating: &str, title: &str) -> (Browser, i64) {
    let b = app.new_browser();
    registered_shopper(app, &b, email).await;
    let res = write(&b, &form(rating, title, "Text.")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id = listed(app, "").await["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == title)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    (b, id)
}

async fn vote(b: &Browser, id: i64) -> reqwest::Response {
    b.call("reviews/vote", &[("id", &id.to_string())]).await
}

async fn helpful_votes_count_once_and_order_the_list(app: TestApp) {
    let (mei, first) = reviewer(&app, "mei@example.com", "5", "Superb").await;
    let (_li, second) = reviewer(&app, "li@example.com", "4", "Good").await;
    let ann = app.new_browser();
    registered_shopper(&app, &ann, "ann@example.com").await;
    let bob = app.new_browser();
    registered_shopper(&app, &bob, "bob@example.com").await;

    // Guests, authors and unknown reviews cannot vote.
    assert_eq!(
        vote(&app.new_browser(), first).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(vote(&mei, first).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(vote(&ann, 999_999).await.status(), StatusCode::NOT_FOUND);

    // One vote each: a second one changes nothing.
    let changes_before = count(&app, "SELECT COUNT(*) FROM changes").await;
    let res = vote(&ann, second).await;
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({ "review": second, "counted": true })
    );
    assert!(count(&app, "SELECT COUNT(*) FROM changes").await > changes_before);
    let res = vote(&ann, second).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<Value>().await.unwrap()["counted"],
        false,
        "counted once"
    );
    let helpful = |list: &Value| -> Vec<(i64, i64)> {
        list["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].as_i64().unwrap(), r["helpful"].as_i64().unwrap()))
            .collect()
    };
    assert_eq!(
        helpful(&listed(&app, "&sort=helpful").await),
        [(second, 1), (first, 0)]
    );
    vote(&bob, first).await;
    vote(&ann, first).await;
    assert_eq!(
        helpful(&listed(&app, "&sort=helpful").await),
        [(first, 2), (second, 1)]
    );
    // The kept page says so at once.
    let (_, page) = app.page(&format!("/products/{PANEL}")).await;
    assert!(
        page.replace("<!>", "")
            .contains("2 shoppers found this helpful")
    );
    // Her export holds her votes.
    let doc: Value = ann.get("/api/account/export").await.json().await.unwrap();
    assert_eq!(doc["helpful_votes"].as_array().unwrap().len(), 2, "{doc}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM review_votes").await, 3);
}
db_test!(helpful_votes_count_once_and_order_the_list);

async fn reports_reach_staff_who_hide_and_restore(app: TestApp) {
    let (mei, id) = reviewer(&app, "mei@example.com", "1", "Call me on 555-0100").await;
    let ann = app.new_browser();
    registered_shopper(&app, &ann, "ann@example.com").await;
    let report = |b: &Browser, reason: &str| {
        let (b, reason) = (b.clone(), reason.to_string());
        async move {
            b.call(
                "reviews/report",
                &[("id", &id.to_string()), ("reason", &reason)],
            )
            .await
        }
    };
    assert_eq!(
        report(&ann, "gibberish").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        report(&mei, "abuse").await.status(),
        StatusCode::FORBIDDEN,
        "not one's own"
    );
    let res = report(&ann, "personal_data").await;
    assert_eq!(res.json::<Value>().await.unwrap(), true);
    let res = report(&ann, "abuse").await;
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        false,
        "one report per shopper"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM review_reports").await, 1);

    // Only staff see the queue.
    assert_eq!(
        ann.get("/api/admin/reviews").await.status(),
        StatusCode::FORBIDDEN
    );
    let sam = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let queue: Value = sam.get("/api/admin/reviews").await.json().await.unwrap();
    assert_eq!(queue[0]["id"], id, "{queue}");
    assert_eq!(queue[0]["reports"], json!([["PersonalData", 1]]));
    assert_eq!(queue[0]["author"], "Mei Lin", "staff see the full name");

    // Hiding needs a reason; then the review is gone from the product, and its author sees
    // why on her page and by mail, never who.
    let decide = |decision: &str, reason: &str| {
        let (sam, decision, reason) = (sam.clone(), decision.to_string(), reason.to_string());
        async move {
            // As the review's page shows it: its last edit is what staff decide on.
            let seen: Value = sam
                .get(&format!("/api/admin/review?id={id}"))
                .await
                .json()
                .await
                .unwrap();
            let seen = seen["updated_at"].as_i64().unwrap().to_string();
            sam.call(
                "admin/review-decide",
                &[
                    ("id", &id.to_string()),
                    ("seen", &seen),
                    ("decision", &decision),
                    ("reason", &reason),
                ],
            )
            .await
        }
    };
    assert_eq!(
        decide("hide", " ").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        ann.call(
            "admin/review-decide",
            &[
                ("id", &id.to_string()),
                ("seen", "0"),
                ("decision", "hide"),
                ("reason", "x")
            ]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    let res = decide("hide", "It gives a phone number.").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        decide("hide", "Again.").await.status(),
        StatusCode::CONFLICT,
        "decided once"
    );
    assert_eq!(listed(&app, "").await["summary"]["count"], 0);
    let (_, page) = app.page(&format!("/products/{PANEL}")).await;
    assert!(!page.contains("555-0100"), "the kept page follows");
    let own = mine(&mei).await;
    assert_eq!(own[0]["status"], "Hidden");
    assert_eq!(own[0]["hidden_reason"], "It gives a phone number.");
    let (_, page) = mei.page("/account/reviews").await;
    assert!(page.contains("It gives a phone number."));
    assert!(!page.contains("Sam Staff"), "staff names are never shown");
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(
        mail.subject.contains("your review is hidden"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("It gives a phone number."));
    assert!(mail.body.contains(&format!("/account/reviews/{PANEL}")));
    assert!(!mail.body.contains("Sam"));

    // The report is closed; the hidden list has it, with the log.
    let waiting: Value = sam.get("/api/admin/reviews").await.json().await.unwrap();
    assert_eq!(waiting, json!([]));
    let hidden: Value = sam
        .get("/api/admin/reviews?view=Hidden")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(hidden[0]["actions"][0]["decision"], "Hide");
    assert_eq!(hidden[0]["actions"][0]["staff"], "Sam Staff");
    assert_eq!(hidden[0]["reports"], json!([]));
    let (_, page) = sam.page(&format!("/admin/reviews/{id}")).await;
    assert!(page.contains("It gives a phone number.") && page.contains("Sam Staff"));

    // Restored, it shows again. A hidden review edited loses the reason and waits for staff,
    // whatever the moderation setting.
    assert_eq!(decide("restore", "").await.status(), StatusCode::OK);
    assert_eq!(listed(&app, "").await["summary"]["count"], 1);
    assert_eq!(decide("restore", "").await.status(), StatusCode::CONFLICT);
    decide("hide", "Still a phone number.").await;
    let res = write(&mei, &form("1", "Too dim", "No numbers now.")).await;
    assert_eq!(res.json::<Value>().await.unwrap(), "Held");
    let res = write(&mei, &form("1", "Too dim", "Edited twice: still waits.")).await;
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        "Held",
        "held until staff decide"
    );
    let own = mine(&mei).await;
    assert_eq!(
        (own[0]["status"].as_str(), own[0]["hidden_reason"].as_str()),
        (Some("Held"), Some(""))
    );
    let waiting: Value = sam.get("/api/admin/reviews").await.json().await.unwrap();
    assert_eq!(waiting[0]["title"], "Too dim");
    assert_eq!(decide("approve", "").await.status(), StatusCode::OK);
    assert_eq!(mine(&mei).await[0]["status"], "Published");
}
db_test!(reports_reach_staff_who_hide_and_restore);

async fn staff_approve_held_reviews(app: TestApp) {
    let mei = app.new_browser();
    registered_shopper(&app, &mei, "mei@example.com").await;
    write(&mei, &form("4", "Waiting", "Held first.")).await;
    let sam = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let queue: Value = sam.get("/api/admin/reviews").await.json().await.unwrap();
    assert_eq!(queue[0]["status"], "Held", "{queue}");
    let id = queue[0]["id"].as_i64().unwrap().to_string();
    let seen = queue[0]["updated_at"].as_i64().unwrap().to_string();
    // Edited after staff opened it: approving what they read is refused, and it stays held
    // through the edit.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let res = write(&mei, &form("4", "Waiting", "Edited after staff looked.")).await;
    assert_eq!(res.json::<Value>().await.unwrap(), "Held");
    let approve = |seen: String| {
        let (sam, id) = (sam.clone(), id.clone());
        async move {
            sam.call(
                "admin/review-decide",
                &[("id", &id), ("seen", &seen), ("decision", "approve")],
            )
            .await
        }
    };
    assert_eq!(approve(seen).await.status(), StatusCode::CONFLICT);
    let queue: Value = sam.get("/api/admin/reviews").await.json().await.unwrap();
    let res = approve(queue[0]["updated_at"].as_i64().unwrap().to_string()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(listed(&app, "").await["summary"]["count"], 1);
    assert_eq!(mine(&mei).await[0]["status"], "Published");
    assert_eq!(
        sam.get("/api/admin/reviews")
            .await
            .json::<Value>()
            .await
            .unwrap(),
        json!([])
    );
}
db_test!(
    staff_approve_held_reviews,
    [("SHOP_REVIEWS_MODERATION", "hold")]
);

async fn listings_carry_ratings_sort_and_filter_by_them(app: TestApp) {
    let (_, _) = reviewer(&app, "mei@example.com", "3", "Fine").await;
    let (li, _) = reviewer(&app, "li@example.com", "4", "Good").await;
    let listing = |query: &'static str| {
        let app = &app;
        async move {
            let res = app
                .get(&format!("/api/catalog/list?query[page]=1&{query}"))
                .await;
            assert_eq!(res.status(), StatusCode::OK, "{query}");
            res.json::<Value>().await.unwrap()
        }
    };
    let slugs = |page: &Value| -> Vec<String> {
        page["products"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["slug"].as_str().unwrap().to_string())
            .collect()
    };
    // 3.5 on average is not "4★ and up".
    let page = listing("query[rating_4_up]=true").await;
    assert_eq!(page["total"], 0, "{page}");
    write(&li, &form("5", "Good", "Better.")).await;
    let page = listing("query[rating_4_up]=true").await;
    assert_eq!(slugs(&page), [PANEL]);
    assert_eq!(page["facets"]["rating_4_up"], 1);
    let card = &page["products"][0];
    assert_eq!(
        (
            card["review_count"].as_i64(),
            card["rating_tenths"].as_i64()
        ),
        (Some(2), Some(40))
    );
    // Sorted by rating, the rated product comes first, then the rest.
    let page = listing("query[sort]=Rating").await;
    assert_eq!(slugs(&page)[0], PANEL);
    assert!(page["products"][1]["review_count"] == 0);
    // The page's address takes the same filter; its JSON-LD tells the rating.
    let (_, html) = app.page("/catalog?rating=4").await;
    assert!(html.contains(PANEL) && html.contains("4.0 out of 5"));
    let (_, html) = app.page(&format!("/products/{PANEL}")).await;
    assert!(html.contains("\"aggregateRating\""), "JSON-LD rating");
    assert!(html.contains("\"ratingValue\":\"4.0\""));
    let other = slugs(&listing("").await)
        .into_iter()
        .find(|s| s != PANEL)
        .unwrap();
    let (_, html) = app.page(&format!("/products/{other}")).await;
    assert!(!html.contains("aggregateRating"), "none without reviews");

    // A suspended author's review is not shown, and the kept pages follow.
    let changes_before = count(&app, "SELECT COUNT(*) FROM changes").await;
    sqlx::query("UPDATE users SET status = 'suspended' WHERE email = 'li@example.com'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert!(count(&app, "SELECT COUNT(*) FROM changes").await > changes_before);
    let list = listed(&app, "").await;
    assert_eq!(list["summary"]["count"], 1);
    assert_eq!(list["summary"]["average_tenths"], 30);
    assert_eq!(listing("query[rating_4_up]=true").await["total"], 0);
}
db_test!(listings_carry_ratings_sort_and_filter_by_them);
