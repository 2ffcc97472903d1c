//! Gives server-function errors their proper HTTP status. Leptos answers every server-function
//! error with 500; our error type knows better (404, 422, 429…), so this reads the JSON error
//! body and sets the status (and `Retry-After` for rate limits). Form posts without JavaScript
//! are redirects: their status is left alone, their `Location` tidied.

use app::error::ShopError;
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};

/// Server-function error bodies are small; anything bigger is not ours to rewrite.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn map_error_status(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    tidy_form_redirect(&mut response);
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response
            .headers()
            .contains_key(server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<ShopError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let ShopError::RateLimited { retry_after_secs } = error
            && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            parts.headers.insert(header::RETRY_AFTER, v);
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// After a form post Leptos sends the browser back to the page it came from: on success with
/// its error parameters stripped, which can leave a bare `?`; on failure with `__path` and
/// `__err` appended, even when the page already had them from an earlier failure.
fn tidy_form_redirect(response: &mut Response) {
    if !response.status().is_redirection() {
        return;
    }
    let tidy = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(tidy_location)
        .and_then(|l| HeaderValue::from_str(&l).ok());
    if let Some(location) = tidy {
        response.headers_mut().insert(header::LOCATION, location);
    }
}

/// Keeps only the last `__path` and `__err` and drops an empty query.
fn tidy_location(location: &str) -> String {
    let Some((path, query)) = location.split_once('?') else {
        return location.to_string();
    };
    let pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    let last_of = |name: &str| {
        pairs
            .iter()
            .rposition(|p| p.split('=').next() == Some(name))
    };
    let (last_path, last_err) = (last_of("__path"), last_of("__err"));
    let kept: Vec<&str> = pairs
        .iter()
        .enumerate()
        .filter(|(i, p)| match p.split('=').next() {
            Some("__path") => Some(*i) == last_path,
            Some("__err") => Some(*i) == last_err,
            _ => true,
        })
        .map(|(_, p)| *p)
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::tidy_location;

    #[test]
    fn form_redirects_carry_one_error() {
        assert_eq!(tidy_location("/account?"), "/account");
        assert_eq!(tidy_location("/account"), "/account");
        assert_eq!(
            tidy_location("/admin/products/new?__path=a&__err=old&x=1&__path=a&__err=new"),
            "/admin/products/new?x=1&__path=a&__err=new"
        );
        assert_eq!(tidy_location("/search?q=led"), "/search?q=led");
    }
}
