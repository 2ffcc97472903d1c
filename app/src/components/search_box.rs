//! The catalog search in the header: a plain GET form to `/search`, so it works without
//! JavaScript and results can be bookmarked. Hydrated, it also suggests product names while
//! typing (debounced; a combobox with a listbox, arrow keys to move, Enter to open, Escape
//! to close).

use super::icons;
use crate::{
    api::catalog::suggest,
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::time::Duration;

/// Pause after the last key before asking the server.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// Fewer characters than this suggest nothing.
const MIN_CHARS: usize = 2;

#[component]
pub fn SearchBox() -> impl IntoView {
    let query = use_query_map();
    // A memo: the field is set again only when the address's search really changes, not on
    // every update of the router's query (which would erase what the visitor is typing).
    let current = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let typed = RwSignal::new(String::new());
    let suggestions = RwSignal::new(Vec::<(String, String)>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let navigate = use_navigate();

    let close = move || {
        open.set(false);
        active.set(None);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if text.trim().chars().count() < MIN_CHARS {
            suggestions.set(Vec::new());
            close();
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let Ok(found) = suggest(text.clone()).await else {
                        return;
                    };
                    // A slower answer to an older prefix must not replace a newer one.
                    if typed.get_untracked() == text {
                        open.set(!found.is_empty());
                        active.set(None);
                        suggestions.set(found);
                    }
                });
            },
            DEBOUNCE,
        );
        pending.set_value(handle.ok());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = suggestions.with_untracked(Vec::len);
        if !open.get_untracked() || count == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            // The first Escape closes the list; only a second one clears the field.
            "Escape" => {
                ev.prevent_default();
                close();
            }
            "Enter" => {
                if let Some(slug) = active.get_untracked().and_then(|i| {
                    suggestions.with_untracked(|s| s.get(i).map(|(slug, _)| slug.clone()))
                }) {
                    ev.prevent_default();
                    close();
                    navigate(&format!("/products/{slug}"), Default::default());
                }
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("search-suggestion-{i}");

    view! {
        <form
            class="search-box"
            role="search"
            method="get"
            action="/search"
            on:focusout=move |ev: leptos::ev::FocusEvent| {
                if !focus_stays_inside(&ev) {
                    close();
                }
            }
        >
            <label class="visually-hidden" for="site-search">
                {tr(Key::SearchLabel)}
            </label>
            <input
                id="site-search"
                type="search"
                name="q"
                maxlength=crate::domain::limits::SEARCH.to_string()
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(option_id)
                placeholder=tr(Key::SearchPlaceholder)
                value=current
                prop:value=current
                on:input=on_input
                on:keydown=on_keydown
            />
            <button type="submit" class="search-button">
                <icons::Search />
                <span class="visually-hidden">{tr(Key::SearchButton)}</span>
            </button>
            <ul
                id="search-suggestions"
                class="search-suggestions"
                role="listbox"
                aria-label=tr(Key::SearchSuggestions)
                hidden=move || !open.get()
                // Keep focus in the input while a suggestion is clicked.
                on:mousedown=|ev| ev.prevent_default()
            >
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (slug, name))| {
                            let selected = move || active.get() == Some(i);
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    class:active=selected
                                >
                                    <a href=format!("/products/{slug}") tabindex="-1" on:click=move |_| close()>
                                        {name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </form>
    }
}

/// True when focus moves to somewhere inside the element listening (the search box), so the
/// list stays open while focus moves within it.
fn focus_stays_inside(ev: &leptos::ev::FocusEvent) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let node =
            |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        match (node(ev.current_target()), node(ev.related_target())) {
            (Some(container), Some(target)) => container.contains(Some(&target)),
            _ => false,
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        false
    }
}
