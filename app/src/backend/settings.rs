//! The shop's settings that operations, pages and server functions read (a subset of the
//! server's configuration file, which `server/src/config.rs` reads and checks).

/// Settings of the shop that pages and server functions need (a subset of the server's
/// configuration file).
#[derive(Clone, Debug)]
pub struct ShopSettings {
    pub name: String,
    pub contact_email: String,
    /// The seller on invoices (`shop.legal_name`, `shop.address`, `shop.tax_number`).
    pub seller: crate::model::shop::Seller,
    /// The currency of every price (`shop.currency`): products are priced in it, and the
    /// shop refuses to start when its catalog holds prices in another.
    pub currency: crate::domain::money::Currency,
    /// Tax by destination country (`tax.rates`).
    pub tax: crate::domain::tax::TaxTable,
    /// True when the shop is served over HTTPS: cookies get `Secure` and the `__Host-` prefix.
    pub https: bool,
    /// The address shoppers use, for links in mail (no trailing slash).
    pub public_url: String,
    /// True when mail stays in the shop's own mailbox instead of leaving through SMTP
    /// (development only); admins can then read it at /admin/mail.
    pub local_mailbox: bool,
    /// The payment processor (`payment.gateway`).
    pub gateway: crate::backend::payments::Gateway,
    /// The Stripe account (`payment.stripe_*`): set exactly when `gateway` is Stripe.
    pub stripe: Option<StripeSettings>,
    /// Days delivered mail is kept (`mail.retention_days`) and raw analytics records
    /// (`shop.analytics_retention_days`): shoppers are told on `/account/data`.
    pub mail_retention_days: u32,
    pub analytics_retention_days: u32,
    /// Requested mails one client address can cause per hour (`limits.mails_per_client_per_hour`).
    pub mails_per_client_per_hour: i64,
    /// Contact messages one client address can send per hour
    /// (`limits.messages_per_client_per_hour`).
    pub messages_per_client_per_hour: i64,
    /// Failed payments in a day beyond which an order is held for staff review
    /// (`limits.failed_payments_per_card`, `…_per_account`, `…_per_client`).
    pub hold_after: crate::domain::fraud::HoldAfter,
    /// Whether a new or edited review shows at once or waits for staff
    /// (`reviews.moderation`).
    pub review_moderation: crate::domain::review::Moderation,
}

/// The shop's Stripe account: where its API answers, the secret key the shop calls it with
/// and the secret its webhook events are signed with. Neither secret is ever printed.
#[derive(Clone)]
pub struct StripeSettings {
    /// `https://api.stripe.com` (another address only for a Stripe-shaped test server).
    pub api_base: String,
    pub secret_key: String,
    pub webhook_secret: String,
    pub http: reqwest::Client,
}

impl std::fmt::Debug for StripeSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeSettings")
            .field("api_base", &self.api_base)
            .field("secret_key", &"***")
            .field("webhook_secret", &"***")
            .finish()
    }
}
