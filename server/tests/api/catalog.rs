//! The catalog over HTTP: the seed, filters, facets, sorting, search ranking, tier pricing,
//! product pages and the configurator, on both databases.

use crate::{
    db_test,
    helpers::{Backend, TestApp, spawn_with_env},
};
use reqwest::StatusCode;
use serde_json::Value;
use server::{
    config::{Config, env_from},
    startup::{Application, StartupError},
};
use std::path::Path;

async fn list(app: &TestApp, params: &str) -> Value {
    let res = app.get(&format!("/api/catalog/list?{params}")).await;
    assert_eq!(res.status(), StatusCode::OK, "{params}");
    res.json().await.unwrap()
}

fn names(page: &Value) -> Vec<String> {
    page["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

async fn the_seed_catalog_is_loaded(app: TestApp) {
    let page = list(&app, "query[page]=1").await;
    assert!(page["total"].as_i64().unwrap() >= 40);
    assert_eq!(
        page["products"].as_array().unwrap().len(),
        12,
        "a page of 12"
    );
    let categories = page["facets"]["categories"].as_array().unwrap();
    assert_eq!(categories.len(), 7);
    let (_, html) = app.page("/catalog").await;
    assert!(
        html.contains("Solara FX P10 Outdoor Cabinet") || html.contains("Solara"),
        "listing renders products"
    );
}
db_test!(the_seed_catalog_is_loaded);

async fn filters_narrow_the_listing_and_facets_count(app: TestApp) {
    let rental = list(&app, "query[category]=Rental&query[page]=1").await;
    assert_eq!(rental["total"], 5);
    assert!(names(&rental).iter().all(|n| n.starts_with("Tourline")));
    // The category facet counts every category under the other filters.
    let cats = rental["facets"]["categories"].as_array().unwrap();
    assert_eq!(cats.len(), 7);

    let fine = list(&app, "query[pitch_max_um]=4000&query[page]=1").await;
    for p in fine["products"].as_array().unwrap() {
        assert!(p["pitch_um"].as_u64().unwrap() <= 4000);
    }
    let bright = list(&app, "query[brightness_min]=7000&query[page]=1").await;
    for p in bright["products"].as_array().unwrap() {
        assert!(p["brightness_nits"].as_u64().unwrap() >= 7000);
    }
    let ip67 = list(&app, "query[ip]=IP67&query[page]=1").await;
    assert_eq!(names(&ip67), ["Sideline Arena P16 Perimeter Board"]);
    let cheap = list(&app, "query[price_max]=50&query[page]=1").await;
    for p in cheap["products"].as_array().unwrap() {
        assert!(p["price"]["minor"].as_i64().unwrap() <= 5000);
    }
    let stocked = list(&app, "query[in_stock]=true&query[page]=1").await;
    let all = list(&app, "query[page]=1").await;
    assert!(stocked["total"].as_i64().unwrap() < all["total"].as_i64().unwrap());
    assert_eq!(all["facets"]["in_stock"], stocked["total"]);
}
db_test!(filters_narrow_the_listing_and_facets_count);

async fn sorting_orders_by_price_and_pitch(app: TestApp) {
    let by_price = list(
        &app,
        "query[sort]=PriceLow&query[category]=FixedOutdoor&query[page]=1",
    )
    .await;
    let prices: Vec<i64> = by_price["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["price"]["minor"].as_i64().unwrap())
        .collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let by_pitch = list(
        &app,
        "query[sort]=PitchFine&query[category]=Rental&query[page]=1",
    )
    .await;
    let pitches: Vec<u64> = by_pitch["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pitch_um"].as_u64().unwrap())
        .collect();
    assert!(pitches.windows(2).all(|w| w[0] <= w[1]), "{pitches:?}");
}
db_test!(sorting_orders_by_price_and_pitch);

async fn search_ranks_name_matches_first(app: TestApp) {
    // Five panels are named Tourline; modules mention it in their descriptions and rank after.
    let hits = list(&app, "query[q]=tourline&query[page]=1").await;
    assert!(hits["total"].as_i64().unwrap() > 5);
    let top: Vec<String> = names(&hits).into_iter().take(5).collect();
    assert!(top.iter().all(|n| n.starts_with("Tourline")), "{top:?}");
    // "hanging bar" is in names of two accessories and in no cabinet's name.
    let bars = list(&app, "query[q]=hanging%20bar&query[page]=1").await;
    let first = &names(&bars)[0];
    assert!(first.contains("Hanging Bar"), "{first}");
    // A pitch as buyers write it.
    let p391 = list(&app, "query[q]=P3.91&query[page]=1").await;
    assert!(p391["total"].as_i64().unwrap() >= 4);
    for n in names(&p391) {
        assert!(n.contains("P3.91"), "{n}");
    }
    // Chinese words in descriptions are found too, and nothing matches nonsense.
    let none = list(&app, "query[q]=zzzqqq&query[page]=1").await;
    assert_eq!(none["total"], 0);
    let (status, html) = app.page("/search?q=zzzqqq").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Nothing in the catalog matches"));
    // Operators of the search syntax are just words.
    let odd = list(&app, "query[q]=%22NEAR(*%20OR&query[page]=1").await;
    assert_eq!(odd["total"], 0);
}
db_test!(search_ranks_name_matches_first);

async fn product_pages_show_specs_tiers_and_a_real_404(app: TestApp) {
    let res = app.get("/api/catalog/product?slug=tourline-r-p3-91").await;
    assert_eq!(res.status(), StatusCode::OK);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["card"]["name"], "Tourline R P3.91 Rental Panel");
    assert_eq!(p["specs"]["cabinet_px_w"], 128);
    let tiers = p["tiers"].as_array().unwrap();
    assert_eq!(tiers.len(), 3);
    assert_eq!(tiers[0]["unit_price"]["minor"], 72_000);
    assert_eq!(tiers[1]["min_qty"], 10);
    assert_eq!(tiers[1]["unit_price"]["minor"], 67_600);
    assert!(!p["related"].as_array().unwrap().is_empty());

    let (status, html) = app.page("/products/tourline-r-p3-91").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("application/ld+json"));
    assert!(html.contains(r#"rel="canonical""#));
    assert!(html.contains("og:title"));
    assert!(html.contains("$676.00"), "tier price shown");
    let (status, html) = app.page("/products/no-such-screen").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}
db_test!(product_pages_show_specs_tiers_and_a_real_404);

async fn the_configurator_prices_a_wall_on_the_server(app: TestApp) {
    let res = app
        .get("/api/catalog/quote-wall?slug=tourline-r-p3-91&request[Cabinets][cols]=4&request[Cabinets][rows]=3")
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["plan"]["cabinets"], 12);
    assert_eq!(q["plan"]["width_mm"], 2000);
    assert_eq!(q["tier"]["min_qty"], 10, "12 cabinets reach the 10+ tier");
    assert_eq!(q["cabinets_total"]["minor"], 12 * 67_600);
    let controller = &q["controller"];
    assert!(controller[0]["name"].as_str().unwrap().contains("NovaLink"));
    assert_eq!(
        q["total"]["minor"],
        q["cabinets_total"]["minor"].as_i64().unwrap()
            + q["controller_total"]["minor"].as_i64().unwrap()
    );

    let res = app
        .get("/api/catalog/quote-wall?slug=tourline-r-p3-91&request[Size][width_mm]=4000&request[Size][height_mm]=2250")
        .await;
    let q: Value = res.json().await.unwrap();
    assert_eq!(
        (q["plan"]["cols"].as_u64(), q["plan"]["rows"].as_u64()),
        (Some(8), Some(5))
    );

    let res = app.get("/api/catalog/quote-wall?slug=tourline-r-p3-91&request[Cabinets][cols]=0&request[Cabinets][rows]=3").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.get("/api/catalog/quote-wall?slug=lumenwall-pc-3m&request[Cabinets][cols]=1&request[Cabinets][rows]=1").await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a cable is not a cabinet"
    );
}
db_test!(the_configurator_prices_a_wall_on_the_server);

async fn the_comparison_list_lives_in_a_cookie(app: TestApp) {
    let a: Value = app
        .get("/api/catalog/product?slug=tourline-r-p3-91")
        .await
        .json()
        .await
        .unwrap();
    let b: Value = app
        .get("/api/catalog/product?slug=tourline-r-p4-81")
        .await
        .json()
        .await
        .unwrap();
    for id in [&a["card"]["id"], &b["card"]["id"]] {
        let res = app
            .call("catalog/toggle-compare", &[("id", &id.to_string())])
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let compared: Value = app.get("/api/catalog/compare").await.json().await.unwrap();
    assert_eq!(compared.as_array().unwrap().len(), 2);
    let (status, html) = app.page("/compare").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Tourline R P4.81"));
    assert_eq!(
        app.call("catalog/toggle-compare", &[("id", "999999")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
db_test!(the_comparison_list_lives_in_a_cookie);

async fn suggestions_put_name_matches_first(app: TestApp) {
    let found: Vec<(String, String)> = app
        .get("/api/catalog/suggest?q=tourl")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        found.len() > 5,
        "descriptions that mention Tourline match too"
    );
    assert!(found.len() <= 8, "at most eight");
    assert!(
        found[..5]
            .iter()
            .all(|(_, name)| name.starts_with("Tourline")),
        "{found:?}"
    );
    assert!(found[0].0.starts_with("tourline-"), "slugs for the links");
    let none: Vec<(String, String)> = app
        .get("/api/catalog/suggest?q=%20")
        .await
        .json()
        .await
        .unwrap();
    assert!(none.is_empty());
    let odd = app.get("/api/catalog/suggest?q=%25_%22").await;
    assert_eq!(odd.status(), StatusCode::OK, "search syntax is just text");
}
db_test!(suggestions_put_name_matches_first);

/// A shop set to sell in euros: every price on every page is in euros, the cart too, and a
/// shop started on the same data in another currency refuses to start.
async fn the_shop_sells_in_its_configured_currency(backend: Backend) {
    let Some(app) = spawn_with_env(backend, &[("SHOP_CURRENCY", "EUR")]).await else {
        return;
    };
    let p: Value = app
        .get("/api/catalog/product?slug=tourline-r-p3-91")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["card"]["price"]["currency"], "Eur");
    assert_eq!(p["tiers"][1]["unit_price"]["currency"], "Eur");
    let (_, html) = app.page("/products/tourline-r-p3-91").await;
    assert!(html.contains("€720.00") && html.contains("€676.00"));
    assert!(!html.contains("$720.00"));
    assert!(html.contains(r#""priceCurrency":"EUR""#));
    assert!(html.contains("All prices in euros, excluding shipping and tax"));
    let (_, html) = app.page("/catalog").await;
    assert!(html.contains("from €"));

    let id = p["card"]["id"].as_i64().unwrap().to_string();
    app.call("cart/add", &[("product", &id), ("quantity", "2")])
        .await;
    let summary: Value = app.get("/api/cart/summary").await.json().await.unwrap();
    assert_eq!(summary["subtotal"]["currency"], "Eur");

    let mut env: Vec<(&str, &str)> = app
        .env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    env.push(("SHOP_CURRENCY", "USD"));
    let config = Config::from_parts(None, Path::new("test"), &env_from(&env)).unwrap();
    match Application::build(config).await {
        Err(error @ StartupError::Currency { .. }) => {
            let line = error.to_string();
            assert!(line.contains("USD") && line.contains("EUR"), "{line}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a USD shop started on a catalog priced in euros"),
    }
}

mod the_shop_sells_in_its_configured_currency {
    use crate::helpers::Backend;

    #[tokio::test]
    async fn sqlite() {
        super::the_shop_sells_in_its_configured_currency(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        super::the_shop_sells_in_its_configured_currency(Backend::Postgres).await;
    }
}

/// The configurator offered a cabinet with no stock (full quote and "Add the whole wall"),
/// and the refusal after the click named no item. The choice shows each cabinet's stock and
/// lead time; the quote and the refusal name the item that is short.
async fn the_configurator_says_which_item_is_short(app: TestApp) {
    let panel = crate::cart::product_id(&app, "tourline-r-p3-91").await;
    crate::cart::set_stock(&app, panel, 3).await;
    let page = "/configurator?product=tourline-r-p3-91&mode=cabinets&cols=4&rows=3";
    let (status, html) = app.page(page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("(3 in stock, ships in"),
        "stock in the choice"
    );
    let short = html
        .split(r#"data-testid="wall-short""#)
        .nth(1)
        .expect("the short item is named");
    assert!(
        short.contains("P3.91") && short.contains("only 3 in stock, not enough for this wall"),
        "{short}"
    );
    assert!(!html.contains("Add the whole wall"), "offered for the cart");
    // Posted anyway (an old page): refused, and the page it comes back to names the cabinet.
    let res = app
        .post_plain(
            "cart/add-wall",
            page,
            &[
                ("product", "tourline-r-p3-91"),
                ("cols", "4"),
                ("rows", "3"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(location.contains("__err="), "{location}");
    let (_, html) = app.page(location.trim_start_matches(&app.base)).await;
    let short = html
        .split(r#"data-testid="wall-short""#)
        .nth(1)
        .expect("the short item is named");
    assert!(short.contains("P3.91"), "{short}");
    let cart: Value = app.get("/api/cart/view").await.json().await.unwrap();
    assert!(
        cart["lines"].as_array().unwrap().is_empty(),
        "nothing added"
    );
}
db_test!(the_configurator_says_which_item_is_short);

/// "contoller" and "outdor" found nothing, and 显示屏 ("display") and 控制器 ("controller")
/// found nothing because no Chinese product text uses them. A search that finds nothing is
/// tried again with its mistyped words spelled as the catalog spells them (the page says
/// so), and the index holds the words Chinese buyers search with.
async fn search_tolerates_typos_and_knows_chinese_words(app: TestApp) {
    let typo = list(&app, "query[q]=contoller&query[page]=1").await;
    assert_eq!(typo["corrected"], "controller");
    assert!(typo["total"].as_i64().unwrap() > 0);
    for p in typo["products"].as_array().unwrap() {
        assert_eq!(p["category"], "Controllers", "{p}");
    }
    let typo = list(&app, "query[q]=outdor%20cabniet&query[page]=1").await;
    assert_eq!(typo["corrected"], "outdoor cabinet");
    assert!(typo["total"].as_i64().unwrap() > 0);
    // The typed word is kept when it finds something itself; nonsense stays nothing.
    let exact = list(&app, "query[q]=controller&query[page]=1").await;
    assert!(exact["corrected"].is_null());
    let none = list(&app, "query[q]=zzzqqq&query[page]=1").await;
    assert!(none["corrected"].is_null());
    assert_eq!(none["total"], 0);
    // The page tells the visitor what it searched for instead.
    let (_, html) = app.page("/search?q=contoller").await;
    assert!(
        html.contains("Nothing matched “contoller”: showing results for “controller”."),
        "the correction is not shown"
    );
    // Chinese search words.
    let search = |word: &str| {
        let encoded: String = form_urlencoded::byte_serialize(word.as_bytes()).collect();
        let params = format!("query[q]={encoded}&query[page]=1");
        let app = &app;
        async move { list(app, &params).await }
    };
    // Screens for 显示屏 ("display"), and nothing that is not one.
    let screens = search("显示屏").await;
    assert!(screens["total"].as_i64().unwrap() > 10, "{screens}");
    for p in screens["products"].as_array().unwrap() {
        assert!(
            !["Controllers", "Modules", "Accessories"].contains(&p["category"].as_str().unwrap()),
            "{p}"
        );
    }
    let controllers = search("控制器").await;
    assert!(controllers["total"].as_i64().unwrap() > 0);
    assert_eq!(controllers["products"][0]["category"], "Controllers");
}
db_test!(search_tolerates_typos_and_knows_chinese_words);
