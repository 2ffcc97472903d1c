//! Signing in, and the pages behind the links sent by mail: forgotten password, reset,
//! email verification.

use crate::{
    api::account::auth::{
        RequestPasswordReset, ResetPassword, SignIn, VerifyEmail, check_reset_link,
    },
    components::{
        auth::use_auth,
        form::{Checkbox, Field, FormMessage, WithFlash, action_done, action_error},
        page_meta::PageMeta,
    },
    domain::{
        account::{check_email, check_password},
        limits,
    },
    i18n::{Key, tr},
};
use leptos::{either::Either, prelude::*};
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

#[component]
pub fn SignInPage() -> impl IntoView {
    let auth = use_auth();
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action);
    Effect::new(move |_| {
        if action_done(action).get() {
            auth.refresh();
        }
    });
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let notice = move || {
        let q = query.read();
        if q.get("reset").is_some() {
            Some(Key::SignInAfterReset)
        } else if q.get("next").is_some() {
            // Sent here from a page that needs an account: say why.
            Some(Key::SignInToContinue)
        } else {
            None
        }
    };
    view! {
        <PageMeta title=Key::SignInTitle />
        <section class="container section narrow">
            <h1>{tr(Key::SignInTitle)}</h1>
            {move || notice().map(|k| view! { <p class="form-message form-message-success" role="status">{tr(k)}</p> })}
            <WithFlash
                form="sign-in".to_string()
                view=move |values| {
                    view! {
                        <ActionForm action attr:class="form-card" attr:novalidate=true>
                            <FormMessage error />
                            <input type="hidden" name="next" value=next />
                            <Field name="email" label=Key::FieldEmail kind="email" error autocomplete="username" value=values.get("email") maxlength=limits::EMAIL />
                            <Field name="password" label=Key::FieldPassword kind="password" error autocomplete="current-password" maxlength=limits::PASSWORD />
                            <Checkbox name="remember" label=Key::FieldRemember error />
                            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                                {tr(Key::SignInSubmit)}
                            </button>
                            <p class="form-links">
                                <A href="/account/forgot">{tr(Key::SignInForgot)}</A>
                                <A href="/account/register">{tr(Key::SignInRegister)}</A>
                            </p>
                        </ActionForm>
                    }
                }
            />
        </section>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    let query = use_query_map();
    let sent =
        Signal::derive(move || query.read().get("sent").is_some() || action_done(action).get());
    view! {
        <PageMeta title=Key::ForgotTitle />
        <section class="container section narrow">
            <h1>{tr(Key::ForgotTitle)}</h1>
            <p class="section-intro">{tr(Key::ForgotIntro)}</p>
            <WithFlash
                form="forgot".to_string()
                view=move |values| {
                    view! {
                        <ActionForm action attr:class="form-card" attr:novalidate=true>
                            <FormMessage error success=(sent, Key::ForgotSent) />
                            <Field name="email" label=Key::FieldEmail kind="email" error autocomplete="email" value=values.get("email") check=check_email maxlength=limits::EMAIL />
                            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                                {tr(Key::ForgotSubmit)}
                            </button>
                        </ActionForm>
                    }
                }
            />
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let live = Resource::new(token, check_reset_link);
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    view! {
        <PageMeta title=Key::ResetTitle />
        <section class="container section narrow">
            <h1>{tr(Key::ResetTitle)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    if live.await.unwrap_or(false) {
                        Either::Left(view! {
                            <ActionForm action attr:class="form-card" attr:novalidate=true>
                                <FormMessage error />
                                <input type="hidden" name="token" value=token />
                                <Field name="password" label=Key::FieldNewPassword kind="password" error autocomplete="new-password" hint=Key::FieldPasswordHint check=check_password maxlength=limits::PASSWORD />
                                <Field name="password_confirm" label=Key::FieldPasswordConfirm kind="password" error autocomplete="new-password" maxlength=limits::PASSWORD />
                                <button type="submit" class="button button-primary">{tr(Key::ResetSubmit)}</button>
                            </ActionForm>
                        })
                    } else {
                        Either::Right(view! {
                            <div class="empty-state">
                                <p>{tr(Key::ErrorLinkInvalid)}</p>
                                <A href="/account/forgot" attr:class="button button-primary">{tr(Key::ForgotTitle)}</A>
                            </div>
                        })
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The page behind the verification link: a button confirms (a link scanner that only
/// fetches the page does not use up the link).
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let auth = use_auth();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let action = ServerAction::<VerifyEmail>::new();
    let error = action_error(action);
    Effect::new(move |_| {
        if action_done(action).get() {
            auth.refresh();
        }
    });
    view! {
        <PageMeta title=Key::VerifyTitle />
        <section class="container section narrow">
            <h1>{tr(Key::VerifyTitle)}</h1>
            <p class="section-intro">{tr(Key::VerifyIntro)}</p>
            <ActionForm action attr:class="form-card">
                <FormMessage error />
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button button-primary">{tr(Key::VerifySubmit)}</button>
            </ActionForm>
        </section>
    }
}
