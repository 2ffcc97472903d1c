//! A product page: pictures, specifications, tier prices for the quantity chosen, stock and
//! lead time, comparison, the configurator for cabinets, related products, and the metadata
//! search engines read (JSON-LD, canonical address, Open Graph).

use super::not_found::NotFound;
use crate::{
    api::{
        catalog::{ToggleCompare, compare_ids, get_product},
        reviews::get_product_reviews,
    },
    components::{
        cart::AddToCartForm, form::without_unnamed, page_meta::title_text,
        product_card::ProductGrid, reviews::ReviewsSection, specs::spec_rows,
    },
    domain::pricing::{line_total, tier_for},
    error::ShopError,
    i18n::{Key, Msg, tr, use_i18n},
    model::{catalog::ProductDetail, review::ProductReviews},
};
use leptos::{either::Either, prelude::*};
use leptos_meta::{Link, Meta, Title};
use leptos_router::{
    components::{A, Form},
    hooks::{use_params_map, use_query_map},
};

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let product = Resource::new(slug, get_product);
    let query = use_query_map();
    let reviews = Resource::new(
        move || {
            let q = query.read();
            let sort = q.get("sort").unwrap_or_default();
            let page = q
                .get("page")
                .and_then(|p| p.parse::<i64>().ok())
                .unwrap_or(1);
            (slug(), sort, page)
        },
        |(slug, sort, page)| get_product_reviews(slug, sort, page),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match product.await {
                    Ok(p) => Either::Left(view! { <ProductView product=p reviews /> }),
                    Err(_) => Either::Right(view! { <NotFound /> }),
                }
            })}
        </Suspense>
    }
}

/// Schema.org Product data, escaped to sit inside its `<script>` element.
fn json_ld(p: &ProductDetail) -> String {
    let availability = if p.card.stock > 0 {
        "https://schema.org/InStock"
    } else {
        "https://schema.org/OutOfStock"
    };
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.card.name,
        "sku": p.model,
        "brand": { "@type": "Brand", "name": p.card.brand },
        "description": p.card.summary,
        "image": p.card.image,
        "offers": {
            "@type": "Offer",
            "price": p.card.price.decimal(),
            "priceCurrency": p.card.price.currency.code(),
            "availability": availability,
        }
    });
    // Search engines are told the rating only when there is one to tell.
    if p.card.review_count > 0 {
        let tenths = p.card.rating_tenths;
        data["aggregateRating"] = serde_json::json!({
            "@type": "AggregateRating",
            "ratingValue": format!("{}.{}", tenths / 10, tenths % 10),
            "reviewCount": p.card.review_count,
            "bestRating": 5,
            "worstRating": 1,
        });
    }
    crate::escape::json_in_script(&data)
}

#[component]
fn ProductView(
    product: ProductDetail,
    reviews: Resource<Result<ProductReviews, ShopError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let qty = Memo::new(move |_| {
        query
            .read()
            .get("qty")
            .and_then(|q| q.trim().parse::<i64>().ok())
            .filter(|q| (1..=100_000).contains(q))
            .unwrap_or(1)
    });
    let p = StoredValue::new(product.clone());
    let card = product.card.clone();
    let href = format!("/products/{}", card.slug);
    let category = card.category;
    let in_stock = card.stock > 0;
    let is_cabinet = product.specs.cabinet().is_some();
    let compare = ServerAction::<ToggleCompare>::new();
    // Asked in the browser only (an effect): a resource read here would hold the server's
    // render of the page until an answer that never comes there.
    let on_list = RwSignal::new(None::<Vec<crate::domain::ids::ProductId>>);
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(ids) = compare_ids().await {
                on_list.set(Some(ids));
            }
        });
    });
    let ld = json_ld(&product);
    // The quantity priced: from the address, then (with JavaScript) as typed into the cart
    // form, which then stands alone: the "Show price" form is for pages without it.
    let chosen = RwSignal::new(qty.get_untracked());
    Effect::new(move |_| chosen.set(qty.get()));
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <Title text={
            let name = card.name.clone();
            title_text(move || format!("{name} · {}", i18n.t(Key::ShopName)))
        } />
        <Meta name="description" content=card.summary.clone() />
        <Link rel="canonical" href=href.clone() />
        <Meta property="og:type" content="product" />
        <Meta property="og:title" content=card.name.clone() />
        <Meta property="og:description" content=card.summary.clone() />
        <Meta property="og:image" content=card.image.clone() />
        <script type="application/ld+json" inner_html=ld></script>
        <section class="container section product">
            <nav class="breadcrumbs" aria-label=tr(Key::Breadcrumbs)>
                <A href="/catalog">{tr(Key::CatalogTitle)}</A>
                <A href=format!("/catalog/{}", category.slug())>{tr(category.name())}</A>
            </nav>
            <div class="product-grid-top">
                <div class="product-media">
                    <img src=card.image.clone() alt=card.name.clone() width="640" height="400" fetchpriority="high" />
                </div>
                <div class="product-buy">
                    <p class="product-brand">{card.brand.clone()}</p>
                    <h1>{card.name.clone()}</h1>
                    <p class="lead">{card.summary.clone()}</p>
                    <p class=if in_stock { "stock stock-in" } else { "stock stock-out" }>
                        {move || {
                            let p = p.read_value();
                            if in_stock {
                                i18n.msg(Msg::StockLevel { count: p.card.stock, days: p.specs.lead_time_days })
                            } else {
                                i18n.t(Key::OutOfStock).to_string()
                            }
                        }}
                    </p>
                    <table class="table tier-table">
                        <caption>{tr(Key::TierHeading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::TierQuantity)}</th>
                                <th scope="col">{tr(Key::TierUnitPrice)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let p = p.read_value();
                                let applied = tier_for(&p.tiers, chosen.get()).map(|t| t.min_qty);
                                let tiers = p.tiers.clone();
                                tiers.iter().enumerate().map(|(i, t)| {
                                    let range = match tiers.get(i + 1) {
                                        Some(next) => format!("{}–{}", t.min_qty, next.min_qty - 1),
                                        None => format!("{}+", t.min_qty),
                                    };
                                    let current = applied == Some(t.min_qty);
                                    view! {
                                        <tr class:tier-current=current>
                                            <td>{range}</td>
                                            <td>{t.unit_price.format(i18n.lang())}</td>
                                        </tr>
                                    }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                    <Form method="GET" action=href.clone() attr:class="qty-form" attr:hidden=move || hydrated.get() on_form_data=without_unnamed()>
                        <label for="qty">{tr(Key::Quantity)}</label>
                        <input id="qty" name="qty" type="number" min="1" max="100000" value=move || qty.get().to_string() />
                        <button type="submit" class="button button-secondary">{tr(Key::PriceUpdate)}</button>
                    </Form>
                    <p class="qty-total" role="status">
                        {move || {
                            let p = p.read_value();
                            line_total(&p.tiers, chosen.get()).map(|total| i18n.msg(Msg::PriceForQuantity { qty: chosen.get(), total: &total.format(i18n.lang()) }))
                        }}
                    </p>
                    <AddToCartForm product=card.id stock=card.stock with_quantity=true quantity=chosen />
                    <div class="card-actions">
                        {is_cabinet.then(|| view! {
                            <A href=format!("/configurator?product={}", card.slug) attr:class="button button-primary">{tr(Key::ConfigureWall)}</A>
                        })}
                        <ActionForm action=compare>
                            <input type="hidden" name="id" value=card.id.to_string() />
                            <button type="submit" class="button button-secondary">{tr(Key::CompareToggle)}</button>
                        </ActionForm>
                        // Whether the product is in the comparison: asked for once the page runs
                        // in the browser, then the answer of each click.
                        {move || {
                            let clicked = compare.value().get().and_then(Result::ok);
                            let inside = match clicked {
                                Some(list) => list.contains(&card.id),
                                // Before any click only "it is in" is worth a line.
                                None => on_list.get()?.contains(&card.id).then_some(true)?,
                            };
                            Some(view! {
                                <p class="compare-state" role="status" data-testid="compare-state">
                                    {tr(if inside { Key::CompareIsIn } else { Key::CompareIsOut })} " "
                                    <A href="/compare">{tr(Key::CompareOpen)}</A>
                                </p>
                            })
                        }}
                    </div>
                </div>
            </div>
            <div class="product-details">
                <section aria-labelledby="specs-heading">
                    <h2 id="specs-heading">{tr(Key::SpecsHeading)}</h2>
                    <table class="table spec-table">
                        <tbody>
                            {move || {
                                spec_rows(&p.read_value().specs, i18n.lang())
                                    .into_iter()
                                    .filter_map(|(k, v)| v.map(|v| view! {
                                        <tr><th scope="row">{tr(k)}</th><td>{v}</td></tr>
                                    }))
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </section>
                <section aria-labelledby="about-heading">
                    <h2 id="about-heading">{tr(Key::AboutProduct)}</h2>
                    <p>{product.description.clone()}</p>
                </section>
            </div>
            <ReviewsSection slug=product.card.slug.clone() reviews />
            {(!product.related.is_empty()).then(|| view! {
                <section class="section" aria-labelledby="related-heading">
                    <h2 id="related-heading">{tr(Key::RelatedHeading)}</h2>
                    <ProductGrid products=product.related.clone() />
                </section>
            })}
        </section>
    }
}
