//! Back-office views: products as staff edit them, customers, the mailbox.

use crate::domain::ids::{MailId, ProductId, UserId};

use super::account::AddressView;
use crate::domain::{
    account::{AccountStatus, Role},
    catalog::ProductStatus,
    category::Category,
    product_form::ProductForm,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductRow {
    pub id: ProductId,
    pub name: String,
    pub slug: String,
    pub category: Category,
    pub price: crate::domain::money::Money,
    pub stock: i64,
    pub status: ProductStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockChange {
    pub delta: i64,
    pub stock_after: i64,
    pub reason: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProduct {
    pub id: ProductId,
    pub form: ProductForm,
    pub status: ProductStatus,
    pub stock: i64,
    pub image: String,
    pub stock_log: Vec<StockChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub id: UserId,
    pub full_name: String,
    pub email: String,
    pub role: Role,
    pub status: AccountStatus,
    pub registered_at: i64,
}

/// One account as staff see it. Never the password hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub summary: CustomerSummary,
    pub phone: String,
    pub language: crate::i18n::Lang,
    pub email_verified: bool,
    pub marketing: bool,
    pub status_reason: Option<String>,
    pub addresses: Vec<AddressView>,
    /// Whether the viewer may change roles (admins only).
    pub viewer_is_admin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub customers: Vec<CustomerSummary>,
    pub page: i64,
    pub has_more: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailView {
    pub id: MailId,
    pub to: String,
    pub subject: String,
    /// The text, in the development mailbox only.
    pub body: Option<String>,
    /// Extra header lines (the unsubscribe pair of marketing mail), in the development
    /// mailbox only.
    pub headers: Option<String>,
    /// One-time links in the text were hidden: they act on another staff account.
    pub links_hidden: bool,
    pub written_at: i64,
    pub delivered_at: Option<i64>,
    pub transport: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    /// True in development without SMTP: mail stays here and its text can be read.
    pub local: bool,
    pub mail: Vec<MailView>,
}
