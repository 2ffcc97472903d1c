//! Checkout, one page in four steps: the delivery address (from the address book, or typed;
//! a guest also gives an email address), the carrier, the card (entered on the payment
//! processor's own page), and the review that places the order. Each step is a plain form
//! that works without JavaScript; the page shows every step done so far and the next one.

use crate::{
    api::checkout::{
        CheckoutAddress, CheckoutCard, CheckoutDelivery, CheckoutSavedAddress, CheckoutSavedCard,
        PlaceOrder, get_checkout,
    },
    components::{
        cart::{refresh_cart_after, use_cart},
        form::{AddressFields, Field, FormMessage, WithFlash, action_error, successes},
        page_meta::PageMeta,
    },
    domain::{
        account::check_email, country::country_name, ids::CardEntryId, limits, tax::rate_text,
    },
    error::{Rule, ShopError},
    i18n::{Key, Msg, tr, use_i18n},
    model::order::{CheckoutStep, CheckoutView},
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let query = use_query_map();
    let address = ServerAction::<CheckoutAddress>::new();
    let saved = ServerAction::<CheckoutSavedAddress>::new();
    let saved_card = ServerAction::<CheckoutSavedCard>::new();
    let delivery = ServerAction::<CheckoutDelivery>::new();
    let card = ServerAction::<CheckoutCard>::new();
    let place = ServerAction::<PlaceOrder>::new();
    // Reloaded after each step that worked. A declined card does not reload the page with
    // JavaScript: the review step says so and offers another card.
    let changes = (
        successes(address),
        successes(saved),
        successes(delivery),
        successes(place),
        successes(saved_card),
    );
    // After "sold out" or "your cart or prices changed" the page shows the order as it now
    // stands, with the message.
    let refused = Memo::new(move |previous: Option<&usize>| {
        let version = place.version().get();
        let changed = place.value().with(|v| {
            matches!(
                v,
                Some(Err(ShopError::Refused {
                    rule: Rule::ReviewChanged | Rule::SoldOut
                }))
            )
        });
        if changed {
            version
        } else {
            previous.copied().unwrap_or(0)
        }
    });
    let cart = use_cart();
    let checkout = Resource::new(
        move || {
            (
                refused.get(),
                changes.0.get(),
                changes.1.get(),
                changes.2.get(),
                changes.3.get(),
                changes.4.get(),
                cart.version(),
                query.with(|q| q.get("card_entry").and_then(|e| CardEntryId::parse(&e))),
            )
        },
        |(.., entry)| get_checkout(entry),
    );
    refresh_cart_after(place);
    // With JavaScript: the browser goes to the processor's card page, then to the order.
    Effect::new(move |_| {
        if let Some(Ok(page)) = card.value().get() {
            let _ = window().location().set_href(&page);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(placed)) = place.value().get() {
            let _ = window().location().set_href(&placed.path);
        }
    });
    let actions = Actions {
        address,
        saved,
        delivery,
        card,
        saved_card,
        place,
    };
    view! {
        <PageMeta title=Key::CheckoutTitle />
        <section class="container section checkout-page">
            <h1>{tr(Key::CheckoutTitle)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match checkout.await {
                        Ok(view) if view.cart.lines.is_empty() => Either::Left(view! {
                            <div class="empty-state">
                                <p>{tr(Key::CartEmpty)}</p>
                                <A href="/catalog" attr:class="button button-primary">{tr(Key::HeroCtaBrowse)}</A>
                            </div>
                        }.into_any()),
                        Ok(view) if !view.cart.ready() => Either::Left(view! {
                            <div class="empty-state">
                                // The shopper who lost the race for the last unit is told so.
                                {move || match action_error(place).get() {
                                    Some(e @ ShopError::Refused { rule: Rule::SoldOut }) => Either::Left(view! {
                                        <p class="form-message form-message-error" role="alert" tabindex="-1" autofocus=true data-testid="sold-out">
                                            {crate::components::form::error_text(use_i18n().lang(), &e)}
                                        </p>
                                    }),
                                    _ => Either::Right(view! {
                                        <p class="form-message form-message-error" role="status">{tr(Key::CartFixLines)}</p>
                                    }),
                                }}
                                <A href="/cart" attr:class="button button-primary">{tr(Key::ViewCart)}</A>
                            </div>
                        }.into_any()),
                        Ok(view) => Either::Right(view! { <CheckoutSteps view actions /> }),
                        Err(e) => Either::Left(view! {
                            <p class="form-message form-message-error" role="alert">
                                {move || crate::components::form::error_text(use_i18n().lang(), &e)}
                            </p>
                        }.into_any()),
                    }
                })}
            </Transition>
        </section>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    address: ServerAction<CheckoutAddress>,
    saved: ServerAction<CheckoutSavedAddress>,
    delivery: ServerAction<CheckoutDelivery>,
    card: ServerAction<CheckoutCard>,
    saved_card: ServerAction<CheckoutSavedCard>,
    place: ServerAction<PlaceOrder>,
}

#[component]
fn CheckoutSteps(view: CheckoutView, actions: Actions) -> impl IntoView {
    let step = view.step;
    let done = move |s: CheckoutStep| step > s;
    let view = StoredValue::new(view);
    view! {
        <div class="checkout-layout">
            <ol class="checkout-steps">
                <Step number=1 title=Key::CheckoutAddressStep done=done(CheckoutStep::Address) current=step == CheckoutStep::Address>
                    <AddressStep view=view.get_value() actions />
                </Step>
                <Step number=2 title=Key::CheckoutDeliveryStep done=done(CheckoutStep::Delivery) current=step == CheckoutStep::Delivery>
                    {(step >= CheckoutStep::Delivery).then(|| view! { <DeliveryStep view=view.get_value() action=actions.delivery /> })}
                </Step>
                <Step number=3 title=Key::CheckoutPaymentStep done=done(CheckoutStep::Payment) current=step == CheckoutStep::Payment>
                    {(step >= CheckoutStep::Payment).then(|| view! { <PaymentStep view=view.get_value() action=actions.card place=actions.place saved=actions.saved_card /> })}
                </Step>
                <Step number=4 title=Key::CheckoutReviewStep done=false current=step == CheckoutStep::Review>
                    {(step == CheckoutStep::Review).then(|| view! { <ReviewStep view=view.get_value() action=actions.place card=actions.card /> })}
                </Step>
            </ol>
            <Summary view=view.get_value() />
        </div>
    }
}

#[component]
fn Step(number: u8, title: Key, done: bool, current: bool, children: Children) -> impl IntoView {
    view! {
        <li class="card checkout-step" class:checkout-step-done=done class:checkout-step-current=current
            aria-current=current.then_some("step")>
            <h2><span class="checkout-step-number">{number}</span>{tr(title)}</h2>
            {children()}
        </li>
    }
}

#[component]
fn AddressStep(view: CheckoutView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(actions.address);
    let saved_error = action_error(actions.saved);
    let editing = view.step == CheckoutStep::Address;
    let summary = view.address.clone().map(|a| {
        let country = a.country.clone();
        view! {
            <address class="checkout-address" data-testid="checkout-address">
                <strong>{a.recipient_name.clone()}</strong> " · " {a.recipient_phone.clone()}<br />
                {(!a.company.is_empty()).then(|| view! { {a.company.clone()}<br /> })}
                {a.line1.clone()}<br />
                {(!a.line2.is_empty()).then(|| view! { {a.line2.clone()}<br /> })}
                {a.postal_code.clone()} " " {a.city.clone()}
                {(!a.region.is_empty()).then(|| format!(", {}", a.region))}<br />
                {move || country_name(&country, i18n.lang())}
            </address>
        }
    });
    let email = view.email.clone();
    let signed_in = view.signed_in;
    let book = view.saved_addresses.clone();
    let initial = view.address.clone();
    let form = move || {
        let email = email.clone();
        let initial = initial.clone();
        view! {
            <WithFlash form="checkout-address".to_string() view=move |mut values| {
                if values.is_empty() && let Some(a) = &initial {
                    for (k, v) in [
                        ("recipient_name", &a.recipient_name), ("recipient_phone", &a.recipient_phone),
                        ("company", &a.company), ("tax_id", &a.tax_id), ("line1", &a.line1),
                        ("line2", &a.line2), ("city", &a.city), ("region", &a.region),
                        ("postal_code", &a.postal_code), ("country", &a.country),
                    ] {
                        values.0.insert(k.to_string(), v.clone());
                    }
                }
                let typed_email = values.get_or("email", &email);
                view! {
                    <ActionForm action=actions.address attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error />
                        {(!signed_in).then(|| view! {
                            <Field name="email" label=Key::FieldEmail kind="email" error autocomplete="email"
                                value=typed_email check=check_email hint=Key::CheckoutEmailHint maxlength=limits::EMAIL />
                        })}
                        <AddressFields form="form" scope="checkout" error values />
                        <button type="submit" class="button button-primary">{tr(Key::CheckoutUseAddress)}</button>
                    </ActionForm>
                }
            } />
        }
    };
    view! {
        {(!editing).then_some(summary)}
        {(!book.is_empty()).then(|| view! {
            <details class="checkout-book" open=editing>
                <summary>{tr(Key::CheckoutFromBook)}</summary>
                <FormMessage error=saved_error />
                <ul class="checkout-book-list">
                    {book.into_iter().map(|a| {
                        let country = a.address.country.clone();
                        view! {
                            <li>
                                <ActionForm action=actions.saved attr:class="checkout-book-entry">
                                    <input type="hidden" name="id" value=a.id.to_string() />
                                    <span>
                                        <strong>{a.address.recipient_name.clone()}</strong> ", " {a.address.line1.clone()} ", "
                                        {a.address.postal_code.clone()} " " {a.address.city.clone()} ", "
                                        {move || country_name(&country, i18n.lang())}
                                    </span>
                                    <button type="submit" class="button button-secondary button-small">{tr(Key::CheckoutDeliverHere)}</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        })}
        {if editing {
            Either::Left(form())
        } else {
            Either::Right(view! {
                <details class="checkout-change">
                    <summary>{tr(Key::CheckoutChangeAddress)}</summary>
                    {form()}
                </details>
            })
        }}
    }
}

#[component]
fn DeliveryStep(view: CheckoutView, action: ServerAction<CheckoutDelivery>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let chosen = view.carrier;
    let quotes = view.quotes.clone();
    view! {
        <ActionForm action attr:class="form-stack" attr:novalidate=true>
            <FormMessage error />
            <fieldset class="carrier-list">
                <legend class="visually-hidden">{tr(Key::CheckoutDeliveryStep)}</legend>
                {quotes.into_iter().enumerate().map(|(i, q)| {
                    let id = format!("carrier-{}", q.carrier.code());
                    let checked = chosen.map_or(i == 0, |c| c == q.carrier);
                    let (min, max) = (q.days_min, q.days_max);
                    view! {
                        <label class="carrier-option" for=id.clone()>
                            <input type="radio" id=id.clone() name="carrier" value=q.carrier.code() checked=checked />
                            <span class="carrier-name">{q.carrier.name()}</span>
                            <span class="carrier-days">{move || i18n.msg(Msg::DeliveryDays { min, max })}</span>
                            <span class="carrier-price price">{move || q.price.format(i18n.lang())}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button button-primary">{tr(Key::CheckoutUseCarrier)}</button>
        </ActionForm>
    }
}

#[component]
fn PaymentStep(
    view: CheckoutView,
    action: ServerAction<CheckoutCard>,
    place: ServerAction<PlaceOrder>,
    saved: ServerAction<CheckoutSavedCard>,
) -> impl IntoView {
    let saved_cards = view.saved_cards.clone();
    let card = view.card.clone();
    let has_card = card.is_some();
    // Without JavaScript a declined card brings the shopper back here (the card forgotten):
    // its message shows with the way on.
    let declined = action_error(place);
    let card_error = action_error(action);
    let error = Signal::derive(move || {
        card_error
            .get()
            .or_else(|| declined.get().filter(|_| !has_card))
    });
    // A card declined just now (with JavaScript the page is not reloaded) is no longer the
    // chosen one: the checkout has forgotten it.
    let declined_now =
        Signal::derive(move || matches!(declined.get(), Some(ShopError::PaymentDeclined { .. })));
    view! {
        {card.map(|c| view! {
            <p class="checkout-card" data-testid="checkout-card" hidden=move || declined_now.get()>
                {format!("{} •••• {}, {:02}/{:02}", c.brand.label(), c.last4, c.exp_month, c.exp_year % 100)}
            </p>
        })}
        {(!saved_cards.is_empty()).then(|| view! {
            <ul class="checkout-book-list" data-testid="checkout-saved-cards">
                {saved_cards.into_iter().map(|c| view! {
                    <li>
                        <ActionForm action=saved attr:class="checkout-book-entry">
                            <input type="hidden" name="id" value=c.id.to_string() />
                            <span>
                                <strong>{c.card.brand.label()} " •••• " {c.card.last4.clone()}</strong>
                                {format!(", {:02}/{:02}", c.card.exp_month, c.card.exp_year % 100)}
                            </span>
                            <button type="submit" class="button button-secondary button-small">{tr(Key::CheckoutPayWithSaved)}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <p class="field-hint">{tr(Key::CheckoutCardNote)}</p>
        <ActionForm action attr:class="form-stack">
            <FormMessage error />
            <button type="submit" class=if has_card { "button button-secondary" } else { "button button-primary" }>
                {tr(if has_card { Key::CheckoutOtherCard } else { Key::CheckoutEnterCard })}
            </button>
        </ActionForm>
    }
}

#[component]
fn ReviewStep(
    view: CheckoutView,
    action: ServerAction<PlaceOrder>,
    card: ServerAction<CheckoutCard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let declined = Signal::derive(move || {
        matches!(
            error.get(),
            Some(crate::error::ShopError::PaymentDeclined { .. })
        )
    });
    let total = view.totals.map(|t| t.total);
    view! {
        <ActionForm action attr:class="form-stack">
            <FormMessage error />
            <input type="hidden" name="key" value=view.key.clone() />
            <input type="hidden" name="review" value=view.review.clone() />
            <p class="field-hint">{tr(Key::CheckoutPlaceNote)}</p>
            // One tap places the order: a second one while the first is on its way is not sent
            // (the key would make it harmless, but the page reloads under it).
            <button type="submit" class="button button-primary button-large" data-testid="place-order"
                hidden=move || declined.get() disabled=move || action.pending().get()>
                {move || i18n.msg(Msg::CheckoutPay { total: &total.map(|t| t.format(i18n.lang())).unwrap_or_default() })}
            </button>
        </ActionForm>
        // After a declined card (with JavaScript): straight to the card page again.
        <Show when=move || declined.get()>
            <ActionForm action=card attr:class="form-stack">
                <button type="submit" class="button button-primary">{tr(Key::CheckoutOtherCard)}</button>
            </ActionForm>
        </Show>
    }
}

#[component]
fn Summary(view: CheckoutView) -> impl IntoView {
    let i18n = use_i18n();
    let totals = view.totals;
    let subtotal = view.cart.summary.subtotal;
    view! {
        <aside class="card cart-summary checkout-summary" aria-labelledby="checkout-summary-heading">
            <h2 id="checkout-summary-heading">{tr(Key::CartSummaryHeading)}</h2>
            <ul class="checkout-lines">
                {view.cart.lines.iter().map(|l| {
                    let total = l.price.map(|p| p.total);
                    let qty = l.quantity;
                    view! {
                        <li>
                            <span>{l.product.name.clone()} " × " {qty}</span>
                            <span class="price">{move || total.map(|t| t.format(i18n.lang())).unwrap_or_default()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <dl class="facts">
                <dt>{tr(Key::CartSubtotal)}</dt>
                <dd class="price">{move || subtotal.map(|m| m.format(i18n.lang())).unwrap_or_default()}</dd>
                {totals.map(|t| view! {
                    <dt>{tr(Key::OrderShipping)}</dt>
                    <dd class="price">{move || t.shipping.format(i18n.lang())}</dd>
                    <dt>{move || i18n.msg(Msg::OrderTax { rate: &rate_text(t.tax_rate_bp) })}</dt>
                    <dd class="price">{move || t.tax.format(i18n.lang())}</dd>
                    <dt class="total">{tr(Key::OrderTotal)}</dt>
                    <dd class="price total" data-testid="checkout-total">{move || t.total.format(i18n.lang())}</dd>
                })}
            </dl>
            {totals.is_none().then(|| view! { <p class="field-hint">{tr(Key::CartTaxNote)}</p> })}
            <A href="/cart" attr:class="button button-link">{tr(Key::CheckoutEditCart)}</A>
        </aside>
    }
}
