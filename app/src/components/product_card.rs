//! A product in a grid: picture, name, the specifications buyers scan for, price and stock.

use super::cart::AddToCartForm;
use crate::{
    domain::catalog::pitch_mm,
    i18n::{Key, Msg, tr, use_i18n},
    model::catalog::ProductCard as Card,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// `first_seen`: the card is in the first row of a page's main content, so its picture is
/// fetched at once (the first one with high priority: it is the largest paint of a listing),
/// not when scrolled to.
#[component]
pub fn ProductCard(
    product: Card,
    #[prop(default = None)] first_seen: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/products/{}", product.slug);
    let price = product.price;
    let in_stock = product.stock > 0;
    let (reviews, tenths) = (product.review_count, product.rating_tenths);
    let badges: Vec<String> = [
        product.pitch_um.map(|p| format!("P{}", pitch_mm(p))),
        product.brightness_nits.map(|n| format!("{n} nits")),
        product.ip_front.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <li class="product-card">
            <A href=href.clone() attr:class="product-card-link">
                <img
                    src=product.image.clone()
                    alt=""
                    width="320"
                    height="200"
                    loading=first_seen.is_none().then_some("lazy")
                    fetchpriority=(first_seen == Some(0)).then_some("high")
                />
                <span class="product-brand">{product.brand.clone()}</span>
                <span class="product-name">{product.name.clone()}</span>
            </A>
            <ul class="spec-badges">
                {badges.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
            </ul>
            <p class="product-summary">{product.summary.clone()}</p>
            {(reviews > 0).then(|| view! {
                <p class="card-rating" data-testid="card-rating">
                    <span class="stars" aria-hidden="true">"★"</span> " "
                    {move || i18n.msg(Msg::RatingOutOfFive { tenths })} " · "
                    {move || i18n.msg(Msg::ReviewCount { count: reviews })}
                </p>
            })}
            <p class="product-price">
                <span class="price">{move || i18n.msg(Msg::PriceFrom { price: &price.format(i18n.lang()) })}</span>
                <span class=if in_stock { "stock stock-in" } else { "stock stock-out" }>
                    {if in_stock { tr(Key::InStock).into_any() } else { tr(Key::OutOfStock).into_any() }}
                </span>
            </p>
            <AddToCartForm product=product.id stock=product.stock />
        </li>
    }
}

/// How many cards a grid's first row holds at most (a wide screen shows four).
const FIRST_ROW: usize = 4;

/// A grid of product cards. `top`: the grid opens the page (a listing), so its first row's
/// pictures load at once.
#[component]
pub fn ProductGrid(products: Vec<Card>, #[prop(optional)] top: bool) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let first_seen = (top && i < FIRST_ROW).then_some(i);
                    view! { <ProductCard product=p first_seen /> }
                })
                .collect_view()}
        </ul>
    }
}
