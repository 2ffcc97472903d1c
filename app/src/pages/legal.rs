//! The privacy policy and the terms of use.

use crate::{
    components::page_meta::PageMeta,
    i18n::{Key, tr},
};
use leptos::prelude::*;

/// The promises the shop keeps today (P7, reviews, returns with them).
const PROMISES: [Key; 11] = [
    Key::PolicyP1,
    Key::PolicyP2,
    Key::PolicyP3,
    Key::PolicyP4,
    Key::PolicyP5,
    Key::PolicyP6,
    Key::PolicyP8,
    Key::PolicyP9,
    Key::PolicyP10,
    Key::PolicyP11,
    Key::PolicyP12,
];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::PrivacyTitle description=Key::PrivacyIntro />
        <article class="container section prose">
            <h1>{tr(Key::PrivacyTitle)}</h1>
            <p class="lead">{tr(Key::PrivacyIntro)}</p>
            <h2>{tr(Key::PrivacyPromisesHeading)}</h2>
            <ol class="promise-list">
                {PROMISES.into_iter().map(|p| view! { <li>{tr(p)}</li> }).collect_view()}
            </ol>
        </article>
    }
}

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
                <li>{tr(Key::TermsSuspension)}</li>
            </ol>
        </article>
    }
}
