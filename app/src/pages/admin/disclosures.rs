//! Admins: requests from authorities for a shopper's data (`/admin/disclosures`). Each is
//! recorded in a register whose entries never change; unless telling the shopper is
//! prohibited, it also enters their ledger ("Who received your data").

use super::AdminLayout;
use crate::{
    api::admin::disclosures::{RecordAuthorityRequest, get_authority_register},
    components::{
        form::{
            Checkbox, Field, FormMessage, WithFlash, action_done, action_error, error_text,
            successes,
        },
        ledger::shared_label,
    },
    domain::{disclosure::TEXT_MAX, limits, time},
    i18n::{Key, tr, use_i18n},
    model::authority::AuthorityRegister,
};
use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

/// The checkbox of each kind of data, named as in the form.
const FIELD_BOXES: [(&str, Key); 6] = [
    ("name", Key::SharedName),
    ("email_given", Key::FieldEmail),
    ("phone", Key::FieldPhone),
    ("addresses", Key::SharedAddresses),
    ("orders", Key::SharedOrders),
    ("payments", Key::SharedPayments),
];

#[component]
pub fn AdminDisclosuresPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordAuthorityRequest>::new();
    let recorded = successes(record);
    let register = Resource::new(move || recorded.get(), |_| get_authority_register());
    let error = action_error(record);
    view! {
        <AdminLayout title=Key::AdminDisclosures>
            <p class="field-hint">{tr(Key::AdminDisclosuresText)}</p>
            <section class="card">
                <h2>{tr(Key::DisclosureNew)}</h2>
                <WithFlash form="disclosure".to_string() view=move |values| view! {
                    <ActionForm action=record attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error success=(action_done(record), Key::DisclosureSaved) />
                        <Field name="email" form="form" kind="email" label=Key::DisclosureEmail error value=values.get_or("email", "") maxlength=limits::EMAIL />
                        <Field name="requester" form="form" label=Key::DisclosureRequester error value=values.get_or("requester", "") maxlength=TEXT_MAX />
                        <Field name="legal_basis" form="form" label=Key::DisclosureLegalBasis error value=values.get_or("legal_basis", "") maxlength=TEXT_MAX />
                        <Field name="reference" form="form" label=Key::DisclosureReference error value=values.get_or("reference", "") maxlength=TEXT_MAX />
                        <fieldset class="field">
                            <legend>{tr(Key::DisclosureFields)}</legend>
                            {FIELD_BOXES.into_iter().map(|(name, label)| view! {
                                <Checkbox name=name form="form" label=label error checked=values.get_or(name, "") == "on" />
                            }).collect_view()}
                        </fieldset>
                        <Checkbox name="tell" form="form" label=Key::DisclosureTell error checked=values.get_or("tell", "") == "on" />
                        <button type="submit" class="button button-primary">{tr(Key::DisclosureSave)}</button>
                    </ActionForm>
                } />
            </section>
            <Suspense>
                {move || Suspend::new(async move {
                    match register.await {
                        Err(error) => Either::Left(view! {
                            <p class="form-message form-message-error" role="alert">{error_text(i18n.lang(), &error)}</p>
                        }),
                        Ok(register) => Either::Right(view! { <Register register /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn Register(register: AuthorityRegister) -> impl IntoView {
    view! {
        <h2>{tr(Key::DisclosureRegister)}</h2>
        {register.entries.is_empty().then(|| view! { <p class="empty-state">{tr(Key::DisclosureNone)}</p> })}
        <ul class="inbox" data-testid="authority-register">
            {register.entries.into_iter().map(|e| view! {
                <li class="card">
                    <p>
                        <strong>{e.requester.clone()}</strong> " · " {e.reference.clone()} " · " {time::date_time(e.at)}
                    </p>
                    <p>{e.legal_basis.clone()}</p>
                    <p>
                        {match (e.account, e.email.clone()) {
                            (Some(id), Some(email)) => Either::Left(view! { <A href=format!("/admin/customers/{id}")>{email}</A> }),
                            _ => Either::Right(tr(Key::DisclosureErased)),
                        }}
                        ": " {e.fields.iter().map(|f| shared_label(f)).collect::<Vec<_>>().join(", ")}
                    </p>
                    <p class="field-hint">
                        {if e.shopper_told { tr(Key::DisclosureTold) } else { tr(Key::DisclosureNotTold) }}
                        {e.staff_name.clone().map(|s| view! { " · " {s} })}
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
}
