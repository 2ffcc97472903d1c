//! "Download my data": everything the registry lists for one shopper, as JSON with stable,
//! human-readable field names.

use crate::domain::ids::UserId;

use super::registry::{Owner, PERSONAL, PersonalTable, Retention};
use crate::{
    backend::{
        ShopSettings,
        db::{Db, personal},
    },
    domain::time::rfc3339,
};
use serde_json::{Map, Value, json};
use sqlx::{Row, any::AnyRow};

/// Format version of the export; bump when field names change.
pub const EXPORT_FORMAT: u32 = 1;

/// Everything held about `user_id`, with why each section is held and how long.
pub async fn export_user(
    db: &Db,
    user_id: UserId,
    settings: &ShopSettings,
    now: i64,
) -> Result<Value, sqlx::Error> {
    let mut out = Map::new();
    out.insert("export_format".into(), json!(EXPORT_FORMAT));
    out.insert("shop".into(), json!(settings.name));
    out.insert(
        "purposes_and_retention".into(),
        purposes_and_retention(settings),
    );
    out.insert("generated_at".into(), json!(rfc3339(now)));
    out.insert("account_number".into(), json!(user_id));
    for table in PERSONAL {
        let rows = rows_of(db, table, user_id).await?;
        let value = match table.owner {
            Owner::User => rows.into_iter().next().unwrap_or(Value::Null),
            Owner::UserId | Owner::UserOrVisitor => Value::Array(rows),
        };
        out.insert(table.section.to_string(), value);
    }
    Ok(Value::Object(out))
}

/// For each section: why it is held and how long (`days` where a setting says).
fn purposes_and_retention(settings: &ShopSettings) -> Value {
    let mut out = Map::new();
    for table in PERSONAL {
        let days = match table.retention {
            Retention::MailDays => Some(settings.mail_retention_days),
            Retention::AnalyticsDays => Some(settings.analytics_retention_days),
            Retention::ClosedDays => Some(crate::domain::contact::CLOSED_KEPT_DAYS),
            _ => None,
        };
        out.insert(
            table.section.to_string(),
            json!({
                "purpose": table.purpose.code(),
                "kept": table.retention.code(),
                "days": days,
            }),
        );
    }
    Value::Object(out)
}

async fn rows_of(
    db: &Db,
    table: &PersonalTable,
    user_id: UserId,
) -> Result<Vec<Value>, sqlx::Error> {
    let columns: Vec<&str> = table.exported.iter().map(|(c, _)| *c).collect();
    let rows = personal::owned_rows(
        db.pool(),
        table.table,
        table.owner.condition(),
        &columns,
        user_id,
    )
    .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for (i, (_, name)) in table.exported.iter().enumerate() {
                object.insert((*name).to_string(), readable(name, cell(row, i)));
            }
            Value::Object(object)
        })
        .collect())
}

/// A column's value, whatever its SQL type.
fn cell(row: &AnyRow, i: usize) -> Value {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    Value::Null
}

/// Times as RFC 3339 text and flags as booleans, so the file reads without a manual.
fn readable(name: &str, value: Value) -> Value {
    match value {
        Value::Number(n) if name.ends_with("_at") => n
            .as_i64()
            .map(|s| json!(rfc3339(s)))
            .unwrap_or(Value::Number(n)),
        Value::Number(n) if name.starts_with("is_") || name == "granted" => {
            json!(n.as_i64() == Some(1))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::readable;
    use serde_json::json;

    #[test]
    fn times_and_flags_are_readable() {
        assert_eq!(
            readable("registered_at", json!(0)),
            json!("1970-01-01T00:00:00Z")
        );
        assert_eq!(readable("is_default_address", json!(1)), json!(true));
        assert_eq!(readable("granted", json!(0)), json!(false));
        assert_eq!(readable("city", json!("Shanghai")), json!("Shanghai"));
        assert_eq!(readable("used_at", json!(null)), json!(null));
    }
}
