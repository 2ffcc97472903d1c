//! Staff: the customer list and one customer's account.

use super::AdminLayout;
use crate::{
    api::admin::customers::{
        ReinstateCustomer, SetCustomerRole, SuspendCustomer, get_customer, search_customers,
    },
    components::{
        confirm::ConfirmPanel,
        form::{Field, FormMessage, WithFlash, action_done, action_error},
    },
    domain::{
        account::{AccountStatus, Role},
        country::country_name,
        ids::UserId,
        time,
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::admin::CustomerDetail,
    pages::not_found::NotFound,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

pub fn role_key(role: Role) -> Key {
    match role {
        Role::Shopper => Key::RoleShopper,
        Role::Staff => Key::RoleStaff,
        Role::Admin => Key::RoleAdmin,
    }
}

pub fn status_key(status: AccountStatus) -> Key {
    match status {
        AccountStatus::Active => Key::StatusActive,
        AccountStatus::Deactivated => Key::StatusDeactivated,
        AccountStatus::Suspended => Key::StatusSuspended,
    }
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
    };
    let results = Resource::new(move || (q(), page()), |(q, page)| search_customers(q, page));
    view! {
        <AdminLayout title=Key::AdminCustomers>
            <form class="inline-form" method="get" action="/admin/customers" role="search">
                <label for="customer-search">{tr(Key::AdminSearchCustomers)}</label>
                <input id="customer-search" type="search" name="q" value=q prop:value=q maxlength=crate::domain::limits::CUSTOMER_SEARCH.to_string() />
                <button type="submit" class="button button-secondary">{tr(Key::SearchButton)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(result) = results.await else { return Either::Left(view! { <NotFound /> }) };
                    let q = q();
                    let prev = (result.page > 1).then(|| format!("/admin/customers?q={}&page={}", urlencode(&q), result.page - 1));
                    let next = result.has_more.then(|| format!("/admin/customers?q={}&page={}", urlencode(&q), result.page + 1));
                    Either::Right(view! {
                        {result.customers.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminNoCustomers)}</p> })}
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr(Key::FieldFullName)}</th>
                                    <th scope="col">{tr(Key::FieldEmail)}</th>
                                    <th scope="col">{tr(Key::AdminRole)}</th>
                                    <th scope="col">{tr(Key::AdminStatus)}</th>
                                    <th scope="col">{tr(Key::AdminRegistered)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {result.customers.into_iter().map(|c| view! {
                                    <tr>
                                        <td><A href=format!("/admin/customers/{}", c.id)>{c.full_name.clone()}</A></td>
                                        <td>{c.email.clone()}</td>
                                        <td>{tr(role_key(c.role))}</td>
                                        <td>{tr(status_key(c.status))}</td>
                                        <td>{time::date(c.registered_at)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <nav class="pager" aria-label=tr(Key::Pagination)>
                            {prev.map(|href| view! { <A href=href>{tr(Key::PagePrevious)}</A> })}
                            {next.map(|href| view! { <A href=href>{tr(Key::PageNext)}</A> })}
                        </nav>
                    })
                })}
            </Suspense>
        </AdminLayout>
    }
}

fn urlencode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
pub fn CustomerPage() -> impl IntoView {
    let id = super::use_id_param::<UserId>();
    let suspend = ServerAction::<SuspendCustomer>::new();
    let reinstate = ServerAction::<ReinstateCustomer>::new();
    let set_role = ServerAction::<SetCustomerRole>::new();
    let customer = Resource::new(
        move || {
            (
                id(),
                suspend.version().get(),
                reinstate.version().get(),
                set_role.version().get(),
            )
        },
        |(id, ..)| get_customer(id),
    );
    view! {
        <AdminLayout title=Key::AdminCustomer>
            <p><A href="/admin/customers">{tr(Key::AdminBackToCustomers)}</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    match customer.await {
                        Ok(c) => Either::Left(view! { <CustomerCard customer=c suspend reinstate set_role /> }),
                        Err(_) => Either::Right(view! { <NotFound /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn CustomerCard(
    customer: CustomerDetail,
    suspend: ServerAction<SuspendCustomer>,
    reinstate: ServerAction<ReinstateCustomer>,
    set_role: ServerAction<SetCustomerRole>,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = customer.summary.clone();
    let id = c.id;
    let suspend_error = action_error(suspend);
    let role_error = action_error(set_role);
    let reinstate_error = action_error(reinstate);
    let language = customer.language.native_name();
    let current_role = c.role;
    let name = StoredValue::new(c.full_name.clone());
    let query = use_query_map();
    // A role chosen in the first step that differs from the current one.
    let chosen_role = move || {
        let query = query.read();
        (query.get("confirm").as_deref() == Some("role"))
            .then(|| query.get("role").and_then(|r| Role::parse(&r)))
            .flatten()
            .filter(|r| *r != current_role)
    };
    view! {
        <div class="card">
            <h2>{c.full_name.clone()}</h2>
            <dl class="facts">
                <dt>{tr(Key::FieldEmail)}</dt>
                <dd>{c.email.clone()} " " {(!customer.email_verified).then(|| view! { <span class="badge">{tr(Key::AdminUnverified)}</span> })}</dd>
                <dt>{tr(Key::FieldPhone)}</dt>
                <dd>{customer.phone.clone()}</dd>
                <dt>{tr(Key::LanguageLabel)}</dt>
                <dd>{language}</dd>
                <dt>{tr(Key::FieldMarketing)}</dt>
                <dd>{move || if customer.marketing { i18n.t(Key::Yes) } else { i18n.t(Key::No) }}</dd>
                <dt>{tr(Key::AdminRole)}</dt>
                <dd>{tr(role_key(c.role))}</dd>
                <dt>{tr(Key::AdminStatus)}</dt>
                <dd>
                    {tr(status_key(c.status))}
                    {customer.status_reason.clone().map(|r| view! { " — " {r} })}
                </dd>
                <dt>{tr(Key::AdminRegistered)}</dt>
                <dd>{time::date(c.registered_at)}</dd>
            </dl>
            <h3>{tr(Key::AccountAddresses)}</h3>
            <ul>
                {customer.addresses.iter().map(|a| {
                    let country = a.address.country.clone();
                    let company = if a.address.company.is_empty() { String::new() } else { format!("{}, ", a.address.company) };
                    let text = format!("{} ({}), {company}{}, {}{} {}, ", a.address.recipient_name, a.address.recipient_phone, a.address.line1, if a.address.line2.is_empty() { String::new() } else { format!("{}, ", a.address.line2) }, a.address.postal_code, a.address.city);
                    view! { <li>{text} {move || country_name(&country, i18n.lang())}</li> }
                }).collect_view()}
            </ul>
        </div>
        {(c.status == AccountStatus::Suspended).then(|| view! {
            <div class="card">
                <h2>{tr(Key::AdminReinstate)}</h2>
                <ActionForm action=reinstate>
                    <FormMessage error=reinstate_error />
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button-primary">{tr(Key::AdminReinstate)}</button>
                </ActionForm>
            </div>
        })}
        {(c.status == AccountStatus::Active).then(|| view! {
            <div class="card">
                <h2>{tr(Key::AdminSuspend)}</h2>
                <p class="field-hint">{tr(Key::AdminSuspendText)}</p>
                <WithFlash
                    form=format!("suspend-{id}")
                    view=move |values| view! {
                        <ActionForm action=suspend attr:class="form-stack" attr:novalidate=true>
                            <FormMessage error=suspend_error success=(action_done(suspend), Key::AdminSuspended) />
                            <input type="hidden" name="id" value=id.to_string() />
                            <Field name="reason" label=Key::AdminSuspendReason error=suspend_error value=values.get("reason") maxlength=crate::domain::limits::SUSPENSION_REASON />
                            <button type="submit" class="button button-danger">{tr(Key::AdminSuspend)}</button>
                        </ActionForm>
                    }
                />
            </div>
        })}
        {customer.viewer_is_admin.then(|| view! {
            <div class="card">
                <h2>{tr(Key::AdminChangeRole)}</h2>
                <FormMessage error=role_error />
                {move || match chosen_role() {
                    // The second step: what will change, then the real form.
                    Some(role) => {
                        let question = Signal::derive(move || {
                            name.with_value(|name| {
                                i18n.msg(Msg::RoleChangeQuestion { name, role: i18n.t(role_key(role)) })
                            })
                        });
                        view! {
                            <ConfirmPanel question>
                                <ActionForm action=set_role>
                                    <input type="hidden" name="id" value=id.to_string() />
                                    <input type="hidden" name="role" value=role.as_str() />
                                    <button type="submit" class="button button-danger">{tr(Key::AdminChangeRole)}</button>
                                </ActionForm>
                            </ConfirmPanel>
                        }
                        .into_any()
                    }
                    // The first step is a plain GET form: it only puts the choice in the address.
                    None => view! {
                        <form method="get" class="inline-form">
                            <input type="hidden" name="confirm" value="role" />
                            <label for="role-select">{tr(Key::AdminRole)}</label>
                            <select id="role-select" name="role">
                                {Role::ALL.into_iter().map(|r| view! {
                                    <option value=r.as_str() selected={r == current_role}>{tr(role_key(r))}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit" class="button button-secondary">{tr(Key::AdminChangeRole)}</button>
                        </form>
                    }
                    .into_any(),
                }}
            </div>
        })}
    }
}
