-- Tax invoices: one number per paid order, in sequence and without gaps: the number is
-- taken from invoice_sequence in the transaction that records the payment, so a payment
-- that is rolled back takes none. The seller's details come from the configuration
-- (shop.legal_name, shop.address, shop.tax_number); the buyer's from the order.
CREATE TABLE invoices (
    number     BIGINT PRIMARY KEY,
    order_id   BIGINT NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
    issued_at  BIGINT NOT NULL
);
-- Orders paid before invoices were numbered get theirs in the order they were placed.
INSERT INTO invoices (number, order_id, issued_at)
SELECT ROW_NUMBER() OVER (ORDER BY id), id, updated_at FROM orders
WHERE status IN ('paid', 'shipped', 'delivered', 'cancelled', 'refunded');

-- The last number given (one row).
CREATE TABLE invoice_sequence (
    last BIGINT NOT NULL
);
INSERT INTO invoice_sequence (last) SELECT COUNT(*) FROM invoices;
