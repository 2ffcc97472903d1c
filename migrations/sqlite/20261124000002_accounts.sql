-- Accounts (promises P1, P8, P9): shoppers and staff, their addresses, consents, policy
-- acknowledgements, one-time email links, the mail outbox and sign-in throttling.
-- Every column that holds personal data is listed in app/src/server/privacy/registry.rs;
-- a test fails when one is missing there.

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    -- trimmed and lower-cased, so one address is one account
    email               TEXT NOT NULL UNIQUE,
    email_verified_at   BIGINT,
    password_hash       TEXT NOT NULL,
    full_name           TEXT NOT NULL,
    phone               TEXT NOT NULL,
    language            TEXT NOT NULL DEFAULT 'en',
    -- when the shopper opted in to marketing mail; NULL = no marketing
    marketing_opt_in_at BIGINT,
    role                TEXT NOT NULL DEFAULT 'shopper',
    -- active | deactivated | suspended
    status              TEXT NOT NULL DEFAULT 'active',
    status_reason       TEXT,
    status_changed_at   BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

CREATE TABLE addresses (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    line1       TEXT NOT NULL,
    line2       TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL,
    region      TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL,
    -- ISO 3166-1 alpha-2
    country     TEXT NOT NULL,
    is_default  BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX addresses_user_id ON addresses (user_id);

-- Versions of the privacy policy; shoppers acknowledge the current one.
CREATE TABLE policy_versions (
    version      BIGINT PRIMARY KEY,
    published_at BIGINT NOT NULL,
    summary_en   TEXT NOT NULL,
    summary_zh   TEXT NOT NULL
);
INSERT INTO policy_versions (version, published_at, summary_en, summary_zh)
VALUES (1, 1795478400, 'First version of the policy: twelve promises, each kept by code.',
        '政策第一版：十二项承诺，每一项都由代码履行。');

CREATE TABLE policy_acknowledgements (
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version         BIGINT NOT NULL REFERENCES policy_versions (version),
    acknowledged_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, version)
);

-- Every consent choice a shopper made, granted or withdrawn (a record of consent).
CREATE TABLE consent_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose  TEXT NOT NULL,
    granted  BIGINT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX consent_events_user_id ON consent_events (user_id);

-- Single-use links sent by mail (email verification, password reset). Only a hash of the
-- token is kept.
CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- verify_email | reset_password
    purpose    TEXT NOT NULL,
    -- the address the link was sent to (the new one when the email address changes)
    email      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_tokens_user_id ON email_tokens (user_id);

-- Mail leaves through this outbox: written in the transaction that causes it, delivered by
-- a background worker with retries.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         BIGINT REFERENCES users (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at    BIGINT,
    -- smtp | mailbox (kept for staff to read at /admin/mail when no SMTP server is set)
    transport       TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (delivered_at, next_attempt_at);
CREATE INDEX outbox_user_id ON outbox (user_id);

-- Sign-in throttling: consecutive failures per account, attempts per client address per
-- minute. Keys are HMACs: no raw email or IP address is kept here.
CREATE TABLE sign_in_throttle (
    scope        TEXT NOT NULL,
    key_hash     TEXT NOT NULL,
    hits         BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    last_hit_at  BIGINT NOT NULL,
    PRIMARY KEY (scope, key_hash)
);

-- What an erasure removed and kept, shown to the former shopper once; no personal data.
CREATE TABLE erasure_receipts (
    id         TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    summary    TEXT NOT NULL
);

-- Sessions belong to a user once signed in; the user agent lets the shopper recognise them.
ALTER TABLE sessions ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
CREATE INDEX sessions_user_id ON sessions (user_id);
