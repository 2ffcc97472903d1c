//! The cart: each line at its tier price with the saving, its quantity (changed up to the
//! stock), removal; walls from the configurator as groups removed as one; the subtotal; and a
//! warning on every line that asks for more than is in stock now.

use crate::{
    api::cart::{EmptyCart, RemoveCartGroup, RemoveCartLine, UpdateCartLine, get_cart},
    components::{
        cart::{cart_error_text, refresh_cart_after, use_cart},
        confirm::{ConfirmPanel, confirm_href, confirming},
        form::WithFlash,
        page_meta::PageMeta,
    },
    domain::{cart::QUANTITY_MAX, limits, money::Money},
    i18n::{Key, Msg, tr, use_i18n},
    model::cart::{CartGroup, CartLineView, CartView},
};
use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

#[component]
pub fn CartPage() -> impl IntoView {
    let cart = use_cart();
    let contents = Resource::new(move || cart.version(), |_| get_cart());
    view! {
        <PageMeta title=Key::CartTitle />
        <section class="container section cart-page">
            <h1>{tr(Key::CartTitle)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    let view = contents.await.unwrap_or_default();
                    if view.lines.is_empty() {
                        Either::Left(view! {
                            <div class="empty-state">
                                <p>{tr(Key::CartEmpty)}</p>
                                <A href="/catalog" attr:class="button button-primary">
                                    {tr(Key::HeroCtaBrowse)}
                                </A>
                            </div>
                        })
                    } else {
                        Either::Right(view! { <CartContents view /> })
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CartContents(view: CartView) -> impl IntoView {
    let i18n = use_i18n();
    let loose: Vec<CartLineView> = view
        .lines
        .iter()
        .filter(|l| l.group.is_none())
        .cloned()
        .collect();
    let groups: Vec<(CartGroup, Vec<CartLineView>)> = view
        .groups
        .iter()
        .map(|g| {
            let lines = view
                .lines
                .iter()
                .filter(|l| l.group.as_ref() == Some(&g.key))
                .cloned()
                .collect();
            (g.clone(), lines)
        })
        .collect();
    let summary = view.summary.clone();
    let ready = view.ready();
    view! {
        <div class="cart-layout">
            <div class="cart-lines">
                {(!loose.is_empty()).then(|| view! {
                    <ul class="cart-list">
                        {loose.into_iter().map(|line| view! { <CartLine line /> }).collect_view()}
                    </ul>
                })}
                {groups.into_iter().map(|(group, lines)| view! { <WallGroup group lines /> }).collect_view()}
            </div>
            <aside class="card cart-summary" aria-labelledby="cart-summary-heading">
                <h2 id="cart-summary-heading">{tr(Key::CartSummaryHeading)}</h2>
                <dl class="facts">
                    <dt>{tr(Key::CartSubtotal)}</dt>
                    <dd class="price" data-testid="cart-subtotal">
                        {move || summary.subtotal.map(|m| m.format(i18n.lang())).unwrap_or_else(|| "—".into())}
                    </dd>
                </dl>
                <p class="field-hint">{tr(Key::CartTaxNote)}</p>
                {(!ready).then(|| view! {
                    <p class="form-message form-message-error" role="status">{tr(Key::CartFixLines)}</p>
                })}
                {ready.then(|| view! {
                    <A href="/checkout" attr:class="button button-primary button-large" attr:data-testid="checkout">{tr(Key::CartCheckout)}</A>
                })}
                <A href="/catalog" attr:class="button button-secondary">{tr(Key::CartContinue)}</A>
                <EmptyCartControl />
            </aside>
        </div>
    }
}

/// A wall from the configurator: its lines, and one button that removes them all.
#[component]
fn WallGroup(group: CartGroup, lines: Vec<CartLineView>) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveCartGroup>::new();
    refresh_cart_after(remove);
    let (cols, rows) = (group.cols, group.rows);
    let subtotal = lines
        .iter()
        .map(|l| l.price.map(|p| p.total))
        .collect::<Option<Vec<_>>>()
        .and_then(Money::sum);
    view! {
        <section class="cart-group" aria-label=move || i18n.msg(Msg::WallGroup { cols, rows })>
            <header class="cart-group-head">
                <h2>{move || i18n.msg(Msg::WallGroup { cols, rows })}</h2>
                <p class="cart-group-total price" data-testid="wall-subtotal">
                    {move || subtotal.map(|m| m.format(i18n.lang())).unwrap_or_default()}
                </p>
                <ActionForm action=remove>
                    <input type="hidden" name="group" value=group.key.clone() />
                    <button type="submit" class="button button-secondary button-small">{tr(Key::CartRemoveWall)}</button>
                </ActionForm>
            </header>
            <ul class="cart-list">
                // Its lines change only with the wall: no quantity or remove of their own.
                {lines.into_iter().map(|line| view! { <CartLine line in_wall=true /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CartLine(line: CartLineView, #[prop(optional)] in_wall: bool) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateCartLine>::new();
    let remove = ServerAction::<RemoveCartLine>::new();
    refresh_cart_after(update);
    refresh_cart_after(remove);
    let id = line.id;
    let href = format!("/products/{}", line.product.slug);
    let price = line.price;
    let short = line.short_of_stock();
    let in_stock = line.in_stock;
    let quantity = line.quantity;
    let field_id = format!("qty-{id}");
    let max = in_stock.clamp(1, QUANTITY_MAX).max(quantity);
    view! {
        <li class="cart-line" class:cart-line-short=short data-testid="cart-line">
            <img src=line.product.image.clone() alt="" width="120" height="75" />
            <div class="cart-line-main">
                <A href=href attr:class="cart-line-name">{line.product.name.clone()}</A>
                <span class="product-brand">{line.product.brand.clone()}</span>
                <p class="cart-line-unit">
                    {move || price.map(|p| p.unit.format(i18n.lang())).unwrap_or_else(|| "—".into())}
                    " × " {quantity.to_string()}
                </p>
                {price.and_then(|p| p.saving).map(|saving| view! {
                    <p class="cart-line-saving">{move || i18n.msg(Msg::CartSaving { saving: &saving.format(i18n.lang()) })}</p>
                })}
                {short.then(|| view! {
                    <p class="form-message form-message-error cart-line-warning" role="status">
                        {move || i18n.msg(Msg::CartShort { count: in_stock })}
                    </p>
                })}
            </div>
            {(!in_wall).then(|| view! { <WithFlash form=format!("cart-line-{id}") view=move |kept| {
                let field_id = field_id.clone();
                let error_id = format!("{field_id}-error");
                let described_by = error_id.clone();
                let had_error = !kept.is_empty();
                let typed = kept.get_or("quantity", &quantity.to_string());
                // Without JavaScript every line's form reads the error from the address; it
                // belongs to the line whose typed value came back with it.
                let error = move || update.value().get().and_then(Result::err).filter(|_| had_error || update.version().get() > 0);
                view! {
                    <div class="cart-line-qty">
                        <ActionForm action=update attr:class="qty-form" attr:novalidate=true>
                            <input type="hidden" name="line" value=id.to_string() />
                            <label for=field_id.clone()>{tr(Key::Quantity)}</label>
                            <input
                                id=field_id.clone()
                                name="quantity"
                                type="number"
                                inputmode="numeric"
                                min="1"
                                max=max.to_string()
                                maxlength=limits::NUMBER.to_string()
                                value=typed
                                class="qty-input"
                                aria-invalid=move || error().is_some().then_some("true")
                                aria-describedby=described_by
                            />
                            <button type="submit" class="button button-secondary button-small">{tr(Key::CartUpdate)}</button>
                        </ActionForm>
                        <p id=error_id class="field-error" role="alert">
                            {move || error().map(|e| cart_error_text(i18n.lang(), &e))}
                        </p>
                    </div>
                }
            } /> })}
            <p class="cart-line-total price">
                {move || price.map(|p| p.total.format(i18n.lang())).unwrap_or_else(|| "—".into())}
            </p>
            {(!in_wall).then(|| view! {
                <ActionForm action=remove attr:class="cart-line-remove">
                    <input type="hidden" name="line" value=id.to_string() />
                    <button type="submit" class="button button-link">{tr(Key::CartRemove)}</button>
                </ActionForm>
            })}
        </li>
    }
}

/// "Empty the cart", asked twice.
#[component]
fn EmptyCartControl() -> impl IntoView {
    let i18n = use_i18n();
    let empty = ServerAction::<EmptyCart>::new();
    refresh_cart_after(empty);
    let asking = confirming(|| "empty".to_string());
    view! {
        <Show
            when=move || asking.get()
            fallback=|| view! { <a class="button button-link" href=confirm_href("empty")>{tr(Key::CartEmptyAction)}</a> }
        >
            <ConfirmPanel question=Signal::derive(move || i18n.t(Key::CartEmptyQuestion).to_string())>
                <ActionForm action=empty>
                    <button type="submit" class="button button-danger">{tr(Key::CartEmptyAction)}</button>
                </ActionForm>
            </ConfirmPanel>
        </Show>
    }
}
