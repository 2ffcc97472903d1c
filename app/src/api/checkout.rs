//! Checkout and orders (see `backend/orders/`). Guests and
//! signed-in shoppers alike; every step acts on the asking visitor's own checkout, cart and
//! orders only.

use crate::{
    domain::{
        account::PostalAddress,
        ids::{AddressId, CardEntryId, OrderId, SavedCardId},
        shipping::CarrierId,
        stored::Choice,
    },
    error::ShopError,
    model::order::{CheckoutView, OrderSummary, OrderView, PlacedOrder},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        orders,
        orders::checkout::{self, Buyer},
        request::context,
        request::flash,
        request::redirect::{redirect, redirect_to_processor},
    },
    domain::{limits, redirect::SafePath},
    i18n::current_request_lang,
};

#[cfg(feature = "ssr")]
async fn buyer() -> Result<Buyer, ShopError> {
    let user = context::current_user().await?;
    Ok(Buyer {
        user: user.map(|u| (u.id, u.email)),
        lang: current_request_lang(),
        client: context::client_ip(),
    })
}

/// The checkout as it stands. `card_entry` is the processor's entry id the card page sent
/// the browser back with.
#[server(endpoint = "checkout/view", input = server_fn::codec::GetUrl)]
pub async fn get_checkout(card_entry: Option<CardEntryId>) -> Result<CheckoutView, ShopError> {
    let buyer = buyer().await?;
    checkout::view(
        &context::state()?,
        &context::session()?,
        &buyer,
        card_entry.as_ref(),
    )
    .await
}

/// Step 1: where the order goes (and, for a guest, where the confirmation goes).
#[server(endpoint = "checkout/address")]
pub async fn checkout_address(
    #[server(default)] email: String,
    form: PostalAddress,
) -> Result<(), ShopError> {
    let buyer = buyer().await?;
    if let Err(error) = checkout::set_address(&context::session()?, &buyer, &email, &form).await {
        // Back to the form with the error (Leptos's own redirect carries it).
        let mut kept = serde_json::to_value(&form).unwrap_or_default();
        kept["email"] = limits::cut(&email, limits::EMAIL).into();
        flash::keep("checkout-address", &kept).await?;
        return Err(error);
    }
    back_to_checkout();
    Ok(())
}

/// Step 1: an address from the shopper's address book.
#[server(endpoint = "checkout/saved-address")]
pub async fn checkout_saved_address(id: AddressId) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    checkout::use_saved_address(&context::state()?, &context::session()?, user.id, id).await?;
    back_to_checkout();
    Ok(())
}

/// Step 2: the carrier.
#[server(endpoint = "checkout/delivery")]
pub async fn checkout_delivery(carrier: Choice<CarrierId>) -> Result<(), ShopError> {
    let carrier = carrier.or_invalid("carrier", crate::error::Problem::NotInList)?;
    checkout::choose_carrier(&context::state()?, &context::session()?, carrier).await?;
    back_to_checkout();
    Ok(())
}

/// Step 3: the payment processor's card page (the browser is sent there).
#[server(endpoint = "checkout/card")]
pub async fn checkout_card() -> Result<String, ShopError> {
    let page = checkout::start_card_entry(&context::state()?, &context::session()?).await?;
    if context::is_plain_form_post() {
        redirect_to_processor(&page)?;
    }
    Ok(page)
}

/// Step 4: places the order and pays. `key` comes from the form: the same key twice makes
/// one order and one charge; only the key this checkout issued is accepted, as issued.
/// `review` is the digest of the order the review step showed: placing charges exactly
/// that order or refuses.
#[server(endpoint = "checkout/place")]
pub async fn place_order(
    key: String,
    #[server(default)] review: String,
) -> Result<PlacedOrder, ShopError> {
    let buyer = buyer().await?;
    if review.len() > 64 {
        return Err(ShopError::BadRequest);
    }
    let placed = orders::placing::place_order(
        &context::state()?,
        &context::session()?,
        &buyer,
        &key,
        &review,
    )
    .await?;
    if context::is_plain_form_post() {
        let to = SafePath::parse(&placed.path).ok_or(ShopError::Internal)?;
        redirect(&to);
    }
    Ok(placed)
}

/// Without JavaScript, each step's form returns to the checkout page.
#[cfg(feature = "ssr")]
fn back_to_checkout() {
    if context::is_plain_form_post() {
        redirect(&SafePath::fixed("/checkout"));
    }
}

/// An order: the shopper's own, or a guest's with the key from its link.
#[server(endpoint = "orders/view", input = server_fn::codec::GetUrl)]
pub async fn get_order(id: OrderId, key: Option<String>) -> Result<OrderView, ShopError> {
    let state = context::state()?;
    let session = context::session()?;
    let user = context::current_user().await?;
    let viewer = orders::views::Viewer {
        user: user.map(|u| u.id),
        session: &session,
        key: key.as_deref(),
    };
    orders::views::view(&state, &viewer, id).await
}

/// The signed-in shopper's orders.
#[server(endpoint = "orders/list", input = server_fn::codec::GetUrl)]
pub async fn get_orders() -> Result<Vec<OrderSummary>, ShopError> {
    let user = context::require_user().await?;
    orders::views::history(&context::state()?, user.id).await
}

/// The buyer cancels their order before it ships; the payment is refunded.
#[server(endpoint = "orders/cancel")]
pub async fn cancel_order(id: OrderId, key: Option<String>) -> Result<(), ShopError> {
    let state = context::state()?;
    let session = context::session()?;
    let user = context::current_user().await?;
    let viewer = orders::views::Viewer {
        user: user.map(|u| u.id),
        session: &session,
        key: key.as_deref(),
    };
    orders::fulfilment::buyer_cancel(&state, &viewer, id).await
}

/// Step 3, a saved card.
#[server(endpoint = "checkout/saved-card")]
pub async fn checkout_saved_card(id: SavedCardId) -> Result<(), ShopError> {
    let user = context::require_user().await?;
    checkout::use_saved_card(&context::state()?, &context::session()?, user.id, id).await?;
    back_to_checkout();
    Ok(())
}
