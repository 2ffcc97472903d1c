//! Sign-in security: email address, password, and the list of signed-in sessions.

use super::AccountLayout;
use crate::{
    api::account::{
        profile::{ChangeEmail, ChangePassword},
        sessions::{EndOtherSessions, EndSession, list_sessions},
    },
    components::{
        form::{Field, FormMessage, WithFlash, action_done, action_error},
        page_meta::PageMeta,
    },
    domain::{
        account::{check_email, check_password},
        limits, time,
    },
    error::ShopError,
    i18n::{Key, tr},
    model::account::SessionView,
};
use leptos::prelude::*;

/// The password change ends the other sessions, so the sessions list follows it.
#[component]
pub fn SecurityPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let change_password = ServerAction::<ChangePassword>::new();
    let end_one = ServerAction::<EndSession>::new();
    let end_others = ServerAction::<EndOtherSessions>::new();
    let sessions = Resource::new(
        move || {
            (
                end_one.version().get(),
                end_others.version().get(),
                change_password.version().get(),
            )
        },
        |_| list_sessions(),
    );
    view! {
        <PageMeta title=Key::AccountSecurity />
        <AccountLayout title=Key::AccountSecurity>
            <ChangeEmailCard />
            <ChangePasswordCard action=change_password />
            <SessionsCard end_one end_others sessions />
        </AccountLayout>
    }
}

#[component]
fn ChangeEmailCard() -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let error = action_error(action);
    view! {
        <div class="card">
            <h2>{tr(Key::EmailChangeHeading)}</h2>
            <p class="field-hint">{tr(Key::EmailChangeIntro)}</p>
            <WithFlash
                form="change-email".to_string()
                view=move |values| view! {
                    <ActionForm action attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error success=(action_done(action), Key::EmailChangeSent) />
                        <Field name="new_email" label=Key::FieldNewEmail kind="email" error autocomplete="email" value=values.get("new_email") check=check_email maxlength=limits::EMAIL />
                        <Field name="current_password" scope="email" label=Key::FieldCurrentPassword kind="password" error autocomplete="current-password" maxlength=limits::PASSWORD />
                        <button type="submit" class="button button-primary">{tr(Key::EmailChangeSubmit)}</button>
                    </ActionForm>
                }
            />
        </div>
    }
}

#[component]
fn ChangePasswordCard(action: ServerAction<ChangePassword>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <div class="card">
            <h2>{tr(Key::PasswordChangeHeading)}</h2>
            <ActionForm action attr:class="form-stack" attr:novalidate=true>
                <FormMessage error success=(action_done(action), Key::PasswordChangedDone) />
                <Field name="current_password" scope="password" label=Key::FieldCurrentPassword kind="password" error autocomplete="current-password" maxlength=limits::PASSWORD />
                <Field name="password" scope="password" label=Key::FieldNewPassword kind="password" error autocomplete="new-password" hint=Key::FieldPasswordHint check=check_password maxlength=limits::PASSWORD />
                <Field name="password_confirm" scope="password" label=Key::FieldPasswordConfirm kind="password" error autocomplete="new-password" maxlength=limits::PASSWORD />
                <button type="submit" class="button button-primary">{tr(Key::PasswordChangeSubmit)}</button>
            </ActionForm>
        </div>
    }
}

#[component]
fn SessionsCard(
    end_one: ServerAction<EndSession>,
    end_others: ServerAction<EndOtherSessions>,
    sessions: Resource<Result<Vec<SessionView>, ShopError>>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        action_error(end_one)
            .get()
            .or_else(|| action_error(end_others).get())
    });
    view! {
        <div class="card">
            <h2>{tr(Key::SessionsHeading)}</h2>
            <p class="field-hint">{tr(Key::SessionsIntro)}</p>
            <FormMessage error success=(action_done(end_others), Key::SessionsEnded) />
            <Suspense>
                {move || Suspend::new(async move {
                    let list = sessions.await.unwrap_or_default();
                    view! {
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr(Key::SessionsBrowser)}</th>
                                    <th scope="col">{tr(Key::SessionsSignedIn)}</th>
                                    <th scope="col">{tr(Key::SessionsLastUsed)}</th>
                                    <th scope="col"><span class="visually-hidden">{tr(Key::SignOut)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|s| view! {
                                    <tr>
                                        <td>
                                            {s.browser.clone()}
                                            {s.current.then(|| view! { " " <span class="badge">{tr(Key::SessionsThis)}</span> })}
                                        </td>
                                        <td>{time::date_time(s.signed_in_at)}</td>
                                        <td>{time::date_time(s.last_used_at)}</td>
                                        <td>
                                            {(!s.current).then(|| view! {
                                                <ActionForm action=end_one>
                                                    <input type="hidden" name="id" value=s.id.to_string() />
                                                    <button type="submit" class="button button-secondary button-small">{tr(Key::SignOut)}</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            </Suspense>
            <ActionForm action=end_others>
                <button type="submit" class="button button-secondary">{tr(Key::SessionsEndOthers)}</button>
            </ActionForm>
        </div>
    }
}
