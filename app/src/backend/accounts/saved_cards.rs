//! A shopper's saved cards (promises P1 and P5): added only through the payment processor's card
//! page, kept as the processor's token with brand, last 4 and expiry; removed at will.

use crate::backend::{AppState, db::saved_cards, now, request::session::Session};
use crate::{
    domain::ids::{CardEntryId, SavedCardId, UserId},
    error::{Rule, ShopError, ShopResult},
    model::order::{CardShown, SavedCardView},
};

/// The session key of the card entry opened from the account page.
const ENTRY: &str = "saved_card_entry";

/// The most cards one shopper may keep.
pub const MAX_CARDS: usize = 10;

/// The shopper's cards; `entry` is the processor's entry id the card page sent the browser
/// back with: when it is the one this session opened, its card is saved first.
pub async fn list(
    state: &AppState,
    session: &Session,
    user: UserId,
    entry: Option<&CardEntryId>,
) -> ShopResult<Vec<SavedCardView>> {
    if let Some(entry) = entry
        && session.get::<CardEntryId>(ENTRY).as_ref() == Some(entry)
    {
        // Saved before the entry is forgotten: a page rendering this twice at once lists
        // the card either way (the insert is idempotent).
        if let Some(card) = state.settings.gateway.card_of_entry(state, entry).await? {
            let count = saved_cards::list(state.db.pool(), user).await?.len();
            if count >= MAX_CARDS {
                session.remove(ENTRY).await?;
                return Err(ShopError::Refused {
                    rule: Rule::CardsFull { max: MAX_CARDS },
                });
            }
            saved_cards::insert(state.db.pool(), user, &card, now()).await?;
        }
        session.remove(ENTRY).await?;
    }
    Ok(saved_cards::list(state.db.pool(), user)
        .await?
        .into_iter()
        .map(|row| {
            let card = row.card();
            SavedCardView {
                id: row.id,
                card: CardShown {
                    brand: card.brand,
                    last4: card.last4,
                    exp_month: card.exp_month,
                    exp_year: card.exp_year,
                },
            }
        })
        .collect())
}

/// Opens the processor's card page, returning to the saved cards; returns its address.
pub async fn start_adding(state: &AppState, session: &Session) -> ShopResult<String> {
    let (entry, page) = state
        .settings
        .gateway
        .start_card_entry(state, "/account/cards")
        .await?;
    session.insert(ENTRY, &entry).await?;
    Ok(page)
}

pub async fn remove(state: &AppState, user: UserId, id: SavedCardId) -> ShopResult<()> {
    let token = saved_cards::delete(state.db.pool(), user, id)
        .await?
        .ok_or(ShopError::NotFound)?;
    // The card is gone from the shop either way; the processor is asked to forget it too.
    if let Err(error) = state.settings.gateway.forget_card(state, &token).await {
        tracing::warn!(%error, "the processor did not forget a removed card");
    }
    Ok(())
}

/// Asks the processor to forget every card the shopper saved (before their account is
/// erased; the shop's rows go with the erasure). A processor that does not answer is
/// logged, and the erasure goes on.
pub async fn forget_all(state: &AppState, user: UserId) -> ShopResult<()> {
    for card in saved_cards::list(state.db.pool(), user).await? {
        if let Err(error) = state.settings.gateway.forget_card(state, &card.token).await {
            tracing::warn!(%error, "the processor did not forget an erased account's card");
        }
    }
    Ok(())
}
