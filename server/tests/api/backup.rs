//! Backups and restore on SQLite (issue 26): the restore drill (checkouts running, a backup
//! taken, more checkouts and an erasure, the shop stopped, the backup restored, the shop
//! started: every order the backup held is there with its stock, nothing after it, and the
//! account erased since stays erased); a backup from a newer build refused; the commands;
//! `server erase-again` after a restore by other means, on both databases.

use crate::{
    accounts::{PASSWORD, registered_shopper},
    cart::{product_id, set_stock},
    checkout::{PANEL, buy_cart},
    helpers::{Backend, Browser, ServerProcess, TEST_KEY, TestApp, spawn},
};
use app::backend::operations::backup::{self, BackupError};
use reqwest::StatusCode;
use serde_json::Value;
use std::path::Path;

async fn open(path: &Path) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap()
}

/// Order ids with their total quantity, and the panel's stock, as one database holds them.
async fn sales(pool: &sqlx::AnyPool, panel: i64) -> (Vec<(i64, i64)>, i64) {
    let orders = sqlx::query_as(
        "SELECT o.id, CAST(SUM(l.quantity) AS BIGINT) FROM orders o
         JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let stock = sqlx::query_scalar("SELECT stock FROM products WHERE id = $1")
        .bind(panel)
        .fetch_one(pool)
        .await
        .unwrap();
    (orders, stock)
}

async fn buy(b: &Browser, panel: i64) -> i64 {
    let res = b
        .call(
            "cart/add",
            &[("product", &panel.to_string()), ("quantity", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    buy_cart(b).await["id"].as_i64().unwrap()
}

async fn shoppers(app: &TestApp, n: usize) -> Vec<Browser> {
    let mut out = Vec::new();
    for i in 0..n {
        let b = app.new_browser();
        registered_shopper(app, &b, &format!("buyer{i}@example.com")).await;
        out.push(b);
    }
    out
}

#[tokio::test]
async fn restore_drill() {
    let app = spawn(Backend::Sqlite).await.unwrap();
    let db_file = app.db_dir.as_ref().unwrap().path().join("shop.db");
    let url = format!("sqlite://{}", db_file.display());
    let panel = product_id(&app, PANEL).await;
    set_stock(&app, panel, 100).await;
    let buyers = shoppers(&app, 5).await;
    let before = buy(&buyers[0], panel).await;

    // A backup while two checkouts run.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop-backup.db");
    let (during, backed) = tokio::join!(
        futures_util::future::join_all(buyers[1..3].iter().map(|b| buy(b, panel))),
        backup::backup(&app.state.db, &file),
    );
    backed.unwrap();
    assert!(matches!(
        backup::backup(&app.state.db, &file).await,
        Err(BackupError::Exists(_))
    ));

    // The copy is one consistent moment: its stock is what its orders left.
    let copy = open(&file).await;
    let (held, held_stock) = sales(&copy, panel).await;
    copy.close().await;
    let sold: i64 = held.iter().map(|(_, q)| q).sum();
    assert_eq!(held_stock, 100 - sold, "{held:?}");
    assert!(held.iter().any(|(id, _)| *id == before));
    let held_ids: Vec<i64> = held.iter().map(|(id, _)| *id).collect();

    // After the backup: more orders, and an account that the backup holds is erased.
    let after = buy(&buyers[3], panel).await;
    assert!(!held_ids.contains(&after));
    let erased_id: i64 = crate::accounts::me(&buyers[0]).await["id"]
        .as_i64()
        .unwrap();
    let res = buyers[0]
        .call("account/delete", &[("password", PASSWORD)])
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());

    // The shop stops; the backup goes back.
    app.state.db.close().await;
    let restored = backup::restore(&url, &file).await.unwrap();
    assert_eq!(restored.erased_again, 1);

    // The shop starts on it: every order of the backup, complete, with its stock; none after.
    let site = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&url, site.path(), &dir.path().join("log"), "warn");
    server.wait_until_up().await;
    let ready = reqwest::get(format!("{}/readyz", server.base))
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    let pool = open(&db_file).await;
    let (orders, stock) = sales(&pool, panel).await;
    let ids: Vec<i64> = orders.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, held_ids, "the backup's orders and no other");
    assert_eq!(stock, held_stock);
    let product: Value = reqwest::get(format!("{}/api/catalog/product?slug={PANEL}", server.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(product["card"]["stock"], held_stock);
    // The account erased after the backup is erased again; its orders stay, anonymised.
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE id = $1")
        .bind(erased_id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(users, 0);
    let owner: Option<i64> = sqlx::query_scalar("SELECT user_id FROM orders WHERE id = $1")
        .bind(before)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(owner, None);
    drop(during);
}

#[tokio::test]
async fn a_backup_from_a_newer_build_or_no_backup_is_refused() {
    let app = spawn(Backend::Sqlite).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    backup::backup(&app.state.db, &file).await.unwrap();
    let copy = open(&file).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101000001, 'from the future', TRUE, x'00', 0)",
    )
    .execute(&copy)
    .await
    .unwrap();
    copy.close().await;
    let target = dir.path().join("restored.db");
    let url = format!("sqlite://{}", target.display());
    match backup::restore(&url, &file).await {
        Err(BackupError::Newer { backup, .. }) => assert_eq!(backup, 99990101000001),
        other => panic!("{other:?}"),
    }
    assert!(!target.exists(), "nothing restored");
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    assert!(matches!(
        backup::restore(&url, &junk).await,
        Err(BackupError::NotABackup(_))
    ));
}

fn server_command(url: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("SHOP_CONFIG", "")
        .env("DATABASE_URL", url)
        .env("SHOP_SESSION_SECRET", TEST_KEY)
        .env("RUST_LOG", "error");
    cmd
}

#[tokio::test]
async fn the_commands_back_up_and_restore_and_say_so() {
    let app = spawn(Backend::Sqlite).await.unwrap();
    let db_file = app.db_dir.as_ref().unwrap().path().join("shop.db");
    let url = format!("sqlite://{}", db_file.display());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nightly.db");
    let out = server_command(&url)
        .args(["backup", "--to", &file.display().to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Backup written"));
    app.state.db.close().await;
    // Something listening on the shop's address: refused.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let out = server_command(&url)
        .env("LEPTOS_SITE_ADDR", busy.local_addr().unwrap().to_string())
        .args(["restore", "--from", &file.display().to_string()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("stop the shop"));
    drop(busy);
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let out = server_command(&url)
        .env("LEPTOS_SITE_ADDR", free.to_string())
        .args(["restore", "--from", &file.display().to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Restored"));
    // A wrong address is an error, not an empty shop backed up.
    let nowhere = format!("sqlite://{}", dir.path().join("typo.db").display());
    let out = server_command(&nowhere)
        .args([
            "backup",
            "--to",
            &dir.path().join("b2.db").display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at"));
    assert!(!dir.path().join("typo.db").exists(), "none created");
    // PostgreSQL: the command says to use its tools.
    let out = server_command("postgres://shop@127.0.0.1:1/none")
        .args(["backup", "--to", "x.db"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
}

/// After a `pg_restore` (or any older copy put back by hand): `server erase-again` erases
/// the accounts of the list kept before restoring, once, and refuses a list it cannot read.
async fn erase_again_replays_a_kept_list(backend: Backend) {
    let Some(app) = spawn(backend).await else {
        return;
    };
    let url = app
        .env
        .iter()
        .find(|(k, _)| k == "DATABASE_URL")
        .map(|(_, v)| v.clone())
        .unwrap();
    let b = app.new_browser();
    let id = registered_shopper(&app, &b, "restored@example.com").await;
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("erased.txt");
    std::fs::write(&list, format!("{id}\n\n999999\n")).unwrap();
    let run = || {
        server_command(&url)
            .args(["erase-again", "--from", &list.display().to_string()])
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 of 2 listed account(s)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
        .bind("restored@example.com")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(users, 0);
    let listed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM erased_accounts")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(listed, 2);
    // Again: nothing left to erase.
    assert!(String::from_utf8_lossy(&run().stdout).contains("0 of 2"));
    // A new account never gets a listed id (the next restore would erase it).
    let newcomer = registered_shopper(&app, &app.new_browser(), "newcomer@example.com").await;
    assert!(
        newcomer.to_string().parse::<i64>().unwrap() > 999_999,
        "{newcomer}"
    );
    // A list with a header or a name in it is refused before anything is erased.
    std::fs::write(&list, "user_id\n12\n").unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

#[tokio::test]
async fn erase_again_sqlite() {
    erase_again_replays_a_kept_list(Backend::Sqlite).await;
}

#[tokio::test]
async fn erase_again_postgres() {
    erase_again_replays_a_kept_list(Backend::Postgres).await;
}
