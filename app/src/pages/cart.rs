//! The shopping cart.

use crate::{
    components::page_meta::PageMeta,
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CartPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::CartTitle />
        <section class="container section">
            <h1>{tr(Key::CartTitle)}</h1>
            <div class="empty-state">
                <p>{tr(Key::CartEmpty)}</p>
                <A href="/catalog" attr:class="button button-primary">
                    {tr(Key::HeroCtaBrowse)}
                </A>
            </div>
        </section>
    }
}
