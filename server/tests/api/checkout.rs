//! Checkout over HTTP, on both databases: a guest and a shopper buy and pay through the
//! sandbox processor's card page; declined cards charge nothing and give the stock back;
//! a doubled submit makes one order and one charge; fifty shoppers racing for the last
//! unit make exactly one order; nobody sees another's order; no card number is kept.

use crate::{
    accounts::registered_shopper,
    cart::{product_id, set_stock},
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;

pub const PANEL: &str = "tourline-r-p3-91";
const PANEL_PRICE: i64 = 72_000;
pub const GOOD_CARD: &str = "4242 4242 4242 4242";
pub const DECLINED: &str = "4000000000000002";
pub const NO_FUNDS: &str = "4000000000009995";
const EXPIRED: &str = "4000000000000069";

pub async fn stock_of(app: &TestApp, product: i64) -> i64 {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = $1")
        .bind(product)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

pub fn address(country: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[recipient_name]", "Mei Lin".into()),
        ("form[recipient_phone]", "+49 30 1234567".into()),
        ("form[line1]", "Torstraße 5".into()),
        ("form[city]", "Berlin".into()),
        ("form[postal_code]", "10119".into()),
        ("form[country]", country.into()),
    ]
}

pub async fn checkout(b: &Browser) -> Value {
    let res = b.get("/api/checkout/view").await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// Address (with `email` for a guest), the cheapest carrier.
pub async fn address_and_delivery(b: &Browser, email: Option<&str>, country: &str) {
    let mut form = address(country);
    if let Some(email) = email {
        form.push(("email", email.into()));
    }
    address_form_and_delivery(b, form).await;
}

/// The address form as given, the cheapest carrier.
pub async fn address_form_and_delivery(b: &Browser, form: Vec<(&'static str, String)>) {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = b.call("checkout/address", &form).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let view = checkout(b).await;
    assert_eq!(view["step"], "Delivery");
    let carrier = view["quotes"][0]["carrier"]
        .as_str()
        .unwrap()
        .to_lowercase();
    let res = b.call("checkout/delivery", &[("carrier", &carrier)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(checkout(b).await["step"], "Payment");
}

/// The card page of a new entry (its path).
async fn open_card_page(b: &Browser) -> String {
    let res = b.call("checkout/card", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: String = res.json().await.unwrap();
    assert!(page.starts_with("/sandbox-pay/card/"), "{page}");
    page
}

async fn submit_card(
    b: &Browser,
    page: &str,
    number: &str,
    expiry: &str,
    cvc: &str,
) -> reqwest::Response {
    b.client
        .post(b.url(page))
        .header("origin", b.base.clone())
        .form(&[("number", number), ("expiry", expiry), ("cvc", cvc)])
        .send()
        .await
        .unwrap()
}

/// Enters a card on the processor's page and comes back: the checkout's review step.
pub async fn enter_card(b: &Browser, number: &str) -> Value {
    let page = open_card_page(b).await;
    let (status, html) = b.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"name="number""#));
    let res = submit_card(b, &page, number, "12/35", "123").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with("/checkout?card_entry="), "{back}");
    let res = b
        .get(&format!("/api/checkout/view{}", &back["/checkout".len()..]))
        .await;
    let view: Value = res.json().await.unwrap();
    assert_eq!(view["step"], "Review", "{view}");
    view
}

/// Buys the cart with the address checkout already holds (a shopper's default address),
/// the cheapest carrier and the good test card; returns the placed order.
pub async fn buy_cart(b: &Browser) -> Value {
    let view = checkout(b).await;
    assert_eq!(view["step"], "Delivery", "{view}");
    let carrier = view["quotes"][0]["carrier"]
        .as_str()
        .unwrap()
        .to_lowercase();
    let res = b.call("checkout/delivery", &[("carrier", &carrier)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view = enter_card(b, GOOD_CARD).await;
    let res = place(b, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// "Place the order" with `key`, as the review step the checkout shows now sends it (with
/// the digest of the order it shows).
pub async fn place(b: &Browser, key: &str) -> reqwest::Response {
    let review = checkout(b).await["review"].as_str().unwrap().to_string();
    place_reviewed(b, key, &review).await
}

/// "Place the order" with `key` and the digest of the order a review step showed.
pub async fn place_reviewed(b: &Browser, key: &str, review: &str) -> reqwest::Response {
    b.call("checkout/place", &[("key", key), ("review", review)])
        .await
}

async fn a_guest_buys_and_pays(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "2")],
    )
    .await;
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let view = enter_card(&app, GOOD_CARD).await;
    assert_eq!(view["card"]["last4"], "4242");
    let totals = &view["totals"];
    assert_eq!(totals["subtotal"]["minor"], 2 * PANEL_PRICE);
    assert_eq!(totals["tax_rate_bp"], 1900, "Germany's rate from tax.rates");
    let shipping = totals["shipping"]["minor"].as_i64().unwrap();
    // 19 %, rounded half up to the cent.
    let tax = ((2 * PANEL_PRICE + shipping) * 19 + 50) / 100;
    assert_eq!(totals["tax"]["minor"], tax);
    assert_eq!(totals["total"]["minor"], 2 * PANEL_PRICE + shipping + tax);

    let key = view["key"].as_str().unwrap();
    let res = place(&app, key).await;
    assert_eq!(res.status(), StatusCode::OK);
    let placed: Value = res.json().await.unwrap();
    let path = placed["path"].as_str().unwrap().to_string();
    assert!(
        path.contains("?key="),
        "a guest's order link is signed: {path}"
    );
    assert_eq!(stock_of(&app, panel).await, 8);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM cart_lines").await, 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sandbox_charges WHERE status = 'captured'"
        )
        .await,
        1
    );

    // The confirmation mail links to the order.
    let mail = app
        .last_mail_to("guest@example.com")
        .await
        .expect("confirmation");
    assert!(mail.body.contains(&path), "{}", mail.body);

    // The order: paid, what was bought, who received what.
    let id = placed["id"].as_i64().unwrap();
    let order: Value = app
        .get(&format!(
            "/api/orders/view?id={id}&key={}",
            path.split("key=").nth(1).unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "Paid");
    assert_eq!(order["lines"][0]["quantity"], 2);
    assert_eq!(order["shared_with"][0]["purpose"], "payment");
    assert!(
        !order["shared_with"][0]["fields"]
            .to_string()
            .contains("name")
    );
    // The page renders without JavaScript.
    let (status, html) = app.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("LW-{id:06}")));

    // Another visitor: with the signed link yes, without it (or with a wrong one) no.
    let other = app.new_browser();
    let (status, _) = other.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    let invoice = path.replacen('?', "/invoice?", 1);
    let (status, html) = other.page(&invoice).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Billed to") && html.contains("Mei Lin"),
        "{html}"
    );
    let (status, _) = other.page(&format!("/orders/{id}/invoice")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let res = other.get(&format!("/api/orders/view?id={id}")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = other
        .get(&format!(
            "/api/orders/view?id={id}&key=00000000000000000000000000000000"
        ))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The same key again: the same order, no second charge.
    let res = place(&app, key).await;
    assert_eq!(res.status(), StatusCode::OK);
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["id"], placed["id"]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
}
db_test!(a_guest_buys_and_pays, [("SHOP_TAX_RATES", "DE=19, *=0")]);

async fn declined_cards_charge_nothing_and_give_the_stock_back(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 5).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "3")],
    )
    .await;
    address_and_delivery(&app, Some("guest@example.com"), "FR").await;
    for (card, decline) in [
        (DECLINED, "declined"),
        (NO_FUNDS, "insufficient_funds"),
        (EXPIRED, "expired_card"),
    ] {
        let view = enter_card(&app, card).await;
        let old_key = view["key"].as_str().unwrap().to_string();
        let res = place(&app, &old_key).await;
        assert_eq!(res.status(), StatusCode::PAYMENT_REQUIRED);
        let error: Value = res.json().await.unwrap();
        assert_eq!(error["decline"], decline);
        assert_eq!(stock_of(&app, panel).await, 5, "the stock is back");
        let view = checkout(&app).await;
        assert_eq!(view["step"], "Payment", "the refused card is forgotten");
        assert_ne!(
            view["key"],
            old_key.as_str(),
            "a new key for the next attempt"
        );
        // The old key answers the same refusal again, charging nothing more.
        let res = place(&app, &old_key).await;
        assert_eq!(res.status(), StatusCode::PAYMENT_REQUIRED);
        let error: Value = res.json().await.unwrap();
        assert_eq!(error["decline"], decline);
        // The new key cannot be placed before a card is chosen.
        let res = place(&app, view["key"].as_str().unwrap()).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "no card chosen yet");
    }
    assert!(app.last_mail_to("guest@example.com").await.is_none());
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sandbox_charges WHERE status = 'captured'"
        )
        .await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM cart_lines").await,
        1,
        "the cart is kept"
    );

    // Then a good card.
    let view = enter_card(&app, GOOD_CARD).await;
    let res = place(&app, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(stock_of(&app, panel).await, 2);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM orders WHERE status = 'paid'").await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM orders WHERE status = 'payment_failed'"
        )
        .await,
        3
    );
}
db_test!(declined_cards_charge_nothing_and_give_the_stock_back);

async fn the_card_page_refuses_mistakes_and_never_shows_the_number(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    address_and_delivery(&app, Some("guest@example.com"), "US").await;
    let page = open_card_page(&app).await;
    for (number, expiry, cvc, message) in [
        ("4242 4242 4242 4241", "12/35", "123", "not valid"),
        ("4242424242424242", "01/20", "123", "expired"),
        ("4242424242424242", "12/35", "12", "security code"),
        ("4111111111111111", "12/35", "123", "test cards"),
    ] {
        let res = submit_card(&app, &page, number, expiry, cvc).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains(message), "{message}: {html}");
        assert!(!html.contains(number), "the number is never shown again");
        assert!(!html.contains(&format!("value=\"{cvc}\"")));
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_cards").await, 0);
    // A used or unknown entry is closed.
    let res = submit_card(&app, &page, GOOD_CARD, "12/35", "123").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = submit_card(&app, &page, GOOD_CARD, "12/35", "123").await;
    assert_eq!(res.status(), StatusCode::GONE);
    let (status, _) = app
        .page(&format!("/sandbox-pay/card/{}", "ab".repeat(32)))
        .await;
    assert_eq!(status, StatusCode::GONE);
    // Another session's entry id brings no card into this checkout.
    let other = app.new_browser();
    let entry = page.rsplit('/').next().unwrap();
    let view: Value = other
        .get(&format!("/api/checkout/view?card_entry={entry}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(view["card"].is_null());
}
db_test!(the_card_page_refuses_mistakes_and_never_shows_the_number);

async fn a_double_submit_makes_one_order_and_one_charge(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let b = app.new_browser();
    registered_shopper(&app, &b, "mei@example.com").await;
    b.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    address_and_delivery(&b, None, "GB").await;
    let view = enter_card(&b, GOOD_CARD).await;
    let key = view["key"].as_str().unwrap().to_string();
    let (one, two) = tokio::join!(place(&b, &key), place(&b, &key));
    assert_eq!(one.status(), StatusCode::OK);
    assert_eq!(two.status(), StatusCode::OK);
    let one: Value = one.json().await.unwrap();
    let two: Value = two.json().await.unwrap();
    assert_eq!(one["id"], two["id"]);
    assert!(
        !one["path"].as_str().unwrap().contains("key="),
        "a shopper's link needs no key"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
    assert_eq!(stock_of(&app, panel).await, 9);
    assert_eq!(
        app.mails_to("mei@example.com")
            .await
            .iter()
            .filter(|m| m.subject.contains("LW-"))
            .count(),
        1
    );
    // The shopper's history lists it; another shopper cannot see it.
    let history: Value = b.get("/api/orders/list").await.json().await.unwrap();
    assert_eq!(history.as_array().unwrap().len(), 1);
    let other = app.new_browser();
    registered_shopper(&app, &other, "olu@example.com").await;
    let res = other
        .get(&format!("/api/orders/view?id={}", one["id"]))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = other.call("checkout/place", &[("key", &key)]).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "another's key is not theirs to reuse"
    );
}
db_test!(a_double_submit_makes_one_order_and_one_charge);

async fn fifty_shoppers_race_for_the_last_unit(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 100).await;
    let mut ready = Vec::new();
    for i in 0..50 {
        let b = app.new_browser();
        b.call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "1")],
        )
        .await;
        address_and_delivery(&b, Some(&format!("racer{i}@example.com")), "HK").await;
        let view = enter_card(&b, GOOD_CARD).await;
        let key = view["key"].as_str().unwrap().to_string();
        ready.push((b, key));
    }
    set_stock(&app, panel, 1).await;
    let attempts = ready.iter().map(|(b, key)| place(b, key));
    let results = futures_util::future::join_all(attempts).await;
    let mut won = 0;
    for res in results {
        match res.status() {
            StatusCode::OK => won += 1,
            StatusCode::CONFLICT => {
                let error: Value = res.json().await.unwrap();
                assert_eq!(error["rule"], "sold_out", "{error}");
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(won, 1);
    assert_eq!(stock_of(&app, panel).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 1);
}
db_test!(fifty_shoppers_race_for_the_last_unit);

async fn checkout_refuses_bad_input_and_changes_nothing(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    // Nothing in the cart: nothing to place.
    let res = place(&app, &"ab".repeat(32)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    // A guest needs an email; a bad address names its fields.
    let mut form = address("ZZ");
    form.push(("email", "not-an-email".into()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.call("checkout/address", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = res.text().await.unwrap();
    assert!(
        error.contains("email") && error.contains("country"),
        "{error}"
    );
    assert_eq!(checkout(&app).await["step"], "Address");
    // An unknown carrier, a malformed key, a card before the address.
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let res = app.call("checkout/delivery", &[("carrier", "dhl")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = place(&app, "short").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = place(&app, &"ab".repeat(32)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "no card yet");
    // Stock fell below the cart while checking out: refused, nothing charged.
    let view = enter_card(&app, GOOD_CARD).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    set_stock(&app, panel, 1).await;
    let res = place(&app, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 0);
    assert_eq!(stock_of(&app, panel).await, 1);
    // Orders that do not exist, or ids that are not ids.
    assert_eq!(
        app.get("/api/orders/view?id=999").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/orders/view?id=x").await.status(),
        StatusCode::BAD_REQUEST
    );
    let (status, _) = app.page("/orders/999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
db_test!(checkout_refuses_bad_input_and_changes_nothing);

/// After checkouts with every test card, no card number is anywhere in the database: the
/// SQLite files' bytes, or every row of every table on PostgreSQL.
async fn no_card_number_is_kept(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let numbers = [DECLINED, NO_FUNDS, EXPIRED, "4242424242424242"];
    for card in [DECLINED, NO_FUNDS, EXPIRED, GOOD_CARD] {
        let view = enter_card(&app, card).await;
        place(&app, view["key"].as_str().unwrap()).await;
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM orders WHERE status = 'paid'").await,
        1
    );
    let mut haystack: Vec<u8> = Vec::new();
    match &app.db_dir {
        Some(dir) => {
            app.state.db.flush_erased().await.unwrap();
            for entry in std::fs::read_dir(dir.path()).unwrap() {
                haystack.extend(std::fs::read(entry.unwrap().path()).unwrap());
            }
        }
        None => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
            )
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
            for table in tables {
                let rows: Vec<String> =
                    sqlx::query_scalar(&format!("SELECT row_to_json(t)::text FROM {table} t"))
                        .fetch_all(app.state.db.pool())
                        .await
                        .unwrap();
                haystack.extend(rows.join("\n").into_bytes());
            }
        }
    }
    assert!(haystack.len() > 1000);
    for number in numbers {
        let found = haystack
            .windows(number.len())
            .any(|w| w == number.as_bytes());
        assert!(!found, "card number {number} found in the database");
    }
}
db_test!(no_card_number_is_kept);

/// A signed-in shopper's paid order of two panels: (shopper's browser, order id).
async fn shopper_with_an_order(app: &TestApp, email: &str) -> (Browser, i64) {
    let panel = product_id(app, PANEL).await;
    let b = app.new_browser();
    registered_shopper(app, &b, email).await;
    b.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "2")],
    )
    .await;
    let placed = buy_cart(&b).await;
    (b, placed["id"].as_i64().unwrap())
}

/// Staff searching by an email address got other people's orders whose number matched the
/// digits in it (`nobody10@nowhere.example` listed LW-000010). A query is an order number
/// only when it is nothing else.
async fn staff_search_by_number_only_for_an_order_number(app: TestApp) {
    set_stock(&app, product_id(&app, PANEL).await, 10).await;
    let (_, first) = shopper_with_an_order(&app, "mei@example.com").await;
    let (_, second) = shopper_with_an_order(&app, "olu@example.com").await;
    let staff = crate::admin::staff(
        &app,
        "kai@lumenwall.example",
        app::domain::account::Role::Staff,
    )
    .await;
    let found = |query: String| {
        let staff = staff.clone();
        async move {
            let list: Value = staff
                .get(&format!("/api/admin/orders?status=&query={query}&page=1"))
                .await
                .json()
                .await
                .unwrap();
            list.as_array()
                .unwrap()
                .iter()
                .map(|o| o["id"].as_i64().unwrap())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        found(format!("nobody{first}%40nowhere.example")).await,
        Vec::<i64>::new()
    );
    assert_eq!(found(format!("nobody{second}")).await, Vec::<i64>::new());
    assert_eq!(found(format!("LW-{second:06}")).await, vec![second]);
    assert_eq!(found(format!("lw{first}")).await, vec![first]);
    assert_eq!(found(format!("{first}")).await, vec![first]);
    assert_eq!(found("olu%40example.com".into()).await, vec![second]);
    assert_eq!(found("".into()).await, vec![second, first]);
}
db_test!(staff_search_by_number_only_for_an_order_number);

async fn staff_ship_and_deliver_and_the_shopper_follows(app: TestApp) {
    let (shopper, id) = shopper_with_an_order(&app, "mei@example.com").await;
    let staff = crate::admin::staff(
        &app,
        "kai@lumenwall.example",
        app::domain::account::Role::Staff,
    )
    .await;

    // Shoppers cannot reach the back office.
    let res = shopper
        .call("admin/order-ship", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = shopper.get("/api/admin/orders?status=&query=&page=1").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let list: Value = staff
        .get("/api/admin/orders?status=paid&query=mei&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let list: Value = staff
        .get("/api/admin/orders?status=shipped&query=&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 0);
    let res = staff
        .get("/api/admin/orders?status=bogus&query=&page=1")
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let res = staff
        .call("admin/order-ship", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = staff
        .call("admin/order-ship", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "shipped once");

    // The shopper sees the carrier, the tracking number and what the carrier received.
    let order: Value = shopper
        .get(&format!("/api/orders/view?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "Shipped");
    let tracking = order["tracking_number"].as_str().unwrap().to_string();
    assert!(!tracking.is_empty());
    let carrier = order["shared_with"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["purpose"] == "delivery")
        .expect("a ledger entry for the carrier")
        .clone();
    let fields: Vec<&str> = carrier["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(fields, app::domain::shipping::HANDOFF_FIELDS);
    // Booked once with the carrier, under the order number, with the same tracking number.
    let booked: Vec<(String, String)> =
        sqlx::query_as("SELECT booking_ref, tracking_number FROM sandbox_parcels")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(booked.len(), 1);
    assert_eq!(booked[0].1, tracking);
    assert_eq!(booked[0].0, order["number"].as_str().unwrap());
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM disclosures WHERE purpose = 'delivery'"
        )
        .await,
        1
    );
    assert!(
        order["timeline"][1]["by"].is_null(),
        "shoppers are not told staff names"
    );
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(mail.body.contains(&tracking), "{}", mail.body);

    // Staff see who shipped it.
    let staff_view: Value = staff
        .get(&format!("/api/admin/order?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    let shipped = staff_view["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "Shipped")
        .unwrap()
        .clone();
    assert!(shipped["by"].as_str().is_some());

    // Too late to cancel; then delivered.
    let res = shopper
        .call("orders/cancel", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = staff
        .call("admin/order-delivered", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let order: Value = shopper
        .get(&format!("/api/orders/view?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "Delivered");
    let (status, html) = shopper.page(&format!("/orders/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&tracking));
}
db_test!(staff_ship_and_deliver_and_the_shopper_follows);

async fn a_shopper_cancels_before_shipping_and_is_refunded(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    let before = stock_of(&app, panel).await;
    let (shopper, id) = shopper_with_an_order(&app, "mei@example.com").await;
    assert_eq!(stock_of(&app, panel).await, before - 2);
    let other = app.new_browser();
    registered_shopper(&app, &other, "olu@example.com").await;
    let res = other
        .call("orders/cancel", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "not theirs");
    // Paid, not yet shipped: no carrier has the shopper's data, no tracking number yet.
    app.state.outbox_written();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let order: Value = shopper
        .get(&format!("/api/orders/view?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(order["tracking_number"].is_null(), "{order}");
    let recipients: Vec<&str> = order["shared_with"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(recipients, ["payment"]);

    let res = shopper
        .call("orders/cancel", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = shopper
        .call("orders/cancel", &[("id", &id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "once");
    assert_eq!(stock_of(&app, panel).await, before, "the stock is back");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sandbox_charges WHERE status = 'refunded'"
        )
        .await,
        1
    );
    let order: Value = shopper
        .get(&format!("/api/orders/view?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "Refunded");
    let steps: Vec<&str> = order["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["Paid", "Cancelled", "Refunded"]);
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(mail.subject.contains("cancelled"), "{}", mail.subject);
    // Cancelled before shipping: nothing was shared with any carrier.
    for sql in [
        "SELECT COUNT(*) FROM carrier_handoffs",
        "SELECT COUNT(*) FROM sandbox_parcels",
        "SELECT COUNT(*) FROM disclosures WHERE purpose = 'delivery'",
    ] {
        assert_eq!(count(&app, sql).await, 0, "{sql}");
    }
}
db_test!(a_shopper_cancels_before_shipping_and_is_refunded);

/// The shop process killed (SIGKILL) in the middle of a stream of checkouts, then started
/// again on the same database: every order the clients saw confirmed is there and complete,
/// none is left half written, the stock matches the orders, every paid order was charged once
/// and its confirmation mail delivered once. The server's log (at debug level, after
/// checkouts with every test card) holds no card number.
async fn a_killed_server_loses_no_order(backend: crate::helpers::Backend) {
    use crate::helpers::{ServerProcess, process_database};

    let dir = tempfile::tempdir().unwrap();
    let Some(database_url) = process_database(backend, dir.path()).await else {
        return;
    };
    let log_path = dir.path().join("server.log");
    let start = || ServerProcess::start(&database_url, dir.path(), &log_path, "debug");
    let mut child = start();
    child.wait_until_up().await;
    let base = child.base.clone();
    let db = app::backend::db::Db::connect(&app::backend::db::DbOptions {
        url: database_url.clone(),
        max_connections: 2,
        acquire_timeout: std::time::Duration::from_secs(5),
    })
    .await
    .unwrap();
    let pool = db.pool().clone();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };

    let first = Browser::new(&base);
    let p: Value = first
        .get(&format!("/api/catalog/product?slug={PANEL}"))
        .await
        .json()
        .await
        .unwrap();
    let panel = p["card"]["id"].as_i64().unwrap();
    let initial: i64 = p["card"]["stock"].as_i64().unwrap();

    // Every refused card once, for the log scan below.
    first
        .call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "1")],
        )
        .await;
    address_and_delivery(&first, Some("cards@example.com"), "DE").await;
    for card in [DECLINED, NO_FUNDS, EXPIRED] {
        let key = enter_card(&first, card).await["key"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(
            place(&first, &key).await.status(),
            StatusCode::PAYMENT_REQUIRED
        );
    }

    // Thirty checkouts ready to place.
    let mut ready = Vec::new();
    for i in 0..30 {
        let b = Browser::new(&base);
        b.call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "1")],
        )
        .await;
        address_and_delivery(&b, Some(&format!("k{i}@example.com")), "DE").await;
        let view = enter_card(&b, GOOD_CARD).await;
        let key = view["key"].as_str().unwrap().to_string();
        let review = view["review"].as_str().unwrap().to_string();
        ready.push((b, key, review));
    }

    let buyers: Vec<(Browser, String)> = ready
        .iter()
        .map(|(b, key, _)| (b.clone(), key.clone()))
        .collect();

    // Placed as a stream; the process is killed once a few have been confirmed.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    for (b, key, review) in ready {
        let tx = tx.clone();
        tokio::spawn(async move {
            let res = b
                .client
                .post(b.url("/api/checkout/place"))
                .header("sec-fetch-site", "same-origin")
                .header("accept", "application/json")
                .form(&[("key", key.as_str()), ("review", review.as_str())])
                .send()
                .await;
            let confirmed = match res {
                Ok(r) if r.status() == StatusCode::OK => {
                    r.json::<Value>().await.ok().and_then(|v| v["id"].as_i64())
                }
                _ => None,
            };
            let _ = tx.send(confirmed);
        });
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    drop(tx);
    let mut confirmed = Vec::new();
    let mut killed = false;
    while let Some(result) = rx.recv().await {
        if let Some(id) = result {
            confirmed.push(id);
        }
        if !killed && confirmed.len() >= 5 {
            child.kill();
            killed = true;
        }
    }
    assert!(killed, "the stream ended before the kill");
    assert!(
        confirmed.len() < 30,
        "the kill came too late to test anything"
    );

    // Started again: unfinished orders are settled within seconds.
    let mut child = start();
    child.wait_until_up().await;
    for _ in 0..300 {
        let pending = count("SELECT COUNT(*) FROM orders WHERE status = 'pending_payment'").await;
        let undelivered = count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await;
        // A paid order's mail may not exist yet a moment after it is paid.
        let paid = count("SELECT COUNT(*) FROM orders WHERE status = 'paid'").await;
        let mails = count("SELECT COUNT(*) FROM outbox").await;
        if pending == 0 && undelivered == 0 && mails == paid {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        count("SELECT COUNT(*) FROM orders WHERE status = 'pending_payment'").await,
        0
    );
    for id in &confirmed {
        let (status, lines): (String, i64) = sqlx::query_as(
            "SELECT status, (SELECT COUNT(*) FROM order_lines WHERE order_id = orders.id)
             FROM orders WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!((status.as_str(), lines), ("paid", 1), "order {id}");
    }
    let paid = count("SELECT COUNT(*) FROM orders WHERE status = 'paid'").await;
    assert!(paid >= confirmed.len() as i64);
    // Whoever settled an order (the request, or recovery after the restart) finished it: no
    // paid order's lines are left in the cart it was bought from, and every buyer's checkout
    // is closed once its order is settled (a failed payment keeps the cart).
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM orders o JOIN cart_lines c ON c.guest_key = o.guest_cart
             WHERE o.status = 'paid'"
        )
        .await,
        0,
        "a paid order's lines are still in its cart"
    );
    for (b, key) in &buyers {
        let b = Browser {
            base: child.base.clone(),
            client: b.client.clone(),
        };
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM orders WHERE idempotency_key = $1")
                .bind(key)
                .fetch_optional(&pool)
                .await
                .unwrap();
        let view = checkout(&b).await;
        let lines = view["cart"]["lines"].as_array().unwrap().len();
        let open = view["key"].as_str() == Some(key.as_str());
        match status.as_deref() {
            Some("paid") => assert_eq!((lines, open), (0, false), "paid: {view}"),
            Some("payment_failed") => assert_eq!((lines, open), (1, false), "failed: {view}"),
            None => assert_eq!((lines, open), (1, true), "never placed: {view}"),
            other => panic!("order left {other:?}"),
        }
    }
    eprintln!(
        "{} confirmed before the kill; after the restart {paid} paid, {} failed",
        confirmed.len(),
        count("SELECT COUNT(*) FROM orders WHERE status = 'payment_failed'").await
    );
    let sold = count(
        "SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) FROM order_lines l
         JOIN orders o ON o.id = l.order_id WHERE o.status = 'paid'",
    )
    .await;
    let stock: i64 = sqlx::query_scalar("SELECT stock FROM products WHERE id = $1")
        .bind(panel)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stock, initial - sold, "the stock matches the paid orders");
    assert_eq!(
        count("SELECT COUNT(*) FROM sandbox_charges WHERE status = 'captured'").await,
        paid,
        "one charge per paid order"
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM orders o WHERE o.status = 'paid' AND NOT EXISTS
             (SELECT 1 FROM sandbox_charges c WHERE c.idempotency_key = o.idempotency_key
              AND c.status = 'captured')"
        )
        .await,
        0
    );
    // One confirmation per paid order, each delivered.
    assert_eq!(count("SELECT COUNT(*) FROM outbox").await, paid);
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await,
        0
    );
    // No carrier has heard of an order that staff have not shipped.
    assert_eq!(count("SELECT COUNT(*) FROM carrier_handoffs").await, 0);
    assert_eq!(count("SELECT COUNT(*) FROM sandbox_parcels").await, 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM disclosures WHERE purpose = 'delivery'").await,
        0
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM orders WHERE tracking_number IS NOT NULL").await,
        0
    );
    child.kill();
    db.close().await;
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        log.contains("DEBUG") || log.contains("INFO"),
        "the log was written"
    );
    for number in [DECLINED, NO_FUNDS, EXPIRED, "4242424242424242", GOOD_CARD] {
        assert!(
            !log.contains(number),
            "card number {number} in the server log"
        );
    }
}

mod a_killed_server_loses_no_order {
    use crate::helpers::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::a_killed_server_loses_no_order(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::a_killed_server_loses_no_order(Backend::Postgres).await;
    }
}

/// Saves a card from the account page through the processor's card page; returns the list.
pub async fn save_card(b: &Browser, number: &str) -> Value {
    let res = b.call("account/add-card", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: String = res.json().await.unwrap();
    let res = submit_card(b, &page, number, "12/35", "123").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.starts_with("/account/cards?card_entry="), "{back}");
    let path = format!("/api/account/cards{}", &back["/account/cards".len()..]);
    let res = b.get(&path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let first: Value = res.json().await.unwrap();
    // The page that came back may be rendered again: still one card.
    let again: Value = b.get(&path).await.json().await.unwrap();
    assert_eq!(first, again);
    again
}

async fn a_shopper_saves_a_card_and_pays_with_it(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    let b = app.new_browser();
    registered_shopper(&app, &b, "mei@example.com").await;
    let cards = save_card(&b, GOOD_CARD).await;
    assert_eq!(cards.as_array().unwrap().len(), 1);
    assert_eq!(cards[0]["card"]["last4"], "4242");
    let card_id = cards[0]["id"].as_i64().unwrap().to_string();
    // Visitors and other shoppers: nothing to see or use.
    assert_eq!(
        app.new_browser().get("/api/account/cards").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let other = app.new_browser();
    registered_shopper(&app, &other, "olu@example.com").await;
    let theirs: Value = other.get("/api/account/cards").await.json().await.unwrap();
    assert_eq!(theirs.as_array().unwrap().len(), 0);
    assert_eq!(
        other
            .call("account/remove-card", &[("id", &card_id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other
            .call("checkout/saved-card", &[("id", &card_id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Checkout with the saved card: no card page at all.
    b.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    let view = checkout(&b).await;
    assert_eq!(view["step"], "Delivery");
    assert_eq!(view["saved_cards"][0]["card"]["last4"], "4242");
    let carrier = view["quotes"][0]["carrier"]
        .as_str()
        .unwrap()
        .to_lowercase();
    b.call("checkout/delivery", &[("carrier", &carrier)]).await;
    let res = b.call("checkout/saved-card", &[("id", &card_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view = checkout(&b).await;
    assert_eq!(view["step"], "Review");
    let res = place(&b, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    // The card table holds no number, and the card can be removed.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM saved_cards WHERE last4 = '4242'"
        )
        .await,
        1
    );

    // Removed while a checkout is about to use it: the processor forgets it too, so the
    // charge is declined; the earlier charge stays, without the card.
    b.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    assert_eq!(checkout(&b).await["step"], "Delivery");
    let res = b.call("checkout/delivery", &[("carrier", &carrier)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = b.call("checkout/saved-card", &[("id", &card_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view = checkout(&b).await;
    assert_eq!(view["step"], "Review");
    let key = view["key"].as_str().unwrap().to_string();
    let res = b.call("account/remove-card", &[("id", &card_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM saved_cards").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_cards").await, 0);
    assert_eq!(place(&b, &key).await.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sandbox_charges WHERE status = 'captured'"
        )
        .await,
        1
    );
    assert_eq!(
        b.call("account/remove-card", &[("id", &card_id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
db_test!(a_shopper_saves_a_card_and_pays_with_it);

async fn a_guest_registers_and_finds_their_order(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    address_and_delivery(&app, Some("ana@example.com"), "DE").await;
    let view = enter_card(&app, GOOD_CARD).await;
    let placed: Value = place(&app, view["key"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    let id = placed["id"].as_i64().unwrap();
    let key = placed["path"]
        .as_str()
        .unwrap()
        .split("key=")
        .nth(1)
        .unwrap()
        .to_string();

    // The order page's "Create an account" fills the form from the order.
    let (status, html) = app
        .page(&format!("/account/register?order={id}&key={key}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"value="ana@example.com""#), "{html}");
    assert!(html.contains(r#"value="Torstraße 5""#));
    // Without the key, nothing of the order shows.
    let (_, html) = app
        .new_browser()
        .page(&format!("/account/register?order={id}"))
        .await;
    assert!(!html.contains("ana@example.com"));

    // Registering with the same address is not blocked, and once the address is verified
    // the order is the account's.
    let b = app.new_browser();
    registered_shopper(&app, &b, "ana@example.com").await;
    let history: Value = b.get("/api/orders/list").await.json().await.unwrap();
    assert_eq!(history[0]["id"], id);
    let order: Value = b
        .get(&format!("/api/orders/view?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["guest"], false);
    // Another account never gets it.
    let other = app.new_browser();
    registered_shopper(&app, &other, "olu@example.com").await;
    let res = other.get(&format!("/api/orders/view?id={id}")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(a_guest_registers_and_finds_their_order);

/// An order placed as a guest with an address an account has already confirmed joined the
/// account only at a confirmation that had passed: it was neither in the account's history
/// nor exported or erased with it. Now it is the account's once paid; the guest who placed
/// it still opens it.
async fn a_later_guest_order_joins_the_confirmed_account(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    let owner = app.new_browser();
    registered_shopper(&app, &owner, "ana@example.com").await;
    // Signed out, in another browser, with the account's address.
    let guest = app.new_browser();
    guest
        .call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "1")],
        )
        .await;
    address_and_delivery(&guest, Some("Ana@Example.com"), "DE").await;
    let view = enter_card(&guest, GOOD_CARD).await;
    let placed: Value = place(&guest, view["key"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    let id = placed["id"].as_i64().unwrap();
    // The account has it, in its history and its export.
    let history: Value = owner.get("/api/orders/list").await.json().await.unwrap();
    assert_eq!(history[0]["id"], id, "{history}");
    let export: Value = owner.get("/api/account/data").await.json().await.unwrap();
    assert!(
        export["orders"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["order"] == id),
        "{}",
        export["orders"]
    );
    // The guest's session and the signed link still open it.
    let res = guest.get(&format!("/api/orders/view?id={id}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let path = placed["path"].as_str().unwrap();
    assert!(path.contains("key="), "{path}");
    let (status, _) = app.new_browser().page(path).await;
    assert_eq!(status, StatusCode::OK);
    // Nobody else does.
    let res = app
        .new_browser()
        .get(&format!("/api/orders/view?id={id}"))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(a_later_guest_order_joins_the_confirmed_account);

/// Two lines of the same product (a wall and a loose line) draw on one stock: together they
/// may not take more than there is, though each alone fits.
async fn two_lines_of_one_product_share_its_stock(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 3).await;
    let res = app
        .call(
            "cart/add-wall",
            &[("product", PANEL), ("cols", "2"), ("rows", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    app.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "2")],
    )
    .await;
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let view = enter_card(&app, GOOD_CARD).await;
    let res = place(&app, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let error: Value = res.json().await.unwrap();
    assert_eq!(error["rule"], "sold_out");
    assert_eq!(stock_of(&app, panel).await, 3, "nothing taken");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sandbox_charges").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM orders").await, 0);

    // One unit fewer on the loose line: all three go.
    let cart: Value = app.get("/api/cart/view").await.json().await.unwrap();
    let loose = cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["group"].is_null())
        .unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    app.call("cart/update", &[("line", &loose), ("quantity", "1")])
        .await;
    let res = place(&app, checkout(&app).await["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(stock_of(&app, panel).await, 0);
}
db_test!(two_lines_of_one_product_share_its_stock);

/// Markup typed into the checkout address is text everywhere the order is shown: its page,
/// its invoice, the staff's view, and the confirmation (plain-text mail).
async fn markup_in_an_address_stays_text(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    let b = app.new_browser();
    b.call(
        "cart/add",
        &[("product", &panel.to_string()), ("quantity", "1")],
    )
    .await;
    let name = "<script>alert(1)</script>";
    let street = "\"><img src=x onerror=alert(2)>";
    let mut form = address("DE");
    form[0].1 = name.into();
    form[2].1 = street.into();
    form.push(("email", "x@example.com".into()));
    address_form_and_delivery(&b, form).await;
    let view = enter_card(&b, GOOD_CARD).await;
    let res = place(&b, view["key"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let placed: Value = res.json().await.unwrap();
    let path = placed["path"].as_str().unwrap().to_string();
    let id = placed["id"].as_i64().unwrap();
    let staff = crate::admin::staff(
        &app,
        "kai@lumenwall.example",
        app::domain::account::Role::Staff,
    )
    .await;
    let pages = [
        b.page(&path).await,
        b.page(&path.replacen('?', "/invoice?", 1)).await,
        staff.page(&format!("/admin/orders/{id}")).await,
    ];
    for (status, html) in pages {
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<script>alert"), "a script tag got through");
        assert!(!html.contains("<img src=x"), "an img tag got through");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "the name is shown as text"
        );
    }
    let mail = app.last_mail_to("x@example.com").await.unwrap();
    assert!(
        mail.body.contains(name),
        "plain-text mail keeps the name as typed"
    );
}
db_test!(markup_in_an_address_stays_text);
