//! The tables that hold no personal data, each with the reason: the registry's other half
//! (`registry.rs`), so that the schema test can account for every table.

/// Tables with no personal data, and why.
pub const NOT_PERSONAL: &[(&str, &str)] = &[
    (
        "analytics_daily",
        "daily totals of views, clicks, visitors and languages; no visitor or account",
    ),
    ("policy_versions", "texts of the privacy policy"),
    (
        "authority_requests",
        "the register of data handed to authorities, which the law requires and the database never changes: shown to the shopper through their ledger unless telling is prohibited; erasure leaves the entry without the account (user_id set to NULL)",
    ),
    (
        "newsletters",
        "what staff wrote to shoppers who opted in, and how many received it; names only the staff author, set to NULL when that account is erased",
    ),
    ("erasure_receipts", "counts of erased rows, no identifiers"),
    (
        "erased_accounts",
        "ids of erased accounts and when, which name no one once the account is gone: kept so that restoring an older backup erases them again",
    ),
    (
        "sign_in_throttle",
        "keyed hashes of addresses, counts and times; rows expire within a day",
    ),
    ("_sqlx_migrations", "schema version bookkeeping"),
    (
        "invoices",
        "an order's invoice number and when it was issued; the buyer is on the order",
    ),
    ("invoice_sequence", "the last invoice number given"),
    (
        "search_index_version",
        "which version of the search index's contents the products hold",
    ),
    (
        "order_lines",
        "what an order bought and at what price; kept with the anonymised order",
    ),
    (
        "order_events",
        "when an order changed state; names only the staff account that changed it, set to NULL when that account is erased",
    ),
    (
        "sandbox_card_entries",
        "the sandbox payment processor's own records (a real processor keeps them outside the shop): entry ids and return paths",
    ),
    (
        "sandbox_cards",
        "the sandbox payment processor's vault: a random token, brand, last 4, expiry; never a card number or security code",
    ),
    (
        "sandbox_charges",
        "the sandbox payment processor's charges: token, amount, outcome",
    ),
    (
        "stripe_card_entries",
        "card entries opened with Stripe: the shop's entry token and Stripe's session id; the card stays at Stripe",
    ),
    (
        "stripe_events",
        "ids and types of the Stripe webhook events already applied",
    ),
    (
        "changes",
        "what app servers must drop from memory: scopes with keyed session hashes, account ids and guest cart keys; rows live ten minutes",
    ),
    (
        "carrier_handoffs",
        "the queue of parcels to book with carriers: order ids, carriers, attempt times; the recipient's data is read from the order when handed over",
    ),
    (
        "sandbox_parcels",
        "the invented carriers' own bookings (a real carrier keeps them outside the shop): booking reference, tracking number, parcel weight and count",
    ),
    (
        "review_actions",
        "staff decisions on reviews (approve, hide with the reason the author sees, restore); names only the staff account, set to NULL when that account is erased; deleted with the review",
    ),
    ("products", "the catalog"),
    ("price_tiers", "the catalog"),
    ("product_images", "the catalog"),
    (
        "stock_changes",
        "stock log; names only the staff account that made a change, set to NULL when that account is erased",
    ),
    // SQLite's full-text index of the catalog and its shadow tables.
    ("products_fts", "search index of the catalog"),
    ("products_fts_data", "search index of the catalog"),
    ("products_fts_idx", "search index of the catalog"),
    ("products_fts_docsize", "search index of the catalog"),
    ("products_fts_config", "search index of the catalog"),
    ("products_fts_content", "search index of the catalog"),
];
