//! The cart, for guests and signed-in shoppers alike (see `backend/cart.rs`). Every change
//! acts on the asking visitor's own cart only: a line or group of another cart answers 404.

use crate::{
    domain::ids::{CartLineId, ProductId},
    error::ShopError,
    model::cart::{CartSummary, CartView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    backend::{
        cart::{self, owner, owner_or_start},
        request::context,
        request::flash,
        request::redirect::redirect,
    },
    domain::{configurator::WallRequest, limits, redirect::SafePath},
    i18n::current_request_lang,
};

#[server(endpoint = "cart/view", input = server_fn::codec::GetUrl)]
pub async fn get_cart() -> Result<CartView, ShopError> {
    let owner = owner(&context::session()?);
    let state = context::state()?;
    cart::view(
        &state,
        owner.as_ref(),
        current_request_lang(),
        cart::Read::Kept,
    )
    .await
}

/// How many items the cart holds and what they cost (the header's cart link).
#[server(endpoint = "cart/summary", input = server_fn::codec::GetUrl)]
pub async fn get_cart_summary() -> Result<CartSummary, ShopError> {
    let owner = owner(&context::session()?);
    cart::summary(&context::state()?, owner.as_ref()).await
}

/// Adds `quantity` (as typed) of a product; more than the stock is refused.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(product: ProductId, quantity: String) -> Result<(), ShopError> {
    let state = context::state()?;
    let owner = owner_or_start(&context::session()?).await?;
    cart::add(&state, &owner, product, &quantity).await?;
    show_cart_without_javascript();
    Ok(())
}

/// A plain form post (JavaScript off) that added to the cart lands on the cart page; with
/// JavaScript the page stays and says so.
#[cfg(feature = "ssr")]
fn show_cart_without_javascript() {
    if context::is_plain_form_post() {
        redirect(&SafePath::fixed("/cart"));
    }
}

/// Puts a configured wall (cabinets across × down of one cabinet product) in the cart with
/// its controllers, as one group.
#[server(endpoint = "cart/add-wall")]
pub async fn add_wall_to_cart(product: String, cols: u32, rows: u32) -> Result<(), ShopError> {
    let state = context::state()?;
    let owner = owner_or_start(&context::session()?).await?;
    let request = WallRequest::Cabinets { cols, rows };
    cart::add_wall(&state, &owner, &product, request).await?;
    show_cart_without_javascript();
    Ok(())
}

/// Sets a line's quantity (as typed), up to the stock.
#[server(endpoint = "cart/update")]
pub async fn update_cart_line(line: CartLineId, quantity: String) -> Result<(), ShopError> {
    let owner = owner(&context::session()?).ok_or(ShopError::NotFound)?;
    let result = cart::set_quantity(&context::state()?, &owner, line, &quantity).await;
    if result.is_err() {
        // Without JavaScript, tells the page which line the error belongs to.
        let typed = serde_json::json!({ "quantity": limits::cut(&quantity, limits::NUMBER) });
        flash::keep(&format!("cart-line-{line}"), &typed).await?;
    }
    result
}

#[server(endpoint = "cart/remove")]
pub async fn remove_cart_line(line: CartLineId) -> Result<(), ShopError> {
    let owner = owner(&context::session()?).ok_or(ShopError::NotFound)?;
    cart::remove_line(&context::state()?, &owner, line).await
}

/// Removes a wall: every line added with it.
#[server(endpoint = "cart/remove-group")]
pub async fn remove_cart_group(group: String) -> Result<(), ShopError> {
    let owner = owner(&context::session()?).ok_or(ShopError::NotFound)?;
    cart::remove_group(&context::state()?, &owner, &group).await
}

#[server(endpoint = "cart/empty")]
pub async fn empty_cart() -> Result<(), ShopError> {
    match owner(&context::session()?) {
        Some(owner) => cart::empty(&context::state()?, &owner).await,
        None => Ok(()),
    }
}
