-- The catalog: products with typed specifications, wholesale price tiers, the stock log,
-- uploaded images and the full-text search index.

CREATE TABLE products (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    slug                  TEXT NOT NULL UNIQUE,
    category              TEXT NOT NULL,
    brand                 TEXT NOT NULL,
    model                 TEXT NOT NULL,
    name                  TEXT NOT NULL,
    summary_en            TEXT NOT NULL,
    summary_zh            TEXT NOT NULL,
    description_en        TEXT NOT NULL,
    description_zh        TEXT NOT NULL,
    -- specifications (NULL where they do not apply, e.g. a cable has no pixel pitch)
    pixel_pitch_um        BIGINT,
    brightness_nits       BIGINT,
    ip_front              TEXT,
    ip_back               TEXT,
    refresh_hz            BIGINT,
    cabinet_width_mm      BIGINT,
    cabinet_height_mm     BIGINT,
    cabinet_depth_mm      BIGINT,
    cabinet_px_w          BIGINT,
    cabinet_px_h          BIGINT,
    cabinet_weight_g      BIGINT,
    power_max_w           BIGINT,
    power_typical_w       BIGINT,
    viewing_angle_h       BIGINT,
    viewing_angle_v       BIGINT,
    led_type              TEXT,
    maintenance           TEXT,
    temp_min_c            BIGINT,
    temp_max_c            BIGINT,
    -- for controllers: the pixels one unit drives
    controller_capacity_px BIGINT,
    warranty_months       BIGINT NOT NULL,
    lead_time_days        BIGINT NOT NULL,
    ship_weight_g         BIGINT NOT NULL,
    ship_length_mm        BIGINT NOT NULL,
    ship_width_mm         BIGINT NOT NULL,
    ship_height_mm        BIGINT NOT NULL,
    -- the single-unit price (the first tier), in minor units, for sorting and filtering
    price_minor           BIGINT NOT NULL,
    currency              TEXT NOT NULL,
    stock                 BIGINT NOT NULL CHECK (stock >= 0),
    -- an uploaded image (product_images.id); NULL shows the category artwork
    image_id              BIGINT,
    -- active | archived
    status                TEXT NOT NULL DEFAULT 'active',
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);
CREATE INDEX products_category ON products (category, status);
CREATE INDEX products_price ON products (price_minor);
CREATE INDEX products_pitch ON products (pixel_pitch_um);

CREATE TABLE price_tiers (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    min_qty    BIGINT NOT NULL,
    unit_minor BIGINT NOT NULL,
    PRIMARY KEY (product_id, min_qty)
);

-- Every stock change with its reason and the staff member who made it.
CREATE TABLE stock_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    delta      BIGINT NOT NULL,
    stock_after BIGINT NOT NULL,
    reason     TEXT NOT NULL,
    staff_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX stock_changes_product ON stock_changes (product_id);

CREATE TABLE product_images (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id   BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    created_at   BIGINT NOT NULL
);

-- Full-text search over names, descriptions and specifications, kept in step by the
-- application in the same transaction as each product write.
CREATE VIRTUAL TABLE products_fts USING fts5(
    name, brand, model, summary, description, specs,
    tokenize = 'unicode61 remove_diacritics 2'
);
