-- Orders (promises P1, P3, P5, P10): what was bought, by whom, delivered where, with
-- prices, delivery and tax frozen as they were at checkout; every change of state; the
-- disclosure ledger; and the sandbox payment processor's own tables.
-- Personal columns are listed in app/src/backend/privacy/registry.rs.

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- from the checkout form: a doubled or retried submit finds the order it made
    idempotency_key  TEXT NOT NULL UNIQUE,
    -- NULL for a guest's order (and after the account is erased)
    user_id          BIGINT REFERENCES users (id) ON DELETE SET NULL,
    email            TEXT NOT NULL,
    language         TEXT NOT NULL,
    -- pending_payment | payment_failed | paid | shipped | delivered | cancelled | refunded
    status           TEXT NOT NULL,
    currency         TEXT NOT NULL,
    subtotal_minor   BIGINT NOT NULL,
    shipping_minor   BIGINT NOT NULL,
    tax_rate_bp      BIGINT NOT NULL,
    tax_minor        BIGINT NOT NULL,
    total_minor      BIGINT NOT NULL,
    carrier          TEXT NOT NULL,
    delivery_days_min BIGINT NOT NULL,
    delivery_days_max BIGINT NOT NULL,
    parcel_weight_g  BIGINT NOT NULL,
    recipient_name   TEXT NOT NULL,
    recipient_phone  TEXT NOT NULL,
    company          TEXT NOT NULL DEFAULT '',
    tax_id           TEXT NOT NULL DEFAULT '',
    line1            TEXT NOT NULL,
    line2            TEXT NOT NULL DEFAULT '',
    city             TEXT NOT NULL,
    region           TEXT NOT NULL DEFAULT '',
    postal_code      TEXT NOT NULL,
    country          TEXT NOT NULL,
    -- what the processor returned for the card: never a number
    card_brand       TEXT NOT NULL,
    card_last4       TEXT NOT NULL,
    -- the processor's charge id once charged
    payment_ref      TEXT,
    tracking_number  TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX orders_user ON orders (user_id, id);
CREATE INDEX orders_status ON orders (status, id);

CREATE TABLE order_lines (
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no     BIGINT NOT NULL,
    product_id  BIGINT NOT NULL REFERENCES products (id),
    -- as the product was named when bought
    name        TEXT NOT NULL,
    model       TEXT NOT NULL,
    quantity    BIGINT NOT NULL CHECK (quantity > 0),
    unit_minor  BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    group_key   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, line_no)
);

-- Every change of an order's state, with who made it (NULL: the shopper or the shop).
CREATE TABLE order_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id  BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '',
    actor_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at        BIGINT NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- The disclosure ledger (P10): each time personal data left the shop, to whom, which
-- fields, why and for which order.
CREATE TABLE disclosures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT REFERENCES users (id) ON DELETE CASCADE,
    order_id   BIGINT REFERENCES orders (id) ON DELETE CASCADE,
    recipient  TEXT NOT NULL,
    fields     TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX disclosures_user ON disclosures (user_id);
CREATE INDEX disclosures_order ON disclosures (order_id);

-- The sandbox payment processor: in a real shop these live at the processor. Only
-- app/src/backend/gateway/ touches them. No card number or security code is kept: a card
-- is its token, brand, last 4, expiry and the test behaviour its number selected.
CREATE TABLE sandbox_card_entries (
    id          TEXT PRIMARY KEY,
    -- where the card page sends the browser back to (a path on the shop)
    return_path TEXT NOT NULL,
    card_token  TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE TABLE sandbox_cards (
    token      TEXT PRIMARY KEY,
    brand      TEXT NOT NULL,
    last4      TEXT NOT NULL,
    exp_month  BIGINT NOT NULL,
    exp_year   BIGINT NOT NULL,
    behaviour  TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE sandbox_charges (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    -- NULL for a key voided before any charge was made with it
    card_token      TEXT REFERENCES sandbox_cards (token),
    amount_minor    BIGINT NOT NULL,
    currency        TEXT NOT NULL,
    -- captured | declined | refunded | voided
    status          TEXT NOT NULL,
    decline         TEXT,
    created_at      BIGINT NOT NULL,
    refunded_at     BIGINT
);

-- A shopper's saved cards: the processor's token and what may be shown (promise P3: no
-- card number or security code is ever stored by the shop). Added through the processor's
-- card page only.
CREATE TABLE saved_cards (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token      TEXT NOT NULL,
    brand      TEXT NOT NULL,
    last4      TEXT NOT NULL,
    exp_month  BIGINT NOT NULL,
    exp_year   BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
-- One row per card: the page that brought a card back may be rendered more than once.
CREATE UNIQUE INDEX saved_cards_user_token ON saved_cards (user_id, token);
