//! The shop's pages, language negotiation and the language switch.

use crate::{db_test, helpers::TestApp};
use reqwest::StatusCode;

async fn home_page_presents_the_shop(app: TestApp) {
    let (status, body) = app.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#"<html lang="en""#), "html lang missing");
    assert!(body.contains("<title>LED outdoor screens for every venue · Lumenwall</title>"));
    assert!(body.contains(r#"<main id="main""#));
    assert!(body.contains(r#"href="/catalog/fixed-outdoor""#));
    assert!(body.contains(r#"action="/search""#));
    assert!(body.contains(r#"href="/privacy""#));
}
db_test!(home_page_presents_the_shop);

/// The picture a visitor sees first (home's hero, a listing's first card, a product's photo)
/// is fetched eagerly with high priority, and the app is not preloaded beside it; further
/// down a listing pictures wait until they are scrolled to.
async fn the_first_picture_is_fetched_first(app: TestApp) {
    // Each page's first picture is the first <img> after its marker.
    for (path, marker) in [
        ("/", r#"class="hero""#),
        ("/catalog", r#"class="product-card-link""#),
        ("/products/solara-fx-p10", r#"class="product-media""#),
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        // The app is started by one script once the browser is idle: no preload of the wasm
        // competes with the pictures.
        assert!(
            !body.contains(r#"rel="preload""#),
            "{path} preloads something"
        );
        assert!(
            !body.contains(r#"rel="modulepreload""#),
            "{path} preloads the app"
        );
        assert!(
            body.contains("requestIdleCallback"),
            "{path} has no start script"
        );
        assert_eq!(
            body.matches(r#"<script type="module""#).count(),
            1,
            "{path}"
        );
        let after = &body[body
            .find(marker)
            .unwrap_or_else(|| panic!("{path}: no {marker}"))..];
        let img = &after[after.find("<img").expect("a picture")..];
        let tag = &img[..img.find('>').unwrap()];
        assert!(tag.contains(r#"fetchpriority="high""#), "{path}: {tag}");
        assert!(!tag.contains(r#"loading="lazy""#), "{path}: {tag}");
    }
    // Further down a listing, pictures wait until they are scrolled to.
    let (_, body) = app.page("/catalog").await;
    assert!(body.matches(r#"loading="lazy""#).count() > 0);
    assert_eq!(body.matches(r#"fetchpriority="high""#).count(), 1);
}
db_test!(the_first_picture_is_fetched_first);

async fn browser_language_picks_chinese(app: TestApp) {
    let res = app
        .client
        .get(app.url("/"))
        .header("accept-language", "zh-CN,zh;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"<html lang="zh-CN""#));
    assert!(body.contains("浏览产品目录"));
    assert!(!body.contains("Browse the catalog"));
}
db_test!(browser_language_picks_chinese);

async fn language_switch_sets_a_cookie_that_wins(app: TestApp) {
    let res = app.call("language/set", &[("lang", "zh")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=zh;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(res.text().await.unwrap(), r#""Zh""#);

    // The cookie beats the browser's English preference.
    let res = app
        .client
        .get(app.url("/privacy"))
        .header("accept-language", "en-US")
        .send()
        .await
        .unwrap();
    let body = res.text().await.unwrap();
    assert!(body.contains(r#"<html lang="zh-CN""#));
    assert!(body.contains("隐私政策"));
}
db_test!(language_switch_sets_a_cookie_that_wins);

async fn language_switch_works_as_a_plain_form(app: TestApp) {
    // Without JavaScript the browser posts the form and follows the redirect back.
    let res = app
        .client
        .post(app.url("/api/language/set"))
        .header("accept", "text/html")
        .header("referer", app.url("/catalog"))
        .header("origin", app.base.clone())
        .form(&[("lang", "zh")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(
        res.headers()["location"],
        "/catalog",
        "back to the page, on this site"
    );
    let (_, body) = app.page("/catalog").await;
    assert!(body.contains("产品目录"));

    // Leptos sends the browser back to its `Referer`: never to another site.
    for referer in [
        "https://evil.example/catalog",
        "https://evil.example",
        &format!("{}@evil.example/", app.base),
        &format!("{}//evil.example/", app.base),
    ] {
        let res = app
            .client
            .post(app.url("/api/language/set"))
            .header("accept", "text/html")
            .header("referer", referer)
            .header("origin", app.base.clone())
            .form(&[("lang", "en")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "{referer}");
        assert_eq!(res.headers()["location"], "/", "{referer}");
    }
}
db_test!(language_switch_works_as_a_plain_form);

async fn unknown_language_is_a_field_error(app: TestApp) {
    let res = app.call("language/set", &[("lang", "tlh")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.headers().get("set-cookie").is_none());
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid");
    assert_eq!(body["fields"][0]["field"], "lang");

    let res = app.call("language/set", &[]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
db_test!(unknown_language_is_a_field_error);

async fn unknown_pages_get_the_designed_404(app: TestApp) {
    for path in [
        "/no-such-page",
        "/catalog/televisions",
        "/images/missing.svg",
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("Page not found"), "{path}");
        assert!(body.contains(r#"href="/catalog""#), "{path}: no way back");
    }
}
db_test!(unknown_pages_get_the_designed_404);

async fn every_shell_page_renders(app: TestApp) {
    for (path, text) in [
        ("/catalog", "Solara FX P4 Outdoor Cabinet"),
        ("/catalog/rental", "Tourline R P2.6 Rental Panel"),
        ("/configurator", "LED wall configurator"),
        ("/compare", "Nothing to compare yet"),
        ("/search?q=P3.9", "Results for “P3.9”"),
        ("/search", "Type a product name"),
        ("/cart", "Your cart is empty."),
        ("/privacy", "Who receives your information"),
        ("/terms", "Terms of use"),
        ("/contact", "help@shop.test"),
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(body.contains(text), "{path} lacks {text:?}");
    }
}
db_test!(every_shell_page_renders);

async fn search_terms_are_rendered_as_text(app: TestApp) {
    let (status, body) = app
        .page("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("<script>alert(1)</script>"));
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
db_test!(search_terms_are_rendered_as_text);

/// Many visitors at once on pages that render whole before answering (product pages, the
/// sign-in page). leptos_meta reads the `<title>` after rendering; a title that read a signal
/// there panicked under concurrent load (found with `./shop bench`).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_survive_many_visitors_at_once() {
    // No kept pages: every answer is rendered.
    let app = crate::helpers::spawn_with_env(
        crate::helpers::Backend::Sqlite,
        &[("SHOP_PAGE_CACHE_SECONDS", "0")],
    )
    .await
    .expect("SQLite always runs");
    let mut tasks = Vec::new();
    for i in 0..200 {
        let client = reqwest::Client::new();
        let path = [
            "/products/solara-fx-p10",
            "/account/sign-in",
            "/products/tourline-r-p3-91",
        ][i % 3];
        let url = app.url(path);
        tasks.push(tokio::spawn(async move {
            let res = client.get(url).send().await.unwrap();
            (path, res.status())
        }));
    }
    for task in tasks {
        let (path, status) = task.await.unwrap();
        assert_eq!(status, reqwest::StatusCode::OK, "{path}");
    }
}

/// The text inputs and text areas of a page that have no `maxlength` (their opening tags).
fn fields_without_a_maximum(page: &str) -> Vec<String> {
    let mut missing = Vec::new();
    for tag in ["<input", "<textarea"] {
        for piece in page.split(tag).skip(1) {
            let element = &piece[..piece.find('>').unwrap_or(piece.len())];
            let kind = element
                .split("type=\"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap_or("text");
            let free_text = tag == "<textarea"
                || !matches!(
                    kind,
                    "hidden" | "checkbox" | "radio" | "submit" | "file" | "number"
                );
            if free_text && !element.contains("maxlength=\"") {
                missing.push(format!("{tag}{element}>"));
            }
        }
    }
    missing
}

/// Every field a person can type into shows its maximum to the browser (the server enforces
/// the same number, from `domain/limits.rs`).
async fn every_text_field_has_a_maximum(app: TestApp) {
    use crate::{accounts::registered_shopper, admin::staff};
    use app::domain::account::Role;
    let visitor = app.new_browser();
    let admin = staff(&app, "boss@lumenwall.example", Role::Admin).await;
    let shopper_id = registered_shopper(&app, &app, "mei@example.com").await;
    let pages: Vec<(&crate::helpers::Browser, String)> = vec![
        (&visitor, "/".into()),
        (&visitor, "/catalog".into()),
        (&visitor, "/search?q=led".into()),
        (&visitor, "/products/solara-fx-p10".into()),
        (&visitor, "/configurator".into()),
        (&visitor, "/account/register".into()),
        (&visitor, "/account/sign-in".into()),
        (&visitor, "/account/forgot".into()),
        (&app, "/account".into()),
        (&app, "/account/addresses".into()),
        (&app, "/account/security".into()),
        (&app, "/account/data".into()),
        (&admin, "/admin/products/new".into()),
        (&admin, "/admin/products/1".into()),
        (&admin, "/admin/customers".into()),
        (&admin, format!("/admin/customers/{shopper_id}")),
        (&admin, "/admin/mail".into()),
    ];
    let mut inputs = 0;
    for (browser, path) in &pages {
        let (status, page) = browser.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        inputs += page.matches("<input").count();
        assert_eq!(
            fields_without_a_maximum(&page),
            Vec::<String>::new(),
            "{path}"
        );
    }
    assert!(inputs > 50, "the pages had their forms ({inputs} inputs)");
}
db_test!(every_text_field_has_a_maximum);
