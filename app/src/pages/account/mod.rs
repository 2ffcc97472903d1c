//! The shopper's account pages (P8, P9) and the pages for signing in and registering.

pub mod addresses;
pub mod cards;
pub mod data;
pub mod profile;
pub mod register;
pub mod reviews;
pub mod security;
pub mod sign_in;

use crate::{
    api::account::auth::SignOut,
    components::auth::use_auth,
    components::form::action_done,
    i18n::{Key, tr},
    pages::guard::RequireUser,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// The frame of the signed-in account pages: a section menu beside the content.
///
/// A page makes its resources before this frame, at the top of its own component, and hands
/// them down: the guard builds `children` inside a `Suspense`, which the server may build
/// more than once while data loads, and the browser once. A resource made in there would
/// take a different place in the page's serialized data on each side, read another one's
/// value in the browser, and the page would fail to hydrate.
#[component]
pub fn AccountLayout(title: Key, children: ChildrenFn) -> impl IntoView {
    let children = StoredValue::new(children);
    view! {
        <RequireUser>
            <section class="container section account">
                <h1>{tr(title)}</h1>
                <div class="account-grid">
                    <AccountMenu />
                    <div class="account-main">{children.read_value()()}</div>
                </div>
            </section>
        </RequireUser>
    }
}

#[component]
fn AccountMenu() -> impl IntoView {
    let auth = use_auth();
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if action_done(sign_out).get() {
            auth.refresh();
        }
    });
    view! {
        <nav class="account-menu" aria-label=tr(Key::AccountMenu)>
            <ul>
                <li><A href="/account" exact=true>{tr(Key::AccountOverview)}</A></li>
                <li><A href="/account/orders">{tr(Key::AccountOrders)}</A></li>
                <li><A href="/account/reviews">{tr(Key::AccountReviews)}</A></li>
                <li><A href="/account/addresses">{tr(Key::AccountAddresses)}</A></li>
                <li><A href="/account/cards">{tr(Key::AccountCards)}</A></li>
                <li><A href="/account/security">{tr(Key::AccountSecurity)}</A></li>
                <li><A href="/account/data">{tr(Key::AccountData)}</A></li>
                <Transition>
                    {move || Suspend::new(async move {
                        auth.user.await.ok().flatten().filter(|u| u.role.is_staff()).map(|_| view! {
                            <li><A href="/admin">{tr(Key::AdminShort)}</A></li>
                        })
                    })}
                </Transition>
            </ul>
            <ActionForm action=sign_out>
                <button type="submit" class="button button-secondary">{tr(Key::SignOut)}</button>
            </ActionForm>
        </nav>
    }
}
