//! Guards for pages that need a signed-in shopper or staff: anyone else is sent to the
//! sign-in page (and back afterwards), or shown the 404 page.

use super::not_found::NotFound;
use crate::components::auth::use_auth;
use leptos::{
    either::{EitherOf3, EitherOf4},
    prelude::*,
};
use leptos_router::{components::Redirect, hooks::use_location};

/// The sign-in page, coming back to the current page afterwards.
fn sign_in_path() -> String {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let here = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    format!("/account/sign-in?next={}", url_escape(&here))
}

fn url_escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Shows `children` to a signed-in shopper; sends anyone else to the sign-in page.
///
/// A shopper who signs out, deactivates or deletes their account here is already on the way
/// to the page the server answered with (which may arrive a moment later): the guard then
/// shows nothing rather than racing that navigation to the sign-in page.
#[component]
pub fn RequireUser(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let children = StoredValue::new(children);
    let shown = StoredValue::new(false);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(_)) => {
                        shown.set_value(true);
                        EitherOf4::A(children.read_value()())
                    }
                    Ok(None) if shown.get_value() => EitherOf4::D(()),
                    Ok(None) => EitherOf4::B(view! { <Redirect path=sign_in_path() /> }),
                    Err(_) => EitherOf4::C(view! { <NotFound /> }),
                }
            })}
        </Suspense>
    }
}

/// Shows `children` to staff; a shopper gets the 404 page (the back office is not
/// advertised), a visitor the sign-in page.
#[component]
pub fn RequireStaff(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let children = StoredValue::new(children);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(user)) if user.role.is_staff() => EitherOf3::A(children.read_value()()),
                    Ok(None) => EitherOf3::B(view! { <Redirect path=sign_in_path() /> }),
                    _ => EitherOf3::C(view! { <NotFound /> }),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_paths_are_escaped() {
        assert_eq!(
            super::url_escape("/account?x=1&y=2"),
            "/account%3Fx%3D1%26y%3D2"
        );
    }
}
