-- The change log that keeps every app server's memory current (issue 12): triggers append a
-- row whenever something that servers keep in memory changes (catalog pages, a session, an
-- account, a cart), so no code path has to remember to announce its writes. Each server
-- reads the rows after the last one it saw (every 250 ms, and at once after each write
-- request it serves) and drops what they name. Rows older than ten minutes are deleted.
CREATE TABLE changes (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,
    -- catalog | session | user | cart
    scope TEXT NOT NULL,
    -- the session's id hash, 'u<user id>', 'g<guest cart key>', or 'p<product id>'
    key   TEXT NOT NULL DEFAULT '',
    at    BIGINT NOT NULL
);

CREATE TRIGGER products_inserted AFTER INSERT ON products BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER products_updated AFTER UPDATE ON products BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER products_deleted AFTER DELETE ON products BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || OLD.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER price_tiers_inserted AFTER INSERT ON price_tiers BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER price_tiers_updated AFTER UPDATE ON price_tiers BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER price_tiers_deleted AFTER DELETE ON price_tiers BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || OLD.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER product_images_inserted AFTER INSERT ON product_images BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER product_images_updated AFTER UPDATE ON product_images BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || NEW.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER product_images_deleted AFTER DELETE ON product_images BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('catalog', 'p' || OLD.product_id, CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER sessions_updated AFTER UPDATE ON sessions BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('session', OLD.id_hash, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER sessions_deleted AFTER DELETE ON sessions BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('session', OLD.id_hash, CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER users_updated AFTER UPDATE ON users BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('user', 'u' || OLD.id, CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER users_deleted AFTER DELETE ON users BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('user', 'u' || OLD.id, CAST(strftime('%s', 'now') AS INTEGER));
END;

CREATE TRIGGER cart_lines_inserted AFTER INSERT ON cart_lines BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('cart', COALESCE('u' || NEW.user_id, 'g' || NEW.guest_key),
            CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER cart_lines_updated AFTER UPDATE ON cart_lines BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('cart', COALESCE('u' || OLD.user_id, 'g' || OLD.guest_key),
            CAST(strftime('%s', 'now') AS INTEGER));
    INSERT INTO changes (scope, key, at)
    VALUES ('cart', COALESCE('u' || NEW.user_id, 'g' || NEW.guest_key),
            CAST(strftime('%s', 'now') AS INTEGER));
END;
CREATE TRIGGER cart_lines_deleted AFTER DELETE ON cart_lines BEGIN
    INSERT INTO changes (scope, key, at)
    VALUES ('cart', COALESCE('u' || OLD.user_id, 'g' || OLD.guest_key),
            CAST(strftime('%s', 'now') AS INTEGER));
END;
