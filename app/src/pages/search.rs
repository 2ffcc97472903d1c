//! Catalog search results (`/search?q=…`).

use super::home::CategoryGrid;
use crate::{
    components::page_meta::PageMeta,
    i18n::{Key, fill, use_i18n},
};
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default().trim().to_string();
    view! {
        <PageMeta title=Key::SearchTitle />
        <section class="container section">
            {move || {
                let q = q();
                if q.is_empty() {
                    Either::Left(view! {
                        <h1>{i18n.t(Key::SearchTitle)}</h1>
                        <p class="section-intro">{i18n.t(Key::SearchEmptyQuery)}</p>
                    })
                } else {
                    Either::Right(view! {
                        <h1>{fill(i18n.t(Key::SearchResultsFor), &[("query", &q)])}</h1>
                        <p class="section-intro">
                            {fill(i18n.t(Key::SearchNoResults), &[("query", &q)])}
                        </p>
                    })
                }
            }}
            <CategoryGrid />
        </section>
    }
}
