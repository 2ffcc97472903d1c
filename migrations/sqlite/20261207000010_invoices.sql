-- Tax invoices: one number per order, in sequence, issued when the order is paid. The
-- seller's details come from the configuration (shop.legal_name, shop.address,
-- shop.tax_number); the buyer's from the order.
CREATE TABLE invoices (
    number     INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id   BIGINT NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
    issued_at  BIGINT NOT NULL
);
-- Orders paid before invoices were numbered get theirs in the order they were placed.
INSERT INTO invoices (order_id, issued_at)
SELECT id, updated_at FROM orders
WHERE status IN ('paid', 'shipped', 'delivered', 'cancelled', 'refunded')
ORDER BY id;
