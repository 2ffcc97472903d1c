//! The `<title>` and description of a page, in the current language.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_meta::{Meta, Title};

/// The text of a `<title>`: reactive in the browser (it follows a language switch), worked
/// out once on the server. leptos_meta reads the title after the page has rendered, outside
/// the request's reactive scope, where reading a signal panics under concurrent load
/// (measured with `./shop bench`: about 3% of product pages failed before this).
///
/// On the server the text is escaped here: leptos_meta writes it into `<title>` unescaped,
/// so a product named `</title><script>…` would otherwise end the title. In the browser it
/// is set as text through the DOM and needs nothing.
pub fn title_text(text: impl Fn() -> String + Send + Sync + 'static) -> TextProp {
    #[cfg(feature = "ssr")]
    {
        TextProp::from(crate::escape::html_text(&text()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        TextProp::from(text)
    }
}

#[component]
pub fn PageMeta(title: Key, #[prop(optional)] description: Option<Key>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=title_text(move || format!("{} · {}", i18n.t(title), i18n.t(Key::ShopName))) />
        {description
            .map(|d| view! { <Meta name="description" content=move || i18n.t(d) /> })}
    }
}
