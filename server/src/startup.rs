//! Building and running the shop: database, state, router and middleware, listener.
//! `main.rs` and the integration tests both go through [`Application::build`].

use crate::{
    config::{Config, Environment, redact_url},
    media,
    middleware::{
        analytics::count_page_views,
        changes::catch_up_after_writes,
        client_address::{TrustedProxies, client_address},
        origin_check::{AllowedOrigins, reject_cross_site},
        page_cache::{PageCache, page_cache},
        redirects::{RedirectPolicy, safe_redirects},
        security_headers::{HeaderPolicy, add_security_headers},
        server_fn_status::map_error_status,
        sessions::with_session,
        static_cache::{CachePolicy, set_cache_control},
        whole_pages::whole_pages,
    },
    monitoring::{self, Metrics},
};
use app::{
    App,
    backend::{
        AppState, Shared, ShopSettings, jobs,
        mail::worker::Transport,
        memory::changes::ChangeFeed,
        outside::{sandbox_processor, stripe},
        request::session::{SessionPolicy, SessionStore},
        security::keys::Keys,
        start::{self, DbOptions, DbSetupError},
    },
    model::shop::Seller,
    shell,
};
use axum::{
    Router,
    extract::State,
    handler::HandlerWithoutStateExt,
    http::StatusCode,
    middleware::{from_fn, from_fn_with_state},
    response::IntoResponse,
    routing::{get, post},
    serve::ListenerExt,
};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::{
    future::Future,
    net::SocketAddr,
    sync::{Arc, OnceLock},
    time::Duration,
};
use tokio::net::TcpListener;
use tower_http::{
    CompressionLevel, catch_panic::CatchPanicLayer, compression::CompressionLayer,
    limit::RequestBodyLimitLayer, request_id::PropagateRequestIdLayer, services::ServeDir,
    set_header::SetRequestHeaderLayer, timeout::TimeoutLayer, trace::TraceLayer,
};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database ({url}): {source}")]
    Database { url: String, source: DbSetupError },
    #[error("loading the seed catalog failed: {0}")]
    Seed(String),
    #[error("preparing to serve failed: {0}")]
    Prepare(String),
    #[error("mail: {0}")]
    Mail(String),
    #[error(
        "shop.currency is {configured} but the catalog has prices in {found}: every price would \
         change its meaning. Set shop.currency (SHOP_CURRENCY) to {found}, or reprice the catalog."
    )]
    Currency { configured: String, found: String },
    #[error(
        "site.hash_files (LEPTOS_HASH_FILES) is on but {0}: copy the build's hash.txt beside \
         the server binary (they belong together), or set LEPTOS_HASH_FILES=false"
    )]
    HashFile(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    transport: Transport,
    retention: jobs::Retention,
    drain: Duration,
}

impl Application {
    /// Connects and migrates the database, builds the router and binds the listener (port 0
    /// picks a free port; [`Application::addr`] tells which).
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        Application::build_with_routes(config, Router::new()).await
    }

    /// Like [`Application::build`], with extra routes behind the same middleware (tests use
    /// this to check how the stack treats a failing handler).
    pub async fn build_with_routes(
        config: Config,
        extra: Router<AppState>,
    ) -> Result<Application, StartupError> {
        let bind_error = |source| StartupError::Bind {
            addr: config.site.addr,
            source,
        };
        let listener = TcpListener::bind(config.site.addr)
            .await
            .map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        // Pages without their stylesheet and app are not served: checked before the
        // database is touched.
        app::components::head::check_hash_file(&leptos_options(&config, addr))
            .map_err(StartupError::HashFile)?;
        let (state, transport) = build_state(&config, addr).await?;
        let router = router(&config, state.clone(), extra);
        Ok(Application {
            listener,
            router,
            state,
            transport,
            retention: jobs::Retention {
                mail_days: config.mail.retention_days,
                analytics_days: config.shop.analytics_retention_days,
            },
            drain: Duration::from_secs(config.site.drain_seconds),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has a local address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then answers not ready for `drain_seconds` (new
    /// traffic goes elsewhere) and finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let jobs = jobs::start(&self.state, self.transport.clone(), self.retention);
        let (state, drain) = (self.state.clone(), self.drain);
        let shutdown = async move {
            shutdown.await;
            state.health.start_draining();
            if !drain.is_zero() {
                tracing::info!(seconds = drain.as_secs(), "draining before closing");
                tokio::time::sleep(drain).await;
            }
        };
        // Without TCP_NODELAY, responses written in several pieces (static files, streamed
        // pages) wait ~20 ms for delayed ACKs on every request.
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let result = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        jobs.stop();
        self.state.db.close().await;
        result
    }
}

/// Connects and migrates the database and builds the shared state (also used by the
/// `server admin` commands, which serve nothing). `addr` is where the site is served.
pub async fn build_state(
    config: &Config,
    addr: SocketAddr,
) -> Result<(AppState, Transport), StartupError> {
    let db_error = |source| StartupError::Database {
        url: redact_url(config.database.url.expose()),
        source,
    };
    let db = start::open_database(&DbOptions {
        url: config.database.url.expose().clone(),
        max_connections: config.database.max_connections,
        acquire_timeout: Duration::from_secs(5),
    })
    .await
    .map_err(db_error)?;

    let https = config.site.https();
    let leptos_options = leptos_options(config, addr);
    let transport = match &config.mail.smtp_url {
        Some(url) => {
            Transport::smtp(url.expose(), &config.mail.from).map_err(StartupError::Mail)?
        }
        None => Transport::Mailbox,
    };
    let keys = Keys::new(config.session_key.expose());
    let changes = Arc::new(
        ChangeFeed::start(&db)
            .await
            .map_err(|e| db_error(DbSetupError::Connect(e)))?,
    );
    let sessions = SessionStore::new(
        db.clone(),
        keys.clone(),
        https,
        SessionPolicy::default(),
        changes.clone(),
    );
    let state = AppState::new(Shared {
        leptos_options,
        db,
        sessions,
        keys,
        settings: Arc::new(ShopSettings {
            name: config.shop.name.clone(),
            contact_email: config.shop.contact_email.clone(),
            seller: seller(config),
            currency: config.shop.currency,
            tax: config.tax.rates.clone(),
            https,
            public_url: config.site.public_url.clone(),
            local_mailbox: transport.keeps_mail(),
            gateway: config.payment.gateway(),
            stripe: config.stripe.as_ref().map(stripe_settings).transpose()?,
            mail_retention_days: config.mail.retention_days,
            analytics_retention_days: config.shop.analytics_retention_days,
            mails_per_client_per_hour: config.limits.mails_per_client_per_hour,
            messages_per_client_per_hour: config.limits.messages_per_client_per_hour,
            review_moderation: config.reviews.moderation(),
            hold_after: app::domain::fraud::HoldAfter {
                card: config.limits.failed_payments_per_card,
                account: config.limits.failed_payments_per_account,
                client: config.limits.failed_payments_per_client,
            },
        }),
        outbox_nudge: Arc::new(tokio::sync::Notify::new()),
        changes,
        products: Arc::default(),
        shoppers: Arc::default(),
        search_words: Default::default(),
        policy: Default::default(),
        work: Default::default(),
        health: Default::default(),
    });
    let configured = config.shop.currency.code();
    let found = start::catalog_currencies(&state)
        .await
        .map_err(|e| StartupError::Prepare(format!("reading the catalog's currencies: {e:?}")))?;
    if let Some(other) = found.into_iter().find(|c| c != configured) {
        return Err(StartupError::Currency {
            configured: configured.to_string(),
            found: other,
        });
    }
    if config.seed_catalog() {
        start::seed_catalog(&state)
            .await
            .map_err(|e| StartupError::Seed(format!("{e:?}")))?;
    }
    // The search index rewritten, everything written so far seen, the hasher warm.
    start::prepare(&state)
        .await
        .map_err(|e| StartupError::Prepare(format!("{e:?}")))?;
    Ok((state, transport))
}

/// Leptos's options from the configuration.
fn leptos_options(config: &Config, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(config.site.output_name.as_str())
        .site_root(config.site.root.to_string_lossy().as_ref())
        .site_pkg_dir(config.site.pkg_dir.as_str())
        .site_addr(addr)
        .hash_files(config.site.hash_files)
        .env(match config.site.environment {
            Environment::Development => leptos::config::Env::DEV,
            Environment::Production => leptos::config::Env::PROD,
        })
        .build()
}

/// The seller on invoices; in development, marked demo values where none are set
/// (production requires them, see `config.rs`).
fn seller(config: &Config) -> Seller {
    let development = config.site.environment == Environment::Development;
    let or_demo = |value: &str, demo: &str| match value.trim() {
        "" if development => format!("{demo} (demo)"),
        set => set.to_string(),
    };
    Seller {
        legal_name: match config.shop.legal_name.trim() {
            "" => config.shop.name.clone(),
            name => name.to_string(),
        },
        address: or_demo(&config.shop.address, "Torstraße 5, 10119 Berlin, Germany"),
        tax_number: or_demo(&config.shop.tax_number, "DE000000000"),
    }
}

fn router(config: &Config, state: AppState, extra: Router<AppState>) -> Router {
    let options = state.leptos_options.clone();
    let routes = route_list();

    // Files under the site root (the wasm bundle under /pkg, images, favicon…), with
    // precompressed variants when the build made them; anything else is the 404 page.
    let not_found = leptos_axum::render_app_to_stream_in_order_with_context(
        {
            let state = state.clone();
            move || provide_context(state.clone())
        },
        {
            let options = options.clone();
            move || shell(options.clone())
        },
    );
    // The 404 page is the shop's layout, with the visitor's session like any page (its
    // header shows who is signed in); static files never open a session.
    let not_found = tower::Layer::layer(
        &from_fn_with_state(state.sessions.clone(), with_session),
        not_found.into_service(),
    );
    let static_files = ServeDir::new(&config.site.root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(not_found);
    let cache_policy = CachePolicy {
        pkg_prefix: format!("/{}/", config.site.pkg_dir.trim_matches('/')),
        hashed: config.site.hash_files,
    };
    let static_files = Router::new()
        .fallback_service(static_files)
        .layer(from_fn_with_state(cache_policy, set_cache_control));

    let pages = PageCache::new(
        state.clone(),
        Duration::from_secs(config.shop.page_cache_seconds),
    );
    let allowed = AllowedOrigins(Arc::new(vec![config.site.public_url.clone()]));
    let metrics = Metrics::new(config.metrics_token.as_ref().map(|t| t.expose().clone()));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route(
            "/metrics",
            get(monitoring::render).with_state((state.clone(), metrics.clone())),
        )
        .route("/media/products/{id}", get(media::product_image))
        .route("/admin/products/{id}/image", post(media::upload_product_image))
        .merge(sandbox_processor::pages::routes())
        .merge(stripe::webhook::routes())
        .merge(crate::unsubscribe::routes())
        .merge(extra)
        .leptos_routes(&state, routes, move || shell(options.clone()))
        .layer(from_fn(map_error_status))
        .layer(from_fn_with_state(
            RedirectPolicy {
                allowed: allowed.clone(),
                card_pages: config.payment.gateway().card_page_origin(),
            },
            safe_redirects,
        ))
        .layer(from_fn_with_state(state.sessions.clone(), with_session))
        .merge(static_files)
        .layer(from_fn_with_state(state.clone(), catch_up_after_writes))
        .layer(from_fn(whole_pages))
        // Pages are compressed by `whole_pages` (rendered ones, fast) and the page cache
        // (kept ones, once, at the best levels); the bundle is precompressed. This layer
        // compresses the rest (server functions' answers) at a fast level: brotli's default
        // (11) cost milliseconds per answer.
        .layer(CompressionLayer::new().quality(COMPRESSION))
        .layer(from_fn_with_state(pages, page_cache))
        .layer(from_fn_with_state(state.clone(), count_page_views))
        .layer(from_fn_with_state(allowed, reject_cross_site))
        .layer(from_fn_with_state(
            TrustedProxies(Arc::new(config.site.trusted_proxies.clone())),
            client_address,
        ))
        .layer(from_fn_with_state(HeaderPolicy {
            https: config.site.https(),
            card_pages: config.payment.gateway().card_page_origin(),
        }, add_security_headers))
        .layer(RequestBodyLimitLayer::new(config.limits.request_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(config.limits.request_timeout_secs),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side.").into_response()
        }))
        .layer(from_fn_with_state(metrics, monitoring::track))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            // The path only: query strings can carry search terms and one-time tokens.
            let id = request
                .headers()
                .get(REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
        }))
        // Every request gets an id of the shop's own (one a client sends is replaced: it
        // would write what it likes into the log), named in its log lines and answered in
        // the `X-Request-Id` header, so that a shopper's report can be found in the log.
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestHeaderLayer::overriding(REQUEST_ID, |_: &axum::http::Request<_>| {
            axum::http::HeaderValue::from_str(&app::backend::security::keys::random_token()[..16]).ok()
        }))
        .with_state(state)
}

/// The header carrying each request's id, in the request and in its answer.
const REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

/// How hard pages rendered per request are compressed (see the router).
const COMPRESSION: CompressionLevel = CompressionLevel::Precise(4);

/// The app's routes, discovered once per process. Discovery renders the app in a special
/// mode; doing it while another instance in the same process is serving pages (the test
/// suite runs many) can stall that instance's streamed responses.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// `GET /healthz`: 200 while the process answers (liveness: nothing else is checked, so a
/// database outage never gets the server restarted).
async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

/// `GET /readyz`: 200 when this server should get traffic (`backend/health.rs`), else 503
/// with the reason.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match app::backend::health::readiness(&state.health, &state.db).await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(not) => (StatusCode::SERVICE_UNAVAILABLE, not.reason()),
    }
}

/// The Stripe account as the shop uses it, with the HTTP client its calls go through
/// (bounded waits: a checkout never hangs on Stripe).
fn stripe_settings(
    keys: &crate::config::StripeKeys,
) -> Result<app::backend::settings::StripeSettings, StartupError> {
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(30))
        .user_agent("Lumenwall shop")
        .build()
        .map_err(|e| StartupError::Prepare(format!("the HTTP client for Stripe: {e}")))?;
    Ok(app::backend::settings::StripeSettings {
        api_base: keys.api_base.clone(),
        secret_key: keys.secret_key.expose().clone(),
        webhook_secret: keys.webhook_secret.expose().clone(),
        http,
    })
}
