-- The Stripe gateway (issue 26). A card entry the shop opened, and the Checkout Session
-- (setup mode) Stripe made for it: the browser comes back with the entry, never with the
-- session id, so only entries this shop issued are looked up.
CREATE TABLE stripe_card_entries (
    entry       TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

-- The webhook events already applied, by Stripe's event id: a second delivery of one
-- changes nothing.
CREATE TABLE stripe_events (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    received_at  BIGINT NOT NULL
);

-- A refund event names the charge: its order is found by it.
CREATE INDEX orders_payment_ref ON orders (payment_ref);
