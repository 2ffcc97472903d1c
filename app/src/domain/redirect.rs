//! Where the shop may send a browser. A target taken from a request (`next=` after sign-in,
//! the page a plain form came from) is accepted only as a path on this site: browsers resolve
//! `//host`, `/\host` and `/<tab>/host` to other hosts, and a control character in a
//! `Location` header cannot be sent at all. [`SafePath`] is the only way to name a redirect
//! target (`backend::request::redirect` takes nothing else).

use std::fmt::Write as _;

/// The longest path (with its query) accepted as a redirect target.
pub const PATH_MAX: usize = 2048;

/// A same-site path: one leading `/`, no `//` at the start, no backslash, no whitespace or
/// control characters; characters outside ASCII are percent-encoded so the path is always a
/// valid header value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafePath(String);

impl SafePath {
    /// Accepts `raw` when it is a path on this site, else `None`.
    pub fn parse(raw: &str) -> Option<SafePath> {
        let shape_ok = raw.starts_with('/')
            && !raw.starts_with("//")
            && raw.len() <= PATH_MAX
            && !raw
                .chars()
                .any(|c| c == '\\' || c.is_whitespace() || c.is_control());
        if !shape_ok {
            return None;
        }
        let mut path = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_ascii() {
                path.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(path, "%{b:02X}");
                }
            }
        }
        Some(SafePath(path))
    }

    /// `raw` if it is a same-site path, else `fallback`.
    pub fn parse_or(raw: Option<&str>, fallback: &'static str) -> SafePath {
        raw.and_then(SafePath::parse)
            .unwrap_or_else(|| SafePath::fixed(fallback))
    }

    /// A path written in the code.
    ///
    /// # Panics
    /// When `path` is not a same-site path (a programming error, caught by any test that
    /// takes the route).
    pub fn fixed(path: &'static str) -> SafePath {
        SafePath::parse(path).unwrap_or_else(|| panic!("not a same-site path: {path:?}"))
    }

    /// This path with one more segment (`/admin/products` + `12`); anything but letters,
    /// digits, `-`, `.`, `_` and `~` in `segment` is percent-encoded.
    pub fn child(&self, segment: &str) -> SafePath {
        let mut path = self.0.trim_end_matches('/').to_string();
        path.push('/');
        for b in segment.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                path.push(b as char);
            } else {
                let _ = write!(path, "%{b:02X}");
            }
        }
        SafePath(path)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SafePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Option<String> {
        SafePath::parse(raw).map(|p| p.0)
    }

    #[test]
    fn paths_on_this_site_are_kept() {
        assert_eq!(parsed("/").as_deref(), Some("/"));
        assert_eq!(
            parsed("/account/addresses").as_deref(),
            Some("/account/addresses")
        );
        assert_eq!(
            parsed("/catalog?category=rental&page=2#top").as_deref(),
            Some("/catalog?category=rental&page=2#top")
        );
        assert_eq!(
            parsed("/search?q=屏").as_deref(),
            Some("/search?q=%E5%B1%8F"),
            "non-ASCII is percent-encoded"
        );
    }

    #[test]
    fn anything_a_browser_could_take_to_another_host_is_refused() {
        for raw in [
            "",
            "account",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "/\u{0}x",
            "/\u{7f}x",
            "/\u{a0}/evil.example",
            "/\u{2028}x",
        ] {
            assert_eq!(parsed(raw), None, "{raw:?}");
        }
        assert_eq!(parsed(&format!("/{}", "a".repeat(PATH_MAX))), None);
    }

    #[test]
    fn segments_are_encoded() {
        let base = SafePath::fixed("/admin/products");
        assert_eq!(base.child("12").as_str(), "/admin/products/12");
        assert_eq!(
            base.child("a/../b?c").as_str(),
            "/admin/products/a%2F..%2Fb%3Fc"
        );
    }

    #[test]
    fn a_refused_target_falls_back() {
        assert_eq!(
            SafePath::parse_or(Some("//evil.example"), "/account").as_str(),
            "/account"
        );
        assert_eq!(SafePath::parse_or(None, "/account").as_str(), "/account");
        assert_eq!(
            SafePath::parse_or(Some("/cart"), "/account").as_str(),
            "/cart"
        );
    }
}
