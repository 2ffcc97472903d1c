//! Creating an account (P1: what is collected, with the policy acknowledged and marketing
//! left unticked).

use crate::{
    api::account::auth::Register,
    components::{
        form::{AddressFields, Checkbox, Field, FormMessage, WithFlash, action_error},
        page_meta::PageMeta,
    },
    domain::{
        account::{check_email, check_password, check_phone},
        limits,
    },
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::components::A;

fn name(v: &str) -> Option<crate::error::Problem> {
    crate::domain::account::check_text(v, limits::NAME)
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    let error = action_error(action);
    view! {
        <PageMeta title=Key::RegisterTitle />
        <section class="container section narrow">
            <h1>{tr(Key::RegisterTitle)}</h1>
            <p class="section-intro">
                {tr(Key::RegisterIntro)} " "
                <A href="/account/sign-in">{tr(Key::RegisterHaveAccount)}</A>
            </p>
            <WithFlash
                form="register".to_string()
                view=move |values| {
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
                <A href="/account/cards">{tr(Key::CardsAdd)}</A>
            </p>
            <p class="actions">
                <A href="/account/sign-in" attr:class="button button-primary">{tr(Key::SignInTitle)}</A>
                <A href="/catalog" attr:class="button button-secondary">{tr(Key::NavCatalog)}</A>
            </p>
        </section>
    }
}
