//! The fraud check at checkout, on both databases: too many failed payments with one card
//! (counted by the processor's fingerprint across card entries), one account or from one
//! client address hold the next order instead of charging it; staff release it (charged
//! once) or cancel it (stock back, nothing charged); the recovery job leaves it alone.

use crate::{
    accounts::registered_shopper,
    admin::staff,
    cart::{product_id, set_stock},
    checkout::{
        DECLINED, GOOD_CARD, NO_FUNDS, PANEL, address_and_delivery, checkout, count, enter_card,
        place, stock_of,
    },
    db_test,
    helpers::{Browser, TestApp},
};
use app::domain::account::Role;
use reqwest::StatusCode;
use serde_json::Value;

/// Pays the cart of `b` with `card`: the response of "Place the order".
async fn pay(b: &Browser, card: &str) -> reqwest::Response {
    let view = enter_card(b, card).await;
    place(b, view["key"].as_str().unwrap()).await
}

async fn add_panels(b: &Browser, panel: i64, quantity: &str) {
    let res = b
        .call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", quantity)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn order(b: &Browser, id: i64) -> Value {
    let res = b.get(&format!("/api/orders/view?id={id}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn captured(app: &TestApp) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM sandbox_charges WHERE status = 'captured'",
    )
    .await
}

async fn held_after_failures_on_one_account_and_released_by_staff(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    add_panels(&shopper, panel, "2").await;
    // Three different cards fail: only the account has three failures.
    address_and_delivery(&shopper, None, "DE").await;
    for card in [DECLINED, NO_FUNDS, "4000000000000069"] {
        assert_eq!(
            pay(&shopper, card).await.status(),
            StatusCode::PAYMENT_REQUIRED
        );
    }
    let res = pay(&shopper, GOOD_CARD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let placed: Value = res.json().await.unwrap();
    let id = placed["id"].as_i64().unwrap();

    // Held: its stock taken, nothing charged, out of the cart, the shopper told.
    let held = order(&shopper, id).await;
    assert_eq!(held["status"], "Held", "{held}");
    assert_eq!(held["timeline"][0]["detail"], "account");
    assert_eq!(stock_of(&app, panel).await, 8);
    assert_eq!(captured(&app).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM cart_lines").await, 0);
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert_eq!(mail.kind, "order_held");
    assert!(
        mail.body.contains("Nothing has been charged yet"),
        "{}",
        mail.body
    );
    assert_eq!(
        checkout(&shopper).await["step"],
        "Delivery",
        "checkout closed"
    );
    // The held order keeps its card's token until staff decide; the shopper's view and
    // export never show it.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM orders WHERE held_card_token LIKE 'tok_%'"
        )
        .await,
        1
    );
    assert!(!held.to_string().contains("tok_"));

    // The recovery job settles only orders awaiting payment, never a held one.
    let settled = app::backend::orders::settling::recover_stale(&app.state, -60)
        .await
        .unwrap();
    assert_eq!(settled, 0);
    assert_eq!(order(&shopper, id).await["status"], "Held");

    // A new cart meanwhile is not the held order's.
    add_panels(&shopper, panel, "3").await;

    // Shoppers cannot release their own order.
    let form = [("id", id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = shopper.call("admin/order-release", &form).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(captured(&app).await, 0);

    let staff = staff(&app, "kai@lumenwall.example", Role::Staff).await;
    let list: Value = staff
        .get("/api/admin/orders?status=held&query=&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let res = staff.call("admin/order-release", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = staff.call("admin/order-release", &form).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "released once");
    let res = staff.call("admin/order-cancel-held", &form).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "no longer held");

    let paid = order(&shopper, id).await;
    assert_eq!(paid["status"], "Paid");
    assert!(paid["invoice"].is_string(), "{paid}");
    assert_eq!(captured(&app).await, 1, "charged once");
    assert_eq!(stock_of(&app, panel).await, 8);
    assert_eq!(
        count(&app, "SELECT quantity FROM cart_lines").await,
        3,
        "the new cart is left alone"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM orders WHERE held_card_token IS NOT NULL"
        )
        .await,
        0,
        "the token is forgotten"
    );
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert_eq!(mail.kind, "order_placed");
    // The staff view names who released it.
    let seen: Value = staff
        .get(&format!("/api/admin/order?id={id}"))
        .await
        .json()
        .await
        .unwrap();
    let release = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["detail"] == "released")
        .expect("the release is on the timeline")
        .clone();
    assert_eq!(release["by"], "Sam Staff");
}
db_test!(held_after_failures_on_one_account_and_released_by_staff);

async fn a_cancelled_hold_charges_nothing_and_gives_the_stock_back(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 10).await;
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    add_panels(&shopper, panel, "3").await;
    address_and_delivery(&shopper, None, "DE").await;
    assert_eq!(
        pay(&shopper, DECLINED).await.status(),
        StatusCode::PAYMENT_REQUIRED
    );
    let placed: Value = pay(&shopper, GOOD_CARD).await.json().await.unwrap();
    let id = placed["id"].as_i64().unwrap();
    assert_eq!(order(&shopper, id).await["status"], "Held");
    assert_eq!(stock_of(&app, panel).await, 7);

    let staff = staff(&app, "kai@lumenwall.example", Role::Staff).await;
    let form = [("id", id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = staff.call("admin/order-cancel-held", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = staff.call("admin/order-release", &form).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "a cancelled hold is not charged"
    );

    let cancelled = order(&shopper, id).await;
    assert_eq!(cancelled["status"], "Cancelled");
    assert!(cancelled["invoice"].is_null());
    assert_eq!(stock_of(&app, panel).await, 10, "the stock is back");
    assert_eq!(captured(&app).await, 0);
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert_eq!(mail.kind, "order_cancelled");
    assert!(mail.body.contains("Nothing was charged"), "{}", mail.body);
}
db_test!(
    a_cancelled_hold_charges_nothing_and_gives_the_stock_back,
    [("SHOP_FAILED_PAYMENTS_PER_ACCOUNT", "1")]
);

/// Guests in separate sessions: the card is known by its fingerprint across entries, and
/// the client address by its count; a released card that fails ends the order.
async fn cards_and_client_addresses_are_counted_across_sessions(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 20).await;
    let guest = |n: u32| {
        let b = app.new_browser();
        async move {
            add_panels(&b, panel, "1").await;
            address_and_delivery(&b, Some(&format!("guest{n}@example.com")), "FR").await;
            b
        }
    };
    // Two failures with the declined card (new tokens each time): the card's limit.
    let a = guest(1).await;
    for _ in 0..2 {
        assert_eq!(
            pay(&a, DECLINED).await.status(),
            StatusCode::PAYMENT_REQUIRED
        );
    }
    let b = guest(2).await;
    let held: Value = pay(&b, DECLINED).await.json().await.unwrap();
    let held_id = held["id"].as_i64().unwrap();
    assert_eq!(order(&b, held_id).await["timeline"][0]["detail"], "card");
    // Another card from the same address is charged: the address has had two failures.
    let c = guest(3).await;
    let paid: Value = pay(&c, GOOD_CARD).await.json().await.unwrap();
    assert_eq!(
        order(&c, paid["id"].as_i64().unwrap()).await["status"],
        "Paid"
    );
    // A third failure from the address reaches its limit.
    let d = guest(4).await;
    assert_eq!(
        pay(&d, NO_FUNDS).await.status(),
        StatusCode::PAYMENT_REQUIRED
    );
    let e = guest(5).await;
    let held_e: Value = pay(&e, GOOD_CARD).await.json().await.unwrap();
    let e_order = order(&e, held_e["id"].as_i64().unwrap()).await;
    assert_eq!(e_order["status"], "Held");
    assert_eq!(e_order["timeline"][0]["detail"], "client");

    // Released, the declined card is refused: the order ends "payment failed", its stock
    // back, nothing charged; staff still see it.
    let stock = stock_of(&app, panel).await;
    let staff = staff(&app, "kai@lumenwall.example", Role::Staff).await;
    let res = staff
        .call("admin/order-release", &[("id", &held_id.to_string())])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: Value = staff
        .get(&format!("/api/admin/order?id={held_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["status"], "PaymentFailed");
    assert_eq!(stock_of(&app, panel).await, stock + 1);
    assert_eq!(captured(&app).await, 1, "only guest 3's order");
    let mail = app.last_mail_to("guest2@example.com").await.unwrap();
    assert_eq!(mail.kind, "order_cancelled");
    assert!(mail.body.contains("Nothing was charged"), "{}", mail.body);
    assert!(mail.body.contains("/contact"), "{}", mail.body);
}
db_test!(
    cards_and_client_addresses_are_counted_across_sessions,
    [
        ("SHOP_FAILED_PAYMENTS_PER_CARD", "2"),
        ("SHOP_FAILED_PAYMENTS_PER_CLIENT", "3")
    ]
);
