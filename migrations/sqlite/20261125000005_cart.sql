-- The cart: a row for each product in a shopper's cart (user_id) or a guest's (guest_key, a
-- random key kept in the visitor's session). Lines added together from the configurator
-- share a group_key and are removed as one; other lines have an empty group_key.
CREATE TABLE cart_lines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT REFERENCES users (id) ON DELETE CASCADE,
    guest_key   TEXT,
    product_id  BIGINT NOT NULL REFERENCES products (id),
    quantity    BIGINT NOT NULL CHECK (quantity > 0),
    group_key   TEXT NOT NULL DEFAULT '',
    added_at    BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (guest_key IS NULL))
);
CREATE UNIQUE INDEX cart_lines_user ON cart_lines (user_id, product_id, group_key)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX cart_lines_guest ON cart_lines (guest_key, product_id, group_key)
    WHERE guest_key IS NOT NULL;
CREATE INDEX cart_lines_updated ON cart_lines (updated_at);
