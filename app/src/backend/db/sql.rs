//! A small builder for statements whose shape depends on input (the catalog's filters):
//! text is appended, values are always bound as `$n` parameters, never spliced in.

use sqlx::{
    Any, FromRow,
    any::{AnyArguments, AnyRow},
    query::{Query, QueryAs},
};

/// A value bound to a statement (`None` binds SQL `NULL`).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Int(Some(v))
    }
}

impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Int(Some(i64::from(v)))
    }
}

impl From<Option<i64>> for Arg {
    fn from(v: Option<i64>) -> Self {
        Arg::Int(v)
    }
}

impl From<Option<u32>> for Arg {
    fn from(v: Option<u32>) -> Self {
        Arg::Int(v.map(i64::from))
    }
}

impl From<Option<i32>> for Arg {
    fn from(v: Option<i32>) -> Self {
        Arg::Int(v.map(i64::from))
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(Some(v.to_string()))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(Some(v))
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(Some(v.clone()))
    }
}

impl From<Option<&str>> for Arg {
    fn from(v: Option<&str>) -> Self {
        Arg::Text(v.map(str::to_string))
    }
}

impl From<&Option<String>> for Arg {
    fn from(v: &Option<String>) -> Self {
        Arg::Text(v.clone())
    }
}

#[derive(Clone, Debug, Default)]
pub struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    pub fn new(text: &str) -> Sql {
        Sql {
            text: text.to_string(),
            args: Vec::new(),
        }
    }

    pub fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a parameter placeholder for `value`.
    pub fn bind(&mut self, value: impl Into<Arg>) -> &mut Sql {
        self.args.push(value.into());
        self.text.push_str(&format!("${}", self.args.len()));
        self
    }

    /// `INSERT INTO table (c1, c2, …) VALUES ($1, $2, …)`, built from columns each next to
    /// its value (the caller may add `ON CONFLICT …`, `RETURNING …`).
    pub fn insert(table: &str, columns: Vec<(&str, Arg)>) -> Sql {
        let (names, values): (Vec<&str>, Vec<Arg>) = columns.into_iter().unzip();
        let mut sql = Sql::new(&format!(
            "INSERT INTO {table} ({}) VALUES (",
            names.join(", ")
        ));
        sql.bind_list(values).push(")");
        sql
    }

    /// [`Sql::insert`] returning the new row's id.
    pub fn insert_returning_id(table: &str, columns: Vec<(&str, Arg)>) -> Sql {
        let mut sql = Sql::insert(table, columns);
        sql.push(" RETURNING id");
        sql
    }

    /// `UPDATE table SET c1 = $1, c2 = $2, …`, for the caller to finish with its `WHERE`.
    pub fn update(table: &str, columns: Vec<(&str, Arg)>) -> Sql {
        let mut sql = Sql::new(&format!("UPDATE {table} SET "));
        for (i, (name, value)) in columns.into_iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push(name).push(" = ").bind(value);
        }
        sql
    }

    /// Appends `values` as a comma-separated list of parameters.
    pub fn bind_list(&mut self, values: impl IntoIterator<Item = Arg>) -> &mut Sql {
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn query(&self) -> Query<'_, Any, AnyArguments<'_>> {
        let mut q = sqlx::query(&self.text);
        for arg in &self.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_deref()),
            };
        }
        q
    }

    pub fn query_as<T>(&self) -> QueryAs<'_, Any, T, AnyArguments<'_>>
    where
        T: for<'r> FromRow<'r, AnyRow>,
    {
        let mut q = sqlx::query_as(&self.text);
        for arg in &self.args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.as_deref()),
            };
        }
        q
    }
}

/// Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern (used
/// with `ESCAPE '\'`).
pub fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_updates_keep_columns_with_their_values() {
        let columns = || vec![("a", Arg::from(1_i64)), ("b", Arg::from("x"))];
        let insert = Sql::insert_returning_id("t", columns());
        assert_eq!(
            insert.text(),
            "INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id"
        );
        let mut update = Sql::update("t", columns());
        update.push(" WHERE id = ").bind(7_i64);
        assert_eq!(update.text(), "UPDATE t SET a = $1, b = $2 WHERE id = $3");
        assert_eq!(update.args[2], Arg::Int(Some(7)));
    }

    #[test]
    fn values_become_numbered_parameters() {
        let mut sql = Sql::new("SELECT * FROM t WHERE a = ");
        sql.bind(1_i64)
            .push(" AND b = ")
            .bind("x'; DROP TABLE t; --");
        assert_eq!(sql.text(), "SELECT * FROM t WHERE a = $1 AND b = $2");
    }

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(super::escape_like("50%_off\\"), "50\\%\\_off\\\\");
    }
}
