//! Logging. Lines carry request method, path, status and timing, never personal data.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the log subscriber; `RUST_LOG` overrides the default levels.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
