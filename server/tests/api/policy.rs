//! The privacy policy as versioned text (P11): drafts, publishing, the differences between
//! versions, the banner until a shopper acknowledges a new version, and the notice mail.

use crate::{
    accounts::{me, register, registered_shopper},
    admin::staff,
    catalog_admin::{field_problems, kept_page},
    db_test,
    helpers::{Browser, TestApp},
};
use app::{
    backend::{now, privacy::policy},
    domain::{account::Role, time},
};
use reqwest::StatusCode;
use serde_json::Value;

fn draft(summary: &str, text_en: &str, text_zh: &str) -> Vec<(String, String)> {
    [
        ("summary_en", summary.to_string()),
        ("summary_zh", format!("{summary}（中文）")),
        ("text_en", text_en.to_string()),
        ("text_zh", text_zh.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (format!("draft[{k}]"), v))
    .collect()
}

async fn save_draft(
    b: &Browser,
    version: Option<i64>,
    fields: &[(String, String)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let version = version.map(|v| v.to_string());
    if let Some(v) = &version {
        form.push(("version", v));
    }
    b.call("admin/privacy-draft", &form).await
}

async fn publish(b: &Browser, version: i64, day: &str) -> reqwest::Response {
    b.call(
        "admin/privacy-publish",
        &[("version", &version.to_string()), ("effective_on", day)],
    )
    .await
}

/// Writes and publishes a version that takes effect now; its number.
pub async fn publish_now(admin: &Browser, summary: &str, text_en: &str) -> i64 {
    let res = save_draft(admin, None, &draft(summary, text_en, "## 新版本\n\n文本。")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let version: i64 = res.json().await.unwrap();
    let res = publish(admin, version, &time::date(now())).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    version
}

async fn drafts_are_private_until_published_and_versions_compare(app: TestApp) {
    // The first version is the whole policy, in both languages.
    let (status, body) = app.page("/privacy").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Version 1, in effect since"), "{body}");
    assert!(
        body.contains("<h2>Who receives your information<"),
        "{body}"
    );
    assert!(body.contains("We do not sell, trade or license your information to anyone."));

    // Only admins write versions.
    let shopper = app.new_browser();
    registered_shopper(&app, &shopper, "mei@example.com").await;
    let fields = draft("Clearer wording", "## One\n\nFirst.", "## 一\n\n第一。");
    assert_eq!(
        save_draft(&shopper, None, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    let clerk = staff(&app, "clerk@example.com", Role::Staff).await;
    assert_eq!(
        save_draft(&clerk, None, &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        clerk.get("/api/admin/privacy").await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = staff(&app, "admin@example.com", Role::Admin).await;

    // A draft needs every field, within its limits.
    let mut bad = draft("", "## One", "x");
    bad[3].1 = "y".repeat(60_001);
    assert_eq!(
        field_problems(save_draft(&admin, None, &bad).await).await,
        [
            ("summary_en".to_string(), "required".to_string()),
            ("text_zh".to_string(), "too_long".to_string()),
        ]
    );

    let res = save_draft(&admin, None, &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let v2: i64 = res.json().await.unwrap();
    assert_eq!(v2, 2);
    // A draft is nobody's policy yet.
    assert!(
        app.page("/privacy")
            .await
            .1
            .contains("Version 1, in effect since")
    );
    assert_eq!(
        app.page("/privacy/versions/2").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/privacy/changes?from=1&to=2").await.status(),
        StatusCode::NOT_FOUND
    );
    let edited = draft(
        "Clearer wording",
        "## One\n\nFirst, edited.",
        "## 一\n\n第一。",
    );
    assert_eq!(
        save_draft(&admin, Some(v2), &edited).await.status(),
        StatusCode::OK
    );

    // Published for a later day: listed, not yet in effect.
    let yesterday = time::date(now() - 86_400);
    assert_eq!(
        field_problems(publish(&admin, v2, &yesterday).await).await,
        [("effective_on".to_string(), "date_in_past".to_string())]
    );
    assert_eq!(
        field_problems(publish(&admin, v2, "2026-02-30").await).await,
        [("effective_on".to_string(), "invalid".to_string())]
    );
    let later = time::date(now() + 3 * 86_400);
    assert_eq!(publish(&admin, v2, &later).await.status(), StatusCode::OK);
    assert_eq!(
        publish(&admin, v2, &later).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        save_draft(&admin, Some(v2), &fields).await.status(),
        StatusCode::CONFLICT
    );
    let (_, body) = app.page("/privacy").await;
    assert!(body.contains("Version 1, in effect since"));
    assert!(body.contains(&format!("Version 2 takes effect on {later}")));
    let (status, body) = app.page("/privacy/versions/2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("First, edited."));

    // Published today: in effect at once, and compared block by block in either language.
    let v3 = publish_now(
        &admin,
        "Analytics described",
        "## One\n\nFirst, edited.\n\n- a list",
    )
    .await;
    let (_, body) = app.page("/privacy").await;
    assert!(body.contains("Version 3, in effect since"), "{body}");
    assert!(body.contains("<li>a list<"));
    let diff: Value = app
        .get(&format!("/api/privacy/changes?from=1&to={v3}"))
        .await
        .json()
        .await
        .unwrap();
    let changes: Vec<&str> = diff["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b[0].as_str().unwrap())
        .collect();
    assert!(
        changes.contains(&"Removed") && changes.contains(&"Added"),
        "{changes:?}"
    );
    let (status, body) = app.page(&format!("/privacy/changes?from=2&to={v3}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Changes from version 2 to version 3"));
    assert!(body.contains("<ins><ul><li>a list<"), "{body}");
    assert!(!body.contains("<del>"), "nothing of version 2 was removed");

    // Drafts can be deleted; published versions cannot.
    let res = save_draft(&admin, None, &fields).await;
    let v4: i64 = res.json().await.unwrap();
    let delete = |v: i64| {
        let admin = admin.clone();
        async move {
            admin
                .call("admin/privacy-delete", &[("version", &v.to_string())])
                .await
                .status()
        }
    };
    assert_eq!(delete(v3).await, StatusCode::CONFLICT);
    assert!(delete(v4).await.is_success());
    let list: Value = admin.get("/api/admin/privacy").await.json().await.unwrap();
    let numbers: Vec<i64> = list["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [3, 2, 1]);
}
db_test!(drafts_are_private_until_published_and_versions_compare);

async fn a_new_version_shows_a_banner_until_it_is_acknowledged(app: TestApp) {
    let shopper = app.new_browser();
    let id = registered_shopper(&app, &shopper, "mei@example.com").await;
    assert!(me(&shopper).await["policy_notice"].is_null());
    // Kept catalog pages do for a shopper who has read the policy in effect.
    assert_eq!(kept_page(&shopper, "/catalog").await.1, "shopper");

    let admin = staff(&app, "admin@example.com", Role::Admin).await;
    let v2 = publish_now(&admin, "Clearer wording", "## New\n\nText.").await;
    let notice = me(&shopper).await["policy_notice"].clone();
    assert_eq!(notice["acknowledged"], 1);
    assert_eq!(notice["current"], v2);
    // Every page now carries the banner, rendered for this shopper.
    let (_, personal, html) = kept_page(&shopper, "/catalog").await;
    assert_eq!(personal, "");
    assert!(html.contains("Our privacy policy changed on"), "{html}");
    assert!(html.contains(&format!("/privacy/changes?from=1&amp;to={v2}")));
    let (_, body) = shopper
        .page(&format!("/privacy/changes?from=1&to={v2}"))
        .await;
    assert!(body.contains("I have read the new version"));
    // Staff who publish are accounts too.
    assert!(!me(&admin).await["policy_notice"].is_null());

    // Only published versions up to the one in effect can be acknowledged; visitors cannot.
    let ack = |b: &Browser, v: i64| {
        let b = b.clone();
        async move {
            b.call("privacy/acknowledge", &[("version", &v.to_string())])
                .await
                .status()
        }
    };
    assert_eq!(
        ack(&shopper, v2 + 1).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(ack(&app.new_browser(), v2).await, StatusCode::UNAUTHORIZED);
    assert_eq!(ack(&shopper, v2).await, StatusCode::OK);
    assert!(me(&shopper).await["policy_notice"].is_null());
    let acks: Vec<(i64,)> = sqlx::query_as(
        "SELECT version FROM policy_acknowledgements WHERE user_id = $1 ORDER BY version",
    )
    .bind(id)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(acks, [(1,), (v2,)]);
    let (_, personal, html) = kept_page(&shopper, "/catalog").await;
    assert!(!html.contains("Our privacy policy changed on"));
    assert_eq!(personal, "shopper");

    // Without JavaScript: the form posts and the browser comes back to the page.
    let res = admin
        .post_plain(
            "privacy/acknowledge",
            &format!("/privacy/changes?from=1&to={v2}"),
            &[("version", &v2.to_string())],
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert!(me(&admin).await["policy_notice"].is_null());
}
db_test!(a_new_version_shows_a_banner_until_it_is_acknowledged);

async fn notice_mail_goes_once_to_every_confirmed_account_in_batches(app: TestApp) {
    let mut confirmed = Vec::new();
    for n in 0..5 {
        let email = format!("shopper{n}@example.com");
        registered_shopper(&app, &app.new_browser(), &email).await;
        confirmed.push(email);
    }
    sqlx::query("UPDATE users SET language = 'zh' WHERE email = 'shopper4@example.com'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let unconfirmed = "later@example.com";
    register(&app.new_browser(), unconfirmed).await;
    let admin = staff(&app, "admin@example.com", Role::Admin).await;
    confirmed.push("admin@example.com".to_string());

    let v2 = publish_now(&admin, "Clearer wording", "## New\n\nText.").await;
    // One round queues at most one batch; the server's own job runs rounds too, and no
    // account is ever queued twice.
    assert!(policy::queue_notices(&app.state, 2, now()).await.unwrap() <= 2);
    while policy::queue_notices(&app.state, 2, now()).await.unwrap() > 0 {}
    for email in &confirmed {
        let notices: Vec<_> = app
            .mails_to(email)
            .await
            .into_iter()
            .filter(|m| m.body.contains("/privacy/changes?from=1&to=2"))
            .collect();
        assert_eq!(notices.len(), 1, "{email}");
        let subject = &notices[0].subject;
        if email == "shopper4@example.com" {
            assert!(subject.contains("隐私政策"), "{subject}");
        } else {
            assert!(subject.contains(&format!("privacy policy is changing (version {v2})")));
        }
    }
    assert!(
        app.mails_to(unconfirmed)
            .await
            .iter()
            .all(|m| !m.body.contains("/privacy/changes")),
        "an unconfirmed address gets no notice"
    );
    let list: Value = admin.get("/api/admin/privacy").await.json().await.unwrap();
    assert_eq!(list["versions"][0]["notices_pending"], false);
}
db_test!(notice_mail_goes_once_to_every_confirmed_account_in_batches);

async fn consent_state(b: &Browser, extra: Option<(&str, &str)>) -> Value {
    let mut req = b.client.get(b.url("/api/privacy/consent-state"));
    if let Some((name, value)) = extra {
        req = req.header(name, value);
    }
    req.send().await.unwrap().json().await.unwrap()
}

async fn choose(b: &Browser, answer: &str, purposes: &[&str]) -> reqwest::Response {
    let mut form = vec![("answer", answer)];
    form.extend(purposes.iter().map(|p| (*p, "on")));
    b.post_plain("privacy/consent", "/catalog", &form).await
}

const BANNER: &str = "id=\"consent-title\"";

async fn the_consent_banner_asks_once_and_the_choice_is_kept(app: TestApp) {
    // A first visit: the banner, with "Reject all" beside "Accept all".
    let visitor = app.new_browser();
    let (_, _, html) = kept_page(&visitor, "/catalog").await;
    assert!(html.contains(BANNER) && html.contains("Accept all") && html.contains("Reject all"));
    assert_eq!(consent_state(&visitor, None).await["notice"], "AskConsent");

    // Rejecting: a cookie with nothing allowed, the banner gone, pages still kept.
    let res = choose(&visitor, "reject", &["analytics"]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("consent=a0.m0.p1;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Max-Age=")
    );
    kept_page(&visitor, "/catalog").await;
    let (cache, _, html) = kept_page(&visitor, "/catalog").await;
    assert_eq!(cache, "hit");
    assert!(!html.contains(BANNER));
    // The first visitor's page is still theirs.
    let (cache, _, html) = kept_page(&app.new_browser(), "/catalog").await;
    assert_eq!(cache, "hit");
    assert!(html.contains(BANNER));

    // Choosing per purpose, and changing it later.
    assert!(
        choose(&visitor, "save", &["analytics"])
            .await
            .status()
            .is_redirection()
    );
    let state = consent_state(&visitor, None).await;
    assert_eq!(
        (state["analytics"].as_bool(), state["marketing"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(state["notice"], "None");
    assert!(
        choose(&visitor, "accept", &[])
            .await
            .status()
            .is_redirection()
    );
    assert_eq!(consent_state(&visitor, None).await["marketing"], true);
    // Global Privacy Control and Do Not Track say no, whatever the cookie says.
    for header in [("sec-gpc", "1"), ("dnt", "1")] {
        let state = consent_state(&visitor, Some(header)).await;
        assert_eq!(state["analytics"], false, "{header:?}");
        assert_eq!(state["marketing"], false, "{header:?}");
        assert_eq!(state["browser_refuses"], true, "{header:?}");
        // And a browser that says so is not asked.
        let fresh = app.new_browser();
        let html = fresh
            .client
            .get(fresh.url("/catalog"))
            .header(header.0, header.1)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!html.contains(BANNER), "{header:?}");
    }

    // Anything but the four answers is refused; a forged cookie counts as no choice.
    let res = visitor
        .call("privacy/consent", &[("answer", "everything")])
        .await;
    assert_eq!(
        field_problems(res).await,
        [("answer".to_string(), "invalid".to_string())]
    );
    let forged = app.new_browser();
    let state: Value = forged
        .client
        .get(forged.url("/api/privacy/consent-state"))
        .header("cookie", "consent=a1.m1.p1<script>")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["analytics"], false);
    assert_eq!(state["notice"], "AskConsent");
}
db_test!(the_consent_banner_asks_once_and_the_choice_is_kept);

async fn an_accounts_choices_are_recorded_and_a_guest_hears_of_a_new_policy_once(app: TestApp) {
    let shopper = app.new_browser();
    let id = registered_shopper(&app, &shopper, "mei@example.com").await;
    assert!(
        choose(&shopper, "accept", &[])
            .await
            .status()
            .is_redirection()
    );
    assert!(
        choose(&shopper, "save", &["marketing"])
            .await
            .status()
            .is_redirection()
    );
    let events: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT purpose, granted, policy_version FROM consent_events
         WHERE user_id = $1 AND purpose <> 'marketing' ORDER BY id",
    )
    .bind(id)
    .fetch_all(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(
        events,
        [
            ("analytics".to_string(), 1, Some(1)),
            ("marketing_offers".to_string(), 1, Some(1)),
            ("analytics".to_string(), 0, Some(1)),
        ]
    );

    // A guest who chose under version 1 is told once about version 2.
    let guest = app.new_browser();
    assert!(
        choose(&guest, "save", &["analytics"])
            .await
            .status()
            .is_redirection()
    );
    let admin = staff(&app, "admin@example.com", Role::Admin).await;
    publish_now(&admin, "Clearer wording", "## New\n\nText.").await;
    let (_, _, html) = kept_page(&guest, "/catalog").await;
    assert!(html.contains("Our privacy policy changed on"), "{html}");
    assert!(!html.contains(BANNER));
    let res = choose(&guest, "keep", &[]).await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("consent=a1.m0.p2;"),
        "the choice is kept: {cookie}"
    );
    let (_, _, html) = kept_page(&guest, "/catalog").await;
    assert!(!html.contains("Our privacy policy changed on"));
}
db_test!(an_accounts_choices_are_recorded_and_a_guest_hears_of_a_new_policy_once);
