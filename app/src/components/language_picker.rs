//! The language switch: one button per language in a form that posts to the
//! `language/set` server function. Without JavaScript the browser posts the form and is sent
//! back to the same page, now in the chosen language; hydrated, the texts switch in place.

use crate::{
    api::language::SetLanguage,
    i18n::{Key, Lang, tr, use_i18n},
};
use leptos::prelude::*;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetLanguage>::new();
    Effect::new(move |_| {
        if let Some(Ok(lang)) = action.value().get() {
            i18n.set_lang(lang);
        }
    });

    view! {
        <ActionForm action attr:class="language-picker">
            <fieldset>
                <legend class="visually-hidden">{tr(Key::LanguageLabel)}</legend>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        let current = move || i18n.lang() == lang;
                        view! {
                            <button
                                type="submit"
                                name="lang"
                                value=lang.code()
                                lang=lang.html_tag()
                                class="lang-option"
                                aria-label=lang.native_name()
                                title=lang.native_name()
                                aria-pressed=move || if current() { "true" } else { "false" }
                            >
                                {lang.short_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </ActionForm>
    }
}
