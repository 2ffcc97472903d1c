-- Reviews, second part (issue 25, promise P7): helpful votes and reports from shoppers, and
-- the staff's decisions (approve, hide with a reason, restore) with who made them and when.

-- One "helpful" vote per shopper and review; a second vote changes nothing.
CREATE TABLE review_votes (
    review_id   BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (review_id, user_id)
);
CREATE INDEX review_votes_user ON review_votes (user_id);

-- One report per shopper and review, with its reason; open until staff decide on the review.
CREATE TABLE review_reports (
    review_id   BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- off_topic | personal_data | advertising | abuse | other
    reason      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    resolved_at BIGINT,
    PRIMARY KEY (review_id, user_id)
);
CREATE INDEX review_reports_user ON review_reports (user_id);
CREATE INDEX review_reports_open ON review_reports (resolved_at, review_id);

-- What staff decided about a review (shown to staff only; the author sees the state and the
-- reason, never who).
CREATE TABLE review_actions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id   BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- approve | hide | restore
    action      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    at          BIGINT NOT NULL
);
CREATE INDEX review_actions_review ON review_actions (review_id, at);

-- A vote changes the count on the product's kept pages.
CREATE TRIGGER review_votes_inserted AFTER INSERT ON review_votes BEGIN
    INSERT INTO changes (scope, key, at)
    SELECT 'catalog', 'p' || product_id, CAST(strftime('%s', 'now') AS INTEGER)
    FROM reviews WHERE id = NEW.review_id;
END;
CREATE TRIGGER review_votes_deleted AFTER DELETE ON review_votes BEGIN
    INSERT INTO changes (scope, key, at)
    SELECT 'catalog', 'p' || product_id, CAST(strftime('%s', 'now') AS INTEGER)
    FROM reviews WHERE id = OLD.review_id;
END;

-- Reviews show only while their author's account is active, under the author's name: a
-- change of either reaches the kept pages of every product the account reviewed.
CREATE TRIGGER users_reviews_changed AFTER UPDATE OF status, full_name ON users
WHEN OLD.status IS NOT NEW.status OR OLD.full_name IS NOT NEW.full_name BEGIN
    INSERT INTO changes (scope, key, at)
    SELECT 'catalog', 'p' || product_id, CAST(strftime('%s', 'now') AS INTEGER)
    FROM reviews WHERE user_id = NEW.id;
END;
