//! Redirects, made safe and honest.
//!
//! - After a form post without JavaScript, Leptos sends the browser back to the page named by
//!   the `Referer`, with the error (if any) as `__path` and `__err` in the query. Here the
//!   target is cut down to a same-site path, only the last error pair is kept, and the error is
//!   remembered in the visitor's session. The one address elsewhere a form may lead to is the
//!   payment processor's card page (`RedirectPolicy::card_pages`).
//! - A page address carrying `__err` shows that error only when it is the one this visitor's
//!   own last form post produced, and only once (that page is `no-store`, so Back asks again).
//!   Any other (put in a link by someone else, or reached again with Back after the form was
//!   fixed) is dropped by a redirect to the same address without it, so the page cannot be
//!   made to show words the shop never said.
//! - The page after a plain post gets what it shows about the post (the server function that
//!   worked, the values of a form that failed) taken from the session into its request
//!   (`backend/request/flash.rs::take_after_plain_post`), once.
//! - A page that sends the visitor elsewhere (sign-in required…) answers with a real `302`
//!   whatever the client accepts; Leptos would give a client that does not ask for HTML a
//!   `200` with a `Location` header and an empty page.

use super::origin_check::AllowedOrigins;
use app::{
    backend::{
        request::flash::{FORM_DONE, FORM_ERROR, take_after_plain_post},
        request::session::Session,
    },
    domain::redirect::SafePath,
};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header},
    middleware::Next,
    response::Response,
};
use serde::{Deserialize, Serialize};

const ERR: &str = "__err";
const PATH: &str = "__path";

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct FormError {
    path: String,
    err: String,
}

/// This site's origins, and the payment processor's card page origin when that is not
/// this site (`Gateway::card_page_origin`, else empty).
#[derive(Clone)]
pub struct RedirectPolicy {
    pub allowed: AllowedOrigins,
    pub card_pages: &'static str,
}

impl RedirectPolicy {
    /// True for an address on the processor's card page origin.
    fn is_card_page(&self, location: &str) -> bool {
        !self.card_pages.is_empty()
            && location
                .strip_prefix(self.card_pages)
                .is_some_and(|rest| rest.starts_with('/'))
    }
}

pub async fn safe_redirects(
    State(policy): State<RedirectPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let session = request.extensions().get::<Session>().cloned();
    let mut request = request;
    let mut shows_an_error = false;
    if !is_api && request.method() == Method::GET {
        if let Some(clean) = unclaimed_error(&request.uri().clone(), session.as_ref()).await {
            return redirect(StatusCode::SEE_OTHER, &clean);
        }
        shows_an_error = request.uri().query().is_some_and(|q| q.contains(ERR));
        if let Some(session) = &session {
            match take_after_plain_post(session).await {
                Ok(after) => {
                    request.extensions_mut().insert(after);
                }
                Err(error) => {
                    tracing::warn!(%error, "cannot read a form's outcome from the session")
                }
            }
        }
    }
    let api_path = is_api.then(|| request.uri().path().to_string());
    let origins = site_origins(request.headers(), &policy.allowed);
    let mut response = next.run(request).await;
    if let Some(api_path) = api_path {
        let to_card_page = response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|location| policy.is_card_page(location));
        if response.status().is_redirection() && !to_card_page {
            settle_form_redirect(&mut response, &origins, session.as_ref(), &api_path).await;
        }
    } else if !response.status().is_redirection()
        && let Some(location) = response.headers().get(header::LOCATION).cloned()
    {
        // `Location` on a page response was set by `leptos_axum::redirect`, from a SafePath
        // or from the router's own `<Redirect>`; it only needs the status browsers follow.
        let mut real = Response::new(Body::empty());
        *real.status_mut() = StatusCode::FOUND;
        real.headers_mut().insert(header::LOCATION, location);
        return real;
    }
    if shows_an_error {
        // Shown once: Back must ask again (and be sent to the page without the error), not
        // show this copy from the browser's history.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn redirect(status: StatusCode, to: &SafePath) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(to.as_str()) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// The query's pairs, decoded.
fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

fn with_query(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{path}?{query}")
}

/// `None` when the request carries no error, or carries exactly the one its session is owed
/// (which it takes); otherwise the same address without the error.
async fn unclaimed_error(uri: &Uri, session: Option<&Session>) -> Option<SafePath> {
    let query = uri.query()?;
    let all = pairs(query);
    let errors: Vec<&String> = all
        .iter()
        .filter(|(k, _)| k == ERR)
        .map(|(_, v)| v)
        .collect();
    let paths: Vec<&String> = all
        .iter()
        .filter(|(k, _)| k == PATH)
        .map(|(_, v)| v)
        .collect();
    if errors.is_empty() && paths.is_empty() {
        return None;
    }
    if let ([err], [path], Some(session)) = (errors.as_slice(), paths.as_slice(), session) {
        let owed = session
            .take_if::<FormError>(FORM_ERROR, |e| &e.err == *err && &e.path == *path)
            .await
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "cannot read the form error of a session");
                None
            });
        if owed.is_some() {
            return None;
        }
    }
    let kept: Vec<(String, String)> = all
        .into_iter()
        .filter(|(k, _)| k != ERR && k != PATH)
        .collect();
    let clean = with_query(uri.path(), &kept);
    Some(SafePath::parse_or(Some(&clean), "/"))
}

/// The origins a `Referer` of this site starts with: the public address, and the request's
/// own host over either scheme.
fn site_origins(headers: &HeaderMap, allowed: &AllowedOrigins) -> Vec<String> {
    let mut origins: Vec<String> = allowed.0.iter().cloned().collect();
    if let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        origins.push(format!("http://{host}"));
        origins.push(format!("https://{host}"));
    }
    origins
}

/// The same-site path a form-post redirect goes to: `location` without this site's origin
/// (anything on another site becomes `/`), one error pair at most.
fn form_redirect_target(location: &str, origins: &[String]) -> (SafePath, Option<FormError>) {
    let local = if location.starts_with('/') {
        Some(location)
    } else {
        origins.iter().find_map(|origin| {
            let rest = location.get(origin.len()..)?;
            let same = location[..origin.len()].eq_ignore_ascii_case(origin)
                && (rest.is_empty() || rest.starts_with('/'));
            same.then_some(if rest.is_empty() { "/" } else { rest })
        })
    };
    let Some(local) = local else {
        return (SafePath::fixed("/"), None);
    };
    let local = local.split('#').next().unwrap_or(local);
    let (path, query) = local.split_once('?').unwrap_or((local, ""));
    let all = pairs(query);
    let last = |name: &str| {
        all.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let error = match (last(PATH), last(ERR)) {
        (Some(path), Some(err)) => Some(FormError { path, err }),
        _ => None,
    };
    let mut kept: Vec<(String, String)> = all
        .iter()
        .filter(|(k, _)| k != ERR && k != PATH)
        .cloned()
        .collect();
    if let Some(e) = &error {
        kept.push((PATH.into(), e.path.clone()));
        kept.push((ERR.into(), e.err.clone()));
    }
    match SafePath::parse(&with_query(path, &kept)) {
        Some(target) => (target, error),
        None => (SafePath::fixed("/"), None),
    }
}

async fn settle_form_redirect(
    response: &mut Response,
    origins: &[String],
    session: Option<&Session>,
    api_path: &str,
) {
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
    else {
        return;
    };
    let (target, error) = form_redirect_target(location, origins);
    if let Some(session) = session {
        // What the next page needs to say: the error, or that it worked.
        // A success is remembered only in a session that exists already: saying "saved" is
        // not worth a cookie for a visitor who has none.
        let remembered = match error {
            Some(error) => session.insert(FORM_ERROR, &error).await,
            None if session.exists() => session.insert(FORM_DONE, &api_path).await,
            None => Ok(()),
        };
        if let Err(e) = remembered {
            tracing::warn!(error = %e, "cannot remember a form's outcome in the session");
        }
    }
    if let Ok(value) = HeaderValue::from_str(target.as_str()) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins() -> Vec<String> {
        vec![
            "https://shop.example".into(),
            "http://127.0.0.1:3000".into(),
        ]
    }

    fn target(location: &str) -> (String, Option<FormError>) {
        let (path, error) = form_redirect_target(location, &origins());
        (path.as_str().to_string(), error)
    }

    #[test]
    fn only_the_processors_card_pages_are_elsewhere() {
        let policy = RedirectPolicy {
            allowed: AllowedOrigins(std::sync::Arc::new(origins())),
            card_pages: "https://checkout.stripe.com",
        };
        assert!(policy.is_card_page("https://checkout.stripe.com/c/pay/cs_test_1"));
        assert!(!policy.is_card_page("https://checkout.stripe.com.evil.test/c/pay"));
        assert!(!policy.is_card_page("https://evil.test/"));
        let sandbox = RedirectPolicy {
            card_pages: "",
            ..policy
        };
        assert!(!sandbox.is_card_page("https://checkout.stripe.com/c/pay/cs_test_1"));
    }

    #[test]
    fn form_redirects_stay_on_this_site() {
        assert_eq!(target("http://127.0.0.1:3000/account?").0, "/account");
        assert_eq!(target("https://shop.example/account").0, "/account");
        assert_eq!(target("https://SHOP.example").0, "/");
        assert_eq!(target("/account#top").0, "/account");
        assert_eq!(target("https://evil.example/account").0, "/");
        assert_eq!(target("https://shop.example.evil.example/").0, "/");
        assert_eq!(target("https://shop.example@evil.example/").0, "/");
        assert_eq!(target("https://shop.example/\\evil.example").0, "/");
        assert_eq!(target("https://shop.example//evil.example").0, "/");
    }

    #[test]
    fn form_redirects_carry_one_error() {
        let (path, error) = target(
            "https://shop.example/admin/products/new?__path=a&__err=old&x=1&__path=%2Fapi%2Fb&__err=new%3D",
        );
        assert_eq!(
            path,
            "/admin/products/new?x=1&__path=%2Fapi%2Fb&__err=new%3D"
        );
        assert_eq!(
            error,
            Some(FormError {
                path: "/api/b".into(),
                err: "new=".into()
            })
        );
        assert_eq!(target("/search?q=led").0, "/search?q=led");
        assert_eq!(target("/search?q=led").1, None);
    }
}
