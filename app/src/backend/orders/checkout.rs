//! Checkout: the shopper's choices kept in the session while they are made (address,
//! carrier, card), and placing the order.

use crate::backend::{
    AppState, cart,
    db::{
        cart::{self as cart_db, CartOwner},
        orders::{self},
        products,
    },
    request::session::Session,
    security::keys::{is_token, random_token},
};
use crate::{
    domain::{
        account::{PostalAddress, check_email, normalize_email, validate_address},
        card::CardRef,
        ids::{AddressId, CardEntryId, ProductId, SavedCardId, UserId},
        money::Money,
        order::{OrderStatus, Totals},
        shipping::{self, CarrierId, DeliveryQuote},
    },
    error::{Rule, ShopError, ShopResult},
    i18n::Lang,
    model::order::{CardShown, CheckoutStep, CheckoutView},
};
use serde::{Deserialize, Serialize};

/// The session key of the checkout in progress.
pub(super) const DRAFT: &str = "checkout";

/// What a shopper has chosen so far.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Draft {
    pub(super) email: String,
    pub(super) address: Option<PostalAddress>,
    pub(super) carrier: Option<CarrierId>,
    pub(super) card: Option<CardRef>,
    /// The processor's card entry this checkout opened (only its card is accepted back).
    pub(super) card_entry: Option<CardEntryId>,
    /// The idempotency key of the next "Place order".
    pub(super) key: String,
}

impl Draft {
    pub(super) fn of(session: &Session) -> Draft {
        let mut draft: Draft = session.get(DRAFT).unwrap_or_default();
        if !is_token(&draft.key) {
            draft.key = random_token();
        }
        draft
    }

    pub(super) async fn save(&self, session: &Session) -> ShopResult<()> {
        session.insert(DRAFT, self).await?;
        Ok(())
    }
}

/// Who is checking out: the signed-in shopper (id, email, language) or a guest, from
/// which client address (for the fraud check).
pub struct Buyer {
    pub user: Option<(UserId, String)>,
    pub lang: Lang,
    pub client: Option<std::net::IpAddr>,
}

/// The checkout page: the cart, the choices so far and what they cost.
pub async fn view(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    card_entry: Option<&CardEntryId>,
) -> ShopResult<CheckoutView> {
    let mut draft = Draft::of(session);
    if let Some(order) = orders::find_by_key(state.db.pool(), &draft.key).await? {
        // Placed meanwhile (another tab, a retry, the recovery job): this checkout is over.
        draft = close(session, &order.idempotency_key, order.status).await?;
    }
    if let Some(entry) = card_entry
        && draft.card_entry.as_ref() == Some(entry)
        && let Some(card) = state.settings.gateway.card_of_entry(state, entry).await?
    {
        draft.card = Some(card);
        draft.card_entry = None;
        draft.save(session).await?;
    }
    let owner = cart::owner(session);
    let cart = cart::view(state, owner.as_ref(), buyer.lang, cart::Read::Fresh).await?;
    let saved_addresses = match &buyer.user {
        Some((user, _)) => crate::backend::accounts::addresses::list(state, *user).await?,
        None => Vec::new(),
    };
    if draft.address.is_none()
        && let Some(default) = saved_addresses.iter().find(|a| a.is_default)
    {
        // The default address is the first choice, kept like a chosen one.
        draft.address = Some(default.address.clone());
        draft.save(session).await?;
    }
    let email = match &buyer.user {
        Some((_, email)) => email.clone(),
        None => draft.email.clone(),
    };
    let saved_cards = match &buyer.user {
        Some((user, _)) => {
            crate::backend::accounts::saved_cards::list(state, session, *user, None).await?
        }
        None => Vec::new(),
    };
    let weight = parcel_weight(state, owner.as_ref()).await?;
    let quotes = match &draft.address {
        Some(a) => shipping::quotes(weight, &a.country, state.settings.currency),
        None => Vec::new(),
    };
    let chosen = draft
        .carrier
        .and_then(|c| quotes.iter().find(|q| q.carrier == c).copied());
    let totals = match (&draft.address, chosen, cart.summary.subtotal) {
        (Some(a), Some(q), Some(subtotal)) => totals(state, subtotal, &q, &a.country),
        _ => None,
    };
    let step = match () {
        _ if draft.address.is_none() || (buyer.user.is_none() && email.is_empty()) => {
            CheckoutStep::Address
        }
        _ if chosen.is_none() => CheckoutStep::Delivery,
        _ if draft.card.is_none() => CheckoutStep::Payment,
        _ => CheckoutStep::Review,
    };
    let review = match (&draft.address, chosen, &draft.card, &totals) {
        (Some(address), Some(quote), Some(card), Some(totals)) => {
            let lines: Option<Vec<Priced>> = cart
                .lines
                .iter()
                .map(|l| {
                    l.price.map(|p| Priced {
                        product: l.product.id,
                        quantity: l.quantity,
                        unit: p.unit,
                        total: p.total,
                        group: l.group.clone().unwrap_or_default(),
                    })
                })
                .collect();
            lines.map(|lines| review_digest(state, &lines, totals, quote.carrier, address, card))
        }
        _ => None,
    };
    Ok(CheckoutView {
        cart,
        step,
        signed_in: buyer.user.is_some(),
        email,
        address: draft.address.clone(),
        saved_addresses,
        quotes,
        carrier: chosen.map(|q| q.carrier),
        card: draft.card.as_ref().map(shown),
        saved_cards,
        totals,
        key: draft.key,
        review: review.unwrap_or_default(),
    })
}

/// One line of the cart priced as the order would be.
pub(super) struct Priced {
    pub(super) product: ProductId,
    pub(super) quantity: i64,
    pub(super) unit: Money,
    pub(super) total: Money,
    pub(super) group: String,
}

/// The digest of what the review step shows: every line with its quantity and prices, the
/// delivery, the tax and the total, the address and the card. "Place the order" sends back
/// the digest of the review it was shown; placing refuses an order with another.
pub(super) fn review_digest(
    state: &AppState,
    lines: &[Priced],
    totals: &Totals,
    carrier: CarrierId,
    address: &PostalAddress,
    card: &CardRef,
) -> String {
    use std::fmt::Write;
    let mut text = String::new();
    for l in lines {
        let _ = write!(
            text,
            "{}x{}@{}={}[{}];",
            l.product, l.quantity, l.unit.minor, l.total.minor, l.group
        );
    }
    let _ = write!(
        text,
        "{}|{}|{}|{}|{}|{}|{}|{}|{}",
        totals.subtotal.minor,
        totals.shipping.minor,
        totals.tax_rate_bp,
        totals.tax.minor,
        totals.total.minor,
        totals.total.currency.code(),
        carrier.code(),
        serde_json::to_string(address).unwrap_or_default(),
        card.token,
    );
    state.keys.hash("checkout-review", &text)[..32].to_string()
}

pub(super) fn shown(card: &CardRef) -> CardShown {
    CardShown {
        brand: card.brand,
        last4: card.last4.clone(),
        exp_month: card.exp_month,
        exp_year: card.exp_year,
    }
}

pub(super) fn totals(
    state: &AppState,
    subtotal: Money,
    quote: &DeliveryQuote,
    country: &str,
) -> Option<Totals> {
    Totals::compute(subtotal, quote.price, state.settings.tax.rate_bp(country))
}

/// The shipping weight of the cart, in grams.
pub(super) async fn parcel_weight(state: &AppState, owner: Option<&CartOwner>) -> ShopResult<i64> {
    let Some(owner) = owner else { return Ok(0) };
    let pool = state.db.pool();
    let mut grams: i64 = 0;
    for line in cart_db::lines(pool, owner).await? {
        if let Some(p) = products::find_by_id(pool, line.product_id).await? {
            grams = grams.saturating_add(p.ship_weight_g.saturating_mul(line.quantity));
        }
    }
    Ok(grams)
}

/// Step 1, a typed address (and a guest's email address).
pub async fn set_address(
    session: &Session,
    buyer: &Buyer,
    email: &str,
    address: &PostalAddress,
) -> ShopResult<()> {
    let mut errors = validate_address(address);
    if buyer.user.is_none()
        && let Some(problem) = check_email(email)
    {
        errors.insert(
            0,
            crate::error::FieldError {
                field: "email".into(),
                problem,
            },
        );
    }
    ShopError::check(errors)?;
    let mut draft = Draft::of(session);
    draft.address = Some(address.trimmed());
    if buyer.user.is_none() {
        draft.email = normalize_email(email);
    }
    draft.save(session).await
}

/// Step 1, an address from the shopper's address book.
pub async fn use_saved_address(
    state: &AppState,
    session: &Session,
    user: UserId,
    id: AddressId,
) -> ShopResult<()> {
    let chosen = crate::backend::accounts::addresses::list(state, user)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(ShopError::NotFound)?;
    let mut draft = Draft::of(session);
    draft.address = Some(chosen.address);
    draft.save(session).await
}

/// Step 2: a carrier that takes this parcel to this address.
pub async fn choose_carrier(
    state: &AppState,
    session: &Session,
    carrier: CarrierId,
) -> ShopResult<()> {
    let mut draft = Draft::of(session);
    let address = draft.address.as_ref().ok_or(ShopError::Refused {
        rule: Rule::CheckoutIncomplete,
    })?;
    let weight = parcel_weight(state, cart::owner(session).as_ref()).await?;
    if carrier
        .quote(weight, &address.country, state.settings.currency)
        .is_none()
    {
        return Err(ShopError::invalid(
            "carrier",
            crate::error::Problem::NotInList,
        ));
    }
    draft.carrier = Some(carrier);
    draft.save(session).await
}

/// Step 3: opens the processor's card page; returns its address.
pub async fn start_card_entry(state: &AppState, session: &Session) -> ShopResult<String> {
    let mut draft = Draft::of(session);
    let (entry, page) = state
        .settings
        .gateway
        .start_card_entry(state, "/checkout")
        .await?;
    draft.card_entry = Some(entry);
    draft.save(session).await?;
    Ok(page)
}

/// Step 3, a saved card of the signed-in shopper.
pub async fn use_saved_card(
    state: &AppState,
    session: &Session,
    user: UserId,
    id: SavedCardId,
) -> ShopResult<()> {
    let row = crate::backend::db::saved_cards::list(state.db.pool(), user)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(ShopError::NotFound)?;
    let mut draft = Draft::of(session);
    draft.card = Some(row.card());
    draft.save(session).await
}

/// Ends the checkout whose key made the order `key` (now in `status`): a settled order
/// closes it (the next checkout starts afresh), a failed payment keeps the choices but not
/// the card, with a new key. An order still awaiting payment leaves it as it is. Returns
/// the draft as it now stands.
pub(super) async fn close(session: &Session, key: &str, status: OrderStatus) -> ShopResult<Draft> {
    let mut draft = Draft::of(session);
    if draft.key != key {
        return Ok(draft);
    }
    match status {
        OrderStatus::PendingPayment => {}
        OrderStatus::PaymentFailed => {
            draft.key = random_token();
            draft.card = None;
            draft.save(session).await?;
        }
        _ => {
            session.remove(DRAFT).await?;
            draft = Draft::of(session);
        }
    }
    Ok(draft)
}
