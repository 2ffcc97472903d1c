//! The home page: what the shop sells, its categories and why to buy here.

use crate::{
    api::catalog::list_products,
    components::{icons, page_meta::PageMeta, product_card::ProductGrid},
    domain::{
        catalog::{CatalogQuery, Sort},
        category::Category,
    },
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageMeta title=Key::HomeTitle description=Key::HomeDescription />
        <section class="hero">
            <div class="container hero-grid">
                <div class="hero-copy">
                    <p class="eyebrow">{tr(Key::HeroEyebrow)}</p>
                    <h1>{tr(Key::HeroHeading)}</h1>
                    <p class="lead">{tr(Key::HeroText)}</p>
                    <p class="actions">
                        <A href="/catalog" attr:class="button button-primary">
                            {tr(Key::HeroCtaBrowse)}
                        </A>
                        <A href="/configurator" attr:class="button button-ghost">
                            {tr(Key::HeroCtaConfigure)}
                        </A>
                    </p>
                </div>
                <img
                    class="hero-art"
                    src="/images/hero-stadium.svg"
                    alt=""
                    fetchpriority="high"
                    width="640"
                    height="420"
                />
            </div>
        </section>
        <section class="container section" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{tr(Key::CategoriesHeading)}</h2>
            <p class="section-intro">{tr(Key::CategoriesIntro)}</p>
            <CategoryGrid />
        </section>
        <FeaturedProducts />
        <section class="section section-alt" aria-labelledby="why-heading">
            <div class="container">
                <h2 id="why-heading">{tr(Key::WhyHeading)}</h2>
                <ul class="feature-list">
                    <Feature title=Key::WhyBrightTitle text=Key::WhyBrightText />
                    <Feature title=Key::WhyWeatherTitle text=Key::WhyWeatherText />
                    <Feature title=Key::WhyWholesaleTitle text=Key::WhyWholesaleText />
                    <Feature title=Key::WhyPrivacyTitle text=Key::WhyPrivacyText />
                </ul>
            </div>
        </section>
    }
}

/// The finest-pitch outdoor walls, as a taste of the catalog.
#[component]
fn FeaturedProducts() -> impl IntoView {
    let query = CatalogQuery {
        category: Some(Category::FixedOutdoor),
        sort: Sort::PitchFine,
        page: 1,
        ..CatalogQuery::default()
    };
    let featured = OnceResource::new(list_products(query));
    view! {
        <section class="container section" aria-labelledby="featured-heading">
            <h2 id="featured-heading">{tr(Key::FeaturedHeading)}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    featured.await.ok().map(|page| {
                        let products = page.products.into_iter().take(4).collect::<Vec<_>>();
                        view! { <ProductGrid products /> }
                    })
                })}
            </Suspense>
            <p><A href="/catalog/fixed-outdoor">{tr(Key::FeaturedMore)}</A></p>
        </section>
    }
}

#[component]
fn Feature(title: Key, text: Key) -> impl IntoView {
    view! {
        <li class="feature">
            <span class="feature-icon">
                <icons::Check />
            </span>
            <h3>{tr(title)}</h3>
            <p>{tr(text)}</p>
        </li>
    }
}

/// Tiles linking to each category of the catalog.
#[component]
pub fn CategoryGrid() -> impl IntoView {
    view! {
        <ul class="category-grid">
            {Category::ALL
                .into_iter()
                .map(|category| {
                    view! {
                        <li>
                            <A
                                href=format!("/catalog/{}", category.slug())
                                attr:class="category-card"
                            >
                                <img src=category.image() alt="" width="320" height="200" />
                                <span class="category-name">{tr(category.name())}</span>
                                <span class="category-blurb">{tr(category.blurb())}</span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
