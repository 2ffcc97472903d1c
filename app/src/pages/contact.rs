//! How to reach the shop: the contact form (a person answers by email), and the address.

use crate::{
    api::{contact::SendMessage, shop::get_shop_info},
    components::{
        form::{Field, FormMessage, TextArea, WithFlash, action_error},
        page_meta::PageMeta,
    },
    domain::{account::check_email, contact::MESSAGE_MAX, limits},
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContactPage() -> impl IntoView {
    let info = OnceResource::new(get_shop_info());
    view! {
        <PageMeta title=Key::ContactTitle />
        <article class="container section prose">
            <h1>{tr(Key::ContactTitle)}</h1>
            <p class="lead">{tr(Key::ContactIntro)}</p>
            <ContactForm />
            <Suspense>
                {move || Suspend::new(async move {
                    info.await
                        .ok()
                        .map(|info| {
                            let mailto = format!("mailto:{}", info.contact_email);
                            view! {
                                <dl class="contact-details">
                                    <dt>{tr(Key::ContactEmailLabel)}</dt>
                                    <dd>
                                        <a href=mailto>{info.contact_email.clone()}</a>
                                    </dd>
                                </dl>
                            }
                        })
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn ContactForm() -> impl IntoView {
    let send = ServerAction::<SendMessage>::new();
    let error = action_error(send);
    // A message that arrived sends the browser to `/contact?sent=1`.
    let query = use_query_map();
    let done = Signal::derive(move || query.read().get("sent").as_deref() == Some("1"));
    view! {
        <section class="card contact-form">
            <h2>{tr(Key::ContactFormTitle)}</h2>
            <p>{tr(Key::ContactFormLead)}</p>
            <WithFlash form="contact".to_string() view=move |values| view! {
                <ActionForm action=send attr:class="form-stack" attr:novalidate=true>
                    <FormMessage error success=(done, Key::ContactSent) />
                    <Field name="name" form="form" label=Key::FieldFullName error autocomplete="name" value=values.get_or("name", "") maxlength=limits::NAME />
                    <Field name="email" form="form" label=Key::FieldEmail kind="email" error autocomplete="email" value=values.get_or("email", "") check=check_email maxlength=limits::EMAIL />
                    <Field name="order" form="form" label=Key::ContactOrderField error required=false value=values.get_or("order", "") maxlength=limits::NUMBER />
                    <TextArea name="message" form="form" label=Key::ContactMessageField error value=values.get_or("message", "") rows=6 maxlength=MESSAGE_MAX />
                    // A trap for robots: out of sight and out of the tab order for people.
                    <div class="trap" aria-hidden="true">
                        <label for="f-form-website">{tr(Key::ContactRobotField)}</label>
                        <input id="f-form-website" type="text" name="form[website]" tabindex="-1" autocomplete="off" maxlength="200" />
                    </div>
                    <p class="field-hint">{tr(Key::ContactPrivacyNote)}</p>
                    <button type="submit" class="button button-primary">{tr(Key::ContactSend)}</button>
                </ActionForm>
            } />
        </section>
    }
}
