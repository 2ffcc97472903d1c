//! `./shop bench` part two: orders per second through the real server functions.
//!
//! For each database (SQLite in a temporary folder; PostgreSQL when `SHOP_TEST_POSTGRES_URL`
//! names a server), starts the shop in this process on a fresh seeded database, prepares
//! `--orders` checkouts as browsers do (cart, address, carrier, the sandbox card page, each
//! with its own session cookie), then places them all with `--clients` concurrent clients
//! and prints orders per second and latency percentiles of "Place the order". Every order
//! is checked afterwards: paid, with its stock taken.
//!
//! `cargo run --release -p server --example orders_bench -- --clients 16 --orders 400`

use server::{
    config::{Config, env_from},
    startup::Application,
};
use sqlx::Connection;
use std::{path::Path, time::Instant};

struct Args {
    clients: usize,
    orders: usize,
}

fn args() -> Args {
    let mut args = Args {
        clients: 16,
        orders: 400,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().and_then(|v| v.parse().ok());
        match (flag.as_str(), value) {
            ("--clients", Some(v)) => args.clients = v,
            ("--orders", Some(v)) => args.orders = v,
            _ => {
                eprintln!("usage: orders_bench [--clients N] [--orders M]");
                std::process::exit(2);
            }
        }
    }
    args
}

const PRODUCT: &str = "tourline-r-p3-91";

async fn start(database_url: &str, site_root: &Path) -> (String, app::backend::AppState) {
    let root = site_root.display().to_string();
    let pairs = [
        ("DATABASE_URL", database_url),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
        ("LEPTOS_SITE_ROOT", root.as_str()),
        ("LEPTOS_HASH_FILES", "false"),
        (
            "SHOP_SESSION_SECRET",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        ),
        ("SHOP_DATABASE_MAX_CONNECTIONS", "16"),
        ("SHOP_TAX_RATES", "DE=19, *=0"),
    ];
    let config = Config::from_parts(None, Path::new("bench"), &env_from(&pairs)).expect("config");
    let app = Application::build(config).await.expect("the shop starts");
    let base = format!("http://{}", app.addr());
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    (base, state)
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn call(
    c: &reqwest::Client,
    base: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    c.post(format!("{base}/api/{endpoint}"))
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("request")
}

/// One browser at the review step: its client and the key of its "Place the order" form.
async fn prepare(base: &str, product: &str, i: usize) -> (reqwest::Client, String, String) {
    let c = browser();
    let ok = |r: &reqwest::Response, what: &str| {
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "{what}: {}",
            r.status()
        )
    };
    let r = call(
        &c,
        base,
        "cart/add",
        &[("product", product), ("quantity", "1")],
    )
    .await;
    ok(&r, "add");
    let email = format!("bench{i}@example.com");
    let form = [
        ("email", email.as_str()),
        ("form[recipient_name]", "Bench Buyer"),
        ("form[recipient_phone]", "+49 30 1234567"),
        ("form[line1]", "Torstraße 5"),
        ("form[city]", "Berlin"),
        ("form[postal_code]", "10119"),
        ("form[country]", "DE"),
    ];
    ok(&call(&c, base, "checkout/address", &form).await, "address");
    ok(
        &call(&c, base, "checkout/delivery", &[("carrier", "kestrel")]).await,
        "delivery",
    );
    let page: String = call(&c, base, "checkout/card", &[])
        .await
        .json()
        .await
        .expect("card page");
    let r = c
        .post(format!("{base}{page}"))
        .header("origin", base)
        .form(&[
            ("number", "4242424242424242"),
            ("expiry", "12/35"),
            ("cvc", "123"),
        ])
        .send()
        .await
        .expect("card");
    ok(&r, "card");
    let back = r.headers()["location"].to_str().unwrap().to_string();
    let view: serde_json::Value = c
        .get(format!(
            "{base}/api/checkout/view{}",
            &back["/checkout".len()..]
        ))
        .send()
        .await
        .expect("view")
        .json()
        .await
        .expect("view json");
    assert_eq!(view["step"], "Review", "{view}");
    (
        c,
        view["key"].as_str().unwrap().to_string(),
        view["review"].as_str().unwrap().to_string(),
    )
}

async fn run(label: &str, database_url: &str, args: &Args) {
    let site = tempfile::tempdir().expect("temp dir");
    let (base, state) = start(database_url, site.path()).await;
    let product: i64 = sqlx::query_scalar("SELECT id FROM products WHERE slug = $1")
        .bind(PRODUCT)
        .fetch_one(state.db.pool())
        .await
        .expect("seeded product");
    sqlx::query("UPDATE products SET stock = 1000000 WHERE id = $1")
        .bind(product)
        .execute(state.db.pool())
        .await
        .expect("stock");
    let product = product.to_string();

    let started = Instant::now();
    let mut ready = Vec::with_capacity(args.orders);
    let mut pending = Vec::new();
    for i in 0..args.orders {
        let (base, product) = (base.clone(), product.clone());
        pending.push(tokio::spawn(
            async move { prepare(&base, &product, i).await },
        ));
        if pending.len() == args.clients {
            for p in pending.drain(..) {
                ready.push(p.await.expect("prepare"));
            }
        }
    }
    for p in pending {
        ready.push(p.await.expect("prepare"));
    }
    let prepared = started.elapsed();

    // Place them all, `clients` at a time.
    let queue = std::sync::Arc::new(tokio::sync::Mutex::new(ready));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..args.clients {
        let (queue, base) = (queue.clone(), base.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let Some((client, key, review)) = queue.lock().await.pop() else {
                    break;
                };
                let t = Instant::now();
                // As a browser sends it (the answer is not read beyond its status).
                let r = client
                    .post(format!("{base}/api/checkout/place"))
                    .header("sec-fetch-site", "same-origin")
                    .header("accept", "application/json")
                    .header("accept-encoding", "gzip, br")
                    .form(&[("key", key.as_str()), ("review", review.as_str())])
                    .send()
                    .await
                    .expect("place");
                assert!(r.status().is_success(), "place: {}", r.status());
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for w in workers {
        latencies.extend(w.await.expect("worker"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    let paid: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE status = 'paid'")
        .fetch_one(state.db.pool())
        .await
        .unwrap();
    assert_eq!(paid as usize, args.orders, "every order paid");
    println!(
        "{label:<10} {:>6} orders  {:>7.1} orders/s  p50 {:>6.1} ms  p99 {:>6.1} ms   (checkouts prepared in {:.1} s)",
        args.orders,
        args.orders as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        prepared.as_secs_f64(),
    );
}

#[tokio::main]
async fn main() {
    let args = args();
    println!(
        "Placing orders: {} checkouts, {} concurrent clients, on loopback",
        args.orders, args.clients
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = format!("sqlite://{}", dir.path().join("shop.db").display());
    run("SQLite", &sqlite, &args).await;
    match std::env::var("SHOP_TEST_POSTGRES_URL") {
        Ok(admin) if !admin.is_empty() => {
            sqlx::any::install_default_drivers();
            let name = format!("shop_bench_{:016x}", rand::random::<u64>());
            let mut conn = sqlx::AnyConnection::connect(&admin)
                .await
                .expect("PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create database");
            let (base, _) = admin.rsplit_once('/').expect("URL with a database");
            run("PostgreSQL", &format!("{base}/{name}"), &args).await;
            sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await
                .ok();
        }
        _ => println!("PostgreSQL   skipped (set SHOP_TEST_POSTGRES_URL to include it)"),
    }
}
