//! The server's runtime configuration: `Leptos.toml` (or the file named by `SHOP_CONFIG`),
//! layered under environment variables. cargo-leptos exports the `LEPTOS_*` variables when it
//! starts the server; a deployed binary reads the same file and variables without it.
//!
//! Every problem is reported as one line naming the setting and the variable that sets it.

use app::backend::keys::MIN_KEY_LEN;
use serde::Deserialize;
use std::{
    collections::HashMap,
    fmt,
    net::SocketAddr,
    path::{Path, PathBuf},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone)]
pub struct Config {
    pub site: SiteConfig,
    pub database: DatabaseConfig,
    pub session_key: Vec<u8>,
    pub shop: ShopConfig,
    pub limits: LimitsConfig,
    pub mail: MailConfig,
}

impl fmt::Debug for Config {
    // Never prints the session key or the database password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("site", &self.site)
            .field("database", &redact_url(&self.database.url))
            .field("shop", &self.shop)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Debug)]
pub struct SiteConfig {
    pub addr: SocketAddr,
    pub root: PathBuf,
    pub pkg_dir: String,
    pub output_name: String,
    pub hash_files: bool,
    pub public_url: String,
    pub environment: Environment,
}

impl SiteConfig {
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[derive(Clone, Debug)]
pub struct DatabaseConfig {
    pub url: String,
    pub max_connections: u32,
}

#[derive(Clone, Debug)]
pub struct ShopConfig {
    /// Load the seed catalog when the catalog is empty.
    pub seed_catalog: bool,
    /// How long an anonymous catalog page may be served from memory (0: never).
    pub page_cache_seconds: u64,
    pub name: String,
    pub contact_email: String,
}

#[derive(Clone)]
pub struct MailConfig {
    /// `smtp://` or `smtps://` URL with credentials; `None` keeps mail in the local mailbox.
    pub smtp_url: Option<String>,
    pub from: String,
    /// Days delivered mail is kept in the outbox (it holds personal data).
    pub retention_days: u32,
}

impl fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp", &self.smtp_url.as_deref().map(redact_url))
            .field("from", &self.from)
            .finish()
    }
}

#[derive(Clone, Debug)]
pub struct LimitsConfig {
    pub request_body_bytes: usize,
    pub request_timeout_secs: u64,
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
    fn new(setting: &str, var: Option<&'static str>, message: impl Into<String>) -> Self {
        ConfigError {
            setting: setting.to_string(),
            var,
            message: message.into(),
        }
    }
}

/// The file's shape. Every field is optional: missing ones take the defaults below.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileConfig {
    site: FileSite,
    database: FileDatabase,
    session: FileSession,
    shop: FileShop,
    limits: FileLimits,
    mail: FileMail,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileMail {
    smtp_url: Option<String>,
    from: Option<String>,
    retention_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileSite {
    addr: Option<String>,
    root: Option<String>,
    pkg_dir: Option<String>,
    output_name: Option<String>,
    hash_files: Option<bool>,
    public_url: Option<String>,
    environment: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileDatabase {
    url: Option<String>,
    max_connections: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileSession {
    secret: Option<String>,
    secret_file: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileShop {
    seed_catalog: Option<bool>,
    page_cache_seconds: Option<u64>,
    name: Option<String>,
    contact_email: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileLimits {
    request_body_bytes: Option<usize>,
    request_timeout_secs: Option<u64>,
}

/// Where settings come from: the parsed file plus a view of the environment.
struct Sources<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
}

impl Sources<'_> {
    /// The environment variable if set (and not empty), else the file's value.
    fn string(&self, var: &'static str, file: Option<String>) -> Option<String> {
        (self.env)(var).filter(|v| !v.is_empty()).or(file)
    }

    fn parse<T: std::str::FromStr>(
        &self,
        setting: &str,
        var: &'static str,
        file: Option<T>,
        what: &str,
    ) -> Result<Option<T>, ConfigError> {
        match (self.env)(var).filter(|v| !v.is_empty()) {
            Some(raw) => raw.trim().parse().map(Some).map_err(|_| {
                ConfigError::new(setting, Some(var), format!("expected {what}, got {raw:?}"))
            }),
            None => Ok(file),
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
                return Err(ConfigError::new(
                    &path.display().to_string(),
                    Some("SHOP_CONFIG"),
                    format!("cannot read the configuration file: {e}"),
                ));
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
        let file: FileConfig = match text {
            Some(text) => toml::from_str(text).map_err(|e| {
                ConfigError::new(
                    &path.display().to_string(),
                    None,
                    e.to_string().replace('\n', " ").trim().to_string(),
                )
            })?,
            None => FileConfig::default(),
        };
        let src = Sources { env };

        let environment = match src
            .string("SHOP_ENV", file.site.environment)
            .unwrap_or_else(|| "development".into())
            .to_ascii_lowercase()
            .as_str()
        {
            "development" | "dev" => Environment::Development,
            "production" | "prod" => Environment::Production,
            other => {
                return Err(ConfigError::new(
                    "site.environment",
                    Some("SHOP_ENV"),
                    format!("expected \"development\" or \"production\", got {other:?}"),
                ));
            }
        };

        let addr_text = src
            .string("LEPTOS_SITE_ADDR", file.site.addr)
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr: SocketAddr = addr_text.parse().map_err(|_| {
            ConfigError::new(
                "site.addr",
                Some("LEPTOS_SITE_ADDR"),
                format!("expected an address such as 127.0.0.1:3000, got {addr_text:?}"),
            )
        })?;
        let public_url = src
            .string("SHOP_PUBLIC_URL", file.site.public_url)
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::new(
                "site.public_url",
                Some("SHOP_PUBLIC_URL"),
                format!("expected an http:// or https:// address, got {public_url:?}"),
            ));
        }

        let site = SiteConfig {
            addr,
            root: PathBuf::from(
                src.string("LEPTOS_SITE_ROOT", file.site.root)
                    .unwrap_or_else(|| "target/site".into()),
            ),
            pkg_dir: src
                .string("LEPTOS_SITE_PKG_DIR", file.site.pkg_dir)
                .unwrap_or_else(|| "pkg".into()),
            output_name: src
                .string("LEPTOS_OUTPUT_NAME", file.site.output_name)
                .unwrap_or_else(|| "shop".into()),
            hash_files: src
                .parse(
                    "site.hash_files",
                    "LEPTOS_HASH_FILES",
                    file.site.hash_files,
                    "true or false",
                )?
                .unwrap_or(true),
            public_url,
            environment,
        };

        let url = src
            .string("DATABASE_URL", file.database.url)
            .unwrap_or_else(|| "sqlite://data/shop.db".into());
        if app::backend::db::Backend::of_url(&url).is_none() {
            return Err(ConfigError::new(
                "database.url",
                Some("DATABASE_URL"),
                format!(
                    "expected a sqlite:// or postgres:// URL, got {:?}",
                    redact_url(&url)
                ),
            ));
        }
        let max_connections = src
            .parse(
                "database.max_connections",
                "SHOP_DATABASE_MAX_CONNECTIONS",
                file.database.max_connections,
                "a whole number",
            )?
            .unwrap_or(16);
        if max_connections == 0 {
            return Err(ConfigError::new(
                "database.max_connections",
                Some("SHOP_DATABASE_MAX_CONNECTIONS"),
                "must be at least 1",
            ));
        }

        let session_key = session_key(&src, file.session, environment)?;

        let contact_email = src
            .string("SHOP_CONTACT_EMAIL", file.shop.contact_email)
            .unwrap_or_else(|| "service@lumenwall.example".into());
        if !contact_email.contains('@') {
            return Err(ConfigError::new(
                "shop.contact_email",
                Some("SHOP_CONTACT_EMAIL"),
                format!("expected an email address, got {contact_email:?}"),
            ));
        }
        // The name goes into mail subjects and headers: one plain line.
        let name = src
            .string("SHOP_NAME", file.shop.name)
            .unwrap_or_else(|| "Lumenwall".into());
        if name.trim().is_empty()
            || name.chars().count() > 100
            || name.chars().any(char::is_control)
        {
            return Err(ConfigError::new(
                "shop.name",
                Some("SHOP_NAME"),
                "expected one line of at most 100 characters",
            ));
        }
        let shop = ShopConfig {
            seed_catalog: src
                .parse(
                    "shop.seed_catalog",
                    "SHOP_SEED_CATALOG",
                    file.shop.seed_catalog,
                    "true or false",
                )?
                // A real shop starts with its own catalog, not 42 demo products.
                .unwrap_or(environment == Environment::Development),
            page_cache_seconds: src
                .parse(
                    "shop.page_cache_seconds",
                    "SHOP_PAGE_CACHE_SECONDS",
                    file.shop.page_cache_seconds,
                    "a whole number of seconds",
                )?
                .unwrap_or(60),
            name,
            contact_email,
        };

        let limits = LimitsConfig {
            request_body_bytes: src
                .parse(
                    "limits.request_body_bytes",
                    "SHOP_REQUEST_BODY_BYTES",
                    file.limits.request_body_bytes,
                    "a number of bytes",
                )?
                .unwrap_or(2 * 1024 * 1024),
            request_timeout_secs: src
                .parse(
                    "limits.request_timeout_secs",
                    "SHOP_REQUEST_TIMEOUT_SECS",
                    file.limits.request_timeout_secs,
                    "a number of seconds",
                )?
                .unwrap_or(30),
        };

        let smtp_url = src.string("SHOP_SMTP_URL", file.mail.smtp_url);
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError::new(
                "mail.smtp_url",
                Some("SHOP_SMTP_URL"),
                format!(
                    "expected an smtp:// or smtps:// URL, got {:?}",
                    redact_url(url)
                ),
            ));
        }
        if smtp_url.is_none() && environment == Environment::Production {
            return Err(ConfigError::new(
                "mail.smtp_url",
                Some("SHOP_SMTP_URL"),
                "production needs an SMTP server: shoppers must receive their verification and \
                 reset links, and the mailbox that keeps mail inside the shop is for development \
                 only",
            ));
        }
        let mail = MailConfig {
            smtp_url,
            from: src
                .string("SHOP_MAIL_FROM", file.mail.from)
                .unwrap_or_else(|| format!("{} <{}>", shop.name, shop.contact_email)),
            retention_days: src
                .parse(
                    "mail.retention_days",
                    "SHOP_MAIL_RETENTION_DAYS",
                    file.mail.retention_days,
                    "a whole number of days",
                )?
                .unwrap_or(30),
        };

        Ok(Config {
            site,
            database: DatabaseConfig {
                url,
                max_connections,
            },
            session_key,
            shop,
            limits,
            mail,
        })
    }
}

/// The session key: `SHOP_SESSION_SECRET` / `session.secret` (hex), else the file named by
/// `SHOP_SESSION_SECRET_FILE` / `session.secret_file`. In development a missing file is
/// created with a random key, so sessions survive restarts; production requires a key.
fn session_key(
    src: &Sources<'_>,
    file: FileSession,
    environment: Environment,
) -> Result<Vec<u8>, ConfigError> {
    const SETTING: &str = "session.secret";
    if let Some(secret) = src.string("SHOP_SESSION_SECRET", file.secret) {
        return decode_key(secret.trim())
            .ok_or_else(|| ConfigError::new(SETTING, Some("SHOP_SESSION_SECRET"), key_rule()));
    }
    let key_file = src.string("SHOP_SESSION_SECRET_FILE", file.secret_file);
    match (key_file, environment) {
        (Some(path), _) => match std::fs::read_to_string(&path) {
            Ok(text) => decode_key(text.trim()).ok_or_else(|| {
                ConfigError::new(
                    "session.secret_file",
                    Some("SHOP_SESSION_SECRET_FILE"),
                    format!("{path}: {}", key_rule()),
                )
            }),
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && environment == Environment::Development =>
            {
                create_dev_key(Path::new(&path))
            }
            Err(e) => Err(ConfigError::new(
                "session.secret_file",
                Some("SHOP_SESSION_SECRET_FILE"),
                format!("cannot read {path}: {e}"),
            )),
        },
        (None, Environment::Development) => create_dev_key(Path::new("data/session.key")),
        (None, Environment::Production) => Err(ConfigError::new(
            SETTING,
            Some("SHOP_SESSION_SECRET"),
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
            Some("SHOP_SESSION_SECRET_FILE"),
            format!("cannot create a development key at {}: {e}", path.display()),
        )
    };
    if let Ok(text) = std::fs::read_to_string(path) {
        return decode_key(text.trim()).ok_or_else(|| {
            ConfigError::new(
                "session.secret_file",
                Some("SHOP_SESSION_SECRET_FILE"),
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

    #[test]
    fn defaults_serve_sqlite_on_port_3000() {
        let c = load(None, &[]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database.url, "sqlite://data/shop.db");
        assert_eq!(c.site.environment, Environment::Development);
        assert!(!c.site.https());
        assert!(c.shop.seed_catalog, "development shows the demo catalog");
        assert_eq!(c.limits.request_body_bytes, 2 * 1024 * 1024);
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = "[site]\naddr = \"0.0.0.0:8080\"\n[database]\nurl = \"sqlite://a.db\"\n";
        let c = load(Some(file), &[("DATABASE_URL", "postgres://u:pw@db/shop")]).unwrap();
        assert_eq!(c.site.addr.to_string(), "0.0.0.0:8080");
        assert_eq!(c.database.url, "postgres://u:pw@db/shop");
        let c = load(Some(file), &[("LEPTOS_SITE_ADDR", "127.0.0.1:9")]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:9");
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
        assert!(err.to_string().contains("site.addr (LEPTOS_SITE_ADDR)"));

        let err = load(None, &[("SHOP_NAME", "Shop\r\nBcc: all@example.com")]).unwrap_err();
        assert!(err.to_string().contains("shop.name (SHOP_NAME)"), "{err}");

        let err = load(None, &[("SHOP_DATABASE_MAX_CONNECTIONS", "many")]).unwrap_err();
        assert!(
            err.to_string()
                .contains("expected a whole number, got \"many\"")
        );

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
    fn the_shipped_file_is_valid() {
        let c = load(Some(include_str!("../../Leptos.toml")), &[]).unwrap();
        assert_eq!(c.site.addr.to_string(), "127.0.0.1:3000");
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
        ];
        let c = load(None, &with_smtp).unwrap();
        assert!(!c.shop.seed_catalog);
        let seeded = [
            ("SHOP_ENV", "production"),
            ("SHOP_SMTP_URL", "smtps://shop:pw@mail.example:465"),
            ("SHOP_SEED_CATALOG", "true"),
        ];
        assert!(load(None, &seeded).unwrap().shop.seed_catalog);
    }

    #[test]
    fn production_requires_a_session_key() {
        let env = env_from(&[("SHOP_ENV", "production")]);
        let err = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap_err();
        assert_eq!(err.setting, "session.secret");
        assert!(err.to_string().contains("SHOP_SESSION_SECRET"));

        let env = env_from(&[("SHOP_ENV", "production"), ("SHOP_SESSION_SECRET", "abcd")]);
        let err = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap_err();
        assert!(err.to_string().contains("at least 32 bytes"));

        let env = env_from(&[
            ("SHOP_ENV", "production"),
            ("SHOP_SESSION_SECRET", KEY),
            ("SHOP_SMTP_URL", "smtp://mail.example"),
        ]);
        let c = Config::from_parts(None, Path::new("Leptos.toml"), &env).unwrap();
        assert_eq!(c.session_key.len(), 32);
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
        assert_eq!(first, second);
        assert_eq!(first.len(), 32);
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
        let c = load(None, &[("DATABASE_URL", "postgres://shop:hunter2@db/shop")]).unwrap();
        let text = format!("{c:?}");
        assert!(!text.contains("hunter2"));
        assert!(!text.contains(KEY));
        assert_eq!(redact_url("postgres://u:p@h/d"), "postgres://u:***@h/d");
        assert_eq!(redact_url("sqlite://data/shop.db"), "sqlite://data/shop.db");
    }
}
