-- Which version of the search index's contents the products' rows hold (see
-- app/src/backend/db/products.rs::SEARCH_INDEX_VERSION): a server that finds an older one
-- rebuilds every product's entry once at start-up.
CREATE TABLE search_index_version (
    version BIGINT NOT NULL
);
INSERT INTO search_index_version (version) VALUES (1);
