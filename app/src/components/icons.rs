//! Inline SVG icons (decorative: hidden from screen readers, the surrounding text names them).

use leptos::prelude::*;

#[component]
pub fn Logo() -> impl IntoView {
    view! {
        <svg class="icon-logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
            <rect x="1" y="4" width="30" height="20" rx="3" fill="#0b1220" />
            <g fill="#38bdf8">
                <circle cx="7" cy="10" r="2" />
                <circle cx="13" cy="10" r="2" />
                <circle cx="19" cy="10" r="2" />
                <circle cx="25" cy="10" r="2" />
            </g>
            <g fill="#f59e0b">
                <circle cx="7" cy="18" r="2" />
                <circle cx="13" cy="18" r="2" />
                <circle cx="19" cy="18" r="2" />
                <circle cx="25" cy="18" r="2" />
            </g>
            <rect x="13" y="24" width="6" height="4" fill="#0b1220" />
            <rect x="9" y="27" width="14" height="2" rx="1" fill="#0b1220" />
        </svg>
    }
}

#[component]
pub fn Cart() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path
                d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
            <circle cx="9" cy="19" r="1.6" fill="currentColor" />
            <circle cx="17" cy="19" r="1.6" fill="currentColor" />
        </svg>
    }
}

#[component]
pub fn Search() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M16.5 16.5 21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
    }
}

#[component]
pub fn Check() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
                d="m5 12 5 5 9-10"
                fill="none"
                stroke="currentColor"
                stroke-width="2.5"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}

#[component]
pub fn User() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
    }
}
