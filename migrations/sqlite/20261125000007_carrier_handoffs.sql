-- The outbox for carriers (promise P5): a paid order's parcel waits here to be booked with
-- its carrier. Written in the transaction that records the payment, booked by a background
-- worker that claims each row once (several app servers may share the database) and retries
-- with growing delays. The recipient's data is read from the order when it is handed over;
-- this queue holds none.
CREATE TABLE carrier_handoffs (
    order_id        BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    carrier         TEXT NOT NULL,
    queued_at       BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    booked_at       BIGINT,
    last_error      TEXT
);
CREATE INDEX carrier_handoffs_due ON carrier_handoffs (booked_at, next_attempt_at);

-- The invented carriers' own bookings (a real carrier keeps these outside the shop). A
-- booking reference is booked once however often it is sent. Only
-- app/src/backend/carriers.rs touches this table.
CREATE TABLE sandbox_parcels (
    booking_ref     TEXT PRIMARY KEY,
    carrier         TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    weight_g        BIGINT NOT NULL,
    parcel_count    BIGINT NOT NULL,
    booked_at       BIGINT NOT NULL
);
