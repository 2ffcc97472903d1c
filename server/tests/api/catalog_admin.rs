//! Staff catalog management over HTTP: creating and editing products with field errors,
//! archiving, stock changes with a reason, picture uploads (good and bad), and the role check
//! on every one of them.

use crate::{
    admin::staff,
    db_test,
    helpers::{Browser, TestApp},
};
use app::domain::account::Role;
use reqwest::StatusCode;
use serde_json::Value;

/// A complete, valid product form as the editor posts it.
fn cable(slug: &str) -> Vec<(String, String)> {
    [
        ("slug", slug),
        ("category", "accessories"),
        ("brand", "Lumenwall"),
        ("model", "PC-5M"),
        ("name", "Lumenwall Power Link Cable 5 m"),
        (
            "summary_en",
            "Outdoor power cable, 5 m, with locking plugs.",
        ),
        ("summary_zh", "户外电源线，5 米，带锁定插头。"),
        (
            "description_en",
            "Three-core weatherproof cable for daisy-chaining cabinets.",
        ),
        ("description_zh", "三芯防水电缆，用于级联箱体。"),
        ("warranty_months", "12"),
        ("lead_time_days", "2"),
        ("ship_weight_kg", "1.2"),
        ("ship_length_mm", "600"),
        ("ship_width_mm", "400"),
        ("ship_height_mm", "200"),
        ("price_1", "19.90"),
        ("tier_2_qty", "10"),
        ("price_2", "18"),
        ("stock", "25"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_string()))
    .collect()
}

fn set(form: &mut [(String, String)], field: &str, value: &str) {
    let key = format!("form[{field}]");
    form.iter_mut().find(|(k, _)| *k == key).expect(field).1 = value.to_string();
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn save(b: &Browser, id: Option<i64>, form: &[(String, String)]) -> reqwest::Response {
    let id = id.map(|i| i.to_string());
    let mut all = pairs(form);
    if let Some(id) = &id {
        all.push(("id", id));
    }
    b.call("admin/save-product", &all).await
}

pub async fn field_problems(res: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["problem"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn admin_product(b: &Browser, id: i64) -> Value {
    let res = b.get(&format!("/api/admin/product?id={id}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn create(app: &TestApp, b: &Browser, slug: &str) -> i64 {
    let _ = app;
    save_new(b, &cable(slug)).await
}

/// Saves a new product that must be accepted; returns its id.
async fn save_new(b: &Browser, form: &[(String, String)]) -> i64 {
    let res = save(b, None, form).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let id: i64 = res.json().await.unwrap();
    assert!(id > 0);
    id
}

async fn staff_create_and_edit_products(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "lumenwall-pc-5m").await;

    // The shop shows it at once: its page, its tiers, and in search.
    let p: Value = app
        .get("/api/catalog/product?slug=lumenwall-pc-5m")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["card"]["name"], "Lumenwall Power Link Cable 5 m");
    assert_eq!(p["card"]["stock"], 25);
    assert_eq!(p["tiers"][1]["min_qty"], 10);
    assert_eq!(p["tiers"][1]["unit_price"]["minor"], 1800);
    let hits: Value = app
        .get("/api/catalog/list?query[q]=daisy-chaining&query[page]=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        hits["products"][0]["slug"], "lumenwall-pc-5m",
        "indexed for search"
    );

    // Edit: the price and the name change; stock is not taken from the form any more.
    let mut form = cable("lumenwall-pc-5m");
    set(&mut form, "name", "Lumenwall Power Link Cable 5 m (IP67)");
    set(&mut form, "price_1", "21.50");
    set(&mut form, "stock", "999");
    let res = save(&b, Some(id), &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited = admin_product(&b, id).await;
    assert_eq!(
        edited["form"]["name"],
        "Lumenwall Power Link Cable 5 m (IP67)"
    );
    assert_eq!(edited["form"]["price_1"], "21.50");
    assert_eq!(edited["stock"], 25, "stock changes only with a reason");
    let (status, html) = app.page("/products/lumenwall-pc-5m").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("(IP67)"));

    // The back-office pages render the list and the editor.
    let (status, html) = b.page("/admin/products").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Lumenwall Power Link Cable 5 m (IP67)"));
    assert!(
        html.contains("Tourline R P3.91"),
        "seeded products listed too"
    );
    let (status, html) = b.page(&format!("/admin/products/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"value="21.50""#), "editor filled in");
    let (status, _) = b.page("/admin/products/new").await;
    assert_eq!(status, StatusCode::OK);
}
db_test!(staff_create_and_edit_products);

async fn bad_product_forms_get_field_errors(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();

    let mut form = cable("Not A Slug!");
    set(&mut form, "name", "");
    set(&mut form, "category", "toasters");
    set(&mut form, "price_1", "12.345");
    set(&mut form, "ship_weight_kg", "heavy");
    let problems = field_problems(save(&b, None, &form).await).await;
    let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    for expected in ["slug", "category", "name", "price_1", "ship_weight_kg"] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }

    // A second tier dearer than the first.
    let mut form = cable("lumenwall-pc-7m");
    set(&mut form, "price_2", "25");
    let problems = field_problems(save(&b, None, &form).await).await;
    assert_eq!(
        problems,
        [("tier_2_qty".to_string(), "tier_order".to_string())]
    );

    // An address already used by a seeded product.
    let problems = field_problems(save(&b, None, &cable("tourline-r-p3-91")).await).await;
    assert_eq!(problems, [("slug".to_string(), "taken".to_string())]);

    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(before, after, "nothing saved");

    // Without JavaScript: back to the editor, with the typed values and the errors.
    let mut form = cable("lumenwall-pc-9m");
    set(&mut form, "price_1", "free");
    let res = b
        .post_plain("admin/save-product", "/admin/products/new", &pairs(&form))
        .await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("/admin/products/new"), "{location}");
    let (_, page) = b.page(location.trim_start_matches(&b.base)).await;
    assert!(
        page.contains(r#"value="lumenwall-pc-9m""#),
        "slug kept: {location}\n{page}"
    );
    assert!(
        page.contains(r#"value="free""#),
        "the mistake kept for correction"
    );

    // Editing a product that does not exist.
    let res = save(&b, Some(999_999), &cable("lumenwall-pc-9m")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(bad_product_forms_get_field_errors);

async fn set_status(b: &Browser, id: i64, status: &str) -> reqwest::Response {
    b.call(
        "admin/product-status",
        &[("id", &id.to_string()), ("status", status)],
    )
    .await
}

async fn archived_products_leave_the_shop(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "lumenwall-pc-5m").await;
    let res = set_status(&b, id, "archived").await;
    assert_eq!(res.status(), StatusCode::OK);
    let (status, _) = app.page("/products/lumenwall-pc-5m").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let hits: Value = app
        .get("/api/catalog/list?query[q]=lumenwall%20cable&query[page]=1")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        hits["products"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["slug"] != "lumenwall-pc-5m"),
        "archived products are not listed"
    );
    assert_eq!(
        admin_product(&b, id).await["status"],
        "archived",
        "staff still see it"
    );

    let res = set_status(&b, id, "deleted").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = set_status(&b, id, "active").await;
    assert_eq!(res.status(), StatusCode::OK);
    let (status, _) = app.page("/products/lumenwall-pc-5m").await;
    assert_eq!(status, StatusCode::OK);
}
db_test!(archived_products_leave_the_shop);

async fn stock_changes_need_a_reason_and_are_logged(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "lumenwall-pc-5m").await;
    let id_text = id.to_string();
    let adjust = |delta: &'static str, reason: &'static str| {
        let b = &b;
        let id_text = id_text.clone();
        async move {
            b.call(
                "admin/adjust-stock",
                &[
                    ("id", id_text.as_str()),
                    ("delta", delta),
                    ("reason", reason),
                ],
            )
            .await
        }
    };
    let res = adjust("+20", "Delivery from the factory").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<i64>().await.unwrap(), 45);
    let res = adjust("-5", "Damaged in the warehouse").await;
    assert_eq!(res.json::<i64>().await.unwrap(), 40);

    let problems = field_problems(adjust("-41", "Stock count").await).await;
    assert_eq!(
        problems,
        [("delta".to_string(), "stock_below_zero".to_string())]
    );
    let problems = field_problems(adjust("lots", "").await).await;
    assert_eq!(
        problems,
        [
            ("delta".to_string(), "whole_number".to_string()),
            ("reason".to_string(), "required".to_string())
        ]
    );
    let problems = field_problems(adjust("0", "nothing").await).await;
    assert_eq!(problems[0].0, "delta");

    let p = admin_product(&b, id).await;
    assert_eq!(p["stock"], 40);
    let log = p["stock_log"].as_array().unwrap();
    assert_eq!(log.len(), 2, "refused changes are not logged");
    let reasons: Vec<&str> = log.iter().map(|c| c["reason"].as_str().unwrap()).collect();
    assert!(reasons.contains(&"Delivery from the factory"));
    assert!(reasons.contains(&"Damaged in the warehouse"));
    let staff_ids: Vec<Option<i64>> =
        sqlx::query_scalar("SELECT staff_id FROM stock_changes WHERE product_id = $1")
            .bind(id)
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert!(
        staff_ids.iter().all(|s| s.is_some()),
        "who changed it is recorded"
    );

    let res = b
        .call(
            "admin/adjust-stock",
            &[("id", "999999"), ("delta", "1"), ("reason", "x")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(stock_changes_need_a_reason_and_are_logged);

/// The smallest valid PNG (1×1 pixel).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

async fn upload(b: &Browser, id: i64, name: &str, mime: &str, bytes: Vec<u8>) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str(mime)
        .unwrap();
    b.client
        .post(b.url(&format!("/admin/products/{id}/image")))
        .header("origin", b.base.clone())
        .multipart(reqwest::multipart::Form::new().part("image", part))
        .send()
        .await
        .unwrap()
}

fn outcome(res: &reqwest::Response) -> String {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()["location"].to_str().unwrap().to_string()
}

async fn pictures_are_checked_stored_and_served(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "lumenwall-pc-5m").await;
    let placeholder = admin_product(&b, id).await["image"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        placeholder.ends_with(".svg"),
        "category artwork until a picture is uploaded"
    );

    let res = upload(&b, id, "cable.png", "image/png", PNG.to_vec()).await;
    assert_eq!(outcome(&res), format!("/admin/products/{id}?image=saved"));
    let image = admin_product(&b, id).await["image"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(image.starts_with("/media/products/"), "{image}");
    let served = app.get(&image).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/png");
    assert!(
        served.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(served.bytes().await.unwrap().as_ref(), PNG);
    let p: Value = app
        .get("/api/catalog/product?slug=lumenwall-pc-5m")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["card"]["image"], image, "the shop shows the new picture");

    // The bytes decide, not the name or the claimed type.
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    let res = upload(&b, id, "evil.png", "image/png", svg).await;
    assert_eq!(
        outcome(&res),
        format!("/admin/products/{id}?image=not_an_image")
    );
    let res = upload(
        &b,
        id,
        "notes.jpg",
        "image/jpeg",
        b"just some text".to_vec(),
    )
    .await;
    assert_eq!(
        outcome(&res),
        format!("/admin/products/{id}?image=not_an_image")
    );
    let mut big = PNG.to_vec();
    big.resize(1024 * 1024 + 100, 0);
    let res = upload(&b, id, "huge.png", "image/png", big).await;
    assert_eq!(
        outcome(&res),
        format!("/admin/products/{id}?image=too_large")
    );
    let res = upload(&b, id, "empty.png", "image/png", Vec::new()).await;
    assert_eq!(outcome(&res), format!("/admin/products/{id}?image=missing"));
    assert_eq!(
        admin_product(&b, id).await["image"],
        image.as_str(),
        "refused uploads change nothing"
    );
    // Far over the request limit: refused before it is read, never a server error.
    let res = upload(&b, id, "giant.png", "image/png", vec![0u8; 3 * 1024 * 1024]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // The editor page says what happened.
    let (_, html) = b
        .page(&format!("/admin/products/{id}?image=not_an_image"))
        .await;
    assert!(html.contains("not a PNG, JPEG or WebP"));

    let res = upload(&b, 999_999, "cable.png", "image/png", PNG.to_vec()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
db_test!(pictures_are_checked_stored_and_served);

async fn only_staff_manage_products(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "lumenwall-pc-5m").await;
    let id_text = id.to_string();
    crate::accounts::registered_shopper(&app, &app, "mei@example.com").await;
    let visitor = app.new_browser();
    for (who, client, expected) in [
        ("visitor", &visitor, StatusCode::UNAUTHORIZED),
        ("shopper", &*app, StatusCode::FORBIDDEN),
    ] {
        for path in [
            "/api/admin/products".to_string(),
            format!("/api/admin/product?id={id}"),
        ] {
            assert_eq!(client.get(&path).await.status(), expected, "{who}: {path}");
        }
        let (existing, new) = (cable("lumenwall-pc-5m"), cable("lumenwall-pc-6m"));
        let mut edit = pairs(&existing);
        edit.push(("id", &id_text));
        let calls: [(&str, Vec<(&str, &str)>); 4] = [
            ("admin/save-product", pairs(&new)),
            ("admin/save-product", edit),
            (
                "admin/product-status",
                vec![("id", &id_text), ("status", "archived")],
            ),
            (
                "admin/adjust-stock",
                vec![("id", &id_text), ("delta", "-25"), ("reason", "x")],
            ),
        ];
        for (endpoint, form) in &calls {
            assert_eq!(
                client.call(endpoint, form).await.status(),
                expected,
                "{who}: {endpoint}"
            );
        }
        let res = upload(client, id, "cable.png", "image/png", PNG.to_vec()).await;
        assert_eq!(res.status(), expected, "{who}: upload");
    }
    let p = admin_product(&b, id).await;
    assert_eq!(p["stock"], 25);
    assert_eq!(p["status"], "active");
    assert!(p["image"].as_str().unwrap().ends_with(".svg"));
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE slug = 'lumenwall-pc-6m'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(count, 0);
}
db_test!(only_staff_manage_products);

/// The `'sha256-…'` sources of a policy, and the hashes of the page's inline scripts.
fn script_hashes_and_bodies(csp: &str, html: &str) -> (Vec<String>, Vec<String>) {
    use base64::Engine;
    use sha2::Digest;
    let hashes = csp
        .split_whitespace()
        .filter(|s| s.starts_with("'sha256-"))
        .map(|s| {
            s.trim_matches('\'')
                .trim_start_matches("sha256-")
                .to_string()
        })
        .collect();
    let bodies = html
        .split("<script")
        .skip(1)
        .filter_map(|rest| {
            let (tag, after) = rest.split_once('>')?;
            // Data blocks (JSON-LD) are not run, so not allowed.
            (!tag.contains("src=") && !tag.contains("application/ld+json"))
                .then(|| after.split("</script>").next().unwrap_or("").to_string())
        })
        .map(|body| {
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body.as_bytes()))
        })
        .collect();
    (hashes, bodies)
}

async fn anonymous_pages_come_from_memory_until_the_catalog_changes(app: TestApp) {
    let visitor = app.new_browser();
    let page = |b: &Browser| {
        let url = b.url("/products/lumenwall-pc-3m");
        let client = b.client.clone();
        async move {
            client
                .get(url)
                .header("accept", "text/html")
                .send()
                .await
                .unwrap()
        }
    };
    let first = page(&visitor).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["x-page-cache"], "miss");
    let second = page(&visitor).await;
    assert_eq!(second.headers()["x-page-cache"], "hit");
    // A kept page allows exactly its own inline scripts, by hash, and never changes: the
    // same bytes, an ETag, and 304 for a browser that has it.
    let csp = second.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(!csp.contains("'nonce-"), "{csp}");
    let etag = second.headers()["etag"].to_str().unwrap().to_string();
    let (body1, body2) = (first.text().await.unwrap(), second.text().await.unwrap());
    assert_eq!(body1, body2);
    assert!(!body2.contains(" nonce="));
    let (mut hashes, mut scripts) = script_hashes_and_bodies(&csp, &body2);
    hashes.sort();
    hashes.dedup();
    scripts.sort();
    scripts.dedup();
    assert!(!scripts.is_empty(), "the hydration script at least");
    assert_eq!(hashes, scripts, "every inline script allowed, nothing else");
    let revalidated = visitor
        .client
        .get(visitor.url("/products/lumenwall-pc-3m"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        revalidated.headers()["content-security-policy"]
            .to_str()
            .unwrap(),
        csp
    );
    // Compressed once, for browsers that accept it.
    let gzipped = visitor
        .client
        .get(visitor.url("/products/lumenwall-pc-3m"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    assert_eq!(gzipped.headers()["etag"].to_str().unwrap(), etag);

    // Another language is another page.
    let zh = app
        .new_browser()
        .client
        .get(app.url("/products/lumenwall-pc-3m"))
        .header("cookie", "lang=zh")
        .send()
        .await
        .unwrap();
    assert_eq!(zh.headers()["x-page-cache"], "miss");
    assert!(zh.text().await.unwrap().contains(r#"lang="zh-CN""#));

    // A stock change shows at once.
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM products WHERE slug = 'lumenwall-pc-3m'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let before: i64 = admin_product(&b, id).await["stock"].as_i64().unwrap();
    let res = b
        .call(
            "admin/adjust-stock",
            &[
                ("id", &id.to_string()),
                ("delta", "+1234"),
                ("reason", "Delivery"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let after = page(&visitor).await;
    assert_eq!(
        after.headers()["x-page-cache"],
        "miss",
        "the change dropped the kept page"
    );
    assert_ne!(
        after.headers()["etag"].to_str().unwrap(),
        etag,
        "a new version"
    );
    let stock_text = (before + 1234).to_string();
    assert!(
        after.text().await.unwrap().contains(&stock_text),
        "new stock shown"
    );

    // Staff always get their own page (the header has the back office).
    let own = page(&b).await;
    assert!(own.headers().get("x-page-cache").is_none());
    assert!(own.text().await.unwrap().contains("Sam Staff"));
}
db_test!(anonymous_pages_come_from_memory_until_the_catalog_changes);

/// A page as a browser asks for it (gzip accepted), decoded: (cache header, personal
/// header, HTML).
pub async fn kept_page(b: &Browser, path: &str) -> (String, String, String) {
    let res = b
        .client
        .get(b.url(path))
        .header("accept", "text/html")
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (cache, personal) = (header("x-page-cache"), header("x-page-personal"));
    let encoding = header("content-encoding");
    let bytes = res.bytes().await.unwrap();
    let mut html = String::new();
    match encoding.as_str() {
        "gzip" => {
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut html)
                .unwrap();
        }
        "br" => {
            std::io::Read::read_to_string(
                &mut brotli::Decompressor::new(&bytes[..], 4096),
                &mut html,
            )
            .unwrap();
        }
        _ => html = String::from_utf8(bytes.to_vec()).unwrap(),
    }
    assert!(
        !html.chars().any(|c| ('\u{E000}'..='\u{E0FF}').contains(&c)),
        "no slot mark reaches a browser"
    );
    (cache, personal, html)
}

/// Shoppers get the same kept catalog pages as anonymous visitors, with their own name and
/// cart put in, and every change to either shows on their next page.
async fn shoppers_get_kept_pages_with_their_own_name_and_cart(app: TestApp) {
    use crate::{accounts::registered_shopper, cart::product_id};
    const PATH: &str = "/products/lumenwall-pc-3m";
    let visitor = app.new_browser();
    let (cache, personal, html) = kept_page(&visitor, PATH).await;
    assert_eq!((cache.as_str(), personal.as_str()), ("miss", ""));
    assert!(html.contains(r#"data-personal="0""#));
    assert!(html.contains(r#"href="/account/sign-in""#));

    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    let id = product_id(&app, "lumenwall-pc-3m").await.to_string();
    let res = shopper
        .call("cart/add", &[("product", &id), ("quantity", "3")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (cache, personal, html) = kept_page(&shopper, PATH).await;
    assert_eq!((cache.as_str(), personal.as_str()), ("hit", "shopper"));
    assert!(html.contains(r#"data-personal="1""#));
    assert!(html.contains(r#"href="/account""#));
    assert!(html.contains(">Mei<"), "the shopper's first name");
    assert!(
        html.contains(r#"class="cart-count">3<"#),
        "the cart's count"
    );

    // The anonymous copy is untouched by it.
    let (cache, _, html) = kept_page(&visitor, PATH).await;
    assert_eq!(cache, "hit");
    assert!(!html.contains(">Mei<"));
    assert!(html.contains(r#"class="cart-count is-empty">0<"#));

    // A change to the cart, the name, or the session shows on the very next page.
    shopper
        .call("cart/add", &[("product", &id), ("quantity", "1")])
        .await;
    let (_, _, html) = kept_page(&shopper, PATH).await;
    assert!(html.contains(r#"class="cart-count">4<"#));
    let res = shopper
        .call(
            "account/update-profile",
            &[
                ("form[full_name]", "<b>Lin</b> Mei"),
                ("form[phone]", "+86 138 0013 8000"),
                ("form[language]", "en"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    let (_, _, html) = kept_page(&shopper, PATH).await;
    assert!(
        html.contains(">&lt;b&gt;Lin&lt;/b&gt;<"),
        "the new name, as text"
    );
    shopper.call("account/sign-out", &[]).await;
    let (_, personal, html) = kept_page(&shopper, PATH).await;
    assert_ne!(personal, "shopper");
    assert!(html.contains(r#"href="/account/sign-in""#));

    // A guest's cart counts too.
    let guest = app.new_browser();
    guest
        .call("cart/add", &[("product", &id), ("quantity", "2")])
        .await;
    let (cache, personal, html) = kept_page(&guest, PATH).await;
    assert_eq!((cache.as_str(), personal.as_str()), ("hit", "shopper"));
    assert!(html.contains(r#"class="cart-count">2<"#));
    assert!(html.contains(r#"data-personal="1""#));
    // Once it is empty, the page is a visitor's without a session: the app need not ask.
    let res = guest.call("cart/empty", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, personal, html) = kept_page(&guest, PATH).await;
    assert_eq!(personal, "shopper");
    assert!(html.contains(r#"class="cart-count is-empty">0<"#));
    assert!(html.contains(r#"data-personal="0""#));
    guest
        .call("cart/add", &[("product", &id), ("quantity", "2")])
        .await;
    assert!(html.contains(r#"href="/account/sign-in""#));

    // Without gzip, the same page plainly.
    let res = guest
        .client
        .get(guest.url(PATH))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("content-encoding").is_none());
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(r#"class="cart-count">2<"#)
    );
}
db_test!(shoppers_get_kept_pages_with_their_own_name_and_cart);

/// The probe's finding: a product name that closes `<title>` (leptos_meta writes the title
/// unescaped) or opens a comment in the JSON-LD block. Checked on the rendered page and on
/// the copy the page cache keeps.
async fn product_text_stays_text_in_title_meta_and_json_ld(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let mut form = cable("hostile-name");
    let name = "</title><img src=x onerror=alert(1)><!--<script>";
    set(&mut form, "name", name);
    set(
        &mut form,
        "summary_en",
        "\"><script>alert(2)</script> & more",
    );
    save_new(&b, &form).await;

    // Staff get catalog pages rendered, a visitor the kept copy.
    let rendered = b.page("/products/hostile-name").await.1;
    let kept = app.new_browser().page("/products/hostile-name").await.1;
    for page in [rendered, kept] {
        assert!(!page.contains("<img src=x"), "markup from the name: {page}");
        assert!(!page.contains("<script>alert"), "markup from the summary");
        let title = page
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .expect("a title");
        assert!(
            title.starts_with("&lt;/title&gt;&lt;img src=x"),
            "title: {title}"
        );
        let ld = page
            .split(r#"<script type="application/ld+json">"#)
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .expect("a JSON-LD block");
        assert!(
            !ld.contains('<') && !ld.contains('>') && !ld.contains('&'),
            "{ld}"
        );
        let data: Value = serde_json::from_str(ld).unwrap();
        assert_eq!(data["name"], name, "the data itself is unchanged");
        assert!(page.contains(r#"property="og:title" content="&lt;/title&gt;"#));
    }
}
db_test!(product_text_stays_text_in_title_meta_and_json_ld);

/// The probe's finding: 600,000 characters in a free-text specification made the catalog
/// pages answer 500. Every field has a maximum now, enforced by the server.
async fn overlong_text_is_refused_and_the_shop_stays_up(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let huge = "I".repeat(600_000);
    let mut form = cable("long-fields");
    for field in ["ip_front", "ip_back", "led_type"] {
        set_or_add(&mut form, field, &huge);
    }
    let problems = field_problems(save(&b, None, &form).await).await;
    assert_eq!(
        problems,
        [
            ("ip_front".to_string(), "too_long".to_string()),
            ("ip_back".to_string(), "too_long".to_string()),
            ("led_type".to_string(), "too_long".to_string()),
        ]
    );
    // At the limits everything is accepted and every page renders.
    let mut form = cable("long-fields");
    set(&mut form, "name", &"N".repeat(120));
    set(&mut form, "description_en", &"D".repeat(5000));
    set_or_add(&mut form, "ip_front", "IP65");
    set_or_add(&mut form, "led_type", &"L".repeat(40));
    save_new(&b, &form).await;
    for path in [
        "/",
        "/catalog/accessories",
        "/search?q=NNNN",
        "/products/long-fields",
    ] {
        let (status, _) = app.new_browser().page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    // A shopper's field too: a telephone number of 600,000 spaces and digits.
    let mut reg = crate::accounts::registration("mei@example.com");
    for (k, v) in reg.iter_mut() {
        if *k == "form[phone]" {
            *v = format!("+86{}138", " ".repeat(600_000));
        }
    }
    let reg: Vec<(&str, &str)> = reg.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let problems = field_problems(app.call("account/register", &reg).await).await;
    assert_eq!(problems, [("phone".to_string(), "too_long".to_string())]);
}
db_test!(overlong_text_is_refused_and_the_shop_stays_up);

fn set_or_add(form: &mut Vec<(String, String)>, field: &str, value: &str) {
    let key = format!("form[{field}]");
    match form.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = value.to_string(),
        None => form.push((key, value.to_string())),
    }
}

/// The probe's findings: an opening stock of `i64::MAX` then any change answered 500, and
/// `+-5` and `++5` were taken as amounts.
async fn stock_is_bounded_and_amounts_are_strict(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let mut form = cable("bounded");
    set(&mut form, "stock", &i64::MAX.to_string());
    assert_eq!(
        field_problems(save(&b, None, &form).await).await,
        [("stock".to_string(), "out_of_range".to_string())]
    );
    set(&mut form, "stock", "1000000");
    let res = save(&b, None, &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();
    let id = id.to_string();
    let adjust = |delta: String| {
        let (b, id) = (&b, id.clone());
        async move {
            b.call(
                "admin/adjust-stock",
                &[("id", id.as_str()), ("delta", &delta), ("reason", "count")],
            )
            .await
        }
    };
    for bad in ["+-5", "++5", "5.0", " - 5"] {
        assert_eq!(
            field_problems(adjust(bad.into()).await).await,
            [("delta".to_string(), "whole_number".to_string())],
            "{bad:?}"
        );
    }
    for too_far in ["+1", &i64::MAX.to_string(), &i64::MIN.to_string()] {
        let res = adjust(too_far.to_string()).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{too_far}");
    }
    let res = adjust("-1000000".into()).await;
    assert_eq!(res.json::<i64>().await.unwrap(), 0);
    let res = adjust("+7".into()).await;
    assert_eq!(res.json::<i64>().await.unwrap(), 7);
}
db_test!(stock_is_bounded_and_amounts_are_strict);

/// Archiving is a second step: the product page offers a link first; the form that archives
/// appears only when the address asks to confirm (so it works without JavaScript too).
async fn archiving_asks_first(app: TestApp) {
    let b = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let id = create(&app, &b, "to-archive").await;
    let (_, page) = b.page(&format!("/admin/products/{id}")).await;
    assert!(
        page.contains("?confirm=archive"),
        "a link to the second step"
    );
    assert!(
        !page.contains(r#"name="status" value="archived""#),
        "no one-click archive"
    );
    let (_, page) = b
        .page(&format!("/admin/products/{id}?confirm=archive"))
        .await;
    assert!(page.contains("Archive this product?"));
    assert!(page.contains(r#"name="status" value="archived""#));
    assert!(
        page.contains(&format!(r#"href="/admin/products/{id}""#)),
        "Cancel goes back"
    );
}
db_test!(archiving_asks_first);

/// Any cookie the shop did not set turned off the page cache: a visitor carrying a load
/// balancer's stickiness cookie got every catalog page rendered (1.2k req/s against 32k).
/// Pages depend only on the shop's own cookies, so foreign ones are ignored.
async fn foreign_cookies_still_get_kept_pages(app: TestApp) {
    let get = |cookie: &'static str| {
        let client = app.client.clone();
        let url = app.url("/products/lumenwall-pc-3m");
        async move {
            client
                .get(url)
                .header("accept", "text/html")
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
        }
    };
    get("AWSALB=sticky-1").await;
    let res = get("AWSALB=sticky-2; _ga=GA1.1.5; bench=1").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-page-cache"], "hit");
    assert!(res.headers().contains_key("etag"));
    // The shop's own language cookie still chooses the page, beside foreign ones.
    get("bench=1; lang=zh").await;
    let res = get("lang=zh; bench=2").await;
    assert_eq!(res.headers()["x-page-cache"], "hit");
    assert!(res.text().await.unwrap().contains(r#"<html lang="zh-CN""#));
}
db_test!(foreign_cookies_still_get_kept_pages);
