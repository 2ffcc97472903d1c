//! The cart: whose it is (the account's, or a guest's kept with the session), what it holds
//! and costs at today's prices and stock, and the changes a shopper makes to it. Quantities
//! never exceed the stock when they are set; a line whose stock fell later says so, and
//! checkout refuses it until it is lowered.

use crate::backend::{
    AppState, catalog,
    db::{
        cart::{self, CartOwner},
        products::{self, ProductRow},
    },
    now,
    request::session::Session,
    security::keys::{is_token, random_token},
};
use crate::{
    domain::{
        cart::{GROUP_KEY_MAX, LINES_MAX, parse_quantity, price_line, wall_group_key, wall_shape},
        catalog::ProductStatus,
        configurator::WallRequest,
        ids::{CartLineId, ProductId, UserId},
        money::Money,
    },
    error::{Problem, Rule, ShopError, ShopResult},
    i18n::Lang,
    model::cart::{CartGroup, CartLineView, CartSummary, CartView},
};
use sqlx::AnyConnection;
use std::sync::Arc;

/// The session key that holds a guest's cart key.
const GUEST_CART: &str = "cart";

/// The cart of this visitor, if they have one: the account's when signed in, else the
/// guest cart named in the session.
pub fn owner(session: &Session) -> Option<CartOwner> {
    match session.user_id() {
        Some(user) => Some(CartOwner::User(user)),
        None => session
            .get::<String>(GUEST_CART)
            .filter(|key| is_token(key))
            .map(CartOwner::Guest),
    }
}

/// The cart of this visitor, starting a guest cart (and so a session) if there is none.
pub async fn owner_or_start(session: &Session) -> ShopResult<CartOwner> {
    if let Some(owner) = owner(session) {
        return Ok(owner);
    }
    let key = random_token();
    session.insert(GUEST_CART, &key).await?;
    Ok(CartOwner::Guest(key))
}

/// How a cart is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    /// From the database (checkout, and anything that may act on what it reads).
    Fresh,
    /// The lines as last read, while the change log names no change to them (pages and
    /// other GET requests; `shopper_cache.rs`).
    Kept,
}

/// The cart with every line priced at its quantity and checked against the stock.
pub async fn view(
    state: &AppState,
    owner: Option<&CartOwner>,
    lang: Lang,
    read: Read,
) -> ShopResult<CartView> {
    let Some(owner) = owner else {
        return Ok(CartView::default());
    };
    let stored = match read {
        Read::Fresh => Arc::new(cart::lines(state.db.pool(), owner).await?),
        Read::Kept => {
            state
                .shoppers
                .cart_lines(&state.changes, &state.db, owner)
                .await?
        }
    };
    let mut lines = Vec::new();
    let mut groups: Vec<CartGroup> = Vec::new();
    for row in stored.iter() {
        let Some(shown) = state
            .products
            .get(&state.changes, &state.db, row.product_id)
            .await?
        else {
            continue;
        };
        let (product, tiers) = (&shown.product, &shown.tiers);
        let group = (!row.group_key.is_empty()).then(|| row.group_key.clone());
        if let Some(key) = &group
            && !groups.iter().any(|g| &g.key == key)
        {
            let (cols, rows) = wall_shape(key).unwrap_or((0, 0));
            groups.push(CartGroup {
                key: key.clone(),
                cols,
                rows,
            });
        }
        lines.push(CartLineView {
            id: row.id,
            product: catalog::browse::card(product, lang),
            quantity: row.quantity,
            price: price_line(tiers, row.quantity),
            in_stock: on_sale_stock(product),
            group,
        });
    }
    let summary = summarise(&lines);
    Ok(CartView {
        lines,
        groups,
        summary,
    })
}

/// What the header shows (a page's, so read as kept).
pub async fn summary(state: &AppState, owner: Option<&CartOwner>) -> ShopResult<CartSummary> {
    Ok(view(state, owner, Lang::En, Read::Kept).await?.summary)
}

fn summarise(lines: &[CartLineView]) -> CartSummary {
    let units = lines.iter().map(|l| l.quantity).sum();
    let subtotal = Money::sum(lines.iter().filter_map(|l| l.price.map(|p| p.total)));
    CartSummary { units, subtotal }
}

/// The stock a shopper can buy: none of a product taken off sale.
fn on_sale_stock(product: &ProductRow) -> i64 {
    if product.status == ProductStatus::Active {
        product.stock
    } else {
        0
    }
}

/// Adds `quantity` (as typed) of a product on sale.
pub async fn add(
    state: &AppState,
    owner: &CartOwner,
    product: ProductId,
    quantity: &str,
) -> ShopResult<()> {
    let quantity = parse_quantity(quantity).map_err(|p| ShopError::invalid("quantity", p))?;
    let mut tx = state.db.begin_write().await?;
    add_line(&mut tx, owner, product, quantity, "", "quantity").await?;
    tx.commit().await?;
    Ok(())
}

/// Puts a whole wall in the cart (its cabinets and controllers, priced by the server's own
/// quote) as one group, removed as one.
pub async fn add_wall(
    state: &AppState,
    owner: &CartOwner,
    slug: &str,
    request: WallRequest,
) -> ShopResult<()> {
    let quote = catalog::browse::quote_wall(state, slug, request, Lang::En).await?;
    let group = wall_group_key(quote.plan.cols, quote.plan.rows, &random_token()[..12]);
    let mut tx = state.db.begin_write().await?;
    let cabinets = i64::from(quote.plan.cabinets);
    add_line(&mut tx, owner, quote.cabinet.id, cabinets, &group, "size").await?;
    if let Some((controller, count)) = &quote.controller {
        let count = i64::try_from(*count).map_err(|_| ShopError::Internal)?;
        add_line(&mut tx, owner, controller.id, count, &group, "controller").await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Adds to the owner's line of `product` in `group` inside a write transaction; refuses a
/// product not on sale, a full cart, and a quantity beyond the stock (reported on `field`).
async fn add_line(
    conn: &mut AnyConnection,
    owner: &CartOwner,
    product: ProductId,
    quantity: i64,
    group: &str,
    field: &str,
) -> ShopResult<()> {
    let row = products::find_by_id(&mut *conn, product)
        .await?
        .filter(|p| p.status == ProductStatus::Active)
        .ok_or(ShopError::NotFound)?;
    let is_new = cart::find(conn, owner, product, group).await?.is_none();
    if is_new && cart::count(conn, owner).await? >= LINES_MAX as i64 {
        return Err(ShopError::Refused {
            rule: Rule::CartFull { max: LINES_MAX },
        });
    }
    let (_, total) = cart::add(conn, owner, product, quantity, group, now()).await?;
    if total > row.stock {
        return Err(ShopError::invalid(
            field,
            Problem::NotEnoughStock {
                available: row.stock,
            },
        ));
    }
    Ok(())
}

/// Sets a line's quantity (as typed), up to the stock.
pub async fn set_quantity(
    state: &AppState,
    owner: &CartOwner,
    line: CartLineId,
    quantity: &str,
) -> ShopResult<()> {
    let quantity = parse_quantity(quantity).map_err(|p| ShopError::invalid("quantity", p))?;
    let mut tx = state.db.begin_write().await?;
    let row = cart::line(&mut tx, owner, line)
        .await?
        .ok_or(ShopError::NotFound)?;
    refuse_wall_line(&row)?;
    let product = products::find_by_id(&mut *tx, row.product_id)
        .await?
        .ok_or(ShopError::NotFound)?;
    let available = on_sale_stock(&product);
    if quantity > available {
        return Err(ShopError::invalid(
            "quantity",
            Problem::NotEnoughStock { available },
        ));
    }
    cart::set_quantity(&mut *tx, owner, line, quantity, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// A wall's lines change only with the wall, so it stays the wall that was planned.
fn refuse_wall_line(row: &cart::CartLineRow) -> ShopResult<()> {
    if row.group_key.is_empty() {
        Ok(())
    } else {
        Err(ShopError::Refused {
            rule: Rule::PartOfAWall,
        })
    }
}

pub async fn remove_line(state: &AppState, owner: &CartOwner, line: CartLineId) -> ShopResult<()> {
    let mut conn = state.db.pool().acquire().await?;
    let row = cart::line(&mut conn, owner, line)
        .await?
        .ok_or(ShopError::NotFound)?;
    refuse_wall_line(&row)?;
    drop(conn);
    match cart::remove(state.db.pool(), owner, Some(line), None).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

/// Removes every line of a group (a wall).
pub async fn remove_group(state: &AppState, owner: &CartOwner, group: &str) -> ShopResult<()> {
    if group.is_empty() || group.len() > GROUP_KEY_MAX {
        return Err(ShopError::NotFound);
    }
    match cart::remove(state.db.pool(), owner, None, Some(group)).await? {
        0 => Err(ShopError::NotFound),
        _ => Ok(()),
    }
}

pub async fn empty(state: &AppState, owner: &CartOwner) -> ShopResult<()> {
    cart::remove(state.db.pool(), owner, None, None).await?;
    Ok(())
}

/// At sign-in: the guest cart of this session joins the account's cart (quantities added,
/// capped at the stock) and the guest cart is gone.
pub async fn adopt_guest_cart(state: &AppState, session: &Session, user: UserId) -> ShopResult<()> {
    let Some(key) = session.get::<String>(GUEST_CART) else {
        return Ok(());
    };
    let guest = CartOwner::Guest(key);
    let account = CartOwner::User(user);
    let mut tx = state.db.begin_write().await?;
    for line in cart::lines(&mut *tx, &guest).await? {
        let group = line.group_key.as_str();
        let is_new = cart::find(&mut tx, &account, line.product_id, group)
            .await?
            .is_none();
        if is_new && cart::count(&mut tx, &account).await? >= LINES_MAX as i64 {
            continue;
        }
        let now = now();
        let (id, total) = cart::add(
            &mut tx,
            &account,
            line.product_id,
            line.quantity,
            group,
            now,
        )
        .await?;
        let stock = match products::find_by_id(&mut *tx, line.product_id).await? {
            Some(product) => on_sale_stock(&product),
            None => 0,
        };
        if total > stock {
            // A sold-out product stays in the cart, one unit, flagged until it is removed.
            cart::set_quantity(&mut *tx, &account, id, stock.max(1), now).await?;
        }
    }
    cart::remove(&mut *tx, &guest, None, None).await?;
    tx.commit().await?;
    session.remove(GUEST_CART).await?;
    Ok(())
}
