-- First-party analytics (issue 23), collected only with the visitor's consent. A visitor is
-- a random number from their `visitor` cookie; the address is stored already cut to its
-- network (IPv4 /24, IPv6 /48). Raw rows live `shop.analytics_retention_days`; the hourly
-- job then folds each whole day into `analytics_daily` and deletes the rows.
CREATE TABLE analytics_visitors (
    visitor_id    TEXT PRIMARY KEY,
    -- The account last signed in on this visitor's browser, if any (no foreign key: erasure
    -- finds the visitor's rows by it before the account row goes).
    user_id       BIGINT,
    visits        BIGINT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);
CREATE INDEX analytics_visitors_user_id ON analytics_visitors (user_id);

CREATE TABLE page_views (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    path       TEXT NOT NULL,
    ip_network TEXT NOT NULL,
    language   TEXT NOT NULL,
    visitor_id TEXT NOT NULL,
    user_id    BIGINT
);
CREATE INDEX page_views_at ON page_views (at);
CREATE INDEX page_views_visitor_id ON page_views (visitor_id);
CREATE INDEX page_views_user_id ON page_views (user_id);

CREATE TABLE clicks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    path       TEXT NOT NULL,
    label      TEXT NOT NULL,
    visitor_id TEXT NOT NULL,
    user_id    BIGINT
);
CREATE INDEX clicks_at ON clicks (at);
CREATE INDEX clicks_visitor_id ON clicks (visitor_id);
CREATE INDEX clicks_user_id ON clicks (user_id);

-- Daily totals kept after the raw rows expire: views per path, clicks per label, distinct
-- visitors, views per language. No visitor or account in them.
CREATE TABLE analytics_daily (
    day   BIGINT NOT NULL,
    kind  TEXT NOT NULL,
    name  TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, kind, name)
);
