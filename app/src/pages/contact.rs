//! How to reach the shop.

use crate::{
    api::shop::get_shop_info,
    components::page_meta::PageMeta,
    i18n::{Key, tr},
};
use leptos::prelude::*;

#[component]
pub fn ContactPage() -> impl IntoView {
    let info = OnceResource::new(get_shop_info());
    view! {
        <PageMeta title=Key::ContactTitle />
        <article class="container section prose">
            <h1>{tr(Key::ContactTitle)}</h1>
            <p class="lead">{tr(Key::ContactIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    info.await
                        .ok()
                        .map(|info| {
                            let mailto = format!("mailto:{}", info.contact_email);
                            view! {
                                <dl class="contact-details">
                                    <dt>{tr(Key::ContactEmailLabel)}</dt>
                                    <dd>
                                        <a href=mailto>{info.contact_email.clone()}</a>
                                    </dd>
                                </dl>
                            }
                        })
                })}
            </Suspense>
        </article>
    }
}
