//! `./shop bench` helper: makes a real shopper on a running shop, as a browser would —
//! registers, follows the verification link from the shop's mailbox (read from the
//! database), puts two products in the cart — and prints the `Cookie` header value that
//! browser sends, for the load generator.
//!
//! `cargo run --release -p server --example bench_shopper -- --base URL --database URL`

use sqlx::Connection;

fn arg(name: &str) -> String {
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == name {
            return it.next().unwrap_or_default();
        }
    }
    eprintln!("usage: bench_shopper --base URL --database URL");
    std::process::exit(2);
}

async fn call(c: &reqwest::Client, base: &str, endpoint: &str, form: &[(&str, &str)]) {
    let res = c
        .post(format!("{base}/api/{endpoint}"))
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("request");
    assert!(
        res.status().is_success(),
        "{endpoint}: {}",
        res.text().await.unwrap_or_default()
    );
}

async fn product_id(c: &reqwest::Client, base: &str, slug: &str) -> String {
    let p: serde_json::Value = c
        .get(format!("{base}/api/catalog/product?slug={slug}"))
        .send()
        .await
        .expect("product")
        .json()
        .await
        .expect("product JSON");
    p["card"]["id"].as_i64().expect("product id").to_string()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base = arg("--base");
    let database = arg("--database");
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let email = format!("bench-{}@example.com", std::process::id());
    let password = "correct horse battery staple 42";
    call(
        &c,
        &base,
        "account/register",
        &[
            ("form[full_name]", "Mei Bench"),
            ("form[email]", &email),
            ("form[phone]", "+86 138 0013 8000"),
            ("form[line1]", "88 Century Avenue"),
            ("form[city]", "Shanghai"),
            ("form[postal_code]", "200120"),
            ("form[country]", "CN"),
            ("form[password]", password),
            ("form[password_confirm]", password),
            ("form[accept_policy]", "on"),
        ],
    )
    .await;
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&database)
        .await
        .expect("database");
    let body: String =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
            .bind(&email)
            .fetch_one(&mut db)
            .await
            .expect("the verification mail");
    let token: String = body
        .split("/account/verify/")
        .nth(1)
        .expect("a verification link")
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    call(&c, &base, "account/verify-email", &[("token", &token)]).await;
    for (slug, quantity) in [("tourline-r-p3-91", "2"), ("solara-fx-p10", "1")] {
        let id = product_id(&c, &base, slug).await;
        call(
            &c,
            &base,
            "cart/add",
            &[("product", &id), ("quantity", quantity)],
        )
        .await;
    }
    let url = base.parse().expect("base URL");
    let cookie = reqwest::cookie::CookieStore::cookies(jar.as_ref(), &url).expect("a session");
    println!("{}", cookie.to_str().expect("cookie text"));
}
