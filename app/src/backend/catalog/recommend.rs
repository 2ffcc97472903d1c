//! Recommendations on `/account`: products picked from the shopper's own page views and
//! orders, only while their last analytics choice is yes (the consent is checked where
//! every use of a shopper's behaviour is, `db/audience.rs`). Without it nothing of what
//! they did is read, and the account page shows no recommendations.

use super::browse;
use crate::backend::{
    AppState,
    db::{
        audience::{self, Use},
        recommendations,
    },
};
use crate::{domain::ids::UserId, error::ShopResult, i18n::Lang, model::catalog::ProductCard};

/// How many products are recommended at most.
pub const SHOWN: i64 = 4;

pub async fn for_account(
    state: &AppState,
    user: UserId,
    lang: Lang,
) -> ShopResult<Vec<ProductCard>> {
    let pool = state.db.pool();
    if !audience::may_use(pool, Use::Analytics, user).await? {
        return Ok(Vec::new());
    }
    let rows = recommendations::for_account(pool, user, SHOWN).await?;
    Ok(rows.iter().map(|row| browse::card(row, lang)).collect())
}
