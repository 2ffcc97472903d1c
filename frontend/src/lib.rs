//! The browser entry point: hydrate the server-rendered page with the shared `App`.

/// Hydrates the page as `leptos::mount::hydrate_lazy` does (a lazily loaded page's chunk is
/// fetched first), then marks the body with `data-hydrated` once the whole page, the lazy
/// page included, is live (the end-to-end tests wait for it).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body.clone(), app::App)
            .await
            .forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
