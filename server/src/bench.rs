//! The yardstick for `./shop bench`: a plain axum server that answers with bytes held in
//! memory (the pages the shop rendered, saved to files first), so the benchmark can show how
//! close the shop comes to doing no work at all. Same runtime, same TCP_NODELAY setting.

use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
    serve::ListenerExt,
};
use std::{collections::HashMap, net::SocketAddr, sync::Arc};

/// Serves every file of `dir` at `/<file name>` as HTML until the process is stopped.
pub async fn serve_plain(addr: SocketAddr, dir: &std::path::Path) -> std::io::Result<()> {
    let mut pages = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        pages.insert(name, Bytes::from(std::fs::read(entry.path())?));
    }
    let count = pages.len();
    let app = Router::new()
        .route("/{name}", get(page))
        .with_state(Arc::new(pages));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!(
        "plain server: {count} pages on http://{}",
        listener.local_addr()?
    );
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app).await
}

async fn page(
    State(pages): State<Arc<HashMap<String, Bytes>>>,
    Path(name): Path<String>,
) -> Response {
    match pages.get(&name) {
        Some(body) => {
            let mut response = body.clone().into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
