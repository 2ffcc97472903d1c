//! The one way a server function sends the browser elsewhere: to a [`SafePath`], so a target
//! that came from the request (`next=`) has been checked to be a path on this site, and the
//! `Location` header can always be built (leptos_axum panics on an invalid one).

use crate::domain::redirect::SafePath;

pub fn redirect(to: &SafePath) {
    leptos_axum::redirect(to.as_str());
}
