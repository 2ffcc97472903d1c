//! Pages rendered per request leave in one piece: Leptos streams a page as many small chunks,
//! and each chunk cost a write, a wake-up and, with compression on, a compressor flush. The
//! shop's data is local and fast, so waiting for the whole page costs the visitor nothing and
//! the server much less. Only HTML is gathered (up to [`MAX_BYTES`]; a larger page streams).
//!
//! A gathered page is compressed here, in one go, at the per-answer effort
//! (`encoding.rs`): the general compression layer would use a window sized for large files,
//! which costs twice the time on a page. The layer leaves a response that has its encoding.

use super::encoding::{Effort, Encoding};
use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};
use futures_util::StreamExt;

/// Pages larger than this stream as rendered.
const MAX_BYTES: usize = 2 * 1024 * 1024;

pub async fn whole_pages(request: Request, next: Next) -> Response {
    let encoding = Encoding::preferred(request.headers(), Effort::PerAnswer);
    let response = next.run(request).await;
    if !super::is_html(response.headers()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let mut stream = body.into_data_stream();
    let mut read: Vec<Bytes> = Vec::new();
    let mut len = 0;
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(chunk) => {
                len += chunk.len();
                read.push(chunk);
                if len > MAX_BYTES {
                    // Too large to gather: what was read, then the rest as it comes.
                    let head =
                        futures_util::stream::iter(read.into_iter().map(Ok::<_, axum::Error>));
                    return Response::from_parts(parts, Body::from_stream(head.chain(stream)));
                }
            }
            Err(error) => {
                // The render failed half-way: pass on what there was and the error.
                let head = futures_util::stream::iter(
                    read.into_iter()
                        .map(Ok::<_, axum::Error>)
                        .chain(std::iter::once(Err(error))),
                );
                return Response::from_parts(parts, Body::from_stream(head));
            }
        }
    }
    let whole = match read.len() {
        1 => read.remove(0),
        _ => Bytes::from(read.concat()),
    };
    let mut parts = parts;
    if !whole.is_empty()
        && parts.status != StatusCode::PARTIAL_CONTENT
        && !parts.headers.contains_key(header::CONTENT_ENCODING)
        && let Some(name) = encoding.header_value()
        && let Some(compressed) = encoding.compress(&whole, Effort::PerAnswer)
    {
        parts.headers.remove(header::CONTENT_LENGTH);
        parts
            .headers
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        // Pages with their own caching headers keep this; others get the full list from
        // `security_headers.rs`.
        parts
            .headers
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
        return Response::from_parts(parts, Body::from(compressed));
    }
    Response::from_parts(parts, Body::from(whole))
}
