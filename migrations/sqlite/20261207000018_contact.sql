-- Questions to the shop and the staff's answers (issue 24, promise P12). A conversation
-- belongs to an account when written signed in, or once the account confirms the address
-- it came from (like a guest's orders); the messages carry the same owner. Closed
-- conversations are deleted after a year by the hourly maintenance.
CREATE TABLE contact_threads (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       BIGINT REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    order_number  TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL,
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    closed_at     BIGINT
);
CREATE INDEX contact_threads_status ON contact_threads (status, updated_at);
CREATE INDEX contact_threads_user ON contact_threads (user_id);
CREATE INDEX contact_threads_email ON contact_threads (email);

CREATE TABLE contact_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id   BIGINT NOT NULL REFERENCES contact_threads (id) ON DELETE CASCADE,
    user_id     BIGINT REFERENCES users (id) ON DELETE CASCADE,
    -- The staff account that answered; NULL for the shopper's own message.
    staff_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    from_staff  BIGINT NOT NULL,
    body        TEXT NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX contact_messages_thread ON contact_messages (thread_id, id);
CREATE INDEX contact_messages_user ON contact_messages (user_id);
