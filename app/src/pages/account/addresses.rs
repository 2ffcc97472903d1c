//! The address book: several addresses, one default.

use super::AccountLayout;
use crate::{
    api::account::{
        addresses::{AddAddress, DeleteAddress, SetDefaultAddress, UpdateAddress},
        profile::get_account,
    },
    components::{
        confirm::{ConfirmPanel, confirm_href, confirming},
        form::{
            AddressFields, FormMessage, FormValues, WithFlash, action_done, action_error, successes,
        },
        page_meta::PageMeta,
    },
    domain::country::country_name,
    domain::ids::AddressId,
    error::ShopError,
    i18n::{Key, tr, use_i18n},
    model::account::{AccountView, AddressView},
};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn AddressesPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let actions = AddressActions {
        add: ServerAction::new(),
        update: ServerAction::new(),
        remove: ServerAction::new(),
        make_default: ServerAction::new(),
    };
    let (added, updated, removed, defaulted) = (
        successes(actions.add),
        successes(actions.update),
        successes(actions.remove),
        successes(actions.make_default),
    );
    let changes = move || (added.get(), updated.get(), removed.get(), defaulted.get());
    let account = Resource::new(changes, |_| get_account());
    view! {
        <PageMeta title=Key::AccountAddresses />
        <AccountLayout title=Key::AccountAddresses>
            <AddressBook actions account />
        </AccountLayout>
    }
}

#[derive(Clone, Copy)]
struct AddressActions {
    add: ServerAction<AddAddress>,
    update: ServerAction<UpdateAddress>,
    remove: ServerAction<DeleteAddress>,
    make_default: ServerAction<SetDefaultAddress>,
}

#[component]
fn AddressBook(
    actions: AddressActions,
    account: Resource<Result<AccountView, ShopError>>,
) -> impl IntoView {
    let AddressActions {
        add,
        update,
        remove,
        make_default,
    } = actions;
    let add_error = action_error(add);
    // Which card's form was submitted last (the action forgets its input once it is done).
    let last_edited = RwSignal::new(None::<AddressId>);
    Effect::new(move |_| {
        if let Some(input) = update.input().get() {
            last_edited.set(Some(input.id));
        }
    });
    let list_error = Signal::derive(move || {
        action_error(remove)
            .get()
            .or_else(|| action_error(make_default).get())
    });
    // Without JavaScript the page comes back after a saved edit with every card closed.
    let updated = action_done(update);
    let saved_elsewhere = Signal::derive(move || updated.get() && last_edited.get().is_none());
    view! {
        <FormMessage error=list_error success=(saved_elsewhere, Key::AddressSaved) />
        <Suspense>
            {move || Suspend::new(async move {
                let addresses = account.await.map(|a| a.addresses).unwrap_or_default();
                let empty = addresses.is_empty();
                view! {
                    {empty.then(|| view! { <p class="empty-state">{tr(Key::AddressesEmpty)}</p> })}
                    <ul class="address-list">
                        {addresses
                            .into_iter()
                            .map(|a| view! { <AddressCard address=a update remove make_default last_edited /> })
                            .collect_view()}
                    </ul>
                }
            })}
        </Suspense>
        <details class="card" open=move || action_error(add).get().is_some()>
            <summary>{tr(Key::AddressAdd)}</summary>
            <WithFlash
                form="address-new".to_string()
                view=move |values| view! {
                    <ActionForm action=add attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error=add_error success=(action_done(add), Key::AddressSaved) />
                        <AddressFields form="form" scope="new" error=add_error values />
                        <button type="submit" class="button button-primary">{tr(Key::AddressAdd)}</button>
                    </ActionForm>
                }
            />
        </details>
    }
}

/// True when the last save of the address book was this card's and it worked.
fn saved_here(
    update: ServerAction<UpdateAddress>,
    last_edited: RwSignal<Option<AddressId>>,
    id: AddressId,
) -> Signal<bool> {
    let done = action_done(update);
    Signal::derive(move || done.get() && last_edited.get() == Some(id))
}

#[component]
fn AddressCard(
    address: AddressView,
    update: ServerAction<UpdateAddress>,
    remove: ServerAction<DeleteAddress>,
    make_default: ServerAction<SetDefaultAddress>,
    last_edited: RwSignal<Option<AddressId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = address.id;
    let deleting = confirming(move || format!("delete-{id}"));
    let values = FormValues(BTreeMap::from([
        (
            "recipient_name".to_string(),
            address.address.recipient_name.clone(),
        ),
        (
            "recipient_phone".to_string(),
            address.address.recipient_phone.clone(),
        ),
        ("company".to_string(), address.address.company.clone()),
        ("tax_id".to_string(), address.address.tax_id.clone()),
        ("line1".to_string(), address.address.line1.clone()),
        ("line2".to_string(), address.address.line2.clone()),
        ("city".to_string(), address.address.city.clone()),
        ("region".to_string(), address.address.region.clone()),
        (
            "postal_code".to_string(),
            address.address.postal_code.clone(),
        ),
        ("country".to_string(), address.address.country.clone()),
    ]));
    let country = address.address.country.clone();
    view! {
        <li class="card address-card">
            <address>
                <strong>{address.address.recipient_name.clone()}</strong>
                " · " {address.address.recipient_phone.clone()}<br />
                {(!address.address.company.is_empty()).then(|| view! { {address.address.company.clone()}<br /> })}
                {address.address.line1.clone()}<br />
                {(!address.address.line2.is_empty()).then(|| view! { {address.address.line2.clone()}<br /> })}
                {address.address.postal_code.clone()} " " {address.address.city.clone()}
                {(!address.address.region.is_empty()).then(|| format!(", {}", address.address.region))}<br />
                {move || country_name(&country, i18n.lang())}
                {(!address.address.tax_id.is_empty()).then(|| view! { <br /> {tr(Key::FieldTaxId)} ": " {address.address.tax_id.clone()} })}
            </address>
            {address.is_default.then(|| view! { <p class="badge">{tr(Key::AddressDefault)}</p> })}
            <div class="card-actions">
                {(!address.is_default).then(|| view! {
                    <ActionForm action=make_default>
                        <input type="hidden" name="id" value=id.to_string() />
                        <button type="submit" class="button button-secondary">{tr(Key::AddressMakeDefault)}</button>
                    </ActionForm>
                })}
                {move || if deleting.get() {
                    view! {
                        <ConfirmPanel question=Signal::derive(move || i18n.t(Key::AddressDeleteQuestion).to_string())>
                            <ActionForm action=remove>
                                <input type="hidden" name="id" value=id.to_string() />
                                <button type="submit" class="button button-danger">{tr(Key::Delete)}</button>
                            </ActionForm>
                        </ConfirmPanel>
                    }
                    .into_any()
                } else {
                    view! {
                        <a class="button button-danger" href=confirm_href(&format!("delete-{id}"))>{tr(Key::Delete)}</a>
                    }
                    .into_any()
                }}
            </div>
            <WithFlash
                form=format!("address-{id}")
                view=move |kept: FormValues| {
                    // This card's edit failed: with JavaScript the action says so, without it
                    // the page came back with what was typed into this card kept.
                    let failed_here = !kept.is_empty();
                    let error = Signal::derive(move || {
                        action_error(update)
                            .get()
                            .filter(|_| failed_here || last_edited.get() == Some(id))
                    });
                    let values = if kept.is_empty() { values.clone() } else { kept };
                    let saved = saved_here(update, last_edited, id);
                    view! {
                        <details open=move || error.get().is_some() || saved.get()>
                            <summary>{tr(Key::Edit)}</summary>
                            <ActionForm action=update attr:class="form-stack" attr:novalidate=true>
                                <FormMessage error success=(saved, Key::AddressSaved) />
                                <input type="hidden" name="id" value=id.to_string() />
                                <AddressFields form="form" scope=format!("a{id}") error values />
                                <button type="submit" class="button button-primary">{tr(Key::SaveChanges)}</button>
                            </ActionForm>
                        </details>
                    }
                }
            />
        </li>
    }
}
