//! Development conveniences: the demo staff account that `./shop run` prints.

use app::{
    backend::{AppState, accounts::staff},
    domain::account::Role,
};

pub const DEMO_ADMIN_EMAIL: &str = "admin@lumenwall.example";
/// Public on purpose: only ever created in the development environment.
pub const DEMO_ADMIN_PASSWORD: &str = "lumenwall-demo-admin";

/// Creates the demo admin unless it exists; returns true when it was created now.
pub async fn ensure_demo_admin(state: &AppState) -> Result<bool, String> {
    let exists = staff::account_exists(state, DEMO_ADMIN_EMAIL).await;
    if exists.map_err(|e| format!("{e:?}"))? {
        return Ok(false);
    }
    staff::create_staff(
        state,
        DEMO_ADMIN_EMAIL,
        "Demo Admin",
        DEMO_ADMIN_PASSWORD,
        Role::Admin,
    )
    .await
    .map_err(|e| format!("{e:?}"))?;
    Ok(true)
}
