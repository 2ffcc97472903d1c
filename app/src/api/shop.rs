//! Public facts about the shop that pages show (from the server's configuration).

use crate::{error::ShopError, model::shop::ShopInfo};
use leptos::prelude::*;

#[server(endpoint = "shop/info", input = server_fn::codec::GetUrl)]
pub async fn get_shop_info() -> Result<ShopInfo, ShopError> {
    let settings = crate::backend::app_state()?.settings.clone();
    Ok(ShopInfo {
        name: settings.name.clone(),
        contact_email: settings.contact_email.clone(),
        currency: settings.currency,
        seller: settings.seller.clone(),
    })
}
