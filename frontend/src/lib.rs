//! The browser entry point: hydrate the server-rendered page with the shared `App`.

/// Hydrates the page, then marks the body with `data-hydrated` once all of it is live,
/// the parts that waited for data included (the end-to-end tests wait for the mark; a page
/// that failed to hydrate never gets it).
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
