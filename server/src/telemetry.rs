//! Logging. Lines carry request method, path, status and timing, never personal data.
//!
//! `SHOP_LOG_FORMAT=json` writes one JSON object per line (for a log collector):
//! `{"ts":"2026-12-07T23:01:48.123Z","level":"INFO","target":"server::startup",
//! "message":"…","fields":{…},"spans":{"request":{"id":"…","method":"GET","path":"/"}}}`;
//! anything else, or nothing, writes the readable text format.

use serde_json::{Map, Value};
use std::io::Write;
use tracing::{
    Event, Subscriber,
    field::{Field, Visit},
    span,
};
use tracing_subscriber::{
    EnvFilter, fmt,
    layer::{Context, Layer, SubscriberExt},
    registry::LookupSpan,
    util::SubscriberInitExt,
};

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
        LogFormat::Json => tracing_subscriber::registry()
            .with(filter)
            .with(JsonLines)
            .try_init()
            .map_err(Into::into),
    };
    format
}

/// A span's or an event's fields as JSON values.
#[derive(Default)]
struct Fields(Map<String, Value>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0
            .insert(field.name().into(), format!("{value:?}").into());
    }
}

/// Writes each event as one JSON line on standard output, with the fields of the spans it
/// happened in (the request's id, method and path).
struct JsonLines;

impl<S> Layer<S> for JsonLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &span::Attributes<'_>, id: &span::Id, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(fields);
        }
    }

    fn on_record(&self, id: &span::Id, values: &span::Record<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id)
            && let Some(fields) = span.extensions_mut().get_mut::<Fields>()
        {
            values.record(fields);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let message = fields.0.remove("message").unwrap_or_default();
        let mut spans = Map::new();
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope.from_root() {
                if let Some(own) = span.extensions().get::<Fields>() {
                    spans.insert(span.name().into(), Value::Object(own.0.clone()));
                }
            }
        }
        let meta = event.metadata();
        let mut line = Map::new();
        line.insert("ts".into(), timestamp().into());
        line.insert("level".into(), meta.level().as_str().into());
        line.insert("target".into(), meta.target().into());
        line.insert("message".into(), message);
        if !fields.0.is_empty() {
            line.insert("fields".into(), Value::Object(fields.0));
        }
        if !spans.is_empty() {
            line.insert("spans".into(), Value::Object(spans));
        }
        let mut text = Value::Object(line).to_string();
        text.push('\n');
        // One write per line, so that lines from several threads never interleave.
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
}

/// Now as RFC 3339 with milliseconds, in UTC.
fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = app::domain::time::rfc3339(now.as_secs() as i64);
    format!("{}.{:03}Z", secs.trim_end_matches('Z'), now.subsec_millis())
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

    #[test]
    fn timestamps_have_milliseconds() {
        let ts = timestamp();
        assert_eq!(ts.len(), "2026-12-07T23:01:48.123Z".len(), "{ts}");
        assert!(
            ts.ends_with('Z') && ts.contains('T') && ts.contains('.'),
            "{ts}"
        );
    }
}
