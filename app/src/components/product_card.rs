//! A product in a grid: picture, name, the specifications buyers scan for, price and stock.

use super::cart::AddToCartForm;
use crate::{
    domain::catalog::pitch_mm,
    i18n::{Key, Msg, tr, use_i18n},
    model::catalog::ProductCard as Card,
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProductCard(product: Card) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/products/{}", product.slug);
    let price = product.price;
    let in_stock = product.stock > 0;
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
                <img src=product.image.clone() alt="" width="320" height="200" loading="lazy" />
                <span class="product-brand">{product.brand.clone()}</span>
                <span class="product-name">{product.name.clone()}</span>
            </A>
            <ul class="spec-badges">
                {badges.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
            </ul>
            <p class="product-summary">{product.summary.clone()}</p>
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

/// A grid of product cards.
#[component]
pub fn ProductGrid(products: Vec<Card>) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products.into_iter().map(|p| view! { <ProductCard product=p /> }).collect_view()}
        </ul>
    }
}
