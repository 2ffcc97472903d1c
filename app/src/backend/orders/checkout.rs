//! Checkout: the shopper's choices kept in the session while they are made (address,
//! carrier, card), and placing the order.
//!
//! Placing an order is two transactions around the charge, so that no transaction waits on
//! the payment processor:
//! 1. the order and its lines are written `pending_payment` and the stock is taken with a
//!    conditional update that can never go below zero (a sold-out line rolls it all back,
//!    nothing is charged);
//! 2. the card is charged once per idempotency key (from the checkout form);
//! 3. the order becomes `paid` (the lines it bought leave the cart, the confirmation mail,
//!    the invoice number and the ledger entry are written with it) or `payment_failed`
//!    (the stock goes back).
//!
//! A doubled or retried submit with the same key finds the order of the first and ends in
//! the same state without a second charge. Only the key this checkout issued is accepted.
//!
//! **The charge is pinned to the review.** The review step carries a digest of what it shows
//! (lines, quantities, prices, delivery, tax, total, address, card); placing prices the cart
//! again inside its transaction and refuses, charging nothing, when the order it would make
//! has another digest (a price changed, units were added in another tab).
//!
//! **Whoever settles an order finishes it**: the request, a retried submit or the recovery
//! job empties the cart lines the order bought (the account's, or the guest cart it was
//! bought from, recorded on the order); the checkout in the session is closed by the first
//! request of that session to see its key used.

use super::{
    AppState, cart,
    db::{
        cart::{self as cart_db, CartOwner},
        orders::{self, NewOrder, OrderLineRow, OrderRow},
        products,
    },
    gateway::{ChargeOutcome, Gateway},
    keys::{is_token, random_token},
    mail::{Letter, Mail},
    now,
    session::Session,
};
use crate::{
    domain::{
        account::{AddressInput, check_email, normalize_email, validate_address},
        card::CardRef,
        cart::price_line,
        catalog::ProductStatus,
        ids::{AddressId, OrderId, ProductId, SavedCardId, UserId},
        money::Money,
        order::{OrderStatus, Totals, order_number},
        shipping::{self, CarrierId, DeliveryQuote},
    },
    error::{Decline, Rule, ShopError, ShopResult},
    i18n::Lang,
    model::{
        account::AddressView,
        order::{CardShown, CheckoutStep, CheckoutView, PlacedOrder},
    },
};
use serde::{Deserialize, Serialize};

/// The session key of the checkout in progress.
const DRAFT: &str = "checkout";

/// What a shopper has chosen so far.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Draft {
    email: String,
    address: Option<AddressInput>,
    carrier: Option<CarrierId>,
    card: Option<CardRef>,
    /// The processor's card entry this checkout opened (only its card is accepted back).
    card_entry: Option<String>,
    /// The idempotency key of the next "Place order".
    key: String,
}

impl Draft {
    fn of(session: &Session) -> Draft {
        let mut draft: Draft = session.get(DRAFT).unwrap_or_default();
        if !is_token(&draft.key) {
            draft.key = random_token();
        }
        draft
    }

    async fn save(&self, session: &Session) -> ShopResult<()> {
        session.insert(DRAFT, self).await?;
        Ok(())
    }
}

/// The payment processor in use.
pub const GATEWAY: Gateway = Gateway::Sandbox;

/// Who is checking out: the signed-in shopper (id, email, language) or a guest.
pub struct Buyer {
    pub user: Option<(UserId, String)>,
    pub lang: Lang,
}

/// The checkout page: the cart, the choices so far and what they cost.
pub async fn view(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    card_entry: Option<&str>,
) -> ShopResult<CheckoutView> {
    let mut draft = Draft::of(session);
    if let Some(order) = orders::find_by_key(state.db.pool(), &draft.key).await? {
        // Placed meanwhile (another tab, a retry, the recovery job): this checkout is over.
        draft = close(session, &order.idempotency_key, order.status).await?;
    }
    if let Some(entry) = card_entry
        && draft.card_entry.as_deref() == Some(entry)
        && let Some(card) = GATEWAY.card_of_entry(state, entry).await?
    {
        draft.card = Some(card);
        draft.card_entry = None;
        draft.save(session).await?;
    }
    let owner = cart::owner(session);
    let cart = cart::view(state, owner.as_ref(), buyer.lang, cart::Read::Fresh).await?;
    let saved_addresses = match &buyer.user {
        Some((user, _)) => super::addresses::list(state, *user).await?,
        None => Vec::new(),
    };
    if draft.address.is_none()
        && let Some(default) = saved_addresses.iter().find(|a| a.is_default)
    {
        // The default address is the first choice, kept like a chosen one.
        draft.address = Some(address_of(default));
        draft.save(session).await?;
    }
    let email = match &buyer.user {
        Some((_, email)) => email.clone(),
        None => draft.email.clone(),
    };
    let saved_cards = match &buyer.user {
        Some((user, _)) => super::saved_cards::list(state, session, *user, None).await?,
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
struct Priced {
    product: ProductId,
    quantity: i64,
    unit: Money,
    total: Money,
    group: String,
}

/// The digest of what the review step shows: every line with its quantity and prices, the
/// delivery, the tax and the total, the address and the card. "Place the order" sends back
/// the digest of the review it was shown; placing refuses an order with another.
fn review_digest(
    state: &AppState,
    lines: &[Priced],
    totals: &Totals,
    carrier: CarrierId,
    address: &AddressInput,
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

fn shown(card: &CardRef) -> CardShown {
    CardShown {
        brand: card.brand,
        last4: card.last4.clone(),
        exp_month: card.exp_month,
        exp_year: card.exp_year,
    }
}

fn address_of(a: &AddressView) -> AddressInput {
    AddressInput {
        recipient_name: a.recipient_name.clone(),
        recipient_phone: a.recipient_phone.clone(),
        company: a.company.clone(),
        tax_id: a.tax_id.clone(),
        line1: a.line1.clone(),
        line2: a.line2.clone(),
        city: a.city.clone(),
        region: a.region.clone(),
        postal_code: a.postal_code.clone(),
        country: a.country.clone(),
    }
}

fn totals(
    state: &AppState,
    subtotal: Money,
    quote: &DeliveryQuote,
    country: &str,
) -> Option<Totals> {
    Totals::compute(subtotal, quote.price, state.settings.tax.rate_bp(country))
}

/// The shipping weight of the cart, in grams.
async fn parcel_weight(state: &AppState, owner: Option<&CartOwner>) -> ShopResult<i64> {
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
    address: &AddressInput,
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
    let chosen = super::addresses::list(state, user)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(ShopError::NotFound)?;
    let mut draft = Draft::of(session);
    draft.address = Some(address_of(&chosen));
    draft.save(session).await
}

/// Step 2: a carrier that takes this parcel to this address.
pub async fn choose_carrier(state: &AppState, session: &Session, code: &str) -> ShopResult<()> {
    let carrier = CarrierId::from_code(code)
        .ok_or_else(|| ShopError::invalid("carrier", crate::error::Problem::NotInList))?;
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
    let (entry, page) = GATEWAY.start_card_entry(state, "/checkout").await?;
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
    let row = super::db::saved_cards::list(state.db.pool(), user)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(ShopError::NotFound)?;
    let mut draft = Draft::of(session);
    draft.card = Some(row.card());
    draft.save(session).await
}

/// Step 4: places the order and charges the card, if `reviewed` is the digest of the order
/// placing it would make. See the module's documentation.
pub async fn place_order(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    key: &str,
    reviewed: &str,
) -> ShopResult<PlacedOrder> {
    if !is_token(key) {
        return Err(ShopError::BadRequest);
    }
    if let Some(order) = orders::find_by_key(state.db.pool(), key).await? {
        return finish_existing(state, session, buyer, order).await;
    }
    let draft = Draft::of(session);
    // Only the key this checkout issued, as issued: a made-up one, or one from a page the
    // checkout has moved on from, would be a second order.
    if draft.key != key {
        return Err(review_again());
    }
    let incomplete = ShopError::Refused {
        rule: Rule::CheckoutIncomplete,
    };
    let (Some(address), Some(carrier), Some(card)) = (&draft.address, draft.carrier, &draft.card)
    else {
        return Err(incomplete);
    };
    let email = match &buyer.user {
        Some((_, email)) => email.clone(),
        None if !draft.email.is_empty() => draft.email.clone(),
        None => return Err(incomplete),
    };
    let owner = cart::owner(session).ok_or(ShopError::Refused {
        rule: Rule::CartNotReady,
    })?;
    // 1. The order and its stock, or nothing: priced from what the transaction reads.
    let now = now();
    let mut tx = state.db.begin_write().await?;
    if let Some(order) = orders::find_by_key(&mut *tx, key).await? {
        drop(tx);
        return finish_existing(state, session, buyer, order).await;
    }
    let mut lines = Vec::new();
    let mut bought = Vec::new();
    let mut weight: i64 = 0;
    for row in cart_db::lines(&mut *tx, &owner).await? {
        let Some(product) = products::find_by_id(&mut *tx, row.product_id).await? else {
            continue;
        };
        if product.status != ProductStatus::Active || product.stock < row.quantity {
            // Someone else bought it since it was added, or it was taken off sale.
            return Err(ShopError::Refused {
                rule: Rule::SoldOut,
            });
        }
        let tiers = products::tiers(&mut *tx, product.id).await?;
        let price = price_line(&tiers, row.quantity).ok_or(ShopError::Internal)?;
        weight = weight.saturating_add(product.ship_weight_g.saturating_mul(row.quantity));
        lines.push(Priced {
            product: product.id,
            quantity: row.quantity,
            unit: price.unit,
            total: price.total,
            group: row.group_key,
        });
        bought.push(product);
    }
    if lines.is_empty() {
        return Err(ShopError::Refused {
            rule: Rule::CartNotReady,
        });
    }
    let quote = carrier
        .quote(weight, &address.country, state.settings.currency)
        .ok_or(incomplete)?;
    let subtotal = Money::sum(lines.iter().map(|l| l.total)).ok_or(ShopError::Internal)?;
    let totals = totals(state, subtotal, &quote, &address.country).ok_or(ShopError::Internal)?;
    if review_digest(state, &lines, &totals, carrier, address, card) != reviewed {
        // The cart, a price, the delivery or the tax is not what the shopper confirmed.
        return Err(review_again());
    }
    let guest_cart = match &owner {
        CartOwner::Guest(key) => Some(key.as_str()),
        CartOwner::User(_) => None,
    };
    let new = NewOrder {
        idempotency_key: key,
        user_id: buyer.user.as_ref().map(|(id, _)| *id),
        guest_cart,
        email: &email,
        language: buyer.lang,
        currency: state.settings.currency,
        subtotal_minor: totals.subtotal.minor,
        shipping_minor: totals.shipping.minor,
        tax_rate_bp: i64::from(totals.tax_rate_bp),
        tax_minor: totals.tax.minor,
        total_minor: totals.total.minor,
        carrier,
        delivery_days: (i64::from(quote.days_min), i64::from(quote.days_max)),
        parcel_weight_g: weight,
        address,
        card_brand: card.brand.code(),
        card_last4: &card.last4,
    };
    let Some(id) = orders::insert(&mut tx, &new, now).await? else {
        // The same key won a race with this request.
        drop(tx);
        let order = orders::find_by_key(state.db.pool(), key)
            .await?
            .ok_or(ShopError::Conflict)?;
        return finish_existing(state, session, buyer, order).await;
    };
    let number = order_number(id.0);
    for (i, (line, product)) in lines.iter().zip(&bought).enumerate() {
        let reason = format!("order {number}");
        let taken =
            products::adjust_stock(&mut tx, product.id, -line.quantity, &reason, None, now).await?;
        if taken.is_none() {
            return Err(ShopError::Refused {
                rule: Rule::SoldOut,
            });
        }
        let row = OrderLineRow {
            line_no: i as i64 + 1,
            product_id: product.id,
            name: product.name.clone(),
            model: product.model.clone(),
            quantity: line.quantity,
            unit_minor: line.unit.minor,
            total_minor: line.total.minor,
            group_key: line.group.clone(),
        };
        orders::insert_line(&mut tx, id, &row).await?;
    }
    orders::add_event(&mut tx, id, OrderStatus::PendingPayment, "", None, now).await?;
    tx.commit().await?;
    remember_guest_order(session, buyer, id).await?;
    let order = orders::find(state.db.pool(), id)
        .await?
        .ok_or(ShopError::Internal)?;
    charge_and_settle(state, session, order, card).await
}

fn review_again() -> ShopError {
    ShopError::Refused {
        rule: Rule::ReviewChanged,
    }
}

/// Ends the checkout whose key made the order `key` (now in `status`): a settled order
/// closes it (the next checkout starts afresh), a failed payment keeps the choices but not
/// the card, with a new key. An order still awaiting payment leaves it as it is. Returns
/// the draft as it now stands.
async fn close(session: &Session, key: &str, status: OrderStatus) -> ShopResult<Draft> {
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

/// The order of an earlier submit with the same key: only its own buyer may see it; it is
/// settled (if the first request stopped before) and answered like the first time.
async fn finish_existing(
    state: &AppState,
    session: &Session,
    buyer: &Buyer,
    order: OrderRow,
) -> ShopResult<PlacedOrder> {
    let own = match (&buyer.user, order.user_id) {
        (Some((user, _)), Some(owner)) => *user == owner,
        (None, None) => {
            Draft::of(session).key == order.idempotency_key
                || session
                    .get::<Vec<OrderId>>(GUEST_ORDERS)
                    .is_some_and(|ids| ids.contains(&order.id))
        }
        _ => false,
    };
    if !own {
        return Err(ShopError::Conflict);
    }
    match order.status {
        OrderStatus::PendingPayment => {
            let card = Draft::of(session).card.ok_or(ShopError::Conflict)?;
            charge_and_settle(state, session, order, &card).await
        }
        OrderStatus::PaymentFailed => {
            close(session, &order.idempotency_key, order.status).await?;
            // The first attempt's answer, as the processor gave it.
            let decline = orders::events(state.db.pool(), order.id)
                .await?
                .into_iter()
                .rev()
                .find(|e| e.status == OrderStatus::PaymentFailed)
                .and_then(|e| Decline::from_code(&e.detail))
                .unwrap_or(Decline::Declined);
            Err(ShopError::PaymentDeclined { decline })
        }
        _ => {
            close(session, &order.idempotency_key, order.status).await?;
            Ok(placed(state, &order))
        }
    }
}

/// Charges the card for an order awaiting payment and settles the order either way.
async fn charge_and_settle(
    state: &AppState,
    session: &Session,
    order: OrderRow,
    card: &CardRef,
) -> ShopResult<PlacedOrder> {
    let total = Money::new(order.total_minor, order.currency);
    let outcome = GATEWAY
        .charge(state, card, total, &order.idempotency_key)
        .await?;
    settle(state, &order, &outcome).await?;
    // Whoever settled it did so with this outcome: the processor answers a key once.
    let status = match outcome {
        Ok(_) => OrderStatus::Paid,
        Err(_) => OrderStatus::PaymentFailed,
    };
    close(session, &order.idempotency_key, status).await?;
    match outcome {
        Ok(_) => Ok(placed(state, &order)),
        Err(decline) => Err(ShopError::PaymentDeclined { decline }),
    }
}

/// Settles an order awaiting payment with the processor's outcome: paid (the lines it bought
/// taken out of the cart it was bought from, the confirmation mail queued) or payment
/// failed (the stock given back); either way the ledger records what the processor
/// received. Only the first caller moves the order; returns whether this one did.
async fn settle(state: &AppState, order: &OrderRow, outcome: &ChargeOutcome) -> ShopResult<bool> {
    let now = now();
    let mut tx = state.db.begin_write().await?;
    let to = match outcome {
        Ok(_) => OrderStatus::Paid,
        Err(_) => OrderStatus::PaymentFailed,
    };
    let charge_ref = outcome.as_ref().ok().map(String::as_str);
    let moved = orders::change_status(
        &mut tx,
        order.id,
        OrderStatus::PendingPayment,
        to,
        charge_ref,
        now,
    )
    .await?;
    if !moved {
        return Ok(false);
    }
    let detail = match outcome {
        Ok(_) => "",
        Err(decline) => decline.code(),
    };
    orders::add_event(&mut tx, order.id, to, detail, None, now).await?;
    orders::disclose(
        &mut tx,
        order.user_id,
        order.id,
        GATEWAY.name(),
        GATEWAY.fields_sent(),
        "payment",
        now,
    )
    .await?;
    let number = order_number(order.id.0);
    match outcome {
        Ok(_) => {
            orders::issue_invoice(&mut tx, order.id, now).await?;
            // The cart it was bought from: the guest cart when a guest bought it, else the
            // account's; and the account's when a guest order has become an account's and
            // its lines moved there at sign-in.
            let carts: Vec<CartOwner> = order
                .guest_cart
                .clone()
                .map(CartOwner::Guest)
                .into_iter()
                .chain(order.user_id.map(CartOwner::User))
                .collect();
            for line in orders::lines(&mut *tx, order.id).await? {
                for cart in &carts {
                    let (product, group) = (line.product_id, &line.group_key);
                    if cart_db::take_bought(&mut tx, cart, product, group, line.quantity).await? {
                        break;
                    }
                }
            }
            let link = order_link(state, order);
            let total = Money::new(order.total_minor, order.currency).format(order.language);
            let letter = Letter::OrderPlaced {
                name: &order.recipient_name,
                number: &number,
                total: &total,
                link: &link,
            };
            mail_to_buyer(state, order, letter)
                .enqueue(&mut tx, now)
                .await?;
        }
        Err(_) => {
            // The stock goes back.
            for line in orders::lines(&mut *tx, order.id).await? {
                let reason = format!("order {number}: payment failed");
                products::adjust_stock(&mut tx, line.product_id, line.quantity, &reason, None, now)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    if outcome.is_ok() {
        state.mail_written();
    }
    Ok(true)
}

/// Orders left awaiting payment for more than `after_secs` (the server stopped between
/// taking the stock and recording the payment): each is settled with what the processor
/// knows of its key, and a key the processor never saw is voided first, so a charge still
/// on its way is refused rather than lost. Returns how many were settled.
pub async fn recover_stale(state: &AppState, after_secs: i64) -> ShopResult<usize> {
    let mut settled = 0;
    for order in orders::pending_before(state.db.pool(), now() - after_secs).await? {
        let outcome = GATEWAY.settle_key(state, &order.idempotency_key).await?;
        if settle(state, &order, &outcome).await? {
            tracing::info!(order = %order.id, paid = outcome.is_ok(), "unfinished order settled");
            settled += 1;
        }
    }
    Ok(settled)
}

/// A guest's session remembers the orders it placed (besides the signed link in the mail),
/// so that a retried submit of one is recognised as theirs.
async fn remember_guest_order(session: &Session, buyer: &Buyer, id: OrderId) -> ShopResult<()> {
    if buyer.user.is_some() {
        return Ok(());
    }
    let mut ids: Vec<OrderId> = session.get(GUEST_ORDERS).unwrap_or_default();
    if ids.contains(&id) {
        return Ok(());
    }
    ids.push(id);
    let keep = ids.len().saturating_sub(20);
    session.insert(GUEST_ORDERS, &ids[keep..].to_vec()).await?;
    Ok(())
}

/// The session key of the orders a guest placed in this session.
pub const GUEST_ORDERS: &str = "guest_orders";

fn placed(state: &AppState, order: &OrderRow) -> PlacedOrder {
    PlacedOrder {
        id: order.id,
        number: order_number(order.id.0),
        path: order_path(state, order),
    }
}

/// The order's page: a guest's carries a key signed by the shop.
pub fn order_path(state: &AppState, order: &OrderRow) -> String {
    match order.user_id {
        Some(_) => format!("/orders/{}", order.id),
        None => format!("/orders/{}?key={}", order.id, guest_key(state, order.id)),
    }
}

/// The full address of the order's page, for mail.
pub fn order_link(state: &AppState, order: &OrderRow) -> String {
    format!("{}{}", state.settings.public_url, order_path(state, order))
}

/// A letter about an order to its buyer, in the language they ordered in.
pub fn mail_to_buyer(state: &AppState, order: &OrderRow, letter: Letter<'_>) -> Mail {
    Mail::compose(
        order.language,
        &state.settings.name,
        order.user_id,
        &order.email,
        letter,
    )
}

/// The signature that lets a guest open their order's page.
pub fn guest_key(state: &AppState, id: OrderId) -> String {
    state.keys.hash("guest-order", &id.to_string())[..32].to_string()
}
