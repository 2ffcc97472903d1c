//! `/unsubscribe/:key`: where a marketing mail's unsubscribe link leads. Opening it changes
//! nothing (a link scanner may fetch it); the button ends the opt-in, with no sign-in. A
//! mail client's one-click POST to the same address does the same (`server/src/unsubscribe.rs`).
//! The page says what is true now: the link is not valid, the address gets no marketing
//! mail, or the button.

use crate::{
    api::marketing::{Unsubscribe, get_unsubscribe_state},
    components::{
        form::{FormMessage, action_error, successes},
        page_meta::PageMeta,
    },
    i18n::{Key, tr},
};
use leptos::{either::EitherOf3, prelude::*};
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let key = move || params.read().get("key").unwrap_or_default();
    let action = ServerAction::<Unsubscribe>::new();
    let error = action_error(action);
    let done = successes(action);
    let state = Resource::new(
        move || (key(), done.get()),
        |(key, _)| get_unsubscribe_state(key),
    );
    view! {
        <PageMeta title=Key::UnsubscribeTitle />
        <section class="container section narrow">
            <h1>{tr(Key::UnsubscribeTitle)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match state.await {
                        Ok(Some(true)) => EitherOf3::A(view! {
                            <p>{tr(Key::UnsubscribeLead)}</p>
                            <ActionForm action attr:class="form-stack">
                                <FormMessage error />
                                <input type="hidden" name="key" value=key() />
                                <button type="submit" class="button button-primary">{tr(Key::UnsubscribeButton)}</button>
                            </ActionForm>
                        }),
                        Ok(Some(false)) => EitherOf3::B(view! {
                            <p class="form-message form-message-success" role="status">{tr(Key::UnsubscribeDone)}</p>
                            <p><A href="/account">{tr(Key::UnsubscribeProfile)}</A></p>
                        }),
                        _ => EitherOf3::C(view! {
                            <div class="empty-state"><p>{tr(Key::UnsubscribeInvalid)}</p></div>
                        }),
                    }
                })}
            </Suspense>
        </section>
    }
}
