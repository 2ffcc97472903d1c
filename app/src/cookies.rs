//! Every cookie the shop reads or sets, in one place, parsed and written by the `cookie`
//! crate. There are five, all `HttpOnly; SameSite=Lax; Path=/`, `Secure` over HTTPS:
//!
//! - the session (`shop_session`, `__Host-shop_session` over HTTPS): only when something
//!   must be remembered; see `backend/request/session.rs`;
//! - the language choice (`lang`), set only by an explicit choice;
//! - the comparison list (`compare`): product ids;
//! - the consent choice (`consent`), set only by a choice: see `domain/consent.rs`;
//! - the visitor number (`visitor`), only while analytics is allowed: `backend/analytics.rs`.

use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
use cookie::{Cookie, SameSite, time::Duration};

/// The session cookie's name over plain HTTP.
pub const SESSION: &str = "shop_session";
/// The session cookie's name over HTTPS: the `__Host-` prefix binds it to this host.
pub const SESSION_HTTPS: &str = "__Host-shop_session";
/// The language a visitor chose.
pub const LANG: &str = "lang";
/// The products on the comparison list.
pub const COMPARE: &str = "compare";
/// What a visitor allowed beyond the necessary.
pub const CONSENT: &str = "consent";
/// A random number for analytics, set only with consent.
pub const VISITOR: &str = "visitor";

/// The cookies of a request, name and value, in order (malformed pairs are skipped).
pub fn all(headers: &HeaderMap) -> impl Iterator<Item = (String, String)> + '_ {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .map(|c| (c.name().to_string(), c.value().to_string()))
}

/// The value of the first cookie called `name`.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    all(headers).find(|(n, _)| n == name).map(|(_, v)| v)
}

/// A `Set-Cookie` value for `name`: kept `max_age` seconds, or until the browser closes when
/// `None`.
pub fn set(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> Option<HeaderValue> {
    let mut cookie = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure);
    if let Some(seconds) = max_age {
        cookie = cookie.max_age(Duration::seconds(seconds));
    }
    HeaderValue::from_str(&cookie.build().to_string()).ok()
}

/// A `Set-Cookie` value that removes `name` from the browser.
pub fn clear(name: &str, secure: bool) -> Option<HeaderValue> {
    set(name, "", Some(0), secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookies: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for c in cookies {
            headers.append(COOKIE, HeaderValue::from_str(c).unwrap());
        }
        headers
    }

    #[test]
    fn reads_cookies_from_every_header() {
        let h = headers(&["lang=zh; compare=1.2", "shop_session=abc"]);
        assert_eq!(get(&h, LANG).as_deref(), Some("zh"));
        assert_eq!(get(&h, COMPARE).as_deref(), Some("1.2"));
        assert_eq!(get(&h, SESSION).as_deref(), Some("abc"));
        assert_eq!(get(&h, "missing"), None);
        let names: Vec<String> = all(&h).map(|(n, _)| n).collect();
        assert_eq!(names, [LANG, COMPARE, SESSION]);
        assert_eq!(
            get(&headers(&["garbage; lang=en"]), LANG).as_deref(),
            Some("en")
        );
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_over_https() {
        let v = set(LANG, "zh", Some(31_536_000), true).unwrap();
        let v = v.to_str().unwrap();
        for part in [
            "lang=zh",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=31536000",
        ] {
            assert!(v.contains(part), "{part} missing from {v}");
        }
        let plain = set(SESSION, "t", None, false).unwrap();
        assert!(!plain.to_str().unwrap().contains("Secure"));
        assert!(!plain.to_str().unwrap().contains("Max-Age"));
        assert!(
            clear(COMPARE, false)
                .unwrap()
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
    }
}
