-- Reviews (issue 25, promise P7): one per account and product, plain text, with a state
-- set by the moderation setting and staff. The product's kept pages show a change at once
-- on every server: each write appends the product to the change log.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id  BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating      BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    pros        TEXT NOT NULL DEFAULT '',
    cons        TEXT NOT NULL DEFAULT '',
    -- published | held (awaiting approval) | hidden (by staff, with the reason)
    status      TEXT NOT NULL,
    hidden_reason TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (user_id, product_id)
);
CREATE INDEX reviews_product ON reviews (product_id, status, created_at);

CREATE TRIGGER reviews_inserted AFTER INSERT ON reviews BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER reviews_updated AFTER UPDATE ON reviews BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER reviews_deleted AFTER DELETE ON reviews BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || OLD.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
