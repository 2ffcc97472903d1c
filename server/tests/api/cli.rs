//! The `server` command line: creating staff accounts and reporting bad configuration.

use crate::helpers::TEST_KEY;
use std::{
    io::Write,
    process::{Command, Stdio},
};

fn server() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("SHOP_CONFIG", "/nonexistent/Leptos.toml")
        .env("RUST_LOG", "error");
    cmd
}

#[test]
fn admin_create_reads_the_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("shop.db").display());
    let mut child = server()
        .env("SHOP_CONFIG", "")
        .env("DATABASE_URL", &db)
        .env("SHOP_SESSION_SECRET", TEST_KEY)
        .args([
            "admin",
            "create",
            "--email",
            "Boss@Example.com",
            "--name",
            "Boss",
            "--role",
            "staff",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long staff password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Created staff account"), "{stdout}");
    assert!(
        !stdout.contains("a long staff password"),
        "the password is never echoed"
    );

    // A second time: the address is taken.
    let mut child = server()
        .env("SHOP_CONFIG", "")
        .env("DATABASE_URL", &db)
        .env("SHOP_SESSION_SECRET", TEST_KEY)
        .args(["admin", "create", "--email", "boss@example.com"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"another long password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("EmailTaken"));
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line() {
    let out = server()
        .env("SHOP_CONFIG", "")
        .env("DATABASE_URL", "mysql://root:secret@db/shop")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("configuration error: database.url (DATABASE_URL)"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret"));

    let out = server()
        .env("SHOP_CONFIG", "/nonexistent/Leptos.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the configuration file"));

    let out = server()
        .env("SHOP_CONFIG", "")
        .env("SHOP_ENV", "production")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mail.smtp_url (SHOP_SMTP_URL)"));

    let out = server()
        .env("SHOP_CONFIG", "")
        .env("SHOP_ENV", "production")
        .env("SHOP_SMTP_URL", "smtp://mail.example")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("session.secret (SHOP_SESSION_SECRET)"));
}
