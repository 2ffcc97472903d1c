-- Sessions live in the database so that any app server can answer any request.
-- The cookie holds a random token; only its keyed hash is stored, so a copy of this table
-- cannot be used to take over a session.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    data         TEXT NOT NULL DEFAULT '{}',
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    -- absolute end of the session, whatever its activity
    expires_at   BIGINT NOT NULL,
    -- the session also ends after this many seconds without a request
    idle_timeout BIGINT NOT NULL
);

CREATE INDEX sessions_expires_at ON sessions (expires_at);
