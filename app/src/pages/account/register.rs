//! Creating an account (P1: what is collected, with the policy acknowledged and marketing
//! left unticked).

use crate::{
    api::{account::auth::Register, checkout::get_order},
    components::{
        form::{AddressFields, Checkbox, Field, FormMessage, FormValues, WithFlash, action_error},
        page_meta::PageMeta,
    },
    domain::{
        account::{check_email, check_password, check_phone},
        ids::OrderId,
        limits,
    },
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

fn name(v: &str) -> Option<crate::error::Problem> {
    crate::domain::account::check_text(v, limits::NAME)
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    let error = action_error(action);
    // Coming from a guest's order (`?order=…&key=…`): the form starts from what it holds.
    let query = use_query_map();
    let from_order = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("order").and_then(|id| id.parse::<OrderId>().ok()),
                    q.get("key"),
                )
            })
        },
        |(order, key)| async move {
            let order = get_order(order?, key).await.ok()?;
            let a = order.address;
            let fields = [
                ("email", order.email),
                ("full_name", a.recipient_name),
                ("phone", a.recipient_phone),
                ("line1", a.line1),
                ("line2", a.line2),
                ("city", a.city),
                ("region", a.region),
                ("postal_code", a.postal_code),
                ("country", a.country),
            ];
            Some(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
        },
    );
    view! {
        <PageMeta title=Key::RegisterTitle />
        <section class="container section narrow">
            <h1>{tr(Key::RegisterTitle)}</h1>
            <p class="section-intro">
                {tr(Key::RegisterIntro)} " "
                <A href="/account/sign-in">{tr(Key::RegisterHaveAccount)}</A>
            </p>
            <Suspense>
            {move || Suspend::new(async move {
            let from_order = from_order.await.map(FormValues);
            view! {
            <WithFlash
                form="register".to_string()
                view=move |kept| {
                    let values = match (&from_order, kept.is_empty()) {
                        (Some(order), true) => order.clone(),
                        _ => kept,
                    };
                    view! {
                        <ActionForm action attr:class="form-card" attr:novalidate=true>
                            <FormMessage error />
                            <fieldset>
                                <legend>{tr(Key::RegisterAboutYou)}</legend>
                                <Field name="full_name" form="form" label=Key::FieldFullName error autocomplete="name" value=values.get("full_name") check=name maxlength=limits::NAME />
                                <Field name="email" form="form" label=Key::FieldEmail kind="email" error autocomplete="email" value=values.get("email") check=check_email maxlength=limits::EMAIL />
                                <Field name="phone" form="form" label=Key::FieldPhone kind="tel" error autocomplete="tel" value=values.get("phone") check=check_phone hint=Key::FieldPhoneHint maxlength=limits::PHONE />
                            </fieldset>
                            <fieldset>
                                <legend>{tr(Key::RegisterAddress)}</legend>
                                <AddressFields form="form" error values=values.clone() shipping=false />
                            </fieldset>
                            <fieldset>
                                <legend>{tr(Key::RegisterPassword)}</legend>
                                <Field name="password" form="form" label=Key::FieldPassword kind="password" error autocomplete="new-password" hint=Key::FieldPasswordHint check=check_password maxlength=limits::PASSWORD />
                                <Field name="password_confirm" form="form" label=Key::FieldPasswordConfirm kind="password" error autocomplete="new-password" maxlength=limits::PASSWORD />
                            </fieldset>
                            <fieldset>
                                <legend>{tr(Key::RegisterChoices)}</legend>
                                <Checkbox name="marketing" form="form" label=Key::FieldMarketing error checked={values.get("marketing") == "on"} />
                                <Checkbox name="accept_policy" form="form" label=Key::FieldAcceptPolicy error checked={values.get("accept_policy") == "on"} />
                                <p class="field-hint">
                                    <A href="/privacy">{tr(Key::FooterPrivacy)}</A>
                                    " · "
                                    <A href="/terms">{tr(Key::FooterTerms)}</A>
                                </p>
                            </fieldset>
                            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                                {tr(Key::RegisterSubmit)}
                            </button>
                        </ActionForm>
                    }
                }
            />
            }
            })}
            </Suspense>
        </section>
    }
}

/// Shown after registering: the next step is the link in the mail.
#[component]
pub fn CheckEmailPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::CheckEmailTitle />
        <section class="container section narrow status-page">
            <h1>{tr(Key::CheckEmailTitle)}</h1>
            <p>{tr(Key::CheckEmailText)}</p>
            <p>
                {tr(Key::CheckEmailAddCard)} " "
                <A href="/account/sign-in?next=%2Faccount%2Fcards">{tr(Key::CardsAdd)}</A>
            </p>
            <p class="actions">
                <A href="/account/sign-in" attr:class="button button-primary">{tr(Key::SignInTitle)}</A>
                <A href="/catalog" attr:class="button button-secondary">{tr(Key::NavCatalog)}</A>
            </p>
        </section>
    }
}
