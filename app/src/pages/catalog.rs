//! The catalog: the list of categories and one page per category.

use super::{home::CategoryGrid, not_found::NotFound};
use crate::{
    components::page_meta::PageMeta,
    domain::category::Category,
    i18n::{Key, tr},
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn CatalogPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::CatalogTitle description=Key::HomeDescription />
        <section class="container section">
            <h1>{tr(Key::CatalogTitle)}</h1>
            <p class="section-intro">{tr(Key::CatalogIntro)}</p>
            <CategoryGrid />
        </section>
    }
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let category = move || {
        params
            .read()
            .get("category")
            .and_then(|s| Category::from_slug(&s))
    };
    move || match category() {
        None => Either::Left(view! { <NotFound /> }),
        Some(category) => Either::Right(view! {
            <PageMeta title=category.name() description=category.blurb() />
            <section class="container section">
                <nav class="breadcrumbs" aria-label="Breadcrumb">
                    <A href="/catalog">{tr(Key::CatalogTitle)}</A>
                </nav>
                <h1>{tr(category.name())}</h1>
                <p class="section-intro">{tr(category.blurb())}</p>
                <div class="empty-state">
                    <img src=category.image() alt="" width="320" height="200" />
                    <p>{tr(Key::CategoryEmpty)}</p>
                    <A href="/catalog" attr:class="button button-secondary">
                        {tr(Key::BackToCatalog)}
                    </A>
                </div>
            </section>
        }),
    }
}
