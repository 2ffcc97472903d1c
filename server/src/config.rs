//! The server's runtime configuration: `Leptos.toml` (or the file named by `SHOP_CONFIG`),
//! layered under environment variables by the `config` crate. cargo-leptos exports the
//! `LEPTOS_*` variables when it starts the server; a deployed binary reads the same file and
//! variables without it.
//!
//! Each setting is declared once: a field of the structs below, with its default beside it.
//! [`ENV`] names the environment variable that overrides it, and `Leptos.toml` documents it;
//! tests fail when either misses a field. Secrets live in [`Secret`], which never prints.
//! Every problem is reported as one line naming the setting and its variable.

use app::{
    backend::{payments::Gateway, security::keys::MIN_KEY_LEN},
    domain::{fraud::HoldAfter, money::Currency, review::Moderation, tax::TaxTable},
};
use serde::Deserialize;
use std::{
    collections::HashMap,
    fmt,
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
};

/// Each setting's key and the environment variable that overrides it.
pub const ENV: &[(&str, &str)] = &[
    ("site.addr", "LEPTOS_SITE_ADDR"),
    ("site.root", "LEPTOS_SITE_ROOT"),
    ("site.pkg_dir", "LEPTOS_SITE_PKG_DIR"),
    ("site.output_name", "LEPTOS_OUTPUT_NAME"),
    ("site.hash_files", "LEPTOS_HASH_FILES"),
    ("site.public_url", "SHOP_PUBLIC_URL"),
    ("site.environment", "SHOP_ENV"),
    ("site.trusted_proxies", "SHOP_TRUSTED_PROXIES"),
    ("site.drain_seconds", "SHOP_DRAIN_SECONDS"),
    ("site.metrics_token", "SHOP_METRICS_TOKEN"),
    ("site.metrics_token_file", "SHOP_METRICS_TOKEN_FILE"),
    ("database.url", "DATABASE_URL"),
    ("database.max_connections", "SHOP_DATABASE_MAX_CONNECTIONS"),
    ("session.secret", "SHOP_SESSION_SECRET"),
    ("session.secret_file", "SHOP_SESSION_SECRET_FILE"),
    ("shop.seed_catalog", "SHOP_SEED_CATALOG"),
    ("shop.page_cache_seconds", "SHOP_PAGE_CACHE_SECONDS"),
    (
        "shop.analytics_retention_days",
        "SHOP_ANALYTICS_RETENTION_DAYS",
    ),
    ("shop.name", "SHOP_NAME"),
    ("shop.contact_email", "SHOP_CONTACT_EMAIL"),
    ("shop.currency", "SHOP_CURRENCY"),
    ("shop.legal_name", "SHOP_LEGAL_NAME"),
    ("shop.address", "SHOP_ADDRESS"),
    ("shop.tax_number", "SHOP_TAX_NUMBER"),
    ("tax.rates", "SHOP_TAX_RATES"),
    ("limits.request_body_bytes", "SHOP_REQUEST_BODY_BYTES"),
    ("limits.request_timeout_secs", "SHOP_REQUEST_TIMEOUT_SECS"),
    (
        "limits.mails_per_client_per_hour",
        "SHOP_MAILS_PER_CLIENT_PER_HOUR",
    ),
    (
        "limits.messages_per_client_per_hour",
        "SHOP_MESSAGES_PER_CLIENT_PER_HOUR",
    ),
    (
        "limits.failed_payments_per_card",
        "SHOP_FAILED_PAYMENTS_PER_CARD",
    ),
    (
        "limits.failed_payments_per_account",
        "SHOP_FAILED_PAYMENTS_PER_ACCOUNT",
    ),
    (
        "limits.failed_payments_per_client",
        "SHOP_FAILED_PAYMENTS_PER_CLIENT",
    ),
    ("mail.smtp_url", "SHOP_SMTP_URL"),
    ("mail.from", "SHOP_MAIL_FROM"),
    ("mail.retention_days", "SHOP_MAIL_RETENTION_DAYS"),
    ("payment.gateway", "SHOP_PAYMENT_GATEWAY"),
    (
        "payment.sandbox_in_production",
        "SHOP_PAYMENT_SANDBOX_IN_PRODUCTION",
    ),
    ("payment.stripe_secret_key", "SHOP_STRIPE_SECRET_KEY"),
    (
        "payment.stripe_secret_key_file",
        "SHOP_STRIPE_SECRET_KEY_FILE",
    ),
    (
        "payment.stripe_webhook_secret",
        "SHOP_STRIPE_WEBHOOK_SECRET",
    ),
    (
        "payment.stripe_webhook_secret_file",
        "SHOP_STRIPE_WEBHOOK_SECRET_FILE",
    ),
    ("payment.stripe_api_base", "SHOP_STRIPE_API_BASE"),
    ("reviews.moderation", "SHOP_REVIEWS_MODERATION"),
];

fn var_of(setting: &str) -> Option<&'static str> {
    ENV.iter()
        .find(|(key, _)| *key == setting)
        .map(|(_, var)| *var)
}

/// A value that never prints: its `Debug` is `***`.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Environment {
    #[default]
    #[serde(alias = "development", alias = "dev", alias = "Development")]
    Development,
    #[serde(alias = "production", alias = "prod", alias = "Production")]
    Production,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
    #[serde(default)]
    pub database: DatabaseConfig,
    #[serde(default)]
    session: SessionConfig,
    /// The session key, from `session.secret` or `session.secret_file`.
    #[serde(skip)]
    pub session_key: Secret<Vec<u8>>,
    #[serde(default)]
    pub shop: ShopConfig,
    #[serde(default)]
    pub tax: TaxConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub mail: MailConfig,
    #[serde(default)]
    pub payment: PaymentConfig,
    /// The Stripe account's secrets, read from the settings or their files when the
    /// processor is Stripe.
    #[serde(skip)]
    pub stripe: Option<StripeKeys>,
    /// The token that reads `/metrics` (`site.metrics_token` or its file), read once.
    #[serde(skip)]
    pub metrics_token: Option<Secret<String>>,
    #[serde(default)]
    pub reviews: ReviewsConfig,
}

/// Stripe's secret API key and webhook signing secret, and where its API answers.
#[derive(Clone, Debug)]
pub struct StripeKeys {
    pub api_base: String,
    pub secret_key: Secret<String>,
    pub webhook_secret: Secret<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Folder of the built site (bundle, styles, images).
    pub root: PathBuf,
    /// Sub-folder of `root` holding the wasm/js/css bundle.
    pub pkg_dir: String,
    /// Base name of the bundle files.
    pub output_name: String,
    /// Bundle file names carry a content hash (must match the build).
    pub hash_files: bool,
    /// The address shoppers use (links in mail, Secure cookies over https://); defaults to
    /// http:// and `addr`.
    pub public_url: String,
    pub environment: Environment,
    /// Addresses of the reverse proxies (load balancers) in front of the shop: only from
    /// these is `X-Forwarded-For` believed. Comma-separated; empty: none.
    #[serde(deserialize_with = "ip_list")]
    pub trusted_proxies: Vec<IpAddr>,
    /// Seconds between SIGTERM and closing the listener, answering `/readyz` with 503 so
    /// that a load balancer stops sending traffic first (0: close at once).
    pub drain_seconds: u64,
    /// The bearer token that reads `/metrics`, or a file holding it; unset: no `/metrics`.
    metrics_token: Option<Secret<String>>,
    metrics_token_file: Option<String>,
}

/// The shortest token `/metrics` accepts.
const MIN_METRICS_TOKEN: usize = 16;

impl SiteConfig {
    /// The token that reads `/metrics`, when it is on.
    fn metrics_token(&self) -> Result<Option<String>, ConfigError> {
        let token = secret_of(
            &self.metrics_token,
            &self.metrics_token_file,
            "site.metrics_token",
        )?;
        match token {
            Some(t) if t.len() < MIN_METRICS_TOKEN || t.contains(char::is_whitespace) => {
                Err(ConfigError::new(
                    "site.metrics_token",
                    format!("expected at least {MIN_METRICS_TOKEN} characters without spaces"),
                ))
            }
            token => Ok(token),
        }
    }
}

fn ip_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<IpAddr>, D::Error> {
    String::deserialize(d)?
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpAddr>()
                .map_err(|_| serde::de::Error::custom(format!("{s:?} is not an IP address")))
        })
        .collect()
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            root: PathBuf::from("target/site"),
            pkg_dir: "pkg".into(),
            output_name: "shop".into(),
            hash_files: true,
            public_url: String::new(),
            environment: Environment::Development,
            trusted_proxies: Vec::new(),
            drain_seconds: 0,
            metrics_token: None,
            metrics_token_file: None,
        }
    }
}

impl SiteConfig {
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://path` (created on first start) or `postgres://user:password@host/db`.
    pub url: Secret<String>,
    /// Connections in the pool.
    pub max_connections: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: Secret("sqlite://data/shop.db".into()),
            max_connections: 16,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct SessionConfig {
    /// At least 32 random bytes as hex.
    secret: Option<Secret<String>>,
    /// A file holding the key (created in development when missing).
    secret_file: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShopConfig {
    /// Load the demo catalog when the catalog is empty (default: in development only).
    pub seed_catalog: Option<bool>,
    /// How long an anonymous catalog page may be served from memory (0: never).
    pub page_cache_seconds: u64,
    /// The shop's name in mail and data exports.
    pub name: String,
    /// Where shoppers write to.
    pub contact_email: String,
    /// The currency of every price (an ISO code: USD, EUR, GBP, CNY or HKD).
    #[serde(deserialize_with = "currency_code")]
    pub currency: Currency,
    /// The seller on invoices: the legal name (default: `name`), the postal address on one
    /// line, and the VAT or tax number. Production needs the address and the number.
    pub legal_name: String,
    pub address: String,
    pub tax_number: String,
    /// Days raw analytics records (page views, clicks) are kept; then only daily totals.
    pub analytics_retention_days: u32,
}

fn currency_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
    let code = String::deserialize(d)?;
    Currency::from_code(&code).ok_or_else(|| {
        let known: Vec<&str> = Currency::ALL.iter().map(|c| c.code()).collect();
        serde::de::Error::custom(format!(
            "unsupported currency {code:?} (supported: {})",
            known.join(", ")
        ))
    })
}

impl Default for ShopConfig {
    fn default() -> Self {
        ShopConfig {
            seed_catalog: None,
            page_cache_seconds: 60,
            name: "Lumenwall".into(),
            contact_email: "service@lumenwall.example".into(),
            currency: Currency::Usd,
            legal_name: String::new(),
            address: String::new(),
            tax_number: String::new(),
            analytics_retention_days: 90,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TaxConfig {
    /// Tax by destination country: `"DE=19, GB=20, *=0"` (percent; `*` for the rest).
    #[serde(deserialize_with = "tax_table")]
    pub rates: TaxTable,
}

fn tax_table<'de, D: serde::Deserializer<'de>>(d: D) -> Result<TaxTable, D::Error> {
    TaxTable::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Largest request body accepted, in bytes (413 beyond).
    pub request_body_bytes: usize,
    /// A request taking longer is answered 408.
    pub request_timeout_secs: u64,
    /// Requested mails (verification and reset links) one client address can cause per
    /// hour; raise it when many shoppers share one address (a proxy that does not forward
    /// theirs, a test suite).
    pub mails_per_client_per_hour: i64,
    /// Messages through the contact form one client address can send per hour.
    pub messages_per_client_per_hour: i64,
    /// Failed payments in a day with one card, one account or from one client address
    /// beyond which the next order is held for staff review instead of charged.
    pub failed_payments_per_card: i64,
    pub failed_payments_per_account: i64,
    pub failed_payments_per_client: i64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            request_body_bytes: 2 * 1024 * 1024,
            request_timeout_secs: 30,
            mails_per_client_per_hour: app::backend::security::throttle::MAILS_PER_CLIENT_PER_HOUR,
            messages_per_client_per_hour:
                app::backend::security::throttle::MESSAGES_PER_CLIENT_PER_HOUR,
            failed_payments_per_card: HoldAfter::DEFAULT.card,
            failed_payments_per_account: HoldAfter::DEFAULT.account,
            failed_payments_per_client: HoldAfter::DEFAULT.client,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// `smtp://` or `smtps://` URL with credentials; required in production; unset in
    /// development keeps mail in the local mailbox.
    pub smtp_url: Option<Secret<String>>,
    /// Sender of all mail; defaults to the shop's name and contact address.
    pub from: String,
    /// Days a delivery record is kept in the outbox.
    pub retention_days: u32,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            smtp_url: None,
            from: String::new(),
            retention_days: 30,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PaymentConfig {
    /// The card processor: `sandbox` (built in, takes no real money) or `stripe`.
    gateway: String,
    /// Lets a production shop run on the sandbox (a demonstration that takes no money).
    pub sandbox_in_production: bool,
    /// Stripe's secret key (`sk_…` or a restricted `rk_…`), or a file holding it.
    stripe_secret_key: Option<Secret<String>>,
    stripe_secret_key_file: Option<String>,
    /// The signing secret of the shop's webhook endpoint (`whsec_…`), or a file holding it.
    stripe_webhook_secret: Option<Secret<String>>,
    stripe_webhook_secret_file: Option<String>,
    /// Where Stripe's API answers: changed only to test against a Stripe-shaped server.
    stripe_api_base: String,
}

impl Default for PaymentConfig {
    fn default() -> Self {
        PaymentConfig {
            gateway: Gateway::default().setting().to_string(),
            sandbox_in_production: false,
            stripe_secret_key: None,
            stripe_secret_key_file: None,
            stripe_webhook_secret: None,
            stripe_webhook_secret_file: None,
            stripe_api_base: "https://api.stripe.com".to_string(),
        }
    }
}

/// A secret given in the settings or in a file (the file wins when both are set, so a
/// mounted secret overrides a default).
fn secret_of(
    value: &Option<Secret<String>>,
    file: &Option<String>,
    setting: &str,
) -> Result<Option<String>, ConfigError> {
    if let Some(path) = file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                &format!("{setting}_file"),
                format!("cannot read {path}: {e}"),
            )
        })?;
        return Ok(Some(text.trim().to_string()));
    }
    Ok(value
        .as_ref()
        .map(|v| v.expose().trim().to_string())
        .filter(|v| !v.is_empty()))
}

impl PaymentConfig {
    /// The processor chosen (checked when the configuration is loaded).
    pub fn gateway(&self) -> Gateway {
        Gateway::from_setting(self.gateway.trim()).unwrap_or_default()
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewsConfig {
    /// `publish` (shown at once, moderated afterwards) or `hold` (each new or edited review
    /// waits for staff approval).
    moderation: String,
}

impl Default for ReviewsConfig {
    fn default() -> Self {
        ReviewsConfig {
            moderation: Moderation::default().code().to_string(),
        }
    }
}

impl ReviewsConfig {
    /// The moderation chosen (checked when the configuration is loaded).
    pub fn moderation(&self) -> Moderation {
        Moderation::parse(self.moderation.trim()).unwrap_or_default()
    }
}

impl Config {
    /// Whether to load the demo catalog into an empty catalog.
    pub fn seed_catalog(&self) -> bool {
        self.shop
            .seed_catalog
            .unwrap_or(self.site.environment == Environment::Development)
    }
}

/// A configuration problem: which setting, which variable, what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {setting}{}: {message}", var.map(|v| format!(" ({v})")).unwrap_or_default())]
pub struct ConfigError {
    pub setting: String,
    pub var: Option<&'static str>,
    pub message: String,
}

impl ConfigError {
    fn new(setting: &str, message: impl Into<String>) -> Self {
        ConfigError {
            setting: setting.to_string(),
            var: var_of(setting),
            message: message.into(),
        }
    }

    /// Turns the `config` crate's error into one line naming the setting.
    fn from_loader(error: config::ConfigError, file: &Path) -> Self {
        use config::ConfigError as E;
        let one_line = |text: String| text.replace('\n', " ").trim().to_string();
        match error {
            E::FileParse { cause, .. } => ConfigError {
                setting: file.display().to_string(),
                var: None,
                message: one_line(cause.to_string()),
            },
            E::Type {
                key: Some(key),
                unexpected,
                expected,
                ..
            } => ConfigError::new(&key, format!("expected {expected}, got {unexpected}")),
            E::At {
                error,
                key: Some(key),
                ..
            } => ConfigError::new(&key, one_line(error.to_string())),
            other => ConfigError {
                setting: file.display().to_string(),
                var: None,
                message: one_line(other.to_string()),
            },
        }
    }
}

impl Config {
    /// Reads the configuration from the file named by `SHOP_CONFIG` (default `Leptos.toml` in
    /// the working directory) and the process environment.
    pub fn load() -> Result<Config, ConfigError> {
        let env = |name: &str| std::env::var(name).ok();
        let (path, explicit) = match env("SHOP_CONFIG") {
            Some(p) if !p.is_empty() => (PathBuf::from(p), true),
            _ => (PathBuf::from("Leptos.toml"), false),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => None,
            Err(e) => {
                return Err(ConfigError {
                    setting: path.display().to_string(),
                    var: Some("SHOP_CONFIG"),
                    message: format!("cannot read the configuration file: {e}"),
                });
            }
        };
        Config::from_parts(text.as_deref(), &path, &env)
    }

    /// Builds the configuration from a file's text (if any) and an environment lookup.
    pub fn from_parts(
        text: Option<&str>,
        path: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let mut builder = config::Config::builder();
        if let Some(text) = text {
            builder = builder.add_source(config::File::from_str(text, config::FileFormat::Toml));
        }
        for (key, var) in ENV {
            if let Some(value) = env(var).filter(|v| !v.trim().is_empty()) {
                builder = builder
                    .set_override(*key, value.trim().to_string())
                    .map_err(|e| ConfigError::from_loader(e, path))?;
            }
        }
        let mut config: Config = builder
            .build()
            .and_then(|c| c.try_deserialize())
            .map_err(|e| ConfigError::from_loader(e, path))?;
        config.check()?;
        config.session_key = Secret(session_key(&config.session, config.site.environment)?);
        config.check_seller()?;
        config.check_payment()?;
        config.stripe = config.stripe_keys()?;
        config.metrics_token = config.site.metrics_token()?.map(Secret);
        Ok(config)
    }

    /// A known processor; in production, not the sandbox unless the owner says so.
    fn check_payment(&self) -> Result<(), ConfigError> {
        let Some(gateway) = Gateway::from_setting(self.payment.gateway.trim()) else {
            let known: Vec<&str> = Gateway::ALL.iter().map(|g| g.setting()).collect();
            return Err(ConfigError::new(
                "payment.gateway",
                format!(
                    "unknown processor {:?}; the shop knows {}",
                    self.payment.gateway,
                    known.join(", ")
                ),
            ));
        };
        if Moderation::parse(self.reviews.moderation.trim()).is_none() {
            return Err(ConfigError::new(
                "reviews.moderation",
                format!(
                    "expected \"publish\" or \"hold\", got {:?}",
                    self.reviews.moderation
                ),
            ));
        }
        if gateway.is_sandbox()
            && self.site.environment == Environment::Production
            && !self.payment.sandbox_in_production
        {
            return Err(ConfigError::new(
                "payment.gateway",
                "production would take no real payments with the sandbox processor: choose a \
                 real one, or set payment.sandbox_in_production \
                 (SHOP_PAYMENT_SANDBOX_IN_PRODUCTION=true) for a demonstration shop",
            ));
        }
        Ok(())
    }

    /// Stripe's keys when the processor is Stripe: both required, each of its kind, and the
    /// API over HTTPS in production.
    fn stripe_keys(&self) -> Result<Option<StripeKeys>, ConfigError> {
        if self.payment.gateway() != Gateway::Stripe {
            return Ok(None);
        }
        let p = &self.payment;
        let secret_key = secret_of(
            &p.stripe_secret_key,
            &p.stripe_secret_key_file,
            "payment.stripe_secret_key",
        )?
        .filter(|k| k.starts_with("sk_") || k.starts_with("rk_"))
        .ok_or_else(|| {
            ConfigError::new(
                "payment.stripe_secret_key",
                "Stripe needs the account's secret key (sk_… or rk_…): set \
                     SHOP_STRIPE_SECRET_KEY or SHOP_STRIPE_SECRET_KEY_FILE",
            )
        })?;
        let webhook_secret = secret_of(
            &p.stripe_webhook_secret,
            &p.stripe_webhook_secret_file,
            "payment.stripe_webhook_secret",
        )?
        .filter(|k| k.starts_with("whsec_"))
        .ok_or_else(|| {
            ConfigError::new(
                "payment.stripe_webhook_secret",
                "Stripe needs the webhook endpoint's signing secret (whsec_…): set \
                 SHOP_STRIPE_WEBHOOK_SECRET or SHOP_STRIPE_WEBHOOK_SECRET_FILE",
            )
        })?;
        let api_base = p.stripe_api_base.trim().trim_end_matches('/').to_string();
        let https = api_base.starts_with("https://");
        if !(https
            || (api_base.starts_with("http://")
                && self.site.environment == Environment::Development))
        {
            return Err(ConfigError::new(
                "payment.stripe_api_base",
                format!("expected an https:// address, got {api_base:?}"),
            ));
        }
        Ok(Some(StripeKeys {
            api_base,
            secret_key: Secret(secret_key),
            webhook_secret: Secret(webhook_secret),
        }))
    }

    /// Production prints tax invoices: the seller's address and VAT or tax number are
    /// required there.
    fn check_seller(&self) -> Result<(), ConfigError> {
        if self.site.environment != Environment::Production {
            return Ok(());
        }
        for (key, value) in [
            ("shop.address", &self.shop.address),
            ("shop.tax_number", &self.shop.tax_number),
        ] {
            if value.trim().is_empty() {
                return Err(ConfigError::new(
                    key,
                    "production needs the seller's address and VAT or tax number: every \
                     invoice must carry them",
                ));
            }
        }
        Ok(())
    }

    /// Checks what types alone cannot, and fills in the defaults that depend on others.
    fn check(&mut self) -> Result<(), ConfigError> {
        let site = &mut self.site;
        if site.public_url.is_empty() {
            site.public_url = format!("http://{}", site.addr);
        }
        site.public_url = site.public_url.trim_end_matches('/').to_string();
        if !(site.public_url.starts_with("http://") || site.public_url.starts_with("https://")) {
            return Err(ConfigError::new(
                "site.public_url",
                format!(
                    "expected an http:// or https:// address, got {:?}",
                    site.public_url
                ),
            ));
        }
        let url = self.database.url.expose();
        if app::backend::start::Backend::of_url(url).is_none() {
            return Err(ConfigError::new(
                "database.url",
                format!(
                    "expected a sqlite:// or postgres:// URL, got {:?}",
                    redact_url(url)
                ),
            ));
        }
        for (setting, value) in [
            (
                "limits.failed_payments_per_card",
                self.limits.failed_payments_per_card,
            ),
            (
                "limits.failed_payments_per_account",
                self.limits.failed_payments_per_account,
            ),
            (
                "limits.failed_payments_per_client",
                self.limits.failed_payments_per_client,
            ),
        ] {
            if value < 1 {
                return Err(ConfigError::new(setting, "must be at least 1"));
            }
        }
        if self.database.max_connections == 0 {
            return Err(ConfigError::new(
                "database.max_connections",
                "must be at least 1",
            ));
        }
        let shop = &self.shop;
        // The name goes into mail subjects and headers: one plain line.
        if shop.name.trim().is_empty()
            || shop.name.chars().count() > 100
            || shop.name.chars().any(char::is_control)
        {
            return Err(ConfigError::new(
                "shop.name",
                "expected one line of at most 100 characters",
            ));
        }
        // The seller's details are printed on invoices: plain lines of text.
        for (key, value, max) in [
            ("shop.legal_name", &shop.legal_name, 200),
            ("shop.address", &shop.address, 300),
            ("shop.tax_number", &shop.tax_number, 40),
        ] {
            if value.chars().count() > max || value.chars().any(char::is_control) {
                return Err(ConfigError::new(
                    key,
                    format!("expected one line of at most {max} characters"),
                ));
            }
        }
        if !shop.contact_email.contains('@') {
            return Err(ConfigError::new(
                "shop.contact_email",
                format!("expected an email address, got {:?}", shop.contact_email),
            ));
        }
        if let Some(url) = &self.mail.smtp_url {
            let url = url.expose();
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                return Err(ConfigError::new(
                    "mail.smtp_url",
                    format!(
                        "expected an smtp:// or smtps:// URL, got {:?}",
                        redact_url(url)
                    ),
                ));
            }
        } else if self.site.environment == Environment::Production {
            return Err(ConfigError::new(
                "mail.smtp_url",
                "production needs an SMTP server: shoppers must receive their verification and \
                 reset links, and the mailbox that keeps mail inside the shop is for development \
                 only",
            ));
        }
        if self.mail.from.is_empty() {
            self.mail.from = format!("{} <{}>", shop.name, shop.contact_email);
        }
        Ok(())
    }
}

/// The session key: `session.secret` (hex), else the file named by `session.secret_file`.
/// In development a missing file is created with a random key, so sessions survive
/// restarts; production requires a key.
fn session_key(session: &SessionConfig, environment: Environment) -> Result<Vec<u8>, ConfigError> {
    if let Some(secret) = &session.secret {
        return decode_key(secret.expose().trim())
            .ok_or_else(|| ConfigError::new("session.secret", key_rule()));
    }
    let file = |message: String| ConfigError::new("session.secret_file", message);
    match (&session.secret_file, environment) {
        (Some(path), _) => match std::fs::read_to_string(path) {
            Ok(text) => {
                decode_key(text.trim()).ok_or_else(|| file(format!("{path}: {}", key_rule())))
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && environment == Environment::Development =>
            {
                create_dev_key(Path::new(path))
            }
            Err(e) => Err(file(format!("cannot read {path}: {e}"))),
        },
        (None, Environment::Development) => create_dev_key(Path::new("data/session.key")),
        (None, Environment::Production) => Err(ConfigError::new(
            "session.secret",
            "a session key is required in production: set SHOP_SESSION_SECRET or \
             SHOP_SESSION_SECRET_FILE (at least 32 random bytes, hex-encoded)",
        )),
    }
}

fn key_rule() -> String {
    format!(
        "expected at least {MIN_KEY_LEN} bytes written as hex ({} characters)",
        MIN_KEY_LEN * 2
    )
}

fn decode_key(text: &str) -> Option<Vec<u8>> {
    hex::decode(text).ok().filter(|k| k.len() >= MIN_KEY_LEN)
}

fn create_dev_key(path: &Path) -> Result<Vec<u8>, ConfigError> {
    use rand::RngCore;
    let fail = |e: std::io::Error| {
        ConfigError::new(
            "session.secret_file",
            format!("cannot create a development key at {}: {e}", path.display()),
        )
    };
    if let Ok(text) = std::fs::read_to_string(path) {
        return decode_key(text.trim()).ok_or_else(|| {
            ConfigError::new(
                "session.secret_file",
                format!("{}: {}", path.display(), key_rule()),
            )
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut key = vec![0u8; MIN_KEY_LEN];
    rand::rngs::OsRng.fill_bytes(&mut key);
    write_private(path, &hex::encode(&key)).map_err(fail)?;
    Ok(key)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// A database URL with any password replaced, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// An environment made of fixed pairs (for tests and tools).
pub fn env_from(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| map.get(name).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    fn load(text: Option<&str>, env: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut pairs = vec![("SHOP_SESSION_SECRET", KEY)];
        pairs.extend_from_slice(env);
        Config::from_parts(text, Path::new("Leptos.toml"), &env_from(&pairs))
    }

    /// Every setting's key, from the structs themselves (a file setting each one parses).
    fn declared_keys() -> Vec<String> {
        let doc: toml::Table = toml::from_str(include_str!("../../Leptos.toml")).unwrap();
        let mut keys = Vec::new();
        for (section, table) in doc {
            for (key, _) in table.as_table().unwrap() {
                keys.push(format!("{section}.{key}"));
            }
        }
        keys
    }

    #[test]
    fn defaults_serve_sqlite_on_port_3000() {
        let c = load(None, &[]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database.url.expose(), "sqlite://data/shop.db");
        assert_eq!(c.site.environment, Environment::Development);
        assert_eq!(c.site.public_url, "http://127.0.0.1:3000");
        assert!(!c.site.https());
        assert!(c.seed_catalog(), "development shows the demo catalog");
        assert_eq!(c.limits.request_body_bytes, 2 * 1024 * 1024);
        assert_eq!(c.mail.from, "Lumenwall <service@lumenwall.example>");
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = "[site]\naddr = \"0.0.0.0:8080\"\n[database]\nurl = \"sqlite://a.db\"\n";
        let c = load(Some(file), &[("DATABASE_URL", "postgres://u:pw@db/shop")]).unwrap();
        assert_eq!(c.site.addr.to_string(), "0.0.0.0:8080");
        assert_eq!(c.database.url.expose(), "postgres://u:pw@db/shop");
        let c = load(Some(file), &[("LEPTOS_SITE_ADDR", "127.0.0.1:9")]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:9");
        let c = load(
            None,
            &[
                ("SHOP_PAGE_CACHE_SECONDS", "0"),
                ("LEPTOS_HASH_FILES", "false"),
            ],
        )
        .unwrap();
        assert_eq!(c.shop.page_cache_seconds, 0);
        assert!(!c.site.hash_files);
    }

    #[test]
    fn every_setting_has_a_variable_and_a_line_in_leptos_toml() {
        let shipped = include_str!("../../Leptos.toml");
        for (key, var) in ENV {
            let (section, name) = key.split_once('.').unwrap();
            assert!(
                shipped.contains(&format!("[{section}]")),
                "no [{section}] in Leptos.toml"
            );
            assert!(
                shipped.contains(&format!("{name} =")),
                "{key} is not in Leptos.toml"
            );
            assert!(shipped.contains(var), "{var} is not in Leptos.toml");
            // The variable really sets the setting: a bad value for it is refused by name.
            let err = load(None, &[(var, "\u{1}not a value")]);
            if let Err(err) = err {
                assert_eq!(err.setting, *key, "{var}");
            }
        }
        for key in declared_keys() {
            assert!(
                var_of(&key).is_some(),
                "{key} in Leptos.toml has no variable in ENV"
            );
        }
    }

    #[test]
    fn trusted_proxies_are_a_list_of_addresses() {
        let c = load(None, &[("SHOP_TRUSTED_PROXIES", "10.0.0.7, ::1")]).unwrap();
        assert_eq!(
            c.site.trusted_proxies,
            [
                "10.0.0.7".parse::<IpAddr>().unwrap(),
                "::1".parse().unwrap()
            ]
        );
        assert!(load(None, &[]).unwrap().site.trusted_proxies.is_empty());
        // A name or a network is refused at start-up, naming the setting and the value.
        for bad in ["proxy.internal", "10.0.0.0/8", "10.0.0.7;10.0.0.8"] {
            let err = load(None, &[("SHOP_TRUSTED_PROXIES", bad)]).unwrap_err();
            let line = err.to_string();
            assert!(
                line.contains("site.trusted_proxies (SHOP_TRUSTED_PROXIES)"),
                "{line}"
            );
            assert!(
                line.contains(bad.split([';', '/']).next().unwrap()),
                "{line}"
            );
        }
    }

    #[test]
    fn the_shipped_file_is_valid() {
        let c = load(Some(include_str!("../../Leptos.toml")), &[]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn errors_name_the_setting_and_variable() {
        let err = load(None, &[("DATABASE_URL", "mysql://u:secret@h/db")]).unwrap_err();
        let line = err.to_string();
        assert!(
            line.starts_with("configuration error: database.url (DATABASE_URL):"),
            "{line}"
        );
        assert!(!line.contains("secret"), "password leaked: {line}");

        let err = load(None, &[("LEPTOS_SITE_ADDR", "localhost")]).unwrap_err();
        assert!(
            err.to_string().contains("site.addr (LEPTOS_SITE_ADDR)"),
            "{err}"
        );

        let err = load(None, &[("SHOP_DATABASE_MAX_CONNECTIONS", "many")]).unwrap_err();
        let line = err.to_string();
        assert!(
            line.contains("database.max_connections (SHOP_DATABASE_MAX_CONNECTIONS)")
                && line.contains("many"),
            "{line}"
        );

        let err = load(None, &[("SHOP_CURRENCY", "DOGE")]).unwrap_err();
        let line = err.to_string();
        assert!(
            line.contains("shop.currency (SHOP_CURRENCY)") && line.contains("USD, EUR"),
            "{line}"
        );
        let eur = load(None, &[("SHOP_CURRENCY", "eur")]).unwrap();
        assert_eq!(eur.shop.currency, Currency::Eur);

        let err = load(None, &[("SHOP_NAME", "Shop\r\nBcc: all@example.com")]).unwrap_err();
        assert!(err.to_string().contains("shop.name (SHOP_NAME)"), "{err}");

        let err = load(Some("[site]\nadr = \"x\"\n"), &[]).unwrap_err();
        assert!(err.to_string().contains("unknown field `adr`"), "{err}");

        let err = load(Some("[site\n"), &[]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("configuration error: Leptos.toml:"),
            "{err}"
        );
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn production_needs_smtp_and_starts_without_the_demo_catalog() {
        let prod = [("SHOP_ENV", "production")];
        let err = load(None, &prod).unwrap_err();
        assert_eq!(err.setting, "mail.smtp_url");
        assert!(err.to_string().contains("SHOP_SMTP_URL"), "{err}");

        let with_smtp = [
            ("SHOP_ENV", "production"),
            ("SHOP_SMTP_URL", "smtps://shop:pw@mail.example:465"),
            SELLER_ADDRESS,
            SELLER_TAX_NUMBER,
            SANDBOX_IN_PRODUCTION,
        ];
        let c = load(None, &with_smtp).unwrap();
        assert!(!c.seed_catalog());
        let seeded = [
            ("SHOP_ENV", "production"),
            ("SHOP_SMTP_URL", "smtps://shop:pw@mail.example:465"),
            ("SHOP_SEED_CATALOG", "true"),
            SELLER_ADDRESS,
            SELLER_TAX_NUMBER,
            SANDBOX_IN_PRODUCTION,
        ];
        assert!(load(None, &seeded).unwrap().seed_catalog());
    }

    #[test]
    fn production_requires_a_session_key() {
        let smtp = ("SHOP_SMTP_URL", "smtp://mail.example");
        let env = env_from(&[("SHOP_ENV", "production"), smtp]);
        let err = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap_err();
        assert_eq!(err.setting, "session.secret");
        assert!(err.to_string().contains("SHOP_SESSION_SECRET"));

        let env = env_from(&[
            ("SHOP_ENV", "production"),
            ("SHOP_SESSION_SECRET", "abcd"),
            smtp,
        ]);
        let err = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap_err();
        assert!(err.to_string().contains("at least 32 bytes"));

        let env = env_from(&[
            ("SHOP_ENV", "production"),
            ("SHOP_SESSION_SECRET", KEY),
            smtp,
            SELLER_ADDRESS,
            SELLER_TAX_NUMBER,
            SANDBOX_IN_PRODUCTION,
        ]);
        let c = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap();
        assert_eq!(c.session_key.expose().len(), 32);
    }

    #[test]
    fn the_metrics_token_is_long_enough_or_unset() {
        assert!(load(None, &[]).unwrap().metrics_token.is_none());
        let err = load(None, &[("SHOP_METRICS_TOKEN", "short")]).unwrap_err();
        assert_eq!(err.setting, "site.metrics_token");
        assert!(err.to_string().contains("SHOP_METRICS_TOKEN"), "{err}");
        let c = load(None, &[("SHOP_METRICS_TOKEN", "a-token-long-enough")]).unwrap();
        assert_eq!(
            c.metrics_token.as_ref().map(|t| t.expose().as_str()),
            Some("a-token-long-enough")
        );
        assert!(!format!("{c:?}").contains("a-token-long-enough"));
    }

    #[test]
    fn stripe_needs_both_secrets_of_their_kind_and_never_prints_them() {
        let stripe = ("SHOP_PAYMENT_GATEWAY", "stripe");
        let err = load(None, &[stripe]).unwrap_err();
        assert_eq!(err.setting, "payment.stripe_secret_key");
        assert!(err.to_string().contains("SHOP_STRIPE_SECRET_KEY"), "{err}");
        let key = ("SHOP_STRIPE_SECRET_KEY", "sk_test_abc");
        let err = load(None, &[stripe, key]).unwrap_err();
        assert_eq!(err.setting, "payment.stripe_webhook_secret");
        let err = load(None, &[stripe, ("SHOP_STRIPE_SECRET_KEY", "pk_test_abc")]).unwrap_err();
        assert_eq!(
            err.setting, "payment.stripe_secret_key",
            "a publishable key is refused"
        );

        // From a file (a mounted secret), which wins over the setting.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("whsec");
        std::fs::write(&file, "whsec_from_file\n").unwrap();
        let file = file.display().to_string();
        let c = load(
            None,
            &[
                stripe,
                key,
                ("SHOP_STRIPE_WEBHOOK_SECRET", "whsec_from_env"),
                ("SHOP_STRIPE_WEBHOOK_SECRET_FILE", &file),
            ],
        )
        .unwrap();
        let keys = c.stripe.as_ref().unwrap();
        assert_eq!(keys.webhook_secret.expose(), "whsec_from_file");
        assert_eq!(keys.secret_key.expose(), "sk_test_abc");
        assert_eq!(keys.api_base, "https://api.stripe.com");
        let printed = format!("{c:?}");
        assert!(
            !printed.contains("sk_test_abc") && !printed.contains("whsec_"),
            "{printed}"
        );

        // The sandbox needs none; production talks to Stripe over HTTPS only.
        assert!(load(None, &[key]).unwrap().stripe.is_none());
        let production = [
            stripe,
            key,
            ("SHOP_STRIPE_WEBHOOK_SECRET", "whsec_x"),
            ("SHOP_ENV", "production"),
            ("SHOP_SMTP_URL", "smtp://mail.example"),
            SELLER_ADDRESS,
            SELLER_TAX_NUMBER,
            ("SHOP_STRIPE_API_BASE", "http://127.0.0.1:9"),
        ];
        let err = load(None, &production).unwrap_err();
        assert_eq!(err.setting, "payment.stripe_api_base");
        assert!(load(None, &production[..7]).unwrap().stripe.is_some());
    }

    #[test]
    fn the_processor_is_a_setting_and_production_refuses_the_sandbox() {
        let c = load(None, &[]).unwrap();
        assert_eq!(
            c.payment.gateway(),
            Gateway::Sandbox,
            "the sandbox by default"
        );
        let err = load(None, &[("SHOP_PAYMENT_GATEWAY", "paypal")]).unwrap_err();
        assert_eq!(err.setting, "payment.gateway");
        assert!(err.to_string().contains("SHOP_PAYMENT_GATEWAY"), "{err}");
        assert!(
            err.to_string().contains("sandbox"),
            "names the known ones: {err}"
        );

        let production = [
            ("SHOP_ENV", "production"),
            ("SHOP_SMTP_URL", "smtp://mail.example"),
            SELLER_ADDRESS,
            SELLER_TAX_NUMBER,
        ];
        let err = load(None, &production).unwrap_err();
        assert_eq!(err.setting, "payment.gateway");
        assert!(err.to_string().contains("no real payments"), "{err}");
        let demo: Vec<(&str, &str)> = production
            .iter()
            .copied()
            .chain([SANDBOX_IN_PRODUCTION])
            .collect();
        assert_eq!(
            load(None, &demo).unwrap().payment.gateway(),
            Gateway::Sandbox
        );
    }

    #[test]
    fn review_moderation_is_publish_or_hold() {
        assert_eq!(
            load(None, &[]).unwrap().reviews.moderation(),
            Moderation::Publish
        );
        let c = load(None, &[("SHOP_REVIEWS_MODERATION", "hold")]).unwrap();
        assert_eq!(c.reviews.moderation(), Moderation::Hold);
        let err = load(None, &[("SHOP_REVIEWS_MODERATION", "never")]).unwrap_err();
        assert_eq!(err.setting, "reviews.moderation");
    }

    #[test]
    fn failed_payment_limits_are_at_least_one() {
        let c = load(None, &[("SHOP_FAILED_PAYMENTS_PER_CLIENT", "50")]).unwrap();
        assert_eq!(c.limits.failed_payments_per_client, 50);
        assert_eq!(c.limits.failed_payments_per_card, 3);
        let err = load(None, &[("SHOP_FAILED_PAYMENTS_PER_CARD", "0")]).unwrap_err();
        assert_eq!(err.setting, "limits.failed_payments_per_card");
    }

    /// A demonstration shop in production: the sandbox allowed explicitly.
    const SANDBOX_IN_PRODUCTION: (&str, &str) = ("SHOP_PAYMENT_SANDBOX_IN_PRODUCTION", "true");
    const SELLER_ADDRESS: (&str, &str) = ("SHOP_ADDRESS", "1 Quay Street, Dublin, Ireland");
    const SELLER_TAX_NUMBER: (&str, &str) = ("SHOP_TAX_NUMBER", "IE1234567T");

    /// The probe's finding: invoices named the seller only as "Lumenwall" while charging
    /// 19–21 % tax. Production needs the seller's address and tax number.
    #[test]
    fn production_needs_the_sellers_address_and_tax_number() {
        let base = [
            ("SHOP_ENV", "production"),
            ("SHOP_SESSION_SECRET", KEY),
            ("SHOP_SMTP_URL", "smtp://mail.example"),
        ];
        let env = |extra: &[(&'static str, &'static str)]| {
            let all: Vec<(&str, &str)> = base.iter().chain(extra).copied().collect();
            Config::from_parts(None, Path::new("Leptos.toml"), &env_from(&all))
        };
        let err = env(&[SELLER_TAX_NUMBER]).unwrap_err();
        assert_eq!(err.setting, "shop.address");
        assert!(err.to_string().contains("SHOP_ADDRESS"), "{err}");
        let err = env(&[SELLER_ADDRESS]).unwrap_err();
        assert_eq!(err.setting, "shop.tax_number");
        let c = env(&[SELLER_ADDRESS, SELLER_TAX_NUMBER, SANDBOX_IN_PRODUCTION]).unwrap();
        assert_eq!(c.shop.tax_number, "IE1234567T");
        // Not even with the shipped file, which leaves them to the owner.
        let shipped: Vec<(&str, &str)> = base.to_vec();
        let err = Config::from_parts(
            Some(include_str!("../../Leptos.toml")),
            Path::new("Leptos.toml"),
            &env_from(&shipped),
        )
        .unwrap_err();
        assert_eq!(err.setting, "shop.address");
        // Development starts without them.
        assert!(load(None, &[]).is_ok());
    }

    #[test]
    fn development_creates_and_reuses_a_key_file() {
        let dir = std::env::temp_dir().join(format!("shop-config-test-{}", std::process::id()));
        let path = dir.join("session.key");
        let path_text = path.display().to_string();
        let env = env_from(&[("SHOP_SESSION_SECRET_FILE", &path_text)]);
        let first = Config::from_parts(None, Path::new("x"), &env)
            .unwrap()
            .session_key;
        let second = Config::from_parts(None, Path::new("x"), &env)
            .unwrap()
            .session_key;
        assert_eq!(first.expose(), second.expose());
        assert_eq!(first.expose().len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "key file readable by others");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn https_public_url_turns_on_secure_cookies() {
        let c = load(None, &[("SHOP_PUBLIC_URL", "https://shop.example/")]).unwrap();
        assert!(c.site.https());
        assert_eq!(c.site.public_url, "https://shop.example");
        assert!(load(None, &[("SHOP_PUBLIC_URL", "shop.example")]).is_err());
    }

    #[test]
    fn debug_output_hides_secrets() {
        let c = load(
            None,
            &[
                ("DATABASE_URL", "postgres://shop:hunter2@db/shop"),
                ("SHOP_SMTP_URL", "smtps://mail:swordfish@mail.example"),
            ],
        )
        .unwrap();
        let text = format!("{c:?}");
        for secret in ["hunter2", "swordfish", KEY] {
            assert!(!text.contains(secret), "{secret} printed: {text}");
        }
        assert_eq!(redact_url("postgres://u:p@h/d"), "postgres://u:***@h/d");
        assert_eq!(redact_url("sqlite://data/shop.db"), "sqlite://data/shop.db");
    }
}
