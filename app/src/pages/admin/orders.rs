//! Staff: the order list (by state, searchable) and an order with its fulfilment actions:
//! hand to the carrier and mark shipped, mark delivered, cancel and refund; for an order the
//! fraud check held, release (charge the card) or cancel (charge nothing).

use super::{AdminLayout, use_id_param};
use crate::{
    api::admin::orders::{
        CancelHeldOrder, CancelOrderForCustomer, DeliverOrder, ReleaseHeldOrder, ShipOrder,
        get_admin_order, search_orders,
    },
    components::{
        confirm::{ConfirmPanel, confirm_href, confirming},
        form::{FormMessage, action_error, successes},
    },
    domain::{country::country_name, ids::OrderId, limits, order::OrderStatus, time},
    i18n::{Key, tr, use_i18n},
    model::order::OrderView,
    pages::{
        not_found::NotFound,
        orders::{OrderDetail, status_key},
    },
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn AdminOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
    };
    let results = Resource::new(
        move || (status(), q(), page()),
        |(status, q, page)| search_orders(status, q, page),
    );
    view! {
        <AdminLayout title=Key::AdminOrders>
            <form class="inline-form" method="get" action="/admin/orders" role="search">
                <label for="order-status">{tr(Key::AdminOrderStatusFilter)}</label>
                <select id="order-status" name="status">
                    <option value="" selected=move || status().is_empty()>{tr(Key::AdminOrderAll)}</option>
                    {OrderStatus::ALL.into_iter().filter(|s| s.is_placed()).map(|s| view! {
                        <option value=s.code() selected=move || status() == s.code()>{tr(status_key(s))}</option>
                    }).collect_view()}
                </select>
                <label for="order-search">{tr(Key::AdminSearchOrders)}</label>
                <input id="order-search" type="search" name="q" value=q prop:value=q maxlength=limits::CUSTOMER_SEARCH.to_string() />
                <button type="submit" class="button button-secondary">{tr(Key::SearchButton)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(rows) = results.await else { return Either::Left(view! { <NotFound /> }) };
                    Either::Right(view! {
                        {rows.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminOrdersEmpty)}</p> })}
                        <table class="table" data-testid="admin-orders">
                            <thead><tr>
                                <th scope="col">{tr(Key::OrderNumber)}</th>
                                <th scope="col">{tr(Key::OrderDate)}</th>
                                <th scope="col">{tr(Key::FieldRecipientName)}</th>
                                <th scope="col">{tr(Key::FieldEmail)}</th>
                                <th scope="col">{tr(Key::OrderStatus)}</th>
                                <th scope="col" class="num">{tr(Key::OrderTotal)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|o| {
                                    let total = o.total;
                                    let country = o.country.clone();
                                    view! {
                                        <tr>
                                            <td><A href=format!("/admin/orders/{}", o.id)>{o.number.clone()}</A></td>
                                            <td>{time::date_time(o.placed_at)}</td>
                                            <td>{o.recipient.clone()} " (" {move || country_name(&country, i18n.lang())} ")"</td>
                                            <td>{o.email.clone()}</td>
                                            <td>{tr(status_key(o.status))}</td>
                                            <td class="num">{move || total.format(i18n.lang())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
pub fn AdminOrderPage() -> impl IntoView {
    let id = use_id_param::<OrderId>();
    let ship = ServerAction::<ShipOrder>::new();
    let deliver = ServerAction::<DeliverOrder>::new();
    let cancel = ServerAction::<CancelOrderForCustomer>::new();
    let held = Held {
        release: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    let (shipped, delivered, cancelled) = (successes(ship), successes(deliver), successes(cancel));
    let (released, dropped) = (successes(held.release), successes(held.cancel));
    let order = Resource::new(
        move || {
            let decided = (released.get(), dropped.get());
            (
                id(),
                shipped.get(),
                delivered.get(),
                cancelled.get(),
                decided,
            )
        },
        |(id, ..)| get_admin_order(id),
    );
    view! {
        <AdminLayout title=Key::AdminOrders>
            <Suspense>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(order) => Either::Left(view! {
                            <OrderDetail order=order.clone()>
                                <StaffActions order ship deliver cancel held />
                            </OrderDetail>
                        }),
                        Err(_) => Either::Right(view! { <NotFound /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

/// The decisions on an order the fraud check held.
#[derive(Clone, Copy)]
struct Held {
    release: ServerAction<ReleaseHeldOrder>,
    cancel: ServerAction<CancelHeldOrder>,
}

#[component]
fn StaffActions(
    order: OrderView,
    ship: ServerAction<ShipOrder>,
    deliver: ServerAction<DeliverOrder>,
    cancel: ServerAction<CancelOrderForCustomer>,
    held: Held,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || {
        action_error(ship)
            .get()
            .or_else(|| action_error(deliver).get())
            .or_else(|| action_error(cancel).get())
            .or_else(|| action_error(held.release).get())
            .or_else(|| action_error(held.cancel).get())
    });
    let id = order.id;
    let asking = confirming(|| "cancel".to_string());
    let dropping = confirming(|| "cancel-held".to_string());
    let status = order.status;
    view! {
        <div class="card staff-actions" data-testid="staff-actions">
            <FormMessage error />
            {(status == OrderStatus::Paid).then(|| view! {
                <ActionForm action=ship>
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button-primary">{tr(Key::AdminMarkShipped)}</button>
                </ActionForm>
            })}
            {(status == OrderStatus::Shipped).then(|| view! {
                <ActionForm action=deliver>
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button-primary">{tr(Key::AdminMarkDelivered)}</button>
                </ActionForm>
            })}
            {(status == OrderStatus::Paid).then(|| view! {
                <Show
                    when=move || asking.get()
                    fallback=|| view! { <a class="button button-link" href=confirm_href("cancel")>{tr(Key::AdminCancelRefund)}</a> }
                >
                    <ConfirmPanel question=Signal::derive(move || i18n.t(Key::AdminCancelQuestion).to_string())>
                        <ActionForm action=cancel>
                            <input type="hidden" name="id" value=id.to_string() />
                            <button type="submit" class="button button-danger">{tr(Key::AdminCancelRefund)}</button>
                        </ActionForm>
                    </ConfirmPanel>
                </Show>
            })}
            {(status == OrderStatus::Held).then(|| view! {
                <ActionForm action=held.release>
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button-primary">{tr(Key::AdminReleaseHeld)}</button>
                </ActionForm>
                <Show
                    when=move || dropping.get()
                    fallback=|| view! { <a class="button button-link" href=confirm_href("cancel-held")>{tr(Key::AdminCancelHeld)}</a> }
                >
                    <ConfirmPanel question=Signal::derive(move || i18n.t(Key::AdminCancelHeldQuestion).to_string())>
                        <ActionForm action=held.cancel>
                            <input type="hidden" name="id" value=id.to_string() />
                            <button type="submit" class="button button-danger">{tr(Key::AdminCancelHeld)}</button>
                        </ActionForm>
                    </ConfirmPanel>
                </Show>
            })}
        </div>
    }
}
