//! SQL for `authority_requests`, the register of data handed to authorities, and the
//! ledger entry a shopper sees when telling them is allowed.

use crate::domain::ids::UserId;
use sqlx::{Any, AnyConnection, Executor, FromRow};

/// A request to write in the register.
pub struct NewRequest<'a> {
    pub user_id: UserId,
    pub requester: &'a str,
    pub legal_basis: &'a str,
    pub reference: &'a str,
    pub fields: &'a [&'a str],
    pub shopper_told: bool,
    pub staff_id: UserId,
}

pub async fn insert(
    conn: &mut AnyConnection,
    request: &NewRequest<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO authority_requests (user_id, requester, legal_basis, reference, fields,
                                         shopper_told, staff_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(request.user_id)
    .bind(request.requester)
    .bind(request.legal_basis)
    .bind(request.reference)
    .bind(request.fields.join(", "))
    .bind(i64::from(request.shopper_told))
    .bind(request.staff_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The shopper's ledger entry for a request they may be told about: the requester is the
/// recipient, the purpose a legal obligation.
pub async fn disclose(
    conn: &mut AnyConnection,
    request: &NewRequest<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO disclosures (user_id, order_id, recipient, fields, purpose, at)
         VALUES ($1, NULL, $2, $3, 'legal_obligation', $4)",
    )
    .bind(request.user_id)
    .bind(request.requester)
    .bind(request.fields.join(", "))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub user_id: Option<UserId>,
    /// The account's address now (NULL once erased).
    pub email: Option<String>,
    pub requester: String,
    pub legal_basis: String,
    pub reference: String,
    pub fields: String,
    pub shopper_told: i64,
    /// The staff member who registered it (NULL once that account is gone).
    pub staff_name: Option<String>,
    pub at: i64,
}

/// The register, newest first.
pub async fn register<'e>(
    db: impl Executor<'e, Database = Any>,
    limit: i64,
) -> Result<Vec<RequestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.user_id, u.email, r.requester, r.legal_basis, r.reference, r.fields,
                r.shopper_told, s.full_name AS staff_name, r.at
         FROM authority_requests r
         LEFT JOIN users u ON u.id = r.user_id
         LEFT JOIN users s ON s.id = r.staff_id
         ORDER BY r.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await
}
