//! `/unsubscribe/:key`: where a marketing mail's unsubscribe link leads. Opening it changes
//! nothing (a link scanner may fetch it); the button ends the opt-in, with no sign-in. A
//! mail client's one-click POST to the same address does the same (`server/src/unsubscribe.rs`).

use crate::{
    api::marketing::Unsubscribe,
    components::{
        form::{FormMessage, action_done, action_error},
        page_meta::PageMeta,
    },
    domain::marketing::UnsubscribeKey,
    i18n::{Key, tr},
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        params
            .read()
            .get("key")
            .and_then(|k| UnsubscribeKey::parse(&k))
    };
    view! {
        <PageMeta title=Key::UnsubscribeTitle />
        <section class="container section narrow">
            <h1>{tr(Key::UnsubscribeTitle)}</h1>
            {move || match key() {
                None => Either::Right(view! {
                    <div class="empty-state"><p>{tr(Key::ErrorLinkInvalid)}</p></div>
                }),
                Some(key) => Either::Left(view! { <Confirm key=key.as_str().to_string() /> }),
            }}
        </section>
    }
}

/// The button, and what it did.
#[component]
fn Confirm(key: String) -> impl IntoView {
    let action = ServerAction::<Unsubscribe>::new();
    let error = action_error(action);
    let done = action_done(action);
    move || {
        if done.get() {
            Either::Left(view! {
                <p class="form-message form-message-success" role="status">{tr(Key::UnsubscribeDone)}</p>
                <p><A href="/account">{tr(Key::UnsubscribeProfile)}</A></p>
            })
        } else {
            let key = key.clone();
            Either::Right(view! {
                <p>{tr(Key::UnsubscribeLead)}</p>
                <ActionForm action attr:class="form-stack">
                    <FormMessage error />
                    <input type="hidden" name="key" value=key />
                    <button type="submit" class="button button-primary">{tr(Key::UnsubscribeButton)}</button>
                </ActionForm>
            })
        }
    }
}
