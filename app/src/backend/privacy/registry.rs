//! Where personal data lives. Export and erasure are both driven by this one list, so they
//! cannot disagree; a test compares it with the real schema on both databases and fails when
//! a table or column is not accounted for here.

pub use super::purposes::{Purpose, Retention};

/// How a table's rows belong to a shopper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The `users` row itself (`id = user`).
    User,
    /// Rows with `user_id = user`.
    UserId,
    /// Analytics rows: the account's (`user_id = user`), and every row of the visitor numbers
    /// the account was ever signed in with, before or after signing in.
    UserOrVisitor,
}

impl Owner {
    /// The condition selecting a shopper's rows (the shopper's id is `$1`).
    pub fn condition(self) -> &'static str {
        match self {
            Owner::User => "id = $1",
            Owner::UserId => "user_id = $1",
            Owner::UserOrVisitor => {
                "(user_id = $1 OR visitor_id IN \
                 (SELECT visitor_id FROM analytics_visitors WHERE user_id = $1))"
            }
        }
    }
}

/// What erasure does with a shopper's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnErase {
    Delete,
    /// The rows stay (orders, for accounting) with these columns set to '' and the owner
    /// column to NULL.
    Anonymise(&'static [&'static str]),
}

/// A table that holds personal data.
#[derive(Debug)]
pub struct PersonalTable {
    pub table: &'static str,
    /// The section of the export (a human-readable name).
    pub section: &'static str,
    /// Why the shop holds it, and for how long: every table says (a new one cannot be
    /// registered without).
    pub purpose: Purpose,
    pub retention: Retention,
    pub owner: Owner,
    /// Exported columns and the field names they get in the export.
    pub exported: &'static [(&'static str, &'static str)],
    /// Columns held but not exported, and why.
    pub withheld: &'static [(&'static str, &'static str)],
    pub on_erase: OnErase,
}

pub use super::not_personal::NOT_PERSONAL;

/// Every table with personal data. Children come before `users`, the order erasure runs
/// (and the analytics visitors after the views and clicks found through them).
pub const PERSONAL: &[PersonalTable] = &[
    PersonalTable {
        table: "page_views",
        section: "analytics_page_views",
        purpose: Purpose::Analytics,
        retention: Retention::AnalyticsDays,
        owner: Owner::UserOrVisitor,
        exported: &[
            ("at", "viewed_at"),
            ("path", "page"),
            ("ip_network", "ip_network"),
            ("language", "language"),
            ("visitor_id", "visitor_number"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "clicks",
        section: "analytics_clicks",
        purpose: Purpose::Analytics,
        retention: Retention::AnalyticsDays,
        owner: Owner::UserOrVisitor,
        exported: &[
            ("at", "clicked_at"),
            ("path", "page"),
            ("label", "clicked"),
            ("visitor_id", "visitor_number"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "analytics_visitors",
        section: "analytics_visits",
        purpose: Purpose::Analytics,
        retention: Retention::AnalyticsDays,
        owner: Owner::UserId,
        exported: &[
            ("visitor_id", "visitor_number"),
            ("visits", "visits"),
            ("first_seen_at", "first_seen_at"),
            ("last_seen_at", "last_seen_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "saved_cards",
        section: "saved_cards",
        purpose: Purpose::Payment,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("id", "saved_card_id"),
            ("brand", "brand"),
            ("last4", "last_4_digits"),
            ("exp_month", "expiry_month"),
            ("exp_year", "expiry_year"),
            ("created_at", "saved_at"),
        ],
        withheld: &[
            ("user_id", "the owner's id, shown as the export's subject"),
            (
                "token",
                "the payment processor's token: it charges the card, so it is a secret",
            ),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "disclosures",
        section: "shared_with_others",
        purpose: Purpose::Ledger,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("order_id", "order"),
            ("recipient", "recipient"),
            ("fields", "fields_sent"),
            ("purpose", "purpose"),
            ("at", "sent_at"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "orders",
        section: "orders",
        purpose: Purpose::Orders,
        retention: Retention::Accounting,
        owner: Owner::UserId,
        exported: &[
            ("id", "order"),
            ("status", "status"),
            ("email", "email"),
            ("language", "language"),
            ("currency", "currency"),
            ("subtotal_minor", "subtotal_minor_units"),
            ("shipping_minor", "delivery_minor_units"),
            ("tax_rate_bp", "tax_rate_basis_points"),
            ("tax_minor", "tax_minor_units"),
            ("total_minor", "total_minor_units"),
            ("carrier", "carrier"),
            ("recipient_name", "recipient_name"),
            ("recipient_phone", "recipient_telephone"),
            ("company", "company"),
            ("tax_id", "vat_or_tax_id"),
            ("line1", "address_line_1"),
            ("line2", "address_line_2"),
            ("city", "city"),
            ("region", "region"),
            ("postal_code", "postal_code"),
            ("country", "country"),
            ("card_brand", "card_brand"),
            ("card_last4", "card_last_4_digits"),
            ("tracking_number", "tracking_number"),
            ("created_at", "placed_at"),
            ("updated_at", "last_changed_at"),
        ],
        withheld: &[
            ("user_id", "the owner's id, shown as the export's subject"),
            (
                "idempotency_key",
                "a random key that made a doubled submit one order",
            ),
            (
                "delivery_days_min",
                "the carrier's estimate, shown on the order page",
            ),
            (
                "delivery_days_max",
                "the carrier's estimate, shown on the order page",
            ),
            ("parcel_weight_g", "parcel data for the carrier"),
            ("payment_ref", "the processor's charge id"),
            (
                "held_card_token",
                "the processor's token of the card of an order held for review, until staff release or cancel it",
            ),
            (
                "guest_cart",
                "the random key of the guest cart a guest's order was bought from",
            ),
        ],
        // Kept for accounting (amounts, tax, country), without who bought or where to.
        on_erase: OnErase::Anonymise(&[
            "email",
            "recipient_name",
            "recipient_phone",
            "company",
            "tax_id",
            "line1",
            "line2",
            "city",
            "region",
            "postal_code",
            "card_last4",
            "tracking_number",
            "held_card_token",
        ]),
    },
    PersonalTable {
        table: "addresses",
        section: "addresses",
        purpose: Purpose::Delivery,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("id", "address_id"),
            ("recipient_name", "recipient_name"),
            ("recipient_phone", "recipient_telephone"),
            ("company", "company"),
            ("tax_id", "vat_or_tax_id"),
            ("line1", "address_line_1"),
            ("line2", "address_line_2"),
            ("city", "city"),
            ("region", "region"),
            ("postal_code", "postal_code"),
            ("country", "country"),
            ("is_default", "is_default_address"),
            ("created_at", "added_at"),
            ("updated_at", "last_changed_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "cart_lines",
        section: "cart",
        purpose: Purpose::Cart,
        retention: Retention::UntilOrdered,
        owner: Owner::UserId,
        exported: &[
            ("id", "cart_line_id"),
            ("product_id", "product_id"),
            ("quantity", "quantity"),
            ("group_key", "added_with_wall"),
            ("added_at", "added_at"),
            ("updated_at", "last_changed_at"),
        ],
        withheld: &[
            ("user_id", "the owner's id, shown as the export's subject"),
            (
                "guest_key",
                "always empty on an account's lines: a guest cart joins the account at sign-in",
            ),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "policy_acknowledgements",
        section: "privacy_policy_acknowledgements",
        purpose: Purpose::Choices,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("version", "policy_version"),
            ("acknowledged_at", "acknowledged_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "consent_events",
        section: "consent_choices",
        purpose: Purpose::Choices,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("purpose", "purpose"),
            ("granted", "granted"),
            ("at", "chosen_at"),
            ("policy_version", "policy_version"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "email_tokens",
        section: "email_links",
        purpose: Purpose::Security,
        retention: Retention::UntilUsed,
        owner: Owner::UserId,
        exported: &[
            ("purpose", "purpose"),
            ("email", "sent_to"),
            ("created_at", "sent_at"),
            ("expires_at", "expires_at"),
            ("used_at", "used_at"),
        ],
        withheld: &[
            ("token_hash", "a keyed hash of the link: a secret"),
            ("user_id", "the owner's id, shown as the export's subject"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "outbox",
        section: "emails_sent_to_you",
        purpose: Purpose::Mail,
        retention: Retention::MailDays,
        owner: Owner::UserId,
        exported: &[
            ("kind", "kind_of_email"),
            ("recipient", "to"),
            ("subject", "subject"),
            ("body", "text"),
            ("created_at", "written_at"),
            ("delivered_at", "delivered_at"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
            ("attempts", "delivery bookkeeping"),
            ("next_attempt_at", "delivery bookkeeping"),
            ("transport", "delivery bookkeeping"),
            ("last_error", "delivery bookkeeping"),
            (
                "headers",
                "delivery headers (a marketing mail's unsubscribe link), deleted once sent",
            ),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "reviews",
        section: "reviews",
        purpose: Purpose::Reviews,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("id", "review_number"),
            ("product_id", "product_id"),
            ("rating", "rating"),
            ("title", "title"),
            ("body", "text"),
            ("pros", "pros"),
            ("cons", "cons"),
            ("status", "status"),
            ("hidden_reason", "reason_hidden"),
            ("created_at", "written_at"),
            ("updated_at", "updated_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        // Deleted with the account: a review is the shopper's own words under their name.
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "review_votes",
        section: "helpful_votes",
        purpose: Purpose::Reviews,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[("review_id", "review_number"), ("created_at", "voted_at")],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "review_reports",
        section: "review_reports",
        purpose: Purpose::Reviews,
        retention: Retention::UntilErased,
        owner: Owner::UserId,
        exported: &[
            ("review_id", "review_number"),
            ("reason", "report_reason"),
            ("created_at", "reported_at"),
            ("resolved_at", "decided_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "contact_threads",
        section: "questions_to_the_shop",
        purpose: Purpose::Questions,
        retention: Retention::ClosedDays,
        owner: Owner::UserId,
        exported: &[
            ("id", "conversation_number"),
            ("name", "name"),
            ("email", "email"),
            ("order_number", "order_number"),
            ("language", "language"),
            ("status", "conversation_status"),
            ("created_at", "written_at"),
            ("updated_at", "updated_at"),
            ("closed_at", "closed_at"),
        ],
        withheld: &[("user_id", "the owner's id, shown as the export's subject")],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "contact_messages",
        section: "messages_to_and_from_the_shop",
        purpose: Purpose::Questions,
        retention: Retention::ClosedDays,
        owner: Owner::UserId,
        exported: &[
            ("thread_id", "conversation_number"),
            ("from_staff", "from_the_shop"),
            ("body", "text"),
            ("at", "written_at"),
        ],
        withheld: &[
            ("id", "internal row number"),
            ("user_id", "the owner's id, shown as the export's subject"),
            ("staff_id", "the staff account that answered (staff only)"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "sessions",
        section: "signed_in_sessions",
        purpose: Purpose::Security,
        retention: Retention::Session,
        owner: Owner::UserId,
        exported: &[
            ("created_at", "signed_in_at"),
            ("last_seen_at", "last_used_at"),
            ("expires_at", "expires_at"),
            ("user_agent", "browser"),
        ],
        withheld: &[
            ("id_hash", "a keyed hash of the session cookie: a secret"),
            ("user_id", "the owner's id, shown as the export's subject"),
            (
                "data",
                "short-lived page state (such as a form being retyped)",
            ),
            ("idle_timeout", "session bookkeeping"),
        ],
        on_erase: OnErase::Delete,
    },
    PersonalTable {
        table: "users",
        section: "profile",
        purpose: Purpose::Account,
        retention: Retention::UntilErased,
        owner: Owner::User,
        exported: &[
            ("id", "account_number"),
            ("email", "email"),
            ("email_verified_at", "email_verified_at"),
            ("full_name", "full_name"),
            ("phone", "telephone"),
            ("language", "language"),
            ("marketing_opt_in_at", "marketing_email_opt_in_at"),
            ("role", "role"),
            ("status", "account_status"),
            ("status_reason", "account_status_reason"),
            ("status_changed_at", "account_status_changed_at"),
            ("created_at", "registered_at"),
            ("updated_at", "last_changed_at"),
            ("policy_version", "newest_policy_version_acknowledged"),
        ],
        withheld: &[("password_hash", "a one-way hash of your password: a secret")],
        on_erase: OnErase::Delete,
    },
];

pub fn personal(table: &str) -> Option<&'static PersonalTable> {
    PERSONAL.iter().find(|t| t.table == table)
}

/// What the registry says about one column.
#[derive(Debug, PartialEq, Eq)]
pub enum Coverage {
    Exported,
    Withheld,
    NotPersonalTable,
    Missing,
}

pub fn coverage(table: &str, column: &str) -> Coverage {
    if NOT_PERSONAL.iter().any(|(t, _)| *t == table) {
        return Coverage::NotPersonalTable;
    }
    match personal(table) {
        Some(t) if t.exported.iter().any(|(c, _)| *c == column) => Coverage::Exported,
        Some(t) if t.withheld.iter().any(|(c, _)| *c == column) => Coverage::Withheld,
        _ => Coverage::Missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// `/account/data` shows every exported field under a label in the shopper's language.
    #[test]
    fn every_exported_field_has_a_label_in_each_language() {
        use crate::i18n::{Lang, export_field};
        for table in PERSONAL {
            for (_, name) in table.exported {
                for lang in Lang::ALL {
                    assert!(
                        export_field(lang, name).is_some(),
                        "{name} ({}) has no {lang:?} label in i18n/export_fields.rs",
                        table.table
                    );
                }
            }
        }
    }

    #[test]
    fn registry_lists_each_table_and_column_once() {
        let mut tables = BTreeSet::new();
        for t in PERSONAL {
            assert!(tables.insert(t.table), "{} listed twice", t.table);
            let mut columns = BTreeSet::new();
            for (c, _) in t.exported.iter().chain(t.withheld) {
                assert!(columns.insert(*c), "{}.{c} listed twice", t.table);
            }
            let names: BTreeSet<_> = t.exported.iter().map(|(_, n)| n).collect();
            assert_eq!(
                names.len(),
                t.exported.len(),
                "{}: duplicate export names",
                t.table
            );
        }
        for (t, _) in NOT_PERSONAL {
            assert!(tables.insert(t), "{t} listed twice");
        }
        assert_eq!(
            PERSONAL.last().map(|t| t.table),
            Some("users"),
            "users must be erased last"
        );
    }
}
