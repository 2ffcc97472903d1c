//! The designed "page not found" page, answered with status 404.

use crate::{
    components::page_meta::PageMeta,
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageMeta title=Key::NotFoundTitle />
        <section class="container status-page">
            <p class="status-code" aria-hidden="true">"404"</p>
            <h1>{tr(Key::NotFoundTitle)}</h1>
            <p>{tr(Key::NotFoundText)}</p>
            <p class="actions">
                <A href="/" attr:class="button button-primary">{tr(Key::NotFoundHome)}</A>
                <A href="/catalog" attr:class="button button-secondary">{tr(Key::NavCatalog)}</A>
            </p>
        </section>
    }
}
