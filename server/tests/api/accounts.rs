//! Accounts: registration, verification, sign-in, throttling, password reset, profile,
//! email change, addresses, sessions — each on both databases.

use crate::{
    bare_db_test, db_test,
    helpers::{Browser, TestApp, token_in},
};
use app::backend::db::users;
use reqwest::StatusCode;
use serde_json::Value;

pub const PASSWORD: &str = "violet staple drum";

/// A complete registration form; the shopper is "Mei Lin" for mei@…, else named after the
/// address, so that tests with several shoppers can tell their data apart.
pub fn registration(email: &str) -> Vec<(&'static str, String)> {
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    let name = if local == "mei" {
        "Mei Lin".to_string()
    } else {
        format!("{local} Tester")
    };
    vec![
        ("form[full_name]", name),
        ("form[email]", email.into()),
        ("form[phone]", "+86 138 0013 8000".into()),
        ("form[line1]", "88 Century Avenue".into()),
        ("form[line2]", "Floor 12".into()),
        ("form[city]", "Shanghai".into()),
        ("form[region]", "Pudong".into()),
        ("form[postal_code]", "200120".into()),
        ("form[country]", "CN".into()),
        ("form[password]", PASSWORD.into()),
        ("form[password_confirm]", PASSWORD.into()),
        ("form[accept_policy]", "on".into()),
    ]
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub async fn register(b: &Browser, email: &str) -> reqwest::Response {
    b.call("account/register", &pairs(&registration(email)))
        .await
}

pub async fn sign_in(b: &Browser, email: &str, password: &str) -> reqwest::Response {
    b.call(
        "account/sign-in",
        &[("email", email), ("password", password)],
    )
    .await
}

pub async fn me(b: &Browser) -> Value {
    b.get("/api/account/me").await.json().await.unwrap()
}

/// Registers, follows the verification link (which signs in) and returns the user id.
pub async fn registered_shopper(
    app: &TestApp,
    b: &Browser,
    email: &str,
) -> app::domain::ids::UserId {
    let res = register(b, email).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let mail = app.last_mail_to(email).await.expect("verification mail");
    let token = token_in(&mail, "/account/verify/");
    let res = b.call("account/verify-email", &[("token", &token)]).await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    serde_json::from_value::<app::domain::ids::UserId>(me(b).await["id"].clone())
        .expect("signed in after verifying")
}

async fn registration_stores_the_account_and_sends_a_link(app: TestApp) {
    let res = register(&app, "Mei@Example.com").await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert!(
        res.headers().get("set-cookie").is_none(),
        "registration must not sign in"
    );

    let user = users::find_by_email(app.state.db.pool(), "mei@example.com")
        .await
        .unwrap()
        .expect("stored, lower-cased");
    assert_eq!(user.full_name, "Mei Lin");
    assert_eq!(user.role, app::domain::account::Role::Shopper);
    assert!(user.email_verified_at.is_none());
    assert!(
        user.marketing_opt_in_at.is_none(),
        "marketing is off unless ticked"
    );
    assert!(
        user.password_hash
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$")
    );
    assert!(!user.password_hash.contains(PASSWORD));

    let pool = app.state.db.pool();
    let acks: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT version, acknowledged_at FROM policy_acknowledgements WHERE user_id = $1",
    )
    .bind(user.id)
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0].0, 1);
    let consent: i64 = sqlx::query_scalar(
        "SELECT granted FROM consent_events WHERE user_id = $1 AND purpose = 'marketing'",
    )
    .bind(user.id)
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(consent, 0);
    let (city, is_default): (String, i64) =
        sqlx::query_as("SELECT city, is_default FROM addresses WHERE user_id = $1")
            .bind(user.id)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!((city.as_str(), is_default), ("Shanghai", 1));

    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(mail.subject.contains("Confirm your email address"));
    assert!(mail.body.contains("Hello Mei Lin"));
    assert_eq!(token_in(&mail, "/account/verify/").len(), 64);
}
db_test!(registration_stores_the_account_and_sends_a_link);

async fn registration_does_not_reveal_existing_accounts(app: TestApp) {
    let first = register(&app, "mei@example.com").await;
    let (s1, b1) = (first.status(), first.text().await.unwrap());
    let other = app.new_browser();
    let second = register(&other, "MEI@example.com").await;
    let (s2, b2) = (second.status(), second.text().await.unwrap());
    assert_eq!(
        (s1, b1),
        (s2, b2),
        "same answer for a new and a known address"
    );
    let mails = app.mails_to("mei@example.com").await;
    assert_eq!(mails.len(), 2);
    assert!(
        mails[0].subject.contains("Someone tried to register"),
        "{}",
        mails[0].subject
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(count, 1);
}
db_test!(registration_does_not_reveal_existing_accounts);

async fn invalid_registration_reports_every_field_and_stores_nothing(app: TestApp) {
    let mut form = registration("not-an-email");
    form.retain(|(k, _)| *k != "form[accept_policy]");
    for (k, v) in form.iter_mut() {
        match *k {
            "form[phone]" => *v = "call me".into(),
            "form[password_confirm]" => *v = "something else".into(),
            "form[country]" => *v = "XX".into(),
            _ => {}
        }
    }
    let res = app.call("account/register", &pairs(&form)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "email",
            "phone",
            "country",
            "password_confirm",
            "accept_policy"
        ]
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(count, 0);
}
db_test!(invalid_registration_reports_every_field_and_stores_nothing);

async fn a_failed_plain_form_keeps_what_was_typed_but_not_the_password(app: TestApp) {
    let mut form = registration("mei@example.com");
    for (k, v) in form.iter_mut() {
        if *k == "form[phone]" {
            *v = "call me".into();
        }
        if *k == "form[city]" {
            *v = "Shanghai</script><script>alert(1)</script>".into();
        }
    }
    let res = app
        .post_plain("account/register", "/account/register", &pairs(&form))
        .await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.contains("/account/register?") && location.contains("__err="),
        "{location}"
    );
    assert!(
        !location.contains("Mei"),
        "typed data must not travel in the address: {location}"
    );
    let path = location.trim_start_matches(&app.base);
    let (_, page) = app.page(path).await;
    assert!(page.contains(r#"value="Mei Lin""#), "name not refilled");
    assert!(page.contains(r#"value="88 Century Avenue""#));
    // The kept values travel to the browser app in the page's data too: never as markup.
    assert!(
        page.contains("Shanghai&lt;/script&gt;"),
        "city not refilled"
    );
    assert!(
        !page.contains("<script>alert(1)"),
        "kept text written as markup"
    );
    assert!(!page.contains(PASSWORD), "password refilled");
    assert!(
        page.contains("Enter a telephone number"),
        "field error not shown"
    );
    // Only once: a fresh visit shows an empty form.
    let (_, again) = app.page("/account/register").await;
    assert!(!again.contains(r#"value="Mei Lin""#));
}
db_test!(a_failed_plain_form_keeps_what_was_typed_but_not_the_password);

async fn verification_link_signs_in_and_works_once(app: TestApp) {
    register(&app, "mei@example.com").await;
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    let token = token_in(&mail, "/account/verify/");
    assert_eq!(me(&app).await, Value::Null);
    let res = app.call("account/verify-email", &[("token", &token)]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let user = me(&app).await;
    assert_eq!(user["email"], "mei@example.com");
    assert_eq!(user["email_verified"], true);
    let again = app
        .new_browser()
        .call("account/verify-email", &[("token", &token)])
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    let junk = app
        .call("account/verify-email", &[("token", "nonsense")])
        .await;
    assert_eq!(junk.status(), StatusCode::GONE);
}
db_test!(verification_link_signs_in_and_works_once);

async fn sign_in_does_not_reveal_which_part_was_wrong(app: TestApp) {
    let b = app.new_browser();
    registered_shopper(&app, &b, "mei@example.com").await;
    let wrong_password = sign_in(&app, "mei@example.com", "not the password").await;
    let (s1, b1) = (
        wrong_password.status(),
        wrong_password.text().await.unwrap(),
    );
    let unknown = sign_in(&app, "nobody@example.com", "not the password").await;
    let (s2, b2) = (unknown.status(), unknown.text().await.unwrap());
    assert_eq!(s1, StatusCode::UNAUTHORIZED);
    assert_eq!((s1, b1), (s2, b2));
}
db_test!(sign_in_does_not_reveal_which_part_was_wrong);

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("shop_session=") && !c.starts_with("shop_session=;"))
        .map(|c| c.to_string())
}

async fn sign_in_issues_a_new_session_and_sign_out_ends_it(app: TestApp) {
    let setup = app.new_browser();
    registered_shopper(&app, &setup, "mei@example.com").await;

    // A session planted before sign-in (here: from a failed plain form post).
    app.post_plain(
        "account/sign-in",
        "/account/sign-in",
        &[("email", "x@example.com"), ("password", "wrong password")],
    )
    .await;
    let before: Vec<String> =
        sqlx::query_scalar("SELECT id_hash FROM sessions WHERE user_id IS NULL")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        before.len(),
        1,
        "the failed form kept its values in a session"
    );

    let res = sign_in(&app, "mei@example.com", PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let cookie = session_cookie(&res).expect("a new session cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Max-Age"),
        "{cookie}"
    );
    let still: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id_hash = $1")
        .bind(&before[0])
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(still, 0, "the pre-sign-in session id must die");
    assert_eq!(me(&app).await["email"], "mei@example.com");

    let token = cookie.split(';').next().unwrap().to_string();
    app.call("account/sign-out", &[]).await;
    assert_eq!(me(&app).await, Value::Null);
    // The old cookie is dead on the server, not just forgotten by this browser.
    let replay = app.new_browser();
    let res = replay
        .client
        .get(replay.url("/api/account/me"))
        .header("cookie", token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), Value::Null);
}
db_test!(sign_in_issues_a_new_session_and_sign_out_ends_it);

async fn remember_me_keeps_the_cookie_for_30_days(app: TestApp) {
    let setup = app.new_browser();
    registered_shopper(&app, &setup, "mei@example.com").await;
    let res = app
        .call(
            "account/sign-in",
            &[
                ("email", "mei@example.com"),
                ("password", PASSWORD),
                ("remember", "on"),
            ],
        )
        .await;
    let cookie = session_cookie(&res).unwrap();
    assert!(
        cookie.contains(&format!("Max-Age={}", 30 * 86400)),
        "{cookie}"
    );
}
db_test!(remember_me_keeps_the_cookie_for_30_days);

async fn repeated_failures_slow_down_one_account(app: TestApp) {
    let setup = app.new_browser();
    registered_shopper(&app, &setup, "mei@example.com").await;
    for _ in 0..5 {
        let res = sign_in(&app, "mei@example.com", "wrong password!").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = sign_in(&app, "mei@example.com", PASSWORD).await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(res.headers().contains_key("retry-after"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "rate_limited");
    // Another account from the same address is not affected.
    let setup = app.new_browser();
    registered_shopper(&app, &setup, "li@example.com").await;
    let res = sign_in(&app.new_browser(), "li@example.com", PASSWORD).await;
    assert_ne!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}
db_test!(repeated_failures_slow_down_one_account);

async fn one_address_gets_a_limited_number_of_attempts(app: TestApp) {
    let mut limited = false;
    for i in 0..40 {
        let res = sign_in(&app, &format!("user{i}@example.com"), "wrong password!").await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            assert!(i >= 30, "limited too early, after {i}");
            break;
        }
    }
    assert!(limited, "no limit per client address");
}
db_test!(one_address_gets_a_limited_number_of_attempts);

async fn password_reset_works_once_and_ends_every_session(app: TestApp) {
    let phone = app.new_browser();
    registered_shopper(&app, &phone, "mei@example.com").await;
    let before = app.mails_to("mei@example.com").await.len();

    let known = app
        .call("account/forgot-password", &[("email", "mei@example.com")])
        .await;
    let unknown = app
        .call(
            "account/forgot-password",
            &[("email", "nobody@example.com")],
        )
        .await;
    let (sk, bk) = (known.status(), known.text().await.unwrap());
    let (su, bu) = (unknown.status(), unknown.text().await.unwrap());
    assert_eq!(
        (sk, bk),
        (su, bu),
        "same answer for known and unknown addresses"
    );
    assert!(app.last_mail_to("nobody@example.com").await.is_none());
    assert_eq!(app.mails_to("mei@example.com").await.len(), before + 1);

    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    let token = token_in(&mail, "/account/reset/");
    let live: Value = app
        .get(&format!("/api/account/reset-link?token={token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(live, Value::Bool(true));
    let new_password = "copper lantern seven";
    let res = app
        .call(
            "account/reset-password",
            &[
                ("token", &token),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert_eq!(me(&phone).await, Value::Null, "the other session must end");
    let again = app
        .call(
            "account/reset-password",
            &[
                ("token", &token),
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert_eq!(
        sign_in(&app, "mei@example.com", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let res = sign_in(&app, "mei@example.com", new_password).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(me(&app).await["email"], "mei@example.com");
}
db_test!(password_reset_works_once_and_ends_every_session);

async fn reset_links_expire_after_an_hour(app: TestApp) {
    let b = app.new_browser();
    registered_shopper(&app, &b, "mei@example.com").await;
    app.call("account/forgot-password", &[("email", "mei@example.com")])
        .await;
    let token = token_in(
        &app.last_mail_to("mei@example.com").await.unwrap(),
        "/account/reset/",
    );
    sqlx::query(
        "UPDATE email_tokens SET expires_at = expires_at - 3601 WHERE purpose = 'reset_password'",
    )
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let res = app
        .call(
            "account/reset-password",
            &[
                ("token", &token),
                ("password", "copper lantern seven"),
                ("password_confirm", "copper lantern seven"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
}
db_test!(reset_links_expire_after_an_hour);

async fn changing_the_password_needs_the_current_one_and_ends_other_sessions(app: TestApp) {
    let laptop = app.new_browser();
    registered_shopper(&app, &laptop, "mei@example.com").await;
    sign_in(&app, "mei@example.com", PASSWORD).await;
    let res = app
        .call(
            "account/change-password",
            &[
                ("current_password", "guess guess guess"),
                ("password", "copper lantern seven"),
                ("password_confirm", "copper lantern seven"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["problem"], "wrong_password");
    let res = app
        .call(
            "account/change-password",
            &[
                ("current_password", PASSWORD),
                ("password", "copper lantern seven"),
                ("password_confirm", "copper lantern seven"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "1", "one other session ended");
    assert_eq!(me(&laptop).await, Value::Null);
    assert_eq!(
        me(&app).await["email"],
        "mei@example.com",
        "this session stays"
    );
}
db_test!(changing_the_password_needs_the_current_one_and_ends_other_sessions);

async fn profile_changes_and_marketing_consent_are_recorded(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com").await;
    let res = app
        .call(
            "account/update-profile",
            &[
                ("form[full_name]", "Mei Lin-Wang"),
                ("form[phone]", "+86 139 0000 0000"),
                ("form[language]", "zh"),
                ("form[marketing]", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("lang=zh"));
    assert!(cookie, "the language choice follows to this browser");
    let user = users::find_by_id(app.state.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (user.full_name.as_str(), user.language.code()),
        ("Mei Lin-Wang", "zh")
    );
    assert!(user.marketing_opt_in_at.is_some());
    app.call(
        "account/update-profile",
        &[
            ("form[full_name]", "Mei Lin-Wang"),
            ("form[phone]", "+86 139 0000 0000"),
            ("form[language]", "zh"),
        ],
    )
    .await;
    let choices: Vec<i64> =
        sqlx::query_scalar("SELECT granted FROM consent_events WHERE user_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(choices, [0, 1, 0]);
    let res = app
        .call(
            "account/update-profile",
            &[
                ("form[full_name]", ""),
                ("form[phone]", "1"),
                ("form[language]", "fr"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
db_test!(profile_changes_and_marketing_consent_are_recorded);

async fn email_changes_only_after_the_new_address_confirms(app: TestApp) {
    let id = registered_shopper(&app, &app, "mei@example.com").await;
    let res = app
        .call(
            "account/change-email",
            &[
                ("new_email", "mei.lin@example.org"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let user = users::find_by_id(app.state.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        user.email, "mei@example.com",
        "not changed before confirmation"
    );
    let token = token_in(
        &app.last_mail_to("mei.lin@example.org").await.unwrap(),
        "/account/verify/",
    );
    app.call("account/verify-email", &[("token", &token)]).await;
    let user = users::find_by_id(app.state.db.pool(), id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.email, "mei.lin@example.org");
    let notice = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(notice.subject.contains("was changed"), "{}", notice.subject);

    // Taken addresses are not revealed: same answer, and the owner is told instead.
    registered_shopper(&app, &app.new_browser(), "li@example.com").await;
    let res = app
        .call(
            "account/change-email",
            &[
                ("new_email", "li@example.com"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        app.last_mail_to("li@example.com")
            .await
            .unwrap()
            .subject
            .contains("Someone tried")
    );
}
db_test!(email_changes_only_after_the_new_address_confirms);

async fn addresses_belong_to_their_owner(app: TestApp) {
    registered_shopper(&app, &app, "mei@example.com").await;
    let other = app.new_browser();
    registered_shopper(&app, &other, "li@example.com").await;
    let address = [
        ("form[recipient_name]", "Li Wei"),
        ("form[recipient_phone]", "+852 5555 0101"),
        ("form[line1]", "1 Harbour Road"),
        ("form[city]", "Hong Kong"),
        ("form[postal_code]", "999077"),
        ("form[country]", "HK"),
    ];
    let res = other.call("account/add-address", &address).await;
    assert_eq!(res.status(), StatusCode::OK);
    let theirs: i64 = res.text().await.unwrap().parse().unwrap();

    let theirs_text = theirs.to_string();
    let mut update = vec![("id", theirs_text.as_str())];
    update.extend_from_slice(&address);
    for (endpoint, form) in [
        ("account/update-address", update.clone()),
        ("account/delete-address", vec![("id", theirs_text.as_str())]),
        (
            "account/default-address",
            vec![("id", theirs_text.as_str())],
        ),
    ] {
        let res = app.call(endpoint, &form).await;
        assert_eq!(
            res.status(),
            StatusCode::NOT_FOUND,
            "{endpoint} on another shopper's address"
        );
    }
    let owner: (String, i64) = sqlx::query_as("SELECT line1, user_id FROM addresses WHERE id = $1")
        .bind(theirs)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(owner.0, "1 Harbour Road", "unchanged");

    // The owner can: add makes a second address, default moves, delete promotes another.
    let account: Value = other
        .get("/api/account/profile")
        .await
        .json()
        .await
        .unwrap();
    let first = account["addresses"][0]["id"].as_i64().unwrap();
    assert_eq!(account["addresses"][0]["is_default"], true);
    assert_eq!(
        other
            .call("account/default-address", &[("id", &theirs_text)])
            .await
            .status(),
        StatusCode::OK
    );
    let account: Value = other
        .get("/api/account/profile")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(account["addresses"][0]["id"].as_i64(), Some(theirs));
    assert_eq!(
        other
            .call("account/delete-address", &[("id", &theirs_text)])
            .await
            .status(),
        StatusCode::OK
    );
    let account: Value = other
        .get("/api/account/profile")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(account["addresses"].as_array().unwrap().len(), 1);
    assert_eq!(account["addresses"][0]["id"].as_i64(), Some(first));
    assert_eq!(account["addresses"][0]["is_default"], true);
}
db_test!(addresses_belong_to_their_owner);

/// An address carries who receives the parcel (the express company needs a name and a
/// telephone) and, for wholesale, a company and its VAT or tax id.
async fn addresses_carry_the_recipient_and_the_company(app: TestApp) {
    registered_shopper(&app, &app, "mei@example.com").await;
    // The address given at registration is addressed to the person registering.
    let account: Value = app.get("/api/account/profile").await.json().await.unwrap();
    assert_eq!(account["addresses"][0]["recipient_name"], "Mei Lin");
    assert_eq!(
        account["addresses"][0]["recipient_phone"],
        "+86 138 0013 8000"
    );

    let missing = [
        ("form[line1]", "8 Canal Street"),
        ("form[city]", "Rotterdam"),
        ("form[postal_code]", "3011 AA"),
        ("form[country]", "NL"),
        ("form[tax_id]", "NL<script>"),
    ];
    let res = app.call("account/add-address", &missing).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["recipient_name", "recipient_phone", "tax_id"]);

    let full = [
        ("form[recipient_name]", "Joost de Vries"),
        ("form[recipient_phone]", "+31 10 555 0199"),
        ("form[company]", "Havenlicht B.V."),
        ("form[tax_id]", "nl 123456789 b01"),
        ("form[line1]", "8 Canal Street"),
        ("form[city]", "Rotterdam"),
        ("form[postal_code]", "3011 AA"),
        ("form[country]", "NL"),
    ];
    assert_eq!(
        app.call("account/add-address", &full).await.status(),
        StatusCode::OK
    );
    let account: Value = app.get("/api/account/profile").await.json().await.unwrap();
    let added = &account["addresses"][1];
    assert_eq!(added["recipient_name"], "Joost de Vries");
    assert_eq!(added["company"], "Havenlicht B.V.");
    assert_eq!(added["tax_id"], "NL 123456789 B01", "kept in capitals");
    let export: Value = app.get("/api/account/export").await.json().await.unwrap();
    assert_eq!(export["addresses"][1]["vat_or_tax_id"], "NL 123456789 B01");
    assert_eq!(
        export["addresses"][1]["recipient_telephone"],
        "+31 10 555 0199"
    );
    let (_, page) = app.page("/account/addresses").await;
    assert!(page.contains("Havenlicht B.V.") && page.contains("Joost de Vries"));
    assert!(page.contains("Netherlands"), "countries by name");
}
db_test!(addresses_carry_the_recipient_and_the_company);

async fn sessions_can_be_listed_and_ended(app: TestApp) {
    registered_shopper(&app, &app, "mei@example.com").await;
    let tablet = app.new_browser();
    sign_in(&tablet, "mei@example.com", PASSWORD).await;
    let list: Value = app.get("/api/account/sessions").await.json().await.unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let other_id = list.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let stranger = app.new_browser();
    registered_shopper(&app, &stranger, "li@example.com").await;
    assert_eq!(
        stranger
            .call("account/end-session", &[("id", &other_id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert!(me(&tablet).await["id"].is_i64());

    assert_eq!(
        app.call("account/end-session", &[("id", &other_id)])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(me(&tablet).await, Value::Null);
    sign_in(&tablet, "mei@example.com", PASSWORD).await;
    let res = app.call("account/end-other-sessions", &[]).await;
    assert_eq!(res.text().await.unwrap(), "1");
    assert_eq!(me(&tablet).await, Value::Null);
    assert!(me(&app).await["id"].is_i64());
}
db_test!(sessions_can_be_listed_and_ended);

async fn account_functions_need_a_signed_in_shopper(app: TestApp) {
    for path in [
        "/api/account/profile",
        "/api/account/sessions",
        "/api/account/data",
        "/api/account/export",
    ] {
        assert_eq!(
            app.get(path).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    for endpoint in [
        "account/update-profile",
        "account/change-password",
        "account/add-address",
        "account/end-other-sessions",
        "account/deactivate",
        "account/delete",
    ] {
        let res = app.call(endpoint, &[("password", "x")]).await;
        assert!(
            matches!(res.status().as_u16(), 400 | 401),
            "{endpoint}: {}",
            res.status()
        );
    }
    // Signed-in pages send visitors to the sign-in page.
    let res = app
        .client
        .get(app.url("/account/addresses"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap();
    assert_eq!(location, "/account/sign-in?next=/account/addresses");
}
db_test!(account_functions_need_a_signed_in_shopper);

async fn cross_site_sign_in_is_rejected(app: TestApp) {
    registered_shopper(&app, &app.new_browser(), "mei@example.com").await;
    let res = app
        .client
        .post(app.url("/api/account/sign-in"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "mei@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("set-cookie").is_none());
}
db_test!(cross_site_sign_in_is_rejected);

async fn mail_is_delivered_to_the_local_mailbox(app: TestApp) {
    register(&app, "mei@example.com").await;
    let delivered = app::backend::mail::worker::deliver_due(
        &app.state.db,
        &app::backend::mail::worker::Transport::Mailbox,
    )
    .await
    .unwrap();
    // The background worker may have been first; either way the mail ends up delivered.
    let mail = app.last_mail_to("mei@example.com").await.unwrap();
    assert!(delivered <= 1);
    for _ in 0..50 {
        if app
            .last_mail_to("mei@example.com")
            .await
            .unwrap()
            .delivered_at
            .is_some()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mail = app.last_mail_to(&mail.recipient).await.unwrap();
    assert!(mail.delivered_at.is_some());
    assert_eq!(mail.transport.as_deref(), Some("mailbox"));
    assert_eq!(mail.attempts, 1, "delivered exactly once");
}
db_test!(mail_is_delivered_to_the_local_mailbox);

/// A one-message SMTP server: accepts a single message and returns what it received.
pub async fn smtp_sink() -> (u16, tokio::task::JoinHandle<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        let mut received = String::new();
        let mut in_data = false;
        write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
                } else {
                    received.push_str(&line);
                    received.push('\n');
                }
                continue;
            }
            let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
            let reply: &[u8] = match verb.as_str() {
                "EHLO" | "HELO" => b"250 sink\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await.unwrap();
        }
        received
    });
    (port, task)
}

/// Mail that has left through SMTP keeps no text in the outbox (it held a live link and
/// personal data); the delivery record stays.
async fn mail_sent_through_smtp_keeps_no_text(db: app::backend::db::Db) {
    use app::backend::{db::outbox, mail::worker};
    let token = "cd".repeat(32);
    // (Short lines, so the message travels as plain 7-bit text.)
    let body = format!("Hello Mei, your one-time code:\n{token}\n");
    outbox::insert(
        db.pool(),
        outbox::NewMail {
            user_id: None,
            recipient: "mei@example.com",
            kind: "reset_password",
            subject: "Reset",
            body: &body,
            headers: "",
        },
        0,
    )
    .await
    .unwrap();
    let (port, sink) = smtp_sink().await;
    let smtp =
        worker::Transport::smtp(&format!("smtp://127.0.0.1:{port}"), "Shop <shop@shop.test>")
            .unwrap();
    assert_eq!(worker::deliver_due(&db, &smtp).await.unwrap(), 1);
    let received = sink.await.unwrap();
    assert!(
        received.contains(&token),
        "the recipient got the link: {received}"
    );
    let row = outbox::mailbox(db.pool(), Some("mei@example.com"), 1)
        .await
        .unwrap()
        .remove(0);
    assert!(row.delivered_at.is_some());
    assert_eq!(row.transport.as_deref(), Some("smtp"));
    assert_eq!(row.body, "", "the text left with the mail");
    assert_eq!(row.subject, "Reset");
}
bare_db_test!(mail_sent_through_smtp_keeps_no_text);

/// The probe's findings: `next=/%09/evil.example` after a plain-form sign-in went to another
/// host, and `next=/%0A/…` made the server panic after the session was written.
async fn sign_in_goes_only_to_paths_on_this_site(app: TestApp) {
    registered_shopper(&app, &app.new_browser(), "mei@example.com").await;
    let cases = [
        ("/account/addresses", "/account/addresses"),
        ("/search?q=屏幕", "/search?q=%E5%B1%8F%E5%B9%95"),
        ("/\t/evil.example", "/account"),
        ("/\n/evil.example", "/account"),
        ("/\r\nSet-Cookie: x=1", "/account"),
        ("//evil.example", "/account"),
        ("/\\evil.example", "/account"),
        ("https://evil.example/", "/account"),
        ("", "/account"),
    ];
    for (next, expected) in cases {
        let b = app.new_browser();
        let res = b
            .post_plain(
                "account/sign-in",
                "/account/sign-in",
                &[
                    ("email", "mei@example.com"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FOUND, "{next:?}");
        assert_eq!(res.headers()["location"], expected, "{next:?}");
        assert_eq!(me(&b).await["email"], "mei@example.com", "{next:?}");
    }
}
db_test!(sign_in_goes_only_to_paths_on_this_site);

/// The probe's finding: twelve reset requests, twelve mails to the victim. Mail sent because
/// someone asked is limited per recipient and per client, and the answer never changes.
async fn requested_mail_is_limited_per_recipient_and_client(app: TestApp) {
    use app::backend::security::throttle::{
        MAILS_PER_CLIENT_PER_HOUR, MAILS_PER_RECIPIENT_PER_HOUR,
    };
    registered_shopper(&app, &app.new_browser(), "mei@example.com").await;
    let from = |last: u8| {
        Browser::from_address(
            &app.base,
            Some(std::net::Ipv4Addr::new(127, 0, 0, last).into()),
        )
    };
    let stranger = from(2);
    let mut answers = Vec::new();
    for _ in 0..12 {
        let res = stranger
            .call("account/forgot-password", &[("email", "mei@example.com")])
            .await;
        answers.push((res.status(), res.text().await.unwrap()));
    }
    for _ in 0..6 {
        let res = register(&stranger, "mei@example.com").await;
        answers.push((res.status(), res.text().await.unwrap()));
    }
    let (first_reset, first_register) = (answers[0].clone(), answers[12].clone());
    assert!(
        answers[..12].iter().all(|a| *a == first_reset),
        "resets answer alike"
    );
    assert!(
        answers[12..].iter().all(|a| *a == first_register),
        "registrations answer alike"
    );
    let mails = app.mails_to("mei@example.com").await;
    assert_eq!(
        mails.len() as i64,
        MAILS_PER_RECIPIENT_PER_HOUR,
        "the verification mail and the rest of the hour's allowance"
    );

    // One client cannot spread a flood over many addresses either.
    let spreader = from(3);
    for i in 0..MAILS_PER_CLIENT_PER_HOUR + 5 {
        let res = spreader
            .call(
                "account/forgot-password",
                &[("email", &format!("mei+{i}@example.com"))],
            )
            .await;
        assert_eq!((res.status(), res.text().await.unwrap()), first_reset);
    }
    for i in 0..MAILS_PER_CLIENT_PER_HOUR + 5 {
        let res = register(&spreader, &format!("shopper{i}@example.com")).await;
        assert!(res.status().is_success() || res.status().is_redirection());
    }
    let written: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'shopper%'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    // (Resets for addresses without an account send nothing and use no allowance.)
    assert_eq!(written, MAILS_PER_CLIENT_PER_HOUR, "one client's allowance");
}
db_test!(requested_mail_is_limited_per_recipient_and_client);

/// Behind a load balancer every request comes from its address: the shop believes
/// `X-Forwarded-For` from a configured proxy only, so shoppers keep separate sign-in limits
/// there, and a visitor who sends the header straight to the shop gains nothing.
async fn clients_behind_a_trusted_proxy_are_told_apart(app: TestApp) {
    let from = |last: u8| {
        Browser::from_address(
            &app.base,
            Some(std::net::Ipv4Addr::new(127, 0, 0, last).into()),
        )
    };
    // Attempts until limited (None: never within 40).
    let attempts_until_limited = |b: Browser, forwarded: &'static str| async move {
        for i in 0..40 {
            let res = b
                .client
                .post(b.url("/api/account/sign-in"))
                .header("sec-fetch-site", "same-origin")
                .header("accept", "application/json")
                .header("x-forwarded-for", forwarded)
                .form(&[
                    ("email", format!("user{i}@example.com")),
                    ("password", "wrong password!".to_string()),
                ])
                .send()
                .await
                .unwrap();
            if res.status() == StatusCode::TOO_MANY_REQUESTS {
                return Some(i);
            }
        }
        None
    };
    // The proxy (127.0.0.1, trusted) forwards two shoppers: each has their own allowance.
    let first = attempts_until_limited(from(1), "203.0.113.1").await;
    assert!(first.is_some_and(|i| i >= 30), "{first:?}");
    let second = attempts_until_limited(from(1), "10.9.9.9, 203.0.113.2").await;
    assert!(
        second.is_some_and(|i| i >= 30),
        "another shopper behind the proxy starts afresh: {second:?}"
    );
    // Straight to the shop from an untrusted address: the header is ignored, so changing it
    // does not reset the limit.
    assert!(
        attempts_until_limited(from(2), "198.51.100.1")
            .await
            .is_some()
    );
    assert_eq!(
        attempts_until_limited(from(2), "198.51.100.2").await,
        Some(0),
        "a forged header gives no new allowance"
    );
}
db_test!(
    clients_behind_a_trusted_proxy_are_told_apart,
    [("SHOP_TRUSTED_PROXIES", "127.0.0.1")]
);

/// Registration took ~215 ms for an address with an account and ~307 ms for a new one, so
/// the time told a stranger which addresses have accounts. Both paths now run the same
/// steps: one password hash, the account's rows written (undone for a taken address), one
/// mail queued; and the taken address's owner is told, nothing else is left behind.
async fn registering_a_taken_address_does_the_same_work(app: TestApp) {
    use app::backend::security::work::Step;
    let count = |sql| crate::checkout::count(&app, sql);
    let before = app.state.work.all();
    assert_eq!(
        register(&app, "mei@example.com").await.status(),
        StatusCode::OK
    );
    let new = app.state.work.all();
    assert_eq!(
        register(&app.new_browser(), "mei@example.com")
            .await
            .status(),
        StatusCode::OK
    );
    let taken = app.state.work.all();
    let steps = |from: &[(Step, u64)], to: &[(Step, u64)]| -> Vec<(Step, u64)> {
        from.iter()
            .zip(to)
            .map(|((s, a), (_, b))| (*s, b - a))
            .collect()
    };
    let expected = vec![
        (Step::PasswordHash, 1),
        (Step::AccountWritten, 1),
        (Step::MailQueued, 1),
    ];
    assert_eq!(steps(&before, &new), expected, "a new address");
    assert_eq!(steps(&new, &taken), expected, "a taken address");
    // The stand-in rows are gone; the owner got one note, the new account one link.
    assert_eq!(
        count("SELECT COUNT(*) FROM users WHERE email <> 'mei@example.com'").await,
        0
    );
    assert_eq!(count("SELECT COUNT(*) FROM addresses").await, 1);
    assert_eq!(count("SELECT COUNT(*) FROM email_tokens").await, 1);
    assert_eq!(count("SELECT COUNT(*) FROM consent_events").await, 1);
    let mails = app.mails_to("mei@example.com").await;
    assert_eq!(mails.len(), 2);
    assert_eq!(count("SELECT COUNT(*) FROM outbox").await, 2);
}
db_test!(registering_a_taken_address_does_the_same_work);
