//! The cart over HTTP, on both databases: guests and shoppers add, change and remove lines,
//! tier prices follow the quantity, stock caps every quantity, a wall goes in and out as one
//! group, sign-in joins the guest cart to the account's, and no visitor can touch another's
//! cart.

use crate::{
    accounts::{PASSWORD, registered_shopper, sign_in},
    db_test,
    helpers::{Browser, TestApp},
};
use reqwest::StatusCode;
use serde_json::Value;

const PANEL: &str = "tourline-r-p3-91";
const PANEL_PRICE: i64 = 72_000;
const PANEL_TIER_10: i64 = 67_600;

pub async fn product_id(app: &TestApp, slug: &str) -> i64 {
    let p: Value = app
        .get(&format!("/api/catalog/product?slug={slug}"))
        .await
        .json()
        .await
        .unwrap();
    p["card"]["id"].as_i64().expect("product id")
}

pub async fn set_stock(app: &TestApp, product: i64, stock: i64) {
    sqlx::query("UPDATE products SET stock = $1 WHERE id = $2")
        .bind(stock)
        .bind(product)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    app.state.changes.catch_up(&app.state.db).await.unwrap();
}

async fn cart(b: &Browser) -> Value {
    let res = b.get("/api/cart/view").await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn add(b: &Browser, product: i64, quantity: &str) -> reqwest::Response {
    b.call(
        "cart/add",
        &[("product", &product.to_string()), ("quantity", quantity)],
    )
    .await
}

fn lines(cart: &Value) -> &Vec<Value> {
    cart["lines"].as_array().expect("lines")
}

async fn cart_lines_in_db(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cart_lines")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n
}

async fn a_guest_fills_changes_and_empties_a_cart(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 40).await;
    assert_eq!(lines(&cart(&app).await).len(), 0);

    let res = add(&app, panel, "2").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().get("set-cookie").is_some(),
        "the first add starts the guest's session"
    );
    let res = add(&app, panel, "3").await;
    assert_eq!(res.status(), StatusCode::OK);
    let c = cart(&app).await;
    assert_eq!(lines(&c).len(), 1, "the same product adds up on one line");
    let line = &lines(&c)[0];
    assert_eq!(line["quantity"], 5);
    assert_eq!(line["price"]["unit"]["minor"], PANEL_PRICE);
    assert_eq!(line["price"]["total"]["minor"], 5 * PANEL_PRICE);
    assert!(line["price"]["saving"].is_null(), "no tier below 10 units");
    assert_eq!(c["summary"]["units"], 5);
    assert_eq!(c["summary"]["subtotal"]["minor"], 5 * PANEL_PRICE);

    // Ten units reach the next tier: its price, and what it saves.
    let id = line["id"].as_i64().unwrap().to_string();
    let res = app
        .call("cart/update", &[("line", &id), ("quantity", "10")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let summary: Value = app.get("/api/cart/summary").await.json().await.unwrap();
    assert_eq!(summary["units"], 10);
    assert_eq!(summary["subtotal"]["minor"], 10 * PANEL_TIER_10);
    let line = lines(&cart(&app).await)[0].clone();
    assert_eq!(line["price"]["unit"]["minor"], PANEL_TIER_10);
    assert_eq!(
        line["price"]["saving"]["minor"],
        10 * (PANEL_PRICE - PANEL_TIER_10)
    );

    // The header shows the count and subtotal on every page.
    let (_, html) = app.page("/catalog").await;
    assert!(html.contains(r#"class="cart-count">10<"#), "{html}");
    assert!(html.contains("$6,760.00"));

    let res = app.call("cart/remove", &[("line", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(lines(&cart(&app).await).len(), 0);
    let res = app.call("cart/remove", &[("line", &id)]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "already gone");

    add(&app, panel, "1").await;
    let res = app.call("cart/empty", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(cart(&app).await["summary"]["units"], 0);
    assert_eq!(cart_lines_in_db(&app).await, 0);
}
db_test!(a_guest_fills_changes_and_empties_a_cart);

async fn quantities_are_checked_and_capped_at_the_stock(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 3).await;
    assert_eq!(add(&app, panel, "2").await.status(), StatusCode::OK);

    // Beyond the stock: refused with what there is, and nothing changes.
    let res = add(&app, panel, "2").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "quantity");
    assert_eq!(body["fields"][0]["problem"], "not_enough_stock");
    assert_eq!(body["fields"][0]["available"], 3);
    assert_eq!(lines(&cart(&app).await)[0]["quantity"], 2);

    for bad in [
        "0",
        "-1",
        "1000000000000",
        "2.5",
        "lots",
        "",
        "99999999999999999999999",
    ] {
        let res = add(&app, panel, bad).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    }
    let res = add(&app, 999_999, "1").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "no such product");
    let res = app
        .call("cart/add", &[("product", "screen"), ("quantity", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = app.call("cart/add", &[("quantity", "1")]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let id = lines(&cart(&app).await)[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    for (bad, status) in [
        ("4", StatusCode::UNPROCESSABLE_ENTITY),
        ("0", StatusCode::UNPROCESSABLE_ENTITY),
        ("-5", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let res = app
            .call("cart/update", &[("line", &id), ("quantity", bad)])
            .await;
        assert_eq!(res.status(), status, "{bad}");
    }
    let c = cart(&app).await;
    assert_eq!(lines(&c)[0]["quantity"], 2, "nothing changed");
    assert_eq!(c["summary"]["subtotal"]["minor"], 2 * PANEL_PRICE);

    // Stock sold elsewhere: the line says so, and the cart is not ready for checkout.
    set_stock(&app, panel, 1).await;
    let line = lines(&cart(&app).await)[0].clone();
    assert_eq!(line["in_stock"], 1);
    let (_, html) = app.page("/cart").await;
    assert!(html.contains("Only 1 in stock now"), "{html}");
    let res = app
        .call("cart/update", &[("line", &id), ("quantity", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::OK, "lowered to what there is");
    let (_, html) = app.page("/cart").await;
    assert!(!html.contains("in stock now"));

    // A product taken off sale can no longer be added, and its line shows no stock.
    sqlx::query("UPDATE products SET status = 'archived' WHERE id = $1")
        .bind(panel)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(add(&app, panel, "1").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(lines(&cart(&app).await)[0]["in_stock"], 0);
}
db_test!(quantities_are_checked_and_capped_at_the_stock);

async fn no_visitor_can_touch_another_cart(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 50).await;
    add(&app, panel, "4").await;
    let id = lines(&cart(&app).await)[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let other = app.new_browser();
    assert_eq!(
        lines(&cart(&other).await).len(),
        0,
        "a new visitor's cart is empty"
    );
    let res = other
        .call("cart/update", &[("line", &id), ("quantity", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = other.call("cart/remove", &[("line", &id)]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // With a cart of its own, still only its own lines.
    add(&other, panel, "1").await;
    let res = other
        .call("cart/update", &[("line", &id), ("quantity", "1")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    other.call("cart/empty", &[]).await;

    let mine = lines(&cart(&app).await).clone();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["quantity"], 4, "untouched");

    // A shopper's cart is theirs alone too.
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    let res = shopper.call("cart/remove", &[("line", &id)]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(lines(&cart(&app).await).len(), 1);
}
db_test!(no_visitor_can_touch_another_cart);

async fn sign_in_joins_the_guest_cart_capped_at_the_stock(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    let other = product_id(&app, "tourline-r-p4-81").await;
    set_stock(&app, panel, 5).await;
    set_stock(&app, other, 10).await;

    // The shopper's account cart holds 2 panels.
    registered_shopper(&app, &app, "mei@example.com").await;
    add(&app, panel, "2").await;
    app.call("account/sign-out", &[]).await;
    assert_eq!(
        lines(&cart(&app).await).len(),
        0,
        "signed out: a guest again"
    );

    // As a guest, 4 more panels and another product.
    add(&app, panel, "4").await;
    add(&app, other, "1").await;
    let res = sign_in(&app, "mei@example.com", PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection());

    let c = cart(&app).await;
    let quantity_of = |id: i64| {
        lines(&c)
            .iter()
            .find(|l| l["product"]["id"] == id)
            .map(|l| l["quantity"].clone())
    };
    assert_eq!(quantity_of(panel), Some(5.into()), "2 + 4, capped at 5");
    assert_eq!(quantity_of(other), Some(1.into()));
    let (guest_lines,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM cart_lines WHERE guest_key IS NOT NULL")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(guest_lines, 0, "the guest cart is gone");

    // The account's cart follows the shopper to another browser.
    let laptop = app.new_browser();
    sign_in(&laptop, "mei@example.com", PASSWORD).await;
    assert_eq!(cart(&laptop).await["summary"]["units"], 6);
}
db_test!(sign_in_joins_the_guest_cart_capped_at_the_stock);

async fn a_wall_goes_in_and_out_as_one_group(app: TestApp) {
    let res = app
        .call(
            "cart/add-wall",
            &[("product", PANEL), ("cols", "4"), ("rows", "3")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let c = cart(&app).await;
    let wall = lines(&c);
    assert_eq!(wall.len(), 2, "cabinets and controller: {c}");
    assert_eq!(wall[0]["product"]["slug"], PANEL);
    assert_eq!(wall[0]["quantity"], 12);
    assert_eq!(wall[0]["price"]["unit"]["minor"], PANEL_TIER_10);
    assert_eq!(wall[0]["group"], wall[1]["group"]);
    assert_eq!(c["groups"][0]["cols"], 4);
    assert_eq!(c["groups"][0]["rows"], 3);
    let quote: Value = app
        .get(&format!(
            "/api/catalog/quote-wall?slug={PANEL}&request[Cabinets][cols]=4&request[Cabinets][rows]=3"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(c["summary"]["subtotal"], quote["total"], "priced as quoted");

    // A loose line of the same product stays when the wall goes.
    add(&app, product_id(&app, PANEL).await, "1").await;
    let group = c["groups"][0]["key"].as_str().unwrap().to_string();
    let res = app.call("cart/remove-group", &[("group", &group)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let c = cart(&app).await;
    assert_eq!(lines(&c).len(), 1);
    assert!(lines(&c)[0]["group"].is_null());

    let res = app.call("cart/remove-group", &[("group", &group)]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app.call("cart/remove-group", &[("group", "")]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "not the loose lines");
    assert_eq!(lines(&cart(&app).await).len(), 1);

    for (cols, rows) in [("0", "3"), ("1000", "3")] {
        let res = app
            .call(
                "cart/add-wall",
                &[("product", PANEL), ("cols", cols), ("rows", rows)],
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{cols}×{rows}"
        );
    }
    let res = app
        .call(
            "cart/add-wall",
            &[("product", PANEL), ("cols", "-1"), ("rows", "3")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = app
        .call(
            "cart/add-wall",
            &[("product", "no-such"), ("cols", "2"), ("rows", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(lines(&cart(&app).await).len(), 1, "nothing added");
}
db_test!(a_wall_goes_in_and_out_as_one_group);

async fn the_cart_works_without_javascript(app: TestApp) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 3).await;
    let page = format!("/products/{PANEL}");
    let res = app
        .post_plain(
            "cart/add",
            &page,
            &[("product", &panel.to_string()), ("quantity", "2")],
        )
        .await;
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()["location"], "/cart", "lands on the cart");
    let (_, html) = app.page("/cart").await;
    assert!(html.contains("Tourline R P3.91"), "{html}");
    assert!(html.contains("$1,440.00"));

    // A quantity beyond the stock: back to the cart, the error on that line only, what was
    // typed kept.
    let id = lines(&cart(&app).await)[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    add(&app, product_id(&app, "tourline-r-p4-81").await, "1").await;
    let res = app
        .post_plain("cart/update", "/cart", &[("line", &id), ("quantity", "7")])
        .await;
    assert!(res.status().is_redirection());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let (_, html) = app.page(&location).await;
    assert_eq!(html.matches("Only 3 in stock.").count(), 1, "{html}");
    assert!(html.contains(r#"value="7""#));
    assert_eq!(lines(&cart(&app).await)[0]["quantity"], 2);

    // Emptying asks first.
    let (_, html) = app.page("/cart?confirm=empty").await;
    assert!(html.contains("Remove everything from your cart?"));
    let res = app
        .post_plain("cart/empty", "/cart?confirm=empty", &[])
        .await;
    assert!(res.status().is_redirection());
    let (_, html) = app.page("/cart").await;
    assert!(html.contains("Your cart is empty."));
}
db_test!(the_cart_works_without_javascript);

/// Each line of a wall had its own Update and Remove, so the wall in the cart could drift
/// from the one planned. A wall's lines change only with the wall; the page shows the
/// wall's subtotal instead.
async fn a_walls_lines_change_only_with_the_wall(app: TestApp) {
    let res = app
        .call(
            "cart/add-wall",
            &[("product", PANEL), ("cols", "4"), ("rows", "3")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let before = cart(&app).await;
    let line = lines(&before)[0]["id"].to_string();
    let res = app
        .call("cart/update", &[("line", &line), ("quantity", "2")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("part_of_a_wall"));
    let res = app.call("cart/remove", &[("line", &line)]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let c = cart(&app).await;
    assert_eq!(lines(&c).len(), 2);
    assert_eq!(lines(&c)[0]["quantity"], 12, "the wall is as planned");
    // The page: one remove for the wall, its subtotal, no per-line controls inside it.
    let (_, html) = app.page("/cart").await;
    let group = html.split(r#"class="cart-group""#).nth(1).unwrap();
    assert!(group.contains(r#"data-testid="wall-subtotal""#));
    assert!(
        !group.contains(r#"name="quantity""#),
        "a wall line's quantity form"
    );
    assert!(!group.contains("cart-line-remove"), "a wall line's remove");
}
db_test!(a_walls_lines_change_only_with_the_wall);
