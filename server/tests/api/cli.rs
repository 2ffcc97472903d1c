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

/// A release server started without the build's `hash.txt` beside it served pages without
/// their stylesheet and app. With hashed file names it now refuses to start, saying which
/// file is missing; with the file beside it, it starts.
#[test]
fn a_server_without_its_hash_file_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    // The binary alone in a folder, as when it is copied without its hash file.
    let binary = dir.path().join("server");
    std::fs::copy(env!("CARGO_BIN_EXE_server"), &binary).unwrap();
    let db = format!("sqlite://{}", dir.path().join("shop.db").display());
    let start = || {
        let mut cmd = Command::new(&binary);
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SHOP_CONFIG", "")
            .env("RUST_LOG", "error")
            .env("DATABASE_URL", &db)
            .env("SHOP_SESSION_SECRET", TEST_KEY)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("LEPTOS_SITE_ROOT", dir.path().display().to_string())
            .env("LEPTOS_HASH_FILES", "true")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    };
    let out = start().output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("site.hash_files (LEPTOS_HASH_FILES)") && stderr.contains("hash.txt"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("shop.db").exists(),
        "refused before touching the database"
    );

    std::fs::write(dir.path().join("hash.txt"), "css: 1\njs: 2\n").unwrap();
    let out = start().output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a hash file without the wasm");
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no wasm file"));

    std::fs::write(dir.path().join("hash.txt"), "css: 1\njs: 2\nwasm: 3\n").unwrap();
    let mut child = start().spawn().unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("The shop is open"), "{line}");
}
