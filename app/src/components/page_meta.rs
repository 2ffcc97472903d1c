//! The `<title>` and description of a page, in the current language.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn PageMeta(title: Key, #[prop(optional)] description: Option<Key>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || format!("{} · {}", i18n.t(title), i18n.t(Key::ShopName)) />
        {description
            .map(|d| view! { <Meta name="description" content=move || i18n.t(d) /> })}
    }
}
