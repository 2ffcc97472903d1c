//! Data handed to authorities (P6): only admins record a request; it enters the shopper's
//! ledger unless telling is prohibited; the register's entries never change and outlive
//! the account's erasure without naming it.

use crate::{
    accounts::registered_shopper,
    admin::staff,
    catalog_admin::field_problems,
    db_test,
    helpers::{Browser, TestApp},
};
use app::domain::account::Role;
use reqwest::StatusCode;
use serde_json::Value;

fn request(email: &str, reference: &str, tell: bool) -> Vec<(String, String)> {
    let mut form = vec![
        ("email", email.to_string()),
        ("requester", "Pudong Public Security Bureau".to_string()),
        ("legal_basis", "Criminal Procedure Law, art. 54".to_string()),
        ("reference", reference.to_string()),
        ("name", "on".to_string()),
        ("addresses", "on".to_string()),
    ];
    if tell {
        form.push(("tell", "on".to_string()));
    }
    form.into_iter()
        .map(|(k, v)| (format!("form[{k}]"), v))
        .collect()
}

async fn record(b: &Browser, form: &[(String, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.call("admin/disclosure-record", &form).await
}

async fn ledger(b: &Browser) -> Vec<Value> {
    let export: Value = b.get("/api/account/export").await.json().await.unwrap();
    export["shared_with_others"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e["purpose"] == "legal_obligation")
        .collect()
}

async fn requests_from_authorities_are_recorded_and_shown_unless_prohibited(app: TestApp) {
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;

    // Only admins record requests.
    let form = request("mei@example.com", "PD-1", true);
    assert_eq!(
        record(&shopper, &form).await.status(),
        StatusCode::FORBIDDEN
    );
    let staffer = staff(&app, "sam@shop.test", Role::Staff).await;
    assert_eq!(
        record(&staffer, &form).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        staffer.get("/api/admin/disclosures").await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = staff(&app, "ada@shop.test", Role::Admin).await;

    // What is wrong is said field by field; an unknown address is not an account.
    let res = record(
        &admin,
        &[
            ("form[email]".to_string(), "nobody@example.com".to_string()),
            ("form[requester]".to_string(), String::new()),
            ("form[legal_basis]".to_string(), " ".to_string()),
            ("form[reference]".to_string(), String::new()),
        ],
    )
    .await;
    let fields: Vec<String> = field_problems(res)
        .await
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, ["requester", "legal_basis", "reference", "fields"]);
    let res = record(&admin, &request("nobody@example.com", "PD-0", true)).await;
    assert_eq!(field_problems(res).await[0].0, "email");

    // Told: in the shopper's ledger. Prohibited: only in the register.
    assert_eq!(record(&admin, &form).await.status(), StatusCode::OK);
    let secret = request("mei@example.com", "PD-2-SECRET", false);
    assert_eq!(record(&admin, &secret).await.status(), StatusCode::OK);
    let entries = ledger(&shopper).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["recipient"], "Pudong Public Security Bureau");
    assert_eq!(entries[0]["fields_sent"], "name, addresses");
    let export = shopper
        .get("/api/account/export")
        .await
        .text()
        .await
        .unwrap();
    assert!(!export.contains("PD-2-SECRET") && !export.contains("PD-1"));
    let (_, page) = shopper.page("/account/data").await;
    assert!(
        page.contains("Pudong Public Security Bureau") && page.contains("required by law"),
        "{page}"
    );

    let register: Value = admin
        .get("/api/admin/disclosures")
        .await
        .json()
        .await
        .unwrap();
    let entries = register["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["reference"], "PD-2-SECRET");
    assert_eq!(entries[0]["shopper_told"], false);
    assert_eq!(entries[1]["shopper_told"], true);
    assert_eq!(entries[0]["email"], "mei@example.com");

    // The database refuses to change or delete an entry.
    let pool = app.state.db.pool();
    for change in [
        "UPDATE authority_requests SET reference = 'x'",
        "UPDATE authority_requests SET shopper_told = 1",
        "UPDATE authority_requests SET user_id = user_id + 1000",
        "DELETE FROM authority_requests",
    ] {
        assert!(
            sqlx::query(change).execute(pool).await.is_err(),
            "{change} went through"
        );
    }

    // Erasure: the ledger entry goes with the account; the register keeps its entries
    // without the account.
    let res = shopper
        .call("account/delete", &[("password", crate::accounts::PASSWORD)])
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let register: Value = admin
        .get("/api/admin/disclosures")
        .await
        .json()
        .await
        .unwrap();
    let entries = register["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|e| e["account"].is_null() && e["email"].is_null()),
        "{register}"
    );
    let ledger_rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM disclosures WHERE purpose = 'legal_obligation'")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(ledger_rows, 0);
}
db_test!(requests_from_authorities_are_recorded_and_shown_unless_prohibited);
