//! Logging. Lines carry request method, path, status and timing, never personal data.
//!
//! `SHOP_LOG_FORMAT=json` writes one JSON object per line (for a log collector), with
//! tracing-subscriber's own JSON format:
//! `{"timestamp":"2026-12-07T23:01:48.123456Z","level":"INFO","message":"…",<the event's
//! fields>,"target":"…","span":{"id":"…","method":"GET","path":"/","name":"request"}}`;
//! `text`, or nothing, writes the readable text format.

use tracing_subscriber::{EnvFilter, fmt};

/// The log formats `SHOP_LOG_FORMAT` chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// The format a value of `SHOP_LOG_FORMAT` names; `None` for an unknown one.
    pub fn parse(value: Option<&str>) -> Option<LogFormat> {
        match value.map(str::trim) {
            None | Some("") | Some("text") => Some(LogFormat::Text),
            Some("json") => Some(LogFormat::Json),
            Some(_) => None,
        }
    }
}

/// Installs the log subscriber; `RUST_LOG` overrides the default levels and
/// `SHOP_LOG_FORMAT` chooses the format, which is returned.
pub fn init() -> LogFormat {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let value = std::env::var("SHOP_LOG_FORMAT").ok();
    let format = LogFormat::parse(value.as_deref()).unwrap_or_else(|| {
        eprintln!("SHOP_LOG_FORMAT: expected \"json\" or \"text\", got {value:?}; logging as text");
        LogFormat::Text
    });
    let _ = match format {
        LogFormat::Text => fmt().with_env_filter(filter).with_target(false).try_init(),
        // Each event flattened into its line, with the innermost span's fields (a request's
        // id, method and path) under "span".
        LogFormat::Json => fmt()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(filter)
            .try_init(),
    };
    format
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_json_or_text() {
        assert_eq!(LogFormat::parse(None), Some(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some("text")), Some(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some(" json ")), Some(LogFormat::Json));
        assert_eq!(LogFormat::parse(Some("xml")), None);
    }
}
