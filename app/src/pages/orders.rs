//! Orders as their buyers see them: one order (its lines, totals, delivery, card, status
//! timeline and who received which personal data for it), and a shopper's order history.

use super::{account::AccountLayout, not_found::NotFound};
use crate::components::ledger::LedgerList;
use crate::{
    api::checkout::{CancelOrder, get_order, get_orders},
    components::{
        confirm::{ConfirmPanel, confirm_href, confirming},
        form::{FormMessage, action_error, successes},
        page_meta::PageMeta,
    },
    domain::{
        country::country_name,
        fraud::{HoldReason, RELEASED},
        ids::OrderId,
        order::OrderStatus,
        tax::rate_text,
        time,
    },
    error::ShopError,
    i18n::{Key, Msg, tr, use_i18n},
    model::{
        order::{OrderLineView, OrderSummary, OrderView},
        shop::Seller,
    },
};
use leptos::{either::Either, prelude::*};
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

pub fn status_key(status: OrderStatus) -> Key {
    match status {
        OrderStatus::PendingPayment => Key::OrderStatusPending,
        OrderStatus::PaymentFailed => Key::OrderStatusPaymentFailed,
        OrderStatus::Held => Key::OrderStatusHeld,
        OrderStatus::Paid => Key::OrderStatusPaid,
        OrderStatus::Shipped => Key::OrderStatusShipped,
        OrderStatus::Delivered => Key::OrderStatusDelivered,
        OrderStatus::Cancelled => Key::OrderStatusCancelled,
        OrderStatus::Refunded => Key::OrderStatusRefunded,
    }
}

/// An event's detail as its reader sees it: a hold's reasons and its release in words, a
/// carrier and tracking number as written.
fn event_detail(status: OrderStatus, detail: &str, lang_t: impl Fn(Key) -> String) -> String {
    if status != OrderStatus::Held {
        return detail.to_string();
    }
    if detail == RELEASED {
        return lang_t(Key::HoldReleased);
    }
    let reasons: Vec<String> = HoldReason::split(detail)
        .into_iter()
        .map(|r| {
            lang_t(match r {
                HoldReason::Card => Key::HoldReasonCard,
                HoldReason::Account => Key::HoldReasonAccount,
                HoldReason::Client => Key::HoldReasonClient,
            })
        })
        .collect();
    if reasons.is_empty() {
        return detail.to_string();
    }
    format!("{}: {}", lang_t(Key::HoldBecause), reasons.join(", "))
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let cancel = ServerAction::<CancelOrder>::new();
    let cancelled = successes(cancel);
    let order = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").and_then(|id| id.parse::<OrderId>().ok())),
                query.with(|q| q.get("key")),
                cancelled.get(),
            )
        },
        |(id, key, _)| async move {
            match id {
                Some(id) => get_order(id, key).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <PageMeta title=Key::OrderTitle />
        <Suspense>
            {move || Suspend::new(async move {
                match order.await {
                    Some(order) => Either::Left(view! {
                        <OrderDetail order=order.clone()>
                            <BuyerCancel order cancel key=query.with_untracked(|q| q.get("key")) />
                        </OrderDetail>
                    }),
                    None => Either::Right(view! { <NotFound /> }),
                }
            })}
        </Suspense>
    }
}

/// "Cancel the order", asked twice, while the order has not shipped.
#[component]
fn BuyerCancel(
    order: OrderView,
    cancel: ServerAction<CancelOrder>,
    key: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(cancel);
    let asking = confirming(|| "cancel".to_string());
    let id = order.id;
    let key = StoredValue::new(key);
    (order.status == OrderStatus::Paid).then(|| view! {
        <div class="card">
            <FormMessage error />
            <Show
                when=move || asking.get()
                fallback=|| view! { <a class="button button-secondary" href=confirm_href("cancel")>{tr(Key::OrderCancel)}</a> }
            >
                <ConfirmPanel question=Signal::derive(move || i18n.t(Key::OrderCancelQuestion).to_string())>
                    <ActionForm action=cancel>
                        <input type="hidden" name="id" value=id.to_string() />
                        {key.get_value().map(|k| view! { <input type="hidden" name="key" value=k /> })}
                        <button type="submit" class="button button-danger">{tr(Key::OrderCancel)}</button>
                    </ActionForm>
                </ConfirmPanel>
            </Show>
        </div>
    })
}

/// One order: lines and totals, delivery, card, timeline, who received what; `children`
/// (the actions its reader may take) under the delivery card.
#[component]
pub fn OrderDetail(
    order: OrderView,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let a = order.address.clone();
    let country = a.country.clone();
    let totals = order.totals;
    let number = order.number.clone();
    let (min, max) = order.delivery_days;
    let placed = time::date_time(order.placed_at);
    let invoice_href = invoice_path(&order);
    // The registration form filled in from the order (the link's key lets it read it).
    let register_href = match use_query_map().with_untracked(|q| q.get("key")) {
        Some(key) => format!("/account/register?order={}&key={key}", order.id),
        None => format!("/account/register?order={}", order.id),
    };
    view! {
        <section class="container section order-page">
            <h1>{move || i18n.msg(Msg::OrderHeading { number: &number })}</h1>
            <p class="order-status" data-testid="order-status">
                <span class="badge">{tr(status_key(order.status))}</span>
                " · " {move || i18n.msg(Msg::OrderPlacedAt { when: &placed })}
            </p>
            {(order.status == OrderStatus::Paid && !order.staff).then(|| view! {
                <p class="form-message form-message-success" role="status">
                    {move || i18n.msg(Msg::OrderThanks { email: &order.email })}
                </p>
            })}
            {(order.status == OrderStatus::Refunded && !order.staff).then(|| view! {
                <p class="form-message form-message-success" role="status">{tr(Key::OrderCancelledNote)}</p>
            })}
            {(order.status == OrderStatus::Held && !order.staff).then(|| view! {
                <p class="form-message" role="status" data-testid="order-held">{tr(Key::OrderHeldNote)}</p>
            })}
            {(order.status == OrderStatus::Cancelled && order.invoice.is_none() && !order.staff).then(|| view! {
                <p class="form-message" role="status">{tr(Key::OrderHeldCancelledNote)}</p>
            })}
            <div class="order-grid">
                <div class="card">
                    <h2>{tr(Key::OrderItems)}</h2>
                    <OrderLines lines=order.lines.clone() />
                    <dl class="facts order-totals">
                        <dt>{tr(Key::CartSubtotal)}</dt>
                        <dd class="price">{move || totals.subtotal.format(i18n.lang())}</dd>
                        <dt>{tr(Key::OrderShipping)}</dt>
                        <dd class="price">{move || totals.shipping.format(i18n.lang())}</dd>
                        <dt>{move || i18n.msg(Msg::OrderTax { rate: &rate_text(totals.tax_rate_bp) })}</dt>
                        <dd class="price">{move || totals.tax.format(i18n.lang())}</dd>
                        <dt class="total">{tr(Key::OrderTotal)}</dt>
                        <dd class="price total" data-testid="order-total">{move || totals.total.format(i18n.lang())}</dd>
                    </dl>
                </div>
                <div class="order-side">
                    {children.map(|c| c())}
                    <div class="card">
                        <h2>{tr(Key::OrderDelivery)}</h2>
                        <address>
                            <strong>{a.recipient_name.clone()}</strong> " · " {a.recipient_phone.clone()}<br />
                            {(!a.company.is_empty()).then(|| view! { {a.company.clone()}<br /> })}
                            {a.line1.clone()}<br />
                            {(!a.line2.is_empty()).then(|| view! { {a.line2.clone()}<br /> })}
                            {a.postal_code.clone()} " " {a.city.clone()}<br />
                            {move || country_name(&country, i18n.lang())}
                        </address>
                        <p>{order.carrier.name()} " · " {move || i18n.msg(Msg::DeliveryDays { min, max })}</p>
                        {order.tracking_number.clone().map(|t| view! {
                            <p data-testid="tracking">{tr(Key::OrderTracking)} ": " <strong>{t}</strong></p>
                        })}
                    </div>
                    <div class="card">
                        <h2>{tr(Key::OrderPayment)}</h2>
                        <p data-testid="order-card">{format!("{} •••• {}", order.card.brand.label(), order.card.last4)}</p>
                        {invoice_href.clone().map(|href| view! {
                            <A href=href attr:class="button button-secondary">{tr(Key::InvoiceTitle)}</A>
                        })}
                    </div>
                    <div class="card">
                        <h2>{tr(Key::OrderTimeline)}</h2>
                        <ol class="timeline">
                            {order.timeline.iter().map(|e| {
                                let (status, detail) = (e.status, e.detail.clone());
                                view! {
                                <li>
                                    <strong>{tr(status_key(e.status))}</strong>
                                    " · " {time::date_time(e.at)}
                                    {(!detail.is_empty()).then_some(move || {
                                        format!(" · {}", event_detail(status, &detail, |k| i18n.t(k).to_string()))
                                    })}
                                    {e.by.clone().map(|by| view! { " · " {tr(Key::OrderBy)} " " {by} })}
                                </li>
                            }}).collect_view()}
                        </ol>
                    </div>
                    <div class="card">
                        <h2>{tr(Key::OrderSharedWith)}</h2>
                        {if order.shared_with.is_empty() {
                            Either::Left(view! { <p class="muted">{tr(Key::LedgerEmpty)}</p> })
                        } else {
                            Either::Right(view! { <LedgerList entries=order.shared_with.clone() /> })
                        }}
                    </div>
                    {(order.guest && !order.staff).then(|| view! {
                        <div class="card">
                            <p>{tr(Key::OrderGuestAccount)}</p>
                            <A href=register_href.clone() attr:class="button button-secondary">{tr(Key::RegisterTitle)}</A>
                        </div>
                    })}
                </div>
            </div>
        </section>
    }
}

/// The invoice of an order, for its buyer (with the guest's key when there is one).
fn invoice_path(order: &OrderView) -> Option<String> {
    if order.staff || order.invoice.is_none() {
        return None;
    }
    let key = use_query_map().with_untracked(|q| q.get("key"));
    Some(match key {
        Some(key) => format!("/orders/{}/invoice?key={}", order.id, key),
        None => format!("/orders/{}/invoice", order.id),
    })
}

/// An invoice that prints on its own: seller, buyer, lines, delivery, tax and total.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let order = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").and_then(|id| id.parse::<OrderId>().ok())),
                query.with(|q| q.get("key")),
            )
        },
        |(id, key)| async move {
            match id {
                Some(id) => get_order(id, key).await.ok(),
                None => None,
            }
        },
    );
    let info = OnceResource::new(crate::api::shop::get_shop_info());
    view! {
        <PageMeta title=Key::InvoiceTitle />
        <Suspense>
            {move || Suspend::new(async move {
                let (Some(order), Ok(shop)) = (order.await, info.await) else {
                    return Either::Right(view! { <NotFound /> });
                };
                match order.invoice.clone() {
                    Some(number) => Either::Left(view! { <Invoice order number seller=shop.seller /> }),
                    // Never paid: no invoice.
                    None => Either::Right(view! { <NotFound /> }),
                }
            })}
        </Suspense>
    }
}

/// A tax invoice: its number in the shop's sequence, the seller as configured (legal name,
/// address, VAT or tax number), the buyer with their company and VAT id when given.
#[component]
fn Invoice(order: OrderView, number: String, seller: Seller) -> impl IntoView {
    let i18n = use_i18n();
    let a = order.address.clone();
    let country = a.country.clone();
    let totals = order.totals;
    view! {
        <section class="container section invoice" data-testid="invoice">
            <header class="invoice-head">
                <div>
                    <address class="invoice-seller" data-testid="invoice-seller">
                        <strong>{seller.legal_name.clone()}</strong>
                        {(!seller.address.is_empty()).then(|| view! { <br /> {seller.address.clone()} })}
                        {(!seller.tax_number.is_empty()).then(|| view! {
                            <br /> {tr(Key::InvoiceSellerTaxNumber)} ": " {seller.tax_number.clone()}
                        })}
                    </address>
                    <h1 data-testid="invoice-number">{tr(Key::InvoiceTitle)} " " {number}</h1>
                    <p>{tr(Key::InvoiceForOrder)} " " {order.number.clone()}</p>
                    <p>{tr(Key::OrderDate)} ": " {time::date(order.placed_at)}</p>
                </div>
                <address>
                    <strong>{tr(Key::InvoiceBilledTo)}</strong><br />
                    {(!a.company.is_empty()).then(|| view! { {a.company.clone()}<br /> })}
                    {a.recipient_name.clone()}<br />
                    {a.line1.clone()}<br />
                    {(!a.line2.is_empty()).then(|| view! { {a.line2.clone()}<br /> })}
                    {a.postal_code.clone()} " " {a.city.clone()}<br />
                    {move || country_name(&country, i18n.lang())}
                    {(!a.tax_id.is_empty()).then(|| view! { <br /> {tr(Key::FieldTaxId)} ": " {a.tax_id.clone()} })}
                </address>
            </header>
            <OrderLines lines=order.lines.clone() />
            <dl class="facts order-totals">
                <dt>{tr(Key::CartSubtotal)}</dt>
                <dd>{move || totals.subtotal.format(i18n.lang())}</dd>
                <dt>{tr(Key::OrderShipping)} " (" {order.carrier.name()} ")"</dt>
                <dd>{move || totals.shipping.format(i18n.lang())}</dd>
                <dt>{move || i18n.msg(Msg::OrderTax { rate: &rate_text(totals.tax_rate_bp) })}</dt>
                <dd>{move || totals.tax.format(i18n.lang())}</dd>
                <dt class="total">{tr(Key::OrderTotal)}</dt>
                <dd class="total" data-testid="invoice-total">{move || totals.total.format(i18n.lang())}</dd>
            </dl>
            <p>{tr(Key::InvoicePaidBy)} " " {format!("{} •••• {}", order.card.brand.label(), order.card.last4)}</p>
            <p class="field-hint no-print">{tr(Key::InvoicePrintHint)}</p>
        </section>
    }
}

/// What an order bought: product, quantity, unit price, line total.
#[component]
fn OrderLines(lines: Vec<OrderLineView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table order-lines">
            <thead><tr>
                <th scope="col">{tr(Key::CartProduct)}</th>
                <th scope="col" class="num">{tr(Key::Quantity)}</th>
                <th scope="col" class="num">{tr(Key::CartUnitPrice)}</th>
                <th scope="col" class="num">{tr(Key::CartLineTotal)}</th>
            </tr></thead>
            <tbody>
                {lines.into_iter().map(|l| {
                    let (unit, total) = (l.unit, l.total);
                    view! {
                        <tr>
                            <td>{l.name} " " <span class="product-brand">{l.model}</span></td>
                            // On a phone the row stacks and each value says what it is.
                            <td class="num" data-label=move || i18n.lang().text(Key::Quantity)>{l.quantity}</td>
                            <td class="num" data-label=move || i18n.lang().text(Key::CartUnitPrice)>{move || unit.format(i18n.lang())}</td>
                            <td class="num" data-label=move || i18n.lang().text(Key::CartLineTotal)>{move || total.format(i18n.lang())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The signed-in shopper's orders, newest first.
#[component]
pub fn OrdersPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let orders = Resource::new(|| (), |_| get_orders());
    view! {
        <PageMeta title=Key::AccountOrders />
        <AccountLayout title=Key::AccountOrders>
            <OrderHistory orders />
        </AccountLayout>
    }
}

#[component]
fn OrderHistory(orders: Resource<Result<Vec<OrderSummary>, ShopError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let orders = orders.await.unwrap_or_default();
                if orders.is_empty() {
                    return Either::Left(view! { <p class="empty-state">{tr(Key::OrdersEmpty)}</p> });
                }
                Either::Right(view! {
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{tr(Key::OrderNumber)}</th>
                            <th scope="col">{tr(Key::OrderDate)}</th>
                            <th scope="col">{tr(Key::OrderStatus)}</th>
                            <th scope="col" class="num">{tr(Key::OrderTotal)}</th>
                        </tr></thead>
                        <tbody>
                            {orders.into_iter().map(|o| {
                                let total = o.total;
                                view! {
                                    <tr>
                                        <td><A href=format!("/orders/{}", o.id)>{o.number.clone()}</A></td>
                                        <td>{time::date(o.placed_at)}</td>
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
    }
}
