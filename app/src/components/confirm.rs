//! The second step of a destructive action (delete an address, archive a product, change a
//! role). The first step is a link (or a GET form) that puts `?confirm=<what>` into the page
//! address; the page then shows what will happen with the real form and a way back. It works
//! the same without JavaScript, and Back undoes the first step.

use crate::i18n::{Key, tr};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// True while the page address asks to confirm `what`.
pub fn confirming(what: impl Fn() -> String + Send + Sync + 'static) -> Signal<bool> {
    let query = use_query_map();
    Signal::derive(move || query.read().get("confirm").as_deref() == Some(what().as_str()))
}

/// The current page with `?confirm=<what>` (the first step).
pub fn confirm_href(what: &str) -> String {
    let path = use_location().pathname.get_untracked();
    format!("{path}?confirm={what}")
}

/// The confirmation: the question, the form that does it (`children`), and a way back to
/// the page as it was.
#[component]
pub fn ConfirmPanel(question: Signal<String>, children: Children) -> impl IntoView {
    let back = use_location().pathname.get_untracked();
    view! {
        <div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question" class="confirm-question">{move || question.get()}</p>
            <div class="confirm-actions">
                {children()}
                <a class="button button-secondary" href=back>{tr(Key::Cancel)}</a>
            </div>
        </div>
    }
}
