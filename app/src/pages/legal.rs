//! The terms of use (the privacy policy is `privacy.rs`).

use crate::{
    components::page_meta::PageMeta,
    i18n::{Key, tr},
};
use leptos::prelude::*;

#[component]
pub fn TermsPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::TermsTitle />
        <article class="container section prose">
            <h1>{tr(Key::TermsTitle)}</h1>
            <p class="lead">{tr(Key::TermsIntro)}</p>
            <ol>
                <li>{tr(Key::TermsOrders)}</li>
                <li>{tr(Key::TermsConduct)}</li>
                <li>{tr(Key::TermsReviews)}</li>
                <li>{tr(Key::TermsSuspension)}</li>
            </ol>
        </article>
    }
}
