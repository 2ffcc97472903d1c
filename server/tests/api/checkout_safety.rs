//! What probing the checkout from outside found, each on both databases: the charge is
//! pinned to what the review showed; only the key the checkout issued places an order;
//! concurrent submits of one session keep each other's session data; every step posted as a
//! plain form (JavaScript off) shows its errors, the sold-out answer included.

use crate::{
    cart::{product_id, set_stock},
    checkout::{
        GOOD_CARD, PANEL, address, address_and_delivery, checkout, count, enter_card,
        place_reviewed, stock_of,
    },
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;

const REVIEW_AGAIN: &str = "Your cart or its prices changed since you reviewed this order";

async fn add(b: &Browser, product: i64, quantity: &str) {
    let res = b
        .call(
            "cart/add",
            &[("product", &product.to_string()), ("quantity", quantity)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

/// A guest with `quantity` units of `product` at the review step: the review as shown.
async fn at_review(b: &Browser, product: i64, quantity: &str, email: &str) -> Value {
    add(b, product, quantity).await;
    address_and_delivery(b, Some(email), "DE").await;
    enter_card(b, GOOD_CARD).await
}

fn text<'a>(view: &'a Value, field: &str) -> &'a str {
    view[field].as_str().unwrap()
}

/// The page a plain form post was sent back to (its path), after checking it was sent back
/// with an error.
fn error_page(app: &TestApp, res: &reqwest::Response) -> String {
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(location.contains("__err="), "{location}");
    location.trim_start_matches(&app.base).to_string()
}

/// "Place the order" posted as a plain form from the review shown: the page it comes back
/// to, which must be the checkout with an error.
async fn plain_place(app: &TestApp, reviewed: &Value) -> String {
    let res = app
        .post_plain(
            "checkout/place",
            "/checkout",
            &[
                ("key", text(reviewed, "key")),
                ("review", text(reviewed, "review")),
            ],
        )
        .await;
    app.page(&error_page(app, &res)).await.1
}

/// After the review, a staff price change and units added in another tab were charged
/// without a word (the shopper saw 65.90 and paid 145.90). Now placing refuses, charging
/// nothing, and the order reviewed again is charged exactly what the new review shows.
async fn the_charge_is_what_the_review_showed(app: TestApp) {
    let pool = app.state.db.pool();
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let reviewed = at_review(&app, panel, "1", "mei@example.com").await;

    // Staff raise the price after the review.
    sqlx::query("UPDATE price_tiers SET unit_minor = unit_minor * 5 WHERE product_id = $1")
        .bind(panel)
        .execute(pool)
        .await
        .unwrap();
    app.state.changes.catch_up(&app.state.db).await.unwrap();
    let res = place_reviewed(&app, text(&reviewed, "key"), text(&reviewed, "review")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("review_changed"));
    // The same refusal as a plain form, shown on the checkout page.
    assert!(plain_place(&app, &reviewed).await.contains(REVIEW_AGAIN));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 0);
    assert_eq!(stock_of(&app, panel).await, 10);

    // Reviewed again: the new total is shown, and exactly that is charged.
    let again = checkout(&app).await;
    assert_eq!(again["step"], "Review");
    assert_eq!(again["key"], reviewed["key"], "the same checkout");
    assert_ne!(again["review"], reviewed["review"]);
    let shown = again["totals"]["total"]["minor"].as_i64().unwrap();
    assert!(shown > reviewed["totals"]["total"]["minor"].as_i64().unwrap());
    let res = place_reviewed(&app, text(&again, "key"), text(&again, "review")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let charged: i64 = sqlx::query_scalar("SELECT amount_minor FROM sandbox_charges")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(charged, shown);

    // Four more units added in another tab after the review: refused, nothing charged.
    let reviewed = at_review(&app, panel, "1", "mei@example.com").await;
    let other_tab = app.browser.clone();
    add(&other_tab, panel, "4").await;
    let res = place_reviewed(&app, text(&reviewed, "key"), text(&reviewed, "review")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(plain_place(&app, &reviewed).await.contains(REVIEW_AGAIN));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
    assert_eq!(stock_of(&app, panel).await, 9);
    // Without the digest of a review, nothing is placed either.
    let res = place_reviewed(&app, text(&reviewed, "key"), "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
}
db_test!(the_charge_is_what_the_review_showed);

/// A self-made key, the issued key in capitals or an over-long key each placed a new order
/// and a new charge; a made-up key sent beside the real one gave two paid orders. Only the
/// key this checkout issued places an order, compared exactly.
async fn only_the_issued_key_places_an_order(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let reviewed = at_review(&app, panel, "1", "mei@example.com").await;
    let (key, review) = (text(&reviewed, "key"), text(&reviewed, "review"));
    let made_up = "7".repeat(64);
    for wrong in [made_up.as_str(), &key.to_uppercase()] {
        let res = place_reviewed(&app, wrong, review).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{wrong}");
    }
    let too_long = format!("{key}{}", "0".repeat(136));
    let res = place_reviewed(&app, &too_long, review).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "refused, not cut");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 0);
    // Its own key and a made-up one at once: one order, one charge.
    let (real, fake) = tokio::join!(
        place_reviewed(&app, key, review),
        place_reviewed(&app, &made_up, review)
    );
    assert_eq!(real.status(), StatusCode::OK);
    assert_eq!(fake.status(), StatusCode::CONFLICT);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
    // The issued key again (a retry) answers the same order.
    let res = place_reviewed(&app, key, review).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
}
db_test!(only_the_issued_key_places_an_order);

/// Five simultaneous submits of one guest checkout left the order missing from the guest's
/// session (its page answered 404 to the guest's own cookie). Session data written by
/// concurrent requests of one session is merged key by key.
async fn concurrent_submits_keep_the_guests_order_in_the_session(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let reviewed = at_review(&app, panel, "1", "mei@example.com").await;
    let (key, review) = (text(&reviewed, "key"), text(&reviewed, "review"));
    let submits = (0..5).map(|_| place_reviewed(&app, key, review));
    let mut ids = Vec::new();
    for res in futures_util::future::join_all(submits).await {
        assert_eq!(res.status(), StatusCode::OK);
        let placed: Value = res.json().await.unwrap();
        ids.push(placed["id"].as_i64().unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "one order");
    // The guest's own session opens it, without the link's key.
    let res = app.get(&format!("/api/orders/view?id={}", ids[0])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (status, _) = app.page(&format!("/orders/{}", ids[0])).await;
    assert_eq!(status, StatusCode::OK);
    // The checkout is over and the cart empty.
    let view = checkout(&app).await;
    assert!(view["cart"]["lines"].as_array().unwrap().is_empty());
    assert_ne!(view["key"], reviewed["key"]);

    // Different keys written at once by requests of one session all stay: the checkout's
    // address, and the error a failed plain sign-in leaves for its page.
    let b = app.new_browser();
    add(&b, panel, "1").await;
    let form = address("DE");
    let mut form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    form.push(("email", "olu@example.com"));
    let steps = (0..6).map(|i| {
        let (b, form) = (b.clone(), form.clone());
        async move {
            if i % 2 == 0 {
                b.post_plain(
                    "account/sign-in",
                    "/account/sign-in",
                    &[
                        ("email", "olu@example.com"),
                        ("password", "not the password"),
                    ],
                )
                .await
            } else {
                b.call("checkout/address", &form).await
            }
        }
    });
    futures_util::future::join_all(steps).await;
    let view = checkout(&b).await;
    assert_eq!(view["step"], "Delivery", "the address stayed: {view}");
    assert_eq!(view["cart"]["lines"].as_array().unwrap().len(), 1);
    let data: Vec<String> = sqlx::query_scalar("SELECT data FROM sessions")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    assert!(
        data.iter()
            .any(|d| d.contains("\"checkout\"") && d.contains("\"form_error\"")),
        "one of the two writes was lost: {data:?}"
    );
}
db_test!(concurrent_submits_keep_the_guests_order_in_the_session);

/// A plain form post of the address step with a bad email came back with the typed values
/// but no message and no field marked. Now the page shows the summary and marks the field,
/// as the hydrated form does.
async fn plain_checkout_steps_show_their_errors(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    add(&app, panel, "1").await;
    let mut form = address("DE");
    form.push(("email", "not-an-email".into()));
    for (k, v) in form.iter_mut() {
        if *k == "form[city]" {
            v.clear();
        }
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_plain("checkout/address", "/checkout", &form).await;
    let path = error_page(&app, &res);
    let (status, page) = app.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"value="Torstraße 5""#), "typed values kept");
    assert!(page.contains("not-an-email"), "typed email kept");
    assert!(
        page.contains(r#"role="alert""#) && page.contains("form-message-error"),
        "no summary: {page}"
    );
    let invalid = page.matches(r#"aria-invalid="true""#).count();
    assert!(invalid >= 2, "email and city marked, {invalid} found");
    assert!(page.contains("autofocus"), "the summary takes the focus");
    assert_eq!(checkout(&app).await["step"], "Address");
    // A carrier that is not offered, the same way.
    address_and_delivery(&app, Some("mei@example.com"), "DE").await;
    let res = app
        .post_plain("checkout/delivery", "/checkout", &[("carrier", "dhl")])
        .await;
    let (_, page) = app.page(&error_page(&app, &res)).await;
    assert!(
        page.contains("form-message-error"),
        "carrier error not shown"
    );
}
db_test!(plain_checkout_steps_show_their_errors);

/// A shopper without JavaScript who lost the race for the last unit saw only the cart's
/// generic note; now the page says the item just sold out and nothing was charged.
async fn the_sold_out_answer_reaches_a_plain_form(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 1).await;
    let reviewed = at_review(&app, panel, "1", "mei@example.com").await;
    // Someone else buys the last unit.
    let other = app.new_browser();
    let theirs = at_review(&other, panel, "1", "olu@example.com").await;
    let res = place_reviewed(&other, text(&theirs, "key"), text(&theirs, "review")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = plain_place(&app, &reviewed).await;
    assert!(
        page.contains("someone else just bought the last units")
            && page.contains("Nothing was charged"),
        "sold-out answer not shown"
    );
    assert!(page.contains(r#"data-testid="sold-out""#));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
}
db_test!(the_sold_out_answer_reaches_a_plain_form);

/// The invoice named the seller only as "Lumenwall", with no address or tax number, while
/// charging 19–21 % tax. Now it names the seller as configured, the buyer's company and VAT
/// id when given, and carries a number from the shop's own sequence; an order never paid
/// has no invoice.
async fn invoices_name_the_seller_and_are_numbered_in_sequence(app: TestApp) {
    use crate::checkout::{address_form_and_delivery, place_reviewed};
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let mut invoices = Vec::new();
    for (email, card) in [
        ("mei@example.com", GOOD_CARD),
        ("kai@example.com", "4000000000000002"),
        ("olu@example.com", GOOD_CARD),
    ] {
        let b = app.new_browser();
        add(&b, panel, "1").await;
        let mut form = address("DE");
        form.push(("form[company]", "Mei Trading Ltd".into()));
        form.push(("form[tax_id]", "DE999999999".into()));
        form.push(("email", email.into()));
        address_form_and_delivery(&b, form).await;
        let view = enter_card(&b, card).await;
        let res = place_reviewed(&b, text(&view, "key"), text(&view, "review")).await;
        let id = match res.status() {
            StatusCode::OK => res.json::<Value>().await.unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string(),
            StatusCode::PAYMENT_REQUIRED => {
                let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM orders")
                    .fetch_one(app.state.db.pool())
                    .await
                    .unwrap();
                format!("/orders/{id}")
            }
            other => panic!("{other}"),
        };
        let invoice = if id.contains('?') {
            id.replacen('?', "/invoice?", 1)
        } else {
            format!("{id}/invoice")
        };
        invoices.push((b, invoice));
    }
    let (status, first) = invoices[0].0.page(&invoices[0].1).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Lumenwall Trading GmbH",
        "Torstraße 5, 10119 Berlin, Germany",
        "DE123456789",
        "INV-000001",
        "Mei Trading Ltd",
        "DE999999999",
    ] {
        assert!(first.contains(text), "{text} missing from the invoice");
    }
    // The declined order has none, and the next paid order takes the next number.
    let (status, _) = invoices[1].0.page(&invoices[1].1).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, third) = invoices[2].0.page(&invoices[2].1).await;
    assert!(third.contains("INV-000002"), "numbers in sequence");
}
db_test!(
    invoices_name_the_seller_and_are_numbered_in_sequence,
    [
        ("SHOP_LEGAL_NAME", "Lumenwall Trading GmbH"),
        ("SHOP_ADDRESS", "Torstraße 5, 10119 Berlin, Germany"),
        ("SHOP_TAX_NUMBER", "DE123456789"),
    ]
);
