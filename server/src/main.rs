//! `server`: runs the shop, or administers it.
//!
//!   server                                    serve the shop
//!   server admin create --email E [--name N] [--role admin|staff]
//!                                             create a staff account; the password is read
//!                                             from standard input when piped, else generated
//!                                             and printed once
//!   server bench-plain --addr ADDR --dir DIR  serve the files of DIR from memory (the
//!                                             yardstick of `./shop bench`)
//!
//! Configuration comes from `Leptos.toml` and the environment (see `config.rs`); a bad
//! setting stops start-up with one line naming it.

use app::domain::account::Role;
use server::{
    config::{Config, Environment},
    seed,
    startup::Application,
    telemetry,
};
use std::{io::IsTerminal, process::ExitCode};

/// Rendering allocates and frees many small values per page; mimalloc served the same
/// load with less CPU than the system allocator (figures in `docs/ARCHITECTURE.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: server [admin create --email EMAIL [--name NAME] [--role admin|staff]]\n       server backup --to FILE\n       server restore --from FILE\n       server erase-again --from FILE\n       server bench-plain --addr ADDR --dir DIR";

#[tokio::main]
async fn main() -> ExitCode {
    let log_format = telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match Config::load() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => serve(config, log_format).await,
        ["admin", "create", rest @ ..] => admin_create(config, rest).await,
        ["backup", "--to", file] => backup(config, file).await,
        ["restore", "--from", file] => restore(config, file).await,
        ["erase-again", "--from", file] => erase_again(config, file).await,
        ["bench-plain", "--addr", addr, "--dir", dir] => bench_plain(addr, dir).await,
        ["help"] | ["--help"] | ["-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

async fn build(config: Config) -> Result<Application, ExitCode> {
    Application::build(config).await.map_err(|error| {
        eprintln!("start-up failed: {error}");
        ExitCode::from(1)
    })
}

/// Serves the shop. The lines for people (where the shop is, the development demo login)
/// are printed only with the text log format: a log collector reading JSON lines gets only
/// those, and never a password.
async fn serve(config: Config, log_format: telemetry::LogFormat) -> ExitCode {
    let development = config.site.environment == Environment::Development;
    let for_people = log_format == telemetry::LogFormat::Text;
    let public_url = config.site.public_url.clone();
    let app = match build(config).await {
        Ok(app) => app,
        Err(code) => return code,
    };
    let addr = app.addr();
    tracing::info!("shop listening on http://{addr}");
    if for_people {
        println!("The shop is open at {public_url} (listening on {addr})");
    }
    if development {
        match seed::ensure_demo_admin(app.state()).await {
            Ok(_) if !for_people => {}
            Ok(_) => println!(
                "Staff sign-in (development demo): {} / {}  →  {public_url}/admin",
                seed::DEMO_ADMIN_EMAIL,
                seed::DEMO_ADMIN_PASSWORD
            ),
            Err(error) => eprintln!("could not create the demo admin: {error}"),
        }
    }
    match app.run_until(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("server error: {error}");
            ExitCode::from(1)
        }
    }
}

/// `server backup --to FILE`: a consistent copy of the SQLite database, taken while the shop
/// serves.
async fn backup(config: Config, file: &str) -> ExitCode {
    use app::backend::operations::backup::{self, BackupError};
    let to = std::path::Path::new(file);
    match backup::backup_database(config.database.url.expose(), to).await {
        Ok(()) => {
            println!("Backup written to {file}.");
            ExitCode::SUCCESS
        }
        Err(error @ BackupError::NotSqlite) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("backup failed: {error}");
            ExitCode::from(1)
        }
    }
}

/// `server restore --from FILE`: puts a backup back, with the shop stopped.
async fn restore(config: Config, file: &str) -> ExitCode {
    use app::backend::operations::backup;
    // A shop still listening would keep writing to the file being replaced.
    if std::net::TcpListener::bind(config.site.addr).is_err() {
        eprintln!(
            "something listens on {}: stop the shop before restoring",
            config.site.addr
        );
        return ExitCode::from(1);
    }
    match backup::restore(config.database.url.expose(), std::path::Path::new(file)).await {
        Ok(done) => {
            println!(
                "Restored {file} (schema version {}); {} account(s) erased since the backup were erased again.",
                done.backup_version, done.erased_again
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("restore failed: {error}");
            ExitCode::from(1)
        }
    }
}

/// `server erase-again --from FILE`: after restoring an older database (a PostgreSQL dump),
/// erases again the accounts listed in FILE, one id per line (`SELECT user_id FROM
/// erased_accounts`, taken before restoring).
async fn erase_again(config: Config, file: &str) -> ExitCode {
    use app::backend::operations::backup;
    let ids = match std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {file}: {e}"))
        .and_then(|text| backup::read_erased_list(&text))
    {
        Ok(ids) => ids,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    match backup::erase_again(config.database.url.expose(), &ids).await {
        Ok(n) => {
            println!(
                "{n} of {} listed account(s) were in the database and are erased again.",
                ids.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("erasing again failed: {error}");
            ExitCode::from(1)
        }
    }
}

async fn bench_plain(addr: &str, dir: &str) -> ExitCode {
    let Ok(addr) = addr.parse() else {
        eprintln!("--addr must be an address such as 127.0.0.1:3201");
        return ExitCode::from(2);
    };
    match server::bench::serve_plain(addr, std::path::Path::new(dir)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("plain server: {error}");
            ExitCode::from(1)
        }
    }
}

async fn admin_create(config: Config, args: &[&str]) -> ExitCode {
    let mut email = None;
    let mut name = "Shop Admin".to_string();
    let mut role = Role::Admin;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (*flag, rest.next()) {
            ("--email", Some(v)) => email = Some(v.to_string()),
            ("--name", Some(v)) => name = v.to_string(),
            ("--role", Some(v)) => match Role::parse(v).filter(|r| r.is_staff()) {
                Some(r) => role = r,
                None => {
                    eprintln!("--role must be admin or staff");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(email) = email else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (password, generated) = if std::io::stdin().is_terminal() {
        (
            app::backend::security::keys::random_token()[..24].to_string(),
            true,
        )
    } else {
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).is_err() {
            eprintln!("cannot read the password from standard input");
            return ExitCode::from(2);
        }
        (line.trim_end_matches(['\r', '\n']).to_string(), false)
    };
    let state = match server::startup::build_state(&config, config.site.addr).await {
        Ok((state, _)) => state,
        Err(error) => {
            eprintln!("start-up failed: {error}");
            return ExitCode::from(1);
        }
    };
    match app::backend::accounts::staff::create_staff(&state, &email, &name, &password, role).await
    {
        Ok(id) => {
            println!("Created {} account #{id} for {email}.", role.as_str());
            if generated {
                println!("Password (shown once, change it after signing in): {password}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("could not create the account: {error:?}");
            ExitCode::from(1)
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
