//! Who is signed in, for every component of the page: a resource refreshed after each
//! action that signs in or out. (The guards of pages that need a shopper or staff are in
//! `pages/guard.rs`.)

use crate::{api::account::get_current_user, error::ShopError, model::account::CurrentUser};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Auth {
    version: RwSignal<u32>,
    pub user: Resource<Result<Option<CurrentUser>, ShopError>>,
}

impl Auth {
    /// Fetches the signed-in user again (after sign-in, sign-out, profile changes).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }

    /// How many times the user was fetched again (tracked: a resource keyed on it follows
    /// sign-in and sign-out).
    pub fn version(&self) -> u32 {
        self.version.get()
    }
}

pub fn provide_auth() -> Auth {
    let version = RwSignal::new(0);
    let user = Resource::new(move || version.get(), |_| get_current_user());
    let auth = Auth { version, user };
    provide_context(auth);
    // A kept page that came with a shopper's values (see `personal.rs`) was hydrated with
    // what a visitor without a session gets: ask who this is, once.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let personal = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-personal='1']").ok().flatten())
            .is_some();
        if personal {
            auth.refresh();
        }
    });
    auth
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
