//! The two migration folders must build the same schema: the same tables with the same
//! columns, each nullable or not alike. Only the full-text search machinery differs by
//! design (an FTS5 table on SQLite, a `tsvector` column on PostgreSQL).

use crate::helpers::{Backend, fresh_db};
use app::backend::db::Db;
use std::collections::BTreeMap;

/// Per design, only on one side.
const SQLITE_ONLY_TABLES: &[&str] = &[
    "products_fts",
    "products_fts_data",
    "products_fts_idx",
    "products_fts_docsize",
    "products_fts_config",
    "products_fts_content",
];
const POSTGRES_ONLY_COLUMNS: &[(&str, &str)] = &[("products", "search_document")];

/// table → column → may be NULL, read from the database itself.
async fn columns(db: &Db, backend: Backend) -> BTreeMap<String, BTreeMap<String, bool>> {
    let rows: Vec<(String, String, bool)> = match backend {
        Backend::Sqlite => {
            let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
                "SELECT m.name, p.name, p.\"notnull\", p.pk
                 FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            // A primary key column is never NULL, whatever SQLite reports.
            rows.into_iter()
                .map(|(t, c, not_null, pk)| (t, c, not_null == 0 && pk == 0))
                .collect()
        }
        Backend::Postgres => {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), CAST(is_nullable AS TEXT)
                 FROM information_schema.columns WHERE table_schema = 'public'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            rows.into_iter()
                .map(|(t, c, nullable)| (t, c, nullable == "YES"))
                .collect()
        }
    };
    let mut tables: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    for (table, column, nullable) in rows {
        tables.entry(table).or_default().insert(column, nullable);
    }
    tables
}

#[tokio::test]
async fn both_databases_get_the_same_tables_and_columns() {
    let Some((sqlite, _dir)) = fresh_db(Backend::Sqlite).await else {
        return;
    };
    let Some((postgres, _)) = fresh_db(Backend::Postgres).await else {
        return;
    };
    let mut lite = columns(&sqlite, Backend::Sqlite).await;
    let mut pg = columns(&postgres, Backend::Postgres).await;
    for table in SQLITE_ONLY_TABLES {
        assert!(
            lite.remove(*table).is_some(),
            "{table} is gone from SQLite: update this list"
        );
    }
    for (table, column) in POSTGRES_ONLY_COLUMNS {
        let removed = pg.get_mut(*table).and_then(|t| t.remove(*column));
        assert!(
            removed.is_some(),
            "{table}.{column} is gone from PostgreSQL: update this list"
        );
    }
    assert!(lite.len() > 10, "read the schema ({} tables)", lite.len());
    let differences: Vec<String> = lite
        .keys()
        .chain(pg.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|table| match (lite.get(table), pg.get(table)) {
            (Some(a), Some(b)) if a == b => None,
            (Some(a), Some(b)) => Some(format!("{table}: SQLite {a:?}\n  PostgreSQL {b:?}")),
            (Some(_), None) => Some(format!("{table}: only on SQLite")),
            (None, _) => Some(format!("{table}: only on PostgreSQL")),
        })
        .collect();
    assert!(
        differences.is_empty(),
        "the migrations disagree (column → nullable):\n{}",
        differences.join("\n")
    );
}
