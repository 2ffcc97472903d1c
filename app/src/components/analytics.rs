//! Clicks for first-party analytics, from the hydrated app only and only while the visitor
//! allows analytics (the server checks again): what was clicked is named by where it leads
//! (a link's path, a form's action), never by the text on it, which can name the shopper.
//! Clicks are sent in batches with `gloo-net`: every few seconds while there are some, and
//! when the page is hidden. Without JavaScript only page views are counted (by the server).

use super::consent::use_consent;

/// Call once in `App`, after `provide_consent`.
pub fn collect_clicks() {
    #[cfg(feature = "hydrate")]
    browser::start(use_consent());
    #[cfg(not(feature = "hydrate"))]
    let _ = use_consent;
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::{components::consent::ConsentCtx, domain::analytics::Click};
    use leptos::{ev, prelude::*};
    use std::{cell::RefCell, rc::Rc, time::Duration};
    use wasm_bindgen::JsCast;

    /// Sent when this many are waiting, or after [`FLUSH_EVERY`].
    const BATCH: usize = 20;
    const FLUSH_EVERY: Duration = Duration::from_secs(5);

    pub fn start(consent: ConsentCtx) {
        let queue: Rc<RefCell<Vec<Click>>> = Rc::default();
        let allowed = move || {
            consent
                .view
                .get_untracked()
                .and_then(Result::ok)
                .is_some_and(|v| v.analytics)
        };
        let on_click = {
            let queue = queue.clone();
            move |event: ev::MouseEvent| {
                if !allowed() {
                    return;
                }
                let Some(label) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| label_of(&el))
                else {
                    return;
                };
                let path = window().location().pathname().unwrap_or_default();
                let full = {
                    let mut queue = queue.borrow_mut();
                    queue.push(Click { path, label });
                    queue.len() >= BATCH
                };
                if full {
                    flush(&queue);
                }
            }
        };
        // Listeners for the page's whole life (the app is never unmounted).
        std::mem::forget(window_event_listener(ev::click, on_click));
        let hidden = {
            let queue = queue.clone();
            move |_: ev::Event| {
                if document().visibility_state() == web_sys::VisibilityState::Hidden {
                    flush(&queue);
                }
            }
        };
        std::mem::forget(window_event_listener(ev::visibilitychange, hidden));
        let _ = set_interval_with_handle(move || flush(&queue), FLUSH_EVERY);
    }

    /// Where the clicked element (or the link or button holding it) leads: a link's path, or
    /// the action of a submit button's form.
    fn label_of(target: &web_sys::Element) -> Option<String> {
        let el = target
            .closest("a[href], button, input[type=submit]")
            .ok()??;
        if el.tag_name().eq_ignore_ascii_case("a") {
            let href = el.get_attribute("href")?;
            return Some(href.split(['?', '#']).next()?.to_string());
        }
        let form = el.closest("form").ok()??;
        let action = form.get_attribute("action").unwrap_or_default();
        Some(format!(
            "form {}",
            action.split('?').next().unwrap_or_default()
        ))
    }

    fn flush(queue: &Rc<RefCell<Vec<Click>>>) {
        let clicks = std::mem::take(&mut *queue.borrow_mut());
        if clicks.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let request = gloo_net::http::Request::post("/api/analytics/clicks")
                .json(&serde_json::json!({ "clicks": clicks }));
            // Analytics is best effort: a batch that cannot be sent is dropped.
            if let Ok(request) = request {
                let _ = request.send().await;
            }
        });
    }
}
