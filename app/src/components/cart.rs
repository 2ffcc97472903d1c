//! The cart on every page: the header's link with the item count and subtotal (a resource
//! refreshed after each change to the cart, and after sign-in, which joins a guest cart to
//! the account's), and the "Add to cart" form of product pages, cards and the comparison.

use super::{
    auth::use_auth,
    form::{error_text, problem_text},
    icons,
    personal::{Slot, cart_parts, template_mode},
};
use crate::{
    api::cart::{AddToCart, get_cart_summary},
    domain::{cart::QUANTITY_MAX, ids::ProductId, limits},
    error::ShopError,
    i18n::{Key, Lang, tr, use_i18n},
    model::cart::CartSummary,
};
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, Copy)]
pub struct Cart {
    version: RwSignal<u32>,
    pub summary: Resource<Result<CartSummary, ShopError>>,
}

impl Cart {
    /// Fetches the summary again (after any change to the cart).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }

    /// Tracked: a resource keyed on it reloads after each change to the cart.
    pub fn version(&self) -> u32 {
        self.version.get()
    }
}

/// Call once, below `provide_auth`.
pub fn provide_cart() -> Cart {
    let auth = use_auth();
    let version = RwSignal::new(0);
    let summary = Resource::new(
        move || (version.get(), auth.version()),
        |_| get_cart_summary(),
    );
    let cart = Cart { version, summary };
    provide_context(cart);
    cart
}

pub fn use_cart() -> Cart {
    expect_context::<Cart>()
}

/// Refreshes the cart summary after each successful submission of `action`.
pub fn refresh_cart_after<S, O>(action: ServerAction<S>)
where
    S: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let cart = use_cart();
    Effect::new(move |previous: Option<usize>| {
        let version = action.version().get();
        let worked = action.value().with(|v| matches!(v, Some(Ok(_))));
        if worked && previous.is_some_and(|p| p != version) {
            cart.refresh();
        }
        version
    });
}

/// The message for a failed cart change: the field's own problem when there is one (these
/// forms have a single field), else the error's.
pub fn cart_error_text(lang: Lang, error: &ShopError) -> String {
    match error {
        ShopError::Invalid { fields } if !fields.is_empty() => {
            problem_text(lang, &fields[0].problem)
        }
        other => error_text(lang, other),
    }
}

/// The header's cart link: the count of items and, on wider screens, the subtotal. The same
/// elements whatever the cart holds (the count is hidden when it is empty), so that a kept
/// page's template hydrates for any visitor (see `personal.rs`).
#[component]
pub fn CartLink() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let plain = move || {
        view! {
            <A href="/cart" attr:class="icon-link cart-link" attr:aria-label=tr(Key::NavCart)>
                <icons::Cart />
                <span class="icon-link-label">{tr(Key::NavCart)}</span>
            </A>
        }
    };
    view! {
        <Transition fallback=plain>
            {move || {
                let summary = cart.summary.get().and_then(Result::ok).unwrap_or_default();
                let (label, total, count, class) = if template_mode() {
                    (
                        Slot::CartLabel.text(),
                        Slot::CartTotal.text(),
                        Slot::CartCount.text(),
                        Slot::CartCountClass.text(),
                    )
                } else {
                    let parts = cart_parts(i18n.lang(), &summary);
                    (parts.label, parts.total, parts.count, parts.count_class.to_string())
                };
                view! {
                    <A href="/cart" attr:class="icon-link cart-link" attr:aria-label=label>
                        <icons::Cart />
                        <span class="icon-link-label cart-total" data-testid="cart-total">{total}</span>
                        <span data-testid="cart-count" class=class>{count}</span>
                    </A>
                }
            }}
        </Transition>
    }
}

/// "Add to cart": a quantity field (or one unit, for cards), the button, and what happened.
/// Without JavaScript a successful add leads to the cart page.
#[component]
pub fn AddToCartForm(
    product: ProductId,
    /// Units in stock: the most the field offers. Nothing is offered at 0.
    stock: i64,
    #[prop(optional)] with_quantity: bool,
    /// The quantity chosen on the page: where the field starts, and what typing into it
    /// changes (so the page can show the price for it as it is typed).
    #[prop(optional)]
    quantity: Option<RwSignal<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddToCart>::new();
    refresh_cart_after(add);
    let field_id = format!("qty-add-{product}");
    let max = stock.clamp(1, QUANTITY_MAX);
    let start = quantity
        .map(|q| q.get_untracked())
        .unwrap_or(1)
        .clamp(1, max)
        .to_string();
    let error = move || add.value().get().and_then(Result::err);
    let done = move || matches!(add.value().get(), Some(Ok(())));
    view! {
        {(stock > 0).then(|| view! {
            <ActionForm action=add attr:class="add-to-cart" attr:novalidate=true>
                <input type="hidden" name="product" value=product.to_string() />
                {if with_quantity {
                    view! {
                        <label for=field_id.clone()>{tr(Key::Quantity)}</label>
                        <input
                            id=field_id.clone()
                            name="quantity"
                            type="number"
                            inputmode="numeric"
                            min="1"
                            max=max.to_string()
                            maxlength=limits::NUMBER.to_string()
                            value=start.clone()
                            class="qty-input"
                            on:input=move |ev| {
                                if let (Some(chosen), Ok(q)) = (quantity, event_target_value(&ev).trim().parse::<i64>())
                                    && (1..=max).contains(&q)
                                {
                                    chosen.set(q);
                                }
                            }
                            aria-invalid=move || error().is_some().then_some("true")
                        />
                    }.into_any()
                } else {
                    view! { <input type="hidden" name="quantity" value="1" /> }.into_any()
                }}
                <button type="submit" class="button button-primary">{tr(Key::AddToCart)}</button>
            </ActionForm>
        })}
        <div class="add-to-cart-result" aria-live="polite">
            {move || error().map(|e| view! {
                <p class="form-message form-message-error" role="alert">{cart_error_text(i18n.lang(), &e)}</p>
            })}
            {move || done().then(|| view! {
                <p class="form-message form-message-success">
                    {tr(Key::AddedToCart)} " " <A href="/cart">{tr(Key::ViewCart)}</A>
                </p>
            })}
        </div>
    }
}
