//! Requests from authorities for a shopper's data (promise P6): what staff register when
//! the law requires the shop to hand data over.

use super::account::{check_email, check_text};
use crate::error::{Problem, ShopError};
use serde::{Deserialize, Serialize};

/// The longest requester, legal basis or reference, in characters.
pub const TEXT_MAX: usize = 300;

/// The kinds of data that can be handed over, as the ledger names them.
pub const FIELDS: [&str; 6] = ["name", "email", "phone", "addresses", "orders", "payments"];

/// A request as staff register it: whose data (the account's address), who asked, on what
/// legal basis, their reference, what was given (a box per kind in [`FIELDS`]) and whether
/// the shopper may be told.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityRequestForm {
    pub email: String,
    pub requester: String,
    pub legal_basis: String,
    pub reference: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email_given: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub addresses: Option<String>,
    #[serde(default)]
    pub orders: Option<String>,
    #[serde(default)]
    pub payments: Option<String>,
    /// Ticked when telling the shopper is not prohibited.
    #[serde(default)]
    pub tell: Option<String>,
}

impl AuthorityRequestForm {
    /// The kinds of data given, in [`FIELDS`] order.
    pub fn fields(&self) -> Vec<&'static str> {
        let ticked = [
            &self.name,
            &self.email_given,
            &self.phone,
            &self.addresses,
            &self.orders,
            &self.payments,
        ];
        FIELDS
            .into_iter()
            .zip(ticked)
            .filter(|(_, on)| on.is_some())
            .map(|(field, _)| field)
            .collect()
    }

    pub fn shopper_told(&self) -> bool {
        self.tell.is_some()
    }

    pub fn validate(&self) -> Result<(), ShopError> {
        ShopError::check_fields([
            ("email", check_email(&self.email)),
            ("requester", check_text(&self.requester, TEXT_MAX)),
            ("legal_basis", check_text(&self.legal_basis, TEXT_MAX)),
            ("reference", check_text(&self.reference, TEXT_MAX)),
            (
                "fields",
                self.fields().is_empty().then_some(Problem::Required),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_who_asked_why_and_what_was_given() {
        let form = AuthorityRequestForm {
            email: "mei@example.com".into(),
            requester: "Pudong Public Security Bureau".into(),
            legal_basis: "Criminal Procedure Law, art. 54".into(),
            reference: "PD-2026-1187".into(),
            name: Some("on".into()),
            addresses: Some("on".into()),
            ..Default::default()
        };
        assert!(form.validate().is_ok());
        assert_eq!(form.fields(), ["name", "addresses"]);
        assert!(!form.shopper_told());
        let empty = AuthorityRequestForm {
            email: "mei@example.com".into(),
            ..Default::default()
        };
        let Err(ShopError::Invalid { fields }) = empty.validate() else {
            panic!("accepted");
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["requester", "legal_basis", "reference", "fields"]);
    }
}
