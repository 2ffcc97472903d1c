//! The Stripe gateway, on both databases, against a Stripe-shaped server in the test: it
//! answers the endpoints the shop calls with the request and answer shapes of Stripe's API
//! reference (form-encoded requests, JSON objects, `{"error": …}` answers, idempotency
//! keys; a call without the secret key or the pinned `Stripe-Version` is refused), stands in for the shopper entering a card on Stripe's Checkout page, and sends
//! signed webhook events: good, forged, replayed, stale and out of order.

use crate::{
    accounts::{PASSWORD, registered_shopper},
    cart::{product_id, set_stock},
    checkout::{PANEL, address_and_delivery, checkout, count, place, stock_of},
    helpers::{Backend, Browser, TestApp, spawn_with_env},
};
use app::backend::now;
use axum::{
    Form, Json, Router,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode as AxumStatus},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

const SECRET_KEY: &str = "sk_test_shop";
const WEBHOOK_SECRET: &str = "whsec_test_shop";

/// A card as the shopper enters it on Stripe's page (Stripe's test cards' behaviour).
#[derive(Clone, Copy)]
pub struct TestCard {
    brand: &'static str,
    last4: &'static str,
    /// Stripe's card fingerprint: the same for every entry of one number.
    fingerprint: &'static str,
    /// `(code, decline_code)` when a charge on it is declined.
    declines: Option<(&'static str, &'static str)>,
}

pub const VISA: TestCard = TestCard {
    brand: "visa",
    last4: "4242",
    fingerprint: "fpVisa4242",
    declines: None,
};
pub const NO_FUNDS: TestCard = TestCard {
    brand: "visa",
    last4: "9995",
    fingerprint: "fpVisa9995",
    declines: Some(("card_declined", "insufficient_funds")),
};

#[derive(Clone)]
struct Method {
    customer: Option<String>,
    card: TestCard,
}

#[derive(Clone)]
struct Session {
    customer: String,
    client_reference_id: String,
    success_url: String,
    payment_method: Option<String>,
}

/// A call the shop made: method, path, its `Idempotency-Key` and its form.
#[derive(Clone, Debug)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub idempotency_key: Option<String>,
    pub form: HashMap<String, String>,
}

#[derive(Default)]
struct Books {
    next: u64,
    customers: Vec<String>,
    sessions: HashMap<String, Session>,
    methods: HashMap<String, Method>,
    intents: HashMap<String, Value>,
    refunded: Vec<String>,
    /// Answers already given, by idempotency key (Stripe replays them).
    answers: HashMap<String, (u16, Value)>,
    calls: Vec<Call>,
    /// The next PaymentIntent is made but its answer is lost (a 500, as when the connection
    /// breaks after Stripe charged).
    lose_next_answer: bool,
    /// Search finds nothing yet (Stripe's search lags behind by up to a minute).
    search_lags: bool,
}

impl Books {
    fn id(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}_{:024}", self.next)
    }
}

/// The Stripe-shaped server.
#[derive(Clone)]
pub struct FakeStripe {
    pub base: String,
    books: Arc<Mutex<Books>>,
}

fn error(status: u16, kind: &str, code: &str, extra: Value) -> (u16, Value) {
    let mut error = json!({ "type": kind, "code": code, "message": code });
    if let (Some(error), Some(extra)) = (error.as_object_mut(), extra.as_object()) {
        error.extend(extra.clone());
    }
    (status, json!({ "error": error }))
}

/// Stripe's answer for an id it does not know.
fn missing() -> (u16, Value) {
    error(404, "invalid_request_error", "resource_missing", json!({}))
}

/// Stripe's answer for a request it refuses with `code`.
fn invalid(code: &str) -> (u16, Value) {
    error(400, "invalid_request_error", code, json!({}))
}

fn answer((status, body): (u16, Value)) -> Response {
    (AxumStatus::from_u16(status).expect("a status"), Json(body)).into_response()
}

fn payment_method_object(id: &str, method: &Method) -> Value {
    json!({
        "id": id,
        "object": "payment_method",
        "type": "card",
        "customer": method.customer,
        "card": {
            "brand": method.card.brand,
            "last4": method.card.last4,
            "exp_month": 12,
            "exp_year": 2035,
            "fingerprint": method.card.fingerprint,
        },
    })
}

impl FakeStripe {
    pub async fn start() -> FakeStripe {
        let books = Arc::new(Mutex::new(Books::default()));
        let router = Router::new()
            .route("/v1/customers", post(customer))
            .route("/v1/customers/{id}", axum::routing::delete(delete_customer))
            .route("/v1/checkout/sessions", post(new_session))
            .route("/v1/checkout/sessions/{id}", get(show_session))
            .route("/v1/payment_methods/{id}", get(show_method))
            .route("/v1/payment_intents", post(new_intent))
            .route("/v1/payment_intents/search", get(search_intents))
            .route("/v1/payment_intents/{id}", get(show_intent))
            .route("/v1/refunds", post(refund))
            .with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, router).await });
        FakeStripe { base, books }
    }

    /// The settings that point a shop at this server.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SHOP_PAYMENT_GATEWAY", "stripe".into()),
            ("SHOP_STRIPE_SECRET_KEY", SECRET_KEY.into()),
            ("SHOP_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET.into()),
            ("SHOP_STRIPE_API_BASE", self.base.clone()),
        ]
    }

    pub fn calls(&self, method: &str, path: &str) -> Vec<Call> {
        let books = self.books.lock().unwrap();
        books
            .calls
            .iter()
            .filter(|c| c.method == method && c.path == path)
            .cloned()
            .collect()
    }

    /// The shopper enters `card` on the session's page: returns where Stripe sends the
    /// browser back (the session's success URL).
    pub fn enter_card(&self, page: &str, card: TestCard) -> String {
        let id = page.rsplit('/').next().unwrap().to_string();
        let mut books = self.books.lock().unwrap();
        let method = books.id("pm");
        let customer = books.sessions[&id].customer.clone();
        books.methods.insert(
            method.clone(),
            Method {
                customer: Some(customer),
                card,
            },
        );
        let session = books.sessions.get_mut(&id).expect("an open session");
        session.payment_method = Some(method);
        session.success_url.clone()
    }

    pub fn search_lags(&self) {
        self.books.lock().unwrap().search_lags = true;
    }

    pub fn lose_next_answer(&self) {
        self.books.lock().unwrap().lose_next_answer = true;
    }

    /// The PaymentIntent made with the shop's key.
    pub fn intent_of_key(&self, key: &str) -> Value {
        let books = self.books.lock().unwrap();
        books
            .intents
            .values()
            .find(|i| i["metadata"]["shop_key"] == key)
            .cloned()
            .expect("an intent with the key")
    }

    pub fn method_customer(&self, id: &str) -> Option<String> {
        self.books.lock().unwrap().methods[id].customer.clone()
    }

    /// Refunds at Stripe, as staff would in its dashboard.
    pub fn refund_in_dashboard(&self, intent: &str) {
        self.books.lock().unwrap().refunded.push(intent.to_string());
    }
}

fn authorised(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|h| h.to_str().ok())
        == Some(&format!("Bearer {SECRET_KEY}"))
}

/// Records the call; answers 401 without the key, and replays an answer given before for
/// the same idempotency key.
fn begin(
    books: &mut Books,
    headers: &HeaderMap,
    method: &str,
    path: &str,
    form: &HashMap<String, String>,
) -> Result<Option<String>, (u16, Value)> {
    let key = headers
        .get("idempotency-key")
        .and_then(|h| h.to_str().ok())
        .map(str::to_string);
    books.calls.push(Call {
        method: method.into(),
        path: path.into(),
        idempotency_key: key.clone(),
        form: form.clone(),
    });
    if !authorised(headers)
        || headers.get("stripe-version").and_then(|h| h.to_str().ok())
            != Some(app::backend::outside::stripe::API_VERSION)
    {
        return Err(error(
            401,
            "invalid_request_error",
            "api_key_invalid",
            json!({}),
        ));
    }
    if let Some(key) = &key
        && let Some(given) = books.answers.get(key)
    {
        return Err(given.clone());
    }
    Ok(key)
}

fn finish(books: &mut Books, key: Option<String>, given: (u16, Value)) -> Response {
    if let Some(key) = key {
        books.answers.insert(key, given.clone());
    }
    answer(given)
}

type SharedBooks = State<Arc<Mutex<Books>>>;

async fn customer(
    State(books): SharedBooks,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut books = books.lock().unwrap();
    let key = match begin(&mut books, &headers, "POST", "/v1/customers", &form) {
        Ok(key) => key,
        Err(given) => return answer(given),
    };
    let id = books.id("cus");
    books.customers.push(id.clone());
    finish(
        &mut books,
        key,
        (200, json!({ "id": id, "object": "customer" })),
    )
}

async fn new_session(
    State(books): SharedBooks,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut books = books.lock().unwrap();
    let key = match begin(&mut books, &headers, "POST", "/v1/checkout/sessions", &form) {
        Ok(key) => key,
        Err(given) => return answer(given),
    };
    let customer = form.get("customer").cloned().unwrap_or_default();
    if form.get("mode").map(String::as_str) != Some("setup") || !books.customers.contains(&customer)
    {
        return answer(invalid("parameter_invalid"));
    }
    let id = books.id("cs_test");
    let session = Session {
        customer: customer.clone(),
        client_reference_id: form["client_reference_id"].clone(),
        success_url: form["success_url"].clone(),
        payment_method: None,
    };
    books.sessions.insert(id.clone(), session);
    let object = json!({
        "id": id,
        "object": "checkout.session",
        "mode": "setup",
        "status": "open",
        "customer": customer,
        "client_reference_id": form["client_reference_id"],
        "url": format!("https://checkout.stripe.com/c/pay/{id}"),
        "setup_intent": null,
    });
    finish(&mut books, key, (200, object))
}

async fn show_session(
    State(books): SharedBooks,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let mut books = books.lock().unwrap();
    let form: HashMap<String, String> = query.iter().cloned().collect();
    let path = format!("/v1/checkout/sessions/{id}");
    if let Err(given) = begin(&mut books, &headers, "GET", &path, &form) {
        return answer(given);
    }
    let Some(session) = books.sessions.get(&id).cloned() else {
        return answer(missing());
    };
    let expanded = query
        .iter()
        .any(|(k, v)| k == "expand[]" && v == "setup_intent.payment_method");
    let setup_intent = session.payment_method.as_ref().map(|pm| {
        let method = match expanded {
            true => payment_method_object(pm, &books.methods[pm]),
            false => json!(pm),
        };
        json!({ "id": format!("seti_{}", &id[8..]), "object": "setup_intent", "payment_method": method })
    });
    answer((
        200,
        json!({
            "id": id,
            "object": "checkout.session",
            "mode": "setup",
            "status": if session.payment_method.is_some() { "complete" } else { "open" },
            "customer": session.customer,
            "client_reference_id": session.client_reference_id,
            "url": null,
            "setup_intent": setup_intent,
        }),
    ))
}

async fn show_method(
    State(books): SharedBooks,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut books = books.lock().unwrap();
    let path = format!("/v1/payment_methods/{id}");
    if let Err(given) = begin(&mut books, &headers, "GET", &path, &HashMap::new()) {
        return answer(given);
    }
    match books.methods.get(&id) {
        Some(method) => answer((200, payment_method_object(&id, method))),
        None => answer(missing()),
    }
}

async fn delete_customer(
    State(books): SharedBooks,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut books = books.lock().unwrap();
    let path = format!("/v1/customers/{id}");
    if let Err(given) = begin(&mut books, &headers, "DELETE", &path, &HashMap::new()) {
        return answer(given);
    }
    let Some(at) = books.customers.iter().position(|c| *c == id) else {
        return answer(missing());
    };
    books.customers.remove(at);
    // Its payment methods are detached with it.
    for method in books.methods.values_mut() {
        if method.customer.as_deref() == Some(id.as_str()) {
            method.customer = None;
        }
    }
    answer((
        200,
        json!({ "id": id, "object": "customer", "deleted": true }),
    ))
}

async fn new_intent(
    State(books): SharedBooks,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut books = books.lock().unwrap();
    let key = match begin(&mut books, &headers, "POST", "/v1/payment_intents", &form) {
        Ok(key) => key,
        Err(given) => return answer(given),
    };
    // Stripe's rule: confirming with automatic payment methods (the default) needs a
    // return_url for those that redirect; cards only do not.
    if form.get("confirm").map(String::as_str) == Some("true")
        && form.get("payment_method_types[0]").map(String::as_str) != Some("card")
        && !form.contains_key("return_url")
    {
        return finish(
            &mut books,
            key,
            error(
                400,
                "invalid_request_error",
                "parameter_missing",
                json!({ "param": "return_url" }),
            ),
        );
    }
    let pm = form.get("payment_method").cloned().unwrap_or_default();
    let Some(method) = books.methods.get(&pm).cloned() else {
        return finish(&mut books, key, invalid("resource_missing"));
    };
    if method.customer.is_none() || method.customer != form.get("customer").cloned() {
        return finish(&mut books, key, invalid("payment_method_unexpected_state"));
    }
    let id = books.id("pi");
    let charge = books.id("ch");
    let mut intent = json!({
        "id": id,
        "object": "payment_intent",
        "amount": form["amount"].parse::<i64>().unwrap(),
        "currency": form["currency"],
        "customer": form["customer"],
        "payment_method": pm,
        "metadata": { "shop_key": form.get("metadata[shop_key]") },
        "latest_charge": charge,
        "status": "succeeded",
        "last_payment_error": null,
    });
    let given = match method.card.declines {
        None => (200, intent.clone()),
        Some((code, decline_code)) => {
            intent["status"] = json!("requires_payment_method");
            intent["last_payment_error"] =
                json!({ "type": "card_error", "code": code, "decline_code": decline_code });
            error(
                402,
                "card_error",
                code,
                json!({ "decline_code": decline_code, "payment_intent": intent.clone() }),
            )
        }
    };
    books.intents.insert(id, intent);
    if std::mem::take(&mut books.lose_next_answer) {
        // Stripe keeps whatever it answered under the key, a 500 too.
        return finish(
            &mut books,
            key,
            (500, json!({ "error": { "type": "api_error" } })),
        );
    }
    finish(&mut books, key, given)
}

async fn show_intent(
    State(books): SharedBooks,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut books = books.lock().unwrap();
    let path = format!("/v1/payment_intents/{id}");
    if let Err(given) = begin(&mut books, &headers, "GET", &path, &HashMap::new()) {
        return answer(given);
    }
    match books.intents.get(&id) {
        Some(intent) => answer((200, intent.clone())),
        None => answer(missing()),
    }
}

async fn search_intents(
    State(books): SharedBooks,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut books = books.lock().unwrap();
    if let Err(given) = begin(
        &mut books,
        &headers,
        "GET",
        "/v1/payment_intents/search",
        &query,
    ) {
        return answer(given);
    }
    let wanted = query["query"]
        .strip_prefix("metadata['shop_key']:'")
        .and_then(|rest| rest.strip_suffix('\''))
        .map(str::to_string);
    let data: Vec<Value> = books
        .intents
        .values()
        .filter(|i| {
            !books.search_lags
                && wanted.is_some()
                && i["metadata"]["shop_key"].as_str() == wanted.as_deref()
        })
        .cloned()
        .collect();
    answer((
        200,
        json!({ "object": "search_result", "data": data, "has_more": false }),
    ))
}

async fn refund(
    State(books): SharedBooks,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut books = books.lock().unwrap();
    let key = match begin(&mut books, &headers, "POST", "/v1/refunds", &form) {
        Ok(key) => key,
        Err(given) => return answer(given),
    };
    let intent = form.get("payment_intent").cloned().unwrap_or_default();
    if !books.intents.contains_key(&intent) {
        return finish(&mut books, key, missing());
    }
    if books.refunded.contains(&intent) {
        return finish(&mut books, key, invalid("charge_already_refunded"));
    }
    books.refunded.push(intent.clone());
    let id = books.id("re");
    finish(
        &mut books,
        key,
        (
            200,
            json!({ "id": id, "object": "refund", "status": "succeeded", "payment_intent": intent }),
        ),
    )
}

/// A Stripe event object.
pub fn event(id: &str, kind: &str, object: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "id": id,
        "object": "event",
        "type": kind,
        "api_version": "2024-06-20",
        "created": now(),
        "data": { "object": object },
    }))
    .unwrap()
}

/// Delivers a webhook body with the given signature header.
pub async fn deliver(app: &TestApp, body: &[u8], signature: &str) -> StatusCode {
    app.client
        .post(app.url("/webhooks/stripe"))
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(body.to_vec())
        .send()
        .await
        .unwrap()
        .status()
}

/// Delivers a webhook body signed as Stripe signs it now.
pub async fn deliver_signed(app: &TestApp, body: &[u8]) -> StatusCode {
    let signature = app::backend::outside::stripe::webhook::sign(WEBHOOK_SECRET, body, now());
    deliver(app, body, &signature).await
}

/// Runs a test on both databases with a shop pointed at a fresh Stripe-shaped server.
macro_rules! stripe_test {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                run(Backend::Sqlite, |app, stripe| {
                    Box::pin(super::$name(app, stripe))
                })
                .await;
            }

            #[tokio::test]
            async fn postgres() {
                run(Backend::Postgres, |app, stripe| {
                    Box::pin(super::$name(app, stripe))
                })
                .await;
            }
        }
    };
}

type Test =
    fn(TestApp, FakeStripe) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

async fn run(backend: Backend, test: Test) {
    let stripe = FakeStripe::start().await;
    let settings = stripe.settings();
    let pairs: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Some(app) = spawn_with_env(backend, &pairs).await {
        test(app, stripe).await;
    }
}

/// The shopper chooses "pay by card": the shop sends them to Stripe's page, they enter
/// `card`, Stripe sends them back. Returns the checkout's view after the return.
async fn pay_on_stripes_page(b: &Browser, stripe: &FakeStripe, card: TestCard) -> Value {
    let res = b.call("checkout/card", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: String = res.json().await.unwrap();
    assert!(
        page.starts_with("https://checkout.stripe.com/c/pay/cs_test_"),
        "{page}"
    );
    let back = stripe.enter_card(&page, card);
    let query = back
        .split_once('?')
        .expect("the entry in the return address")
        .1;
    assert!(query.starts_with("card_entry="), "{back}");
    let view: Value = b
        .get(&format!("/api/checkout/view?{query}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["step"], "Review", "{view}");
    view
}

async fn one_panel_in_the_cart(app: &TestApp, b: &Browser) -> i64 {
    let panel = product_id(app, PANEL).await;
    let res = b
        .call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    panel
}

async fn order_status(app: &TestApp, key: &str) -> String {
    sqlx::query_scalar("SELECT status FROM orders WHERE idempotency_key = $1")
        .bind(key)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

async fn a_guest_pays_on_stripes_page_and_a_cancel_refunds_it(app: TestApp, stripe: FakeStripe) {
    let panel = one_panel_in_the_cart(&app, &app).await;
    set_stock(&app, panel, 5).await;
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let view = pay_on_stripes_page(&app, &stripe, VISA).await;
    assert_eq!(view["card"]["last4"], "4242");
    assert_eq!(view["card"]["brand"], "Visa");

    // The Checkout Session: setup mode, for a customer the shop made, coming back with the
    // shop's own entry; no email or name went to Stripe.
    let session = &stripe.calls("POST", "/v1/checkout/sessions")[0];
    assert_eq!(session.form["mode"], "setup");
    assert!(session.form["success_url"].contains("/checkout?card_entry="));
    assert!(session.idempotency_key.is_some());
    let customer = &stripe.calls("POST", "/v1/customers")[0];
    assert!(
        !customer.form.values().any(|v| v.contains('@')),
        "{customer:?}"
    );

    let key = view["key"].as_str().unwrap().to_string();
    let total = view["totals"]["total"]["minor"].as_i64().unwrap();
    let res = place(&app, &key).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );

    // Charged exactly what the review showed, once, with the shop's key as Stripe's.
    let charges = stripe.calls("POST", "/v1/payment_intents");
    assert_eq!(charges.len(), 1);
    let charge = &charges[0];
    assert_eq!(charge.idempotency_key.as_deref(), Some(key.as_str()));
    assert_eq!(charge.form["amount"], total.to_string());
    let currency = view["totals"]["total"]["currency"].as_str().unwrap();
    assert_eq!(charge.form["currency"], currency.to_ascii_lowercase());
    assert_eq!(charge.form["off_session"], "true");
    assert_eq!(charge.form["metadata[shop_key]"], key);
    let intent = stripe.intent_of_key(&key);
    let intent_id = intent["id"].as_str().unwrap();
    assert_eq!(order_status(&app, &key).await, "paid");
    let payment_ref: String =
        sqlx::query_scalar("SELECT payment_ref FROM orders WHERE idempotency_key = $1")
            .bind(&key)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(payment_ref, intent_id);
    assert_eq!(stock_of(&app, panel).await, 4);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM cart_lines").await, 0);
    // The card was for this order only: its customer is deleted at Stripe.
    let card = charge.form["payment_method"].clone();
    assert_eq!(stripe.method_customer(&card), None);
    assert_eq!(
        stripe
            .calls(
                "DELETE",
                &format!("/v1/customers/{}", charge.form["customer"])
            )
            .len(),
        1
    );

    // The ledger names Stripe as the recipient of the payment.
    let recipient: String =
        sqlx::query_scalar("SELECT recipient FROM disclosures WHERE purpose = 'payment'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert!(recipient.starts_with("Stripe"), "{recipient}");

    // The buyer cancels: Stripe refunds the PaymentIntent, once.
    let id: i64 = sqlx::query_scalar("SELECT id FROM orders WHERE idempotency_key = $1")
        .bind(&key)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let res = app.call("orders/cancel", &[("id", &id.to_string())]).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let refunds = stripe.calls("POST", "/v1/refunds");
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].form["payment_intent"], intent_id);
    assert_eq!(order_status(&app, &key).await, "refunded");
    assert_eq!(stock_of(&app, panel).await, 5);

    // Stripe's own event for that refund changes nothing more.
    let mails = app.mails_to("guest@example.com").await.len();
    let refunded =
        json!({ "id": "ch_1", "object": "charge", "payment_intent": intent_id, "refunded": true });
    let body = event("evt_refund_1", "charge.refunded", refunded);
    assert_eq!(deliver_signed(&app, &body).await, StatusCode::OK);
    assert_eq!(order_status(&app, &key).await, "refunded");
    assert_eq!(app.mails_to("guest@example.com").await.len(), mails);
    assert_eq!(stock_of(&app, panel).await, 5);
}
stripe_test!(a_guest_pays_on_stripes_page_and_a_cancel_refunds_it);

async fn a_card_stripe_declines_charges_nothing(app: TestApp, stripe: FakeStripe) {
    let panel = one_panel_in_the_cart(&app, &app).await;
    set_stock(&app, panel, 5).await;
    address_and_delivery(&app, Some("guest@example.com"), "DE").await;
    let view = pay_on_stripes_page(&app, &stripe, NO_FUNDS).await;
    let key = view["key"].as_str().unwrap().to_string();
    let res = place(&app, &key).await;
    assert_eq!(res.status(), StatusCode::PAYMENT_REQUIRED);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["decline"], "insufficient_funds", "{body}");
    assert_eq!(order_status(&app, &key).await, "payment_failed");
    assert_eq!(stock_of(&app, panel).await, 5);
    // A retried submit gets the same answer without a second charge.
    assert_eq!(
        place(&app, &key).await.status(),
        StatusCode::PAYMENT_REQUIRED
    );
    assert_eq!(stripe.calls("POST", "/v1/payment_intents").len(), 1);
}
stripe_test!(a_card_stripe_declines_charges_nothing);

async fn a_card_saved_at_stripe_pays_and_is_deleted_there_when_removed(
    app: TestApp,
    stripe: FakeStripe,
) {
    let b = app.new_browser();
    registered_shopper(&app, &b, "mei@example.com").await;
    let res = b.call("account/add-card", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: String = res.json().await.unwrap();
    let back = stripe.enter_card(&page, VISA);
    let query = back.split_once('?').unwrap().1;
    assert!(back.contains("/account/cards?card_entry="), "{back}");
    let cards: Value = b
        .get(&format!("/api/account/cards?{query}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cards[0]["card"]["last4"], "4242", "{cards}");
    let card_id = cards[0]["id"].as_i64().unwrap().to_string();
    let token: String = sqlx::query_scalar("SELECT token FROM saved_cards")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert!(
        token.starts_with("pm_"),
        "the card is Stripe's payment method: {token}"
    );

    // A plain form (no JavaScript) is sent to Stripe's page.
    let res = b
        .post_plain("account/add-card", "/account/cards", &[])
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("https://checkout.stripe.com/"),
        "{location}"
    );

    // Paying with the saved card: no page at Stripe, the charge on the shopper's customer.
    one_panel_in_the_cart(&app, &b).await;
    let view = checkout(&b).await;
    let carrier = view["quotes"][0]["carrier"]
        .as_str()
        .unwrap()
        .to_lowercase();
    b.call("checkout/delivery", &[("carrier", &carrier)]).await;
    let res = b.call("checkout/saved-card", &[("id", &card_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view = checkout(&b).await;
    let key = view["key"].as_str().unwrap().to_string();
    assert_eq!(place(&b, &key).await.status(), StatusCode::OK);
    let charge = &stripe.calls("POST", "/v1/payment_intents")[0];
    assert_eq!(charge.form["payment_method"], token);
    assert_eq!(
        Some(&charge.form["customer"]),
        stripe.method_customer(&token).as_ref()
    );

    // Removed: its customer deleted at Stripe, so it cannot be charged again.
    let customer = stripe.method_customer(&token).unwrap();
    let res = b.call("account/remove-card", &[("id", &card_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        stripe
            .calls("DELETE", &format!("/v1/customers/{customer}"))
            .len(),
        1
    );
    assert_eq!(stripe.method_customer(&token), None);

    // An erased account's cards go from Stripe too.
    let olu = app.new_browser();
    registered_shopper(&app, &olu, "olu@example.com").await;
    let res = olu.call("account/add-card", &[]).await;
    let page: String = res.json().await.unwrap();
    let back = stripe.enter_card(&page, VISA);
    let query = back.split_once('?').unwrap().1;
    olu.get(&format!("/api/account/cards?{query}")).await;
    let token: String = sqlx::query_scalar("SELECT token FROM saved_cards")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let customer = stripe.method_customer(&token).unwrap();
    let res = olu.call("account/delete", &[("password", PASSWORD)]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    assert_eq!(
        stripe
            .calls("DELETE", &format!("/v1/customers/{customer}"))
            .len(),
        1
    );
    assert_eq!(stripe.method_customer(&token), None);
}
stripe_test!(a_card_saved_at_stripe_pays_and_is_deleted_there_when_removed);

/// A guest's order whose charge Stripe made but whose answer was lost: left awaiting
/// payment. Returns its key and the PaymentIntent's id.
async fn an_order_whose_answer_was_lost(
    app: &TestApp,
    stripe: &FakeStripe,
    b: &Browser,
) -> (String, String) {
    one_panel_in_the_cart(app, b).await;
    address_and_delivery(b, Some("lost@example.com"), "DE").await;
    let view = pay_on_stripes_page(b, stripe, VISA).await;
    let key = view["key"].as_str().unwrap().to_string();
    stripe.lose_next_answer();
    let res = place(b, &key).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(order_status(app, &key).await, "pending_payment");
    let intent = stripe.intent_of_key(&key)["id"]
        .as_str()
        .unwrap()
        .to_string();
    (key, intent)
}

async fn webhooks_are_verified_applied_once_and_wait_for_what_they_need(
    app: TestApp,
    stripe: FakeStripe,
) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 5).await;
    let b = app.new_browser();
    let (key, intent_id) = an_order_whose_answer_was_lost(&app, &stripe, &b).await;
    assert_eq!(stock_of(&app, panel).await, 4);
    let mut intent = stripe.intent_of_key(&key);
    let succeeded = event("evt_paid", "payment_intent.succeeded", intent.clone());

    // Forged (another secret), altered, stale, replayed from long ago, unsigned: refused,
    // nothing changes.
    let forged = app::backend::outside::stripe::webhook::sign("whsec_attacker", &succeeded, now());
    assert_eq!(
        deliver(&app, &succeeded, &forged).await,
        StatusCode::BAD_REQUEST
    );
    let good = app::backend::outside::stripe::webhook::sign(WEBHOOK_SECRET, &succeeded, now());
    let mut altered = succeeded.clone();
    let last = altered.len() - 1;
    altered.insert(last, b' ');
    assert_eq!(
        deliver(&app, &altered, &good).await,
        StatusCode::BAD_REQUEST
    );
    let stale =
        app::backend::outside::stripe::webhook::sign(WEBHOOK_SECRET, &succeeded, now() - 600);
    assert_eq!(
        deliver(&app, &succeeded, &stale).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(deliver(&app, &succeeded, "").await, StatusCode::BAD_REQUEST);
    assert_eq!(order_status(&app, &key).await, "pending_payment");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM stripe_events").await, 0);

    // Out of order: the refund comes before the payment was recorded. Not applied, not
    // recorded: Stripe delivers it again.
    stripe.refund_in_dashboard(&intent_id);
    let refunded = event(
        "evt_refunded",
        "charge.refunded",
        json!({ "id": "ch_9", "object": "charge", "payment_intent": intent_id, "refunded": true }),
    );
    assert_eq!(
        deliver_signed(&app, &refunded).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(order_status(&app, &key).await, "pending_payment");

    // A success for another amount than the order's changes nothing.
    let mut other_amount = intent.clone();
    other_amount["amount"] = json!(100);
    let wrong = event("evt_wrong_amount", "payment_intent.succeeded", other_amount);
    assert_eq!(deliver_signed(&app, &wrong).await, StatusCode::OK);
    assert_eq!(order_status(&app, &key).await, "pending_payment");

    // The payment, confirmed by Stripe after the shopper's request ended: the order is
    // completed as the request would have (cart emptied, confirmation mailed).
    // Two deliveries at the same moment: both acknowledged, the order settled once.
    let (first, second) = tokio::join!(
        deliver(&app, &succeeded, &good),
        deliver(&app, &succeeded, &good)
    );
    assert_eq!((first, second), (StatusCode::OK, StatusCode::OK));
    assert_eq!(order_status(&app, &key).await, "paid");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM cart_lines").await, 0);
    let placed = app.mails_to("lost@example.com").await.len();
    assert_eq!(placed, 1, "the order confirmation");
    // The checkout is closed: it shows the order, not a second chance to pay.
    assert_ne!(checkout(&b).await["step"], "Review");
    // Delivered again (the same signed delivery replayed within the window): once.
    assert_eq!(deliver(&app, &succeeded, &good).await, StatusCode::OK);
    assert_eq!(app.mails_to("lost@example.com").await.len(), placed);
    // A failure reported after success does not undo it.
    intent["status"] = json!("requires_payment_method");
    intent["last_payment_error"] =
        json!({ "code": "card_declined", "decline_code": "generic_decline" });
    let failed = event("evt_failed_late", "payment_intent.payment_failed", intent);
    assert_eq!(deliver_signed(&app, &failed).await, StatusCode::OK);
    assert_eq!(order_status(&app, &key).await, "paid");

    // The refund delivered again now applies: cancelled, stock back, refunded, buyer told.
    assert_eq!(deliver_signed(&app, &refunded).await, StatusCode::OK);
    assert_eq!(order_status(&app, &key).await, "refunded");
    assert_eq!(stock_of(&app, panel).await, 5);
    assert_eq!(app.mails_to("lost@example.com").await.len(), placed + 1);
    assert_eq!(deliver_signed(&app, &refunded).await, StatusCode::OK);
    assert_eq!(app.mails_to("lost@example.com").await.len(), placed + 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM stripe_events").await, 4);

    // Events that are not the shop's, or not events: acknowledged or refused, no change.
    let other = event(
        "evt_other",
        "payment_intent.succeeded",
        json!({ "id": "pi_other", "object": "payment_intent", "status": "succeeded", "metadata": {} }),
    );
    assert_eq!(deliver_signed(&app, &other).await, StatusCode::OK);
    assert_eq!(
        deliver_signed(&app, b"{\"not\":\"an event\"}").await,
        StatusCode::BAD_REQUEST
    );
}
stripe_test!(webhooks_are_verified_applied_once_and_wait_for_what_they_need);

async fn a_failed_payment_reported_by_webhook_gives_the_stock_back(
    app: TestApp,
    stripe: FakeStripe,
) {
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 5).await;
    let b = app.new_browser();
    let (key, _) = an_order_whose_answer_was_lost(&app, &stripe, &b).await;
    let mut intent = stripe.intent_of_key(&key);
    intent["status"] = json!("requires_payment_method");
    intent["last_payment_error"] =
        json!({ "code": "card_declined", "decline_code": "insufficient_funds" });
    let failed = event("evt_failed", "payment_intent.payment_failed", intent);
    // While the shopper's own request may still settle it (and count the failure against
    // the card), the report waits: Stripe delivers it again.
    assert_eq!(
        deliver_signed(&app, &failed).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(order_status(&app, &key).await, "pending_payment");
    sqlx::query("UPDATE orders SET updated_at = updated_at - 120 WHERE idempotency_key = $1")
        .bind(&key)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(deliver_signed(&app, &failed).await, StatusCode::OK);
    assert_eq!(order_status(&app, &key).await, "payment_failed");
    assert_eq!(stock_of(&app, panel).await, 5);
    let detail: String = sqlx::query_scalar(
        "SELECT e.detail FROM order_events e JOIN orders o ON o.id = e.order_id
         WHERE o.idempotency_key = $1 AND e.status = 'payment_failed'",
    )
    .bind(&key)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(detail, "insufficient_funds");
}
stripe_test!(a_failed_payment_reported_by_webhook_gives_the_stock_back);

async fn the_recovery_job_asks_stripe_by_the_key(app: TestApp, stripe: FakeStripe) {
    let b = app.new_browser();
    let (key, intent) = an_order_whose_answer_was_lost(&app, &stripe, &b).await;
    let settled = app::backend::orders::settling::recover_stale(&app.state, -60)
        .await
        .unwrap();
    assert_eq!(settled, 1);
    assert_eq!(order_status(&app, &key).await, "paid");
    let search = &stripe.calls("GET", "/v1/payment_intents/search")[0];
    assert_eq!(
        search.form["query"],
        format!("metadata['shop_key']:'{key}'")
    );
    let payment_ref: String =
        sqlx::query_scalar("SELECT payment_ref FROM orders WHERE idempotency_key = $1")
            .bind(&key)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(payment_ref, intent);

    // Settled as never paid while Stripe's search lagged, then Stripe reports the payment:
    // the money goes back rather than paying for an order the shopper does not get.
    let b = app.new_browser();
    let (key, intent) = an_order_whose_answer_was_lost(&app, &stripe, &b).await;
    stripe.search_lags();
    let settled = app::backend::orders::settling::recover_stale(&app.state, -60)
        .await
        .unwrap();
    assert_eq!(settled, 1);
    assert_eq!(order_status(&app, &key).await, "payment_failed");
    assert!(stripe.calls("POST", "/v1/refunds").is_empty());
    let succeeded = event(
        "evt_late",
        "payment_intent.succeeded",
        stripe.intent_of_key(&key),
    );
    assert_eq!(deliver_signed(&app, &succeeded).await, StatusCode::OK);
    let refunds = stripe.calls("POST", "/v1/refunds");
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].form["payment_intent"], intent);
    assert_eq!(order_status(&app, &key).await, "payment_failed");
    // Stripe then reports that refund: no order holds the charge, and none waits for it.
    let refunded = event(
        "evt_late_refund",
        "charge.refunded",
        json!({ "id": "ch_late", "object": "charge", "payment_intent": intent, "refunded": true }),
    );
    assert_eq!(deliver_signed(&app, &refunded).await, StatusCode::OK);
}
stripe_test!(the_recovery_job_asks_stripe_by_the_key);
