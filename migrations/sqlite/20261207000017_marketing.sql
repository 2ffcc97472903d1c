-- Marketing mail (issue 24, promise P4). Mail may carry extra header lines (the
-- List-Unsubscribe pair of RFC 8058 on marketing mail), kept with the message until it is
-- delivered: "Name: value" lines.
ALTER TABLE outbox ADD COLUMN headers TEXT NOT NULL DEFAULT '';

-- Newsletters staff write to shoppers who opted in to marketing mail, in both languages.
-- Sending goes in batches: `send_after` is the last account id queued (NULL: all queued).
CREATE TABLE newsletters (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_en  TEXT NOT NULL,
    body_en     TEXT NOT NULL,
    subject_zh  TEXT NOT NULL,
    body_zh     TEXT NOT NULL,
    author_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    send_after  BIGINT,
    recipients  BIGINT NOT NULL DEFAULT 0
);
