//! The back office: roles checked by every server function, suspension, the mailbox.

use crate::{
    accounts::{PASSWORD, me, registered_shopper, sign_in},
    db_test,
    helpers::{Browser, TestApp, token_in},
};
use app::{backend::accounts, domain::account::Role};
use reqwest::StatusCode;
use serde_json::Value;

const STAFF_PASSWORD: &str = "staff password for tests";

pub async fn staff(app: &TestApp, email: &str, role: Role) -> Browser {
    accounts::staff::create_staff(&app.state, email, "Sam Staff", STAFF_PASSWORD, role)
        .await
        .unwrap();
    let b = app.new_browser();
    let res = sign_in(&b, email, STAFF_PASSWORD).await;
    assert!(res.status().is_success(), "{}", res.status());
    b
}

async fn back_office_functions_check_the_role(app: TestApp) {
    let shopper_id = registered_shopper(&app, &app, "mei@example.com").await;
    let id = shopper_id.to_string();
    let reads = [
        "/api/admin/customers?query=&page=1".to_string(),
        format!("/api/admin/customer?id={id}"),
    ];
    let visitor = app.new_browser();
    for path in reads.iter().chain(["/api/admin/mail".to_string()].iter()) {
        assert_eq!(
            visitor.get(path).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        assert_eq!(
            app.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "shopper: {path}"
        );
    }
    let writes: [(&str, Vec<(&str, &str)>); 3] = [
        ("admin/suspend", vec![("id", &id), ("reason", "spam")]),
        ("admin/reinstate", vec![("id", &id)]),
        ("admin/customer-role", vec![("id", &id), ("role", "admin")]),
    ];
    for (endpoint, form) in &writes {
        assert_eq!(
            app.call(endpoint, form).await.status(),
            StatusCode::FORBIDDEN,
            "shopper: {endpoint}"
        );
    }
    assert_eq!(me(&app).await["role"], "shopper", "no self-promotion");

    // The back-office pages are not advertised to shoppers.
    let (status, _) = app.page("/admin/customers").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let staff = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    for path in &reads {
        assert_eq!(
            staff.get(path).await.status(),
            StatusCode::OK,
            "staff: {path}"
        );
    }
    assert_eq!(
        staff
            .call("admin/customer-role", &[("id", &id), ("role", "staff")])
            .await
            .status(),
        StatusCode::FORBIDDEN,
        "only admins change roles"
    );
    let admin = staff_admin(&app).await;
    assert_eq!(
        admin
            .call("admin/customer-role", &[("id", &id), ("role", "staff")])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(me(&app).await["role"], "staff");
}
db_test!(back_office_functions_check_the_role);

async fn staff_admin(app: &TestApp) -> Browser {
    staff(app, "boss@lumenwall.example", Role::Admin).await
}

async fn staff_see_accounts_but_never_the_password_hash(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com").await;
    let staff = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let list: Value = staff
        .get("/api/admin/customers?query=MEI&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["customers"].as_array().unwrap().len(), 1);
    assert_eq!(list["customers"][0]["id"], id.get());
    let none: Value = staff
        .get("/api/admin/customers?query=%25&page=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        none["customers"].as_array().unwrap().len(),
        0,
        "% is matched literally"
    );
    let res = staff.get(&format!("/api/admin/customer?id={id}")).await;
    let text = res.text().await.unwrap();
    assert!(text.contains("mei@example.com"));
    assert!(
        !text.contains("argon2") && !text.contains("password"),
        "{text}"
    );
    assert_eq!(
        staff.get("/api/admin/customer?id=999999").await.status(),
        StatusCode::NOT_FOUND
    );
    let (status, page) = staff.page(&format!("/admin/customers/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Mei Lin"));
}
db_test!(staff_see_accounts_but_never_the_password_hash);

async fn suspension_ends_sessions_and_tells_the_reason(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com")
        .await
        .to_string();
    let staff = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let res = staff
        .call("admin/suspend", &[("id", &id), ("reason", "")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let res = staff
        .call("admin/suspend", &[("id", &id), ("reason", "Fake reviews")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(me(&app).await, Value::Null, "signed out at once");

    let res = sign_in(&app, "mei@example.com", PASSWORD).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "suspended");
    assert_eq!(body["reason"], "Fake reviews");
    // Only after the right password: a wrong one gets the usual answer.
    assert_eq!(
        sign_in(&app, "mei@example.com", "wrong password!")
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    assert_eq!(
        staff.call("admin/reinstate", &[("id", &id)]).await.status(),
        StatusCode::OK
    );
    assert!(
        sign_in(&app, "mei@example.com", PASSWORD)
            .await
            .status()
            .is_success()
    );
}
db_test!(suspension_ends_sessions_and_tells_the_reason);

/// Staff look after shoppers; only admins suspend or reinstate staff and admin accounts.
async fn staff_cannot_act_on_staff_or_admins(app: TestApp) {
    let sam = staff(&app, "sam@lumenwall.example", Role::Staff).await;
    let kim = staff(&app, "kim@lumenwall.example", Role::Staff).await;
    let boss = staff_admin(&app).await;
    let ada = staff(&app, "ada@lumenwall.example", Role::Admin).await;
    let kim_id = me(&kim).await["id"].as_i64().unwrap().to_string();
    let ada_id = me(&ada).await["id"].as_i64().unwrap().to_string();
    for target in [&kim_id, &ada_id] {
        let res = sam
            .call("admin/suspend", &[("id", target), ("reason", "Because")])
            .await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "staff suspending {target}"
        );
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["rule"], "staff_accounts_need_an_admin");
    }
    assert_eq!(
        me(&kim).await["email"],
        "kim@lumenwall.example",
        "still signed in"
    );
    // An admin suspends the other admin; staff cannot undo it.
    let res = boss
        .call(
            "admin/suspend",
            &[("id", &ada_id), ("reason", "Left the company")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = sam.call("admin/reinstate", &[("id", &ada_id)]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = boss.call("admin/reinstate", &[("id", &ada_id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
}
db_test!(staff_cannot_act_on_staff_or_admins);

/// The mailbox as `b` sees it (JSON of the server function).
async fn mailbox(b: &Browser, to: &str) -> Value {
    let res = b.get(&format!("/api/admin/mail?to={to}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn only_admins_read_the_mailbox_and_no_one_reads_another_staff_link(app: TestApp) {
    registered_shopper(&app, &app, "mei@example.com").await;
    let boss = staff_admin(&app).await;
    let other_admin = staff(&app, "ada@lumenwall.example", Role::Admin).await;
    let sam = staff(&app, "sam@lumenwall.example", Role::Staff).await;

    // The takeover the probe found: a staff member asks for the admin's reset link and
    // reads it in the back office. The mailbox is for admins only now.
    let visitor = app.new_browser();
    visitor
        .call(
            "account/forgot-password",
            &[("email", "boss@lumenwall.example")],
        )
        .await;
    let token = token_in(
        &app.last_mail_to("boss@lumenwall.example").await.unwrap(),
        "/account/reset/",
    );
    assert_eq!(
        sam.get("/api/admin/mail").await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, page) = sam.page("/admin/mail").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("You do not have permission"), "{page}");
    assert!(!page.contains(&token));
    let (_, admin_home) = sam.page("/admin").await;
    assert!(
        !admin_home.contains(r#"href="/admin/mail""#),
        "not offered to staff"
    );

    // Another admin sees that the mail went out, but not its live link.
    let seen = mailbox(&other_admin, "boss@lumenwall.example").await;
    assert_eq!(seen["local"], true);
    let mail = &seen["mail"][0];
    assert_eq!(mail["links_hidden"], true);
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains("/account/reset/[hidden]"), "{body}");
    assert!(!seen.to_string().contains(&token), "token leaked");
    let (_, page) = other_admin.page("/admin/mail").await;
    assert!(!page.contains(&token), "token leaked into the page");
    assert!(page.contains("The one-time links in this message are hidden"));

    // Its owner reads their own mail; a shopper's link is shown live in development.
    let own = mailbox(&boss, "boss@lumenwall.example").await;
    assert!(own.to_string().contains(&token));
    let shopper = mailbox(&other_admin, "mei@example.com").await;
    assert_eq!(shopper["mail"][0]["links_hidden"], false);
    assert!(
        shopper["mail"][0]["body"]
            .as_str()
            .unwrap()
            .contains("/account/verify/")
    );
    let (_, admin_home) = other_admin.page("/admin").await;
    assert!(admin_home.contains(r#"href="/admin/mail""#));
}
db_test!(only_admins_read_the_mailbox_and_no_one_reads_another_staff_link);

async fn admins_cannot_demote_themselves(app: TestApp) {
    let admin = staff_admin(&app).await;
    let id = me(&admin).await["id"].as_i64().unwrap().to_string();
    let res = admin
        .call("admin/customer-role", &[("id", &id), ("role", "shopper")])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "refused");
    assert_eq!(
        body["rule"], "keep_your_admin_role",
        "the message says the rule"
    );
    // Nor can anyone suspend their own account.
    let res = admin
        .call("admin/suspend", &[("id", &id), ("reason", "Testing")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["rule"], "not_your_own_account");
    let (_, page) = admin.page(&format!("/admin/customers/{id}")).await;
    assert!(
        page.contains("Change role"),
        "the page still offers what the rule allows"
    );
    assert_eq!(
        admin
            .call("admin/customer-role", &[("id", &id), ("role", "root")])
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
db_test!(admins_cannot_demote_themselves);

/// Changing a role is a second step: the role chosen first is only put in the address.
async fn changing_a_role_asks_first(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com").await;
    let admin = staff_admin(&app).await;
    let (_, page) = admin.page(&format!("/admin/customers/{id}")).await;
    assert!(
        page.contains(r#"<form method="get""#) && page.contains(r#"name="confirm" value="role""#)
    );
    let (_, page) = admin
        .page(&format!("/admin/customers/{id}?confirm=role&role=staff"))
        .await;
    assert!(
        page.contains("Make Mei Lin Staff?"),
        "the question names the change"
    );
    assert!(page.contains(r#"name="role" value="staff""#));
    // Choosing the role the account already has asks nothing.
    let (_, page) = admin
        .page(&format!("/admin/customers/{id}?confirm=role&role=shopper"))
        .await;
    assert!(!page.contains("Make Mei Lin"));
}
db_test!(changing_a_role_asks_first);
