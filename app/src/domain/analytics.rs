//! First-party analytics (promise P2), collected only with consent: a page-view record per
//! page, click records from the hydrated app, visit counts per visitor. The address is cut
//! as it is collected (IPv4 to its /24, IPv6 to its /48), so the full address is never
//! stored; a visitor is a random number in a first-party cookie, not a fingerprint.

use serde::{Deserialize, Serialize};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A new visit starts after this long without a page view (`db/analytics.rs::seen`).
pub const VISIT_IDLE_SECS: i64 = 30 * 60;
/// The most clicks one batch may carry.
pub const CLICKS_PER_BATCH: usize = 50;
/// The longest path and click label kept, in characters (longer ones are cut).
pub const PATH_MAX: usize = 300;
pub const LABEL_MAX: usize = 200;

/// The network an address belongs to, as stored: `203.0.113.0/24`, `2001:db8:85a3::/48`.
/// An IPv4 address mapped into IPv6 counts as IPv4.
pub fn shortened_ip(ip: IpAddr) -> String {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{}/24", Ipv4Addr::new(a, b, c, 0))
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
        }
    }
}

/// A visitor number as the shop makes them: 32 lowercase hex digits.
pub fn is_visitor_id(value: &str) -> bool {
    value.len() == 32
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The path of an address as analytics keeps it: no query (it can hold search words or
/// one-time keys), no fragment, every key in it replaced by `:key` (a password-reset or
/// confirmation token, an unsubscribe or receipt key), at most [`PATH_MAX`] characters.
pub fn kept_path(path_and_query: &str) -> String {
    let path = path_and_query.split(['?', '#']).next().unwrap_or_default();
    let path: Vec<&str> = path
        .split('/')
        .map(|segment| if is_key(segment) { ":key" } else { segment })
        .collect();
    path.join("/").chars().take(PATH_MAX).collect()
}

/// A path segment that is a key the shop made: 16 or more hexadecimal digits, possibly
/// after an id and a dot (`12.ab34…`). Product addresses have letters beyond `f` or
/// hyphens, so they never are.
fn is_key(segment: &str) -> bool {
    let key = segment.rsplit('.').next().unwrap_or_default();
    key.len() >= 16 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// One click as the hydrated app reports it: the page and what was clicked (a link's path or
/// a form's action, never the text on it, which can name the shopper).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Click {
    pub path: String,
    pub label: String,
}

impl Click {
    /// The click as kept: path without query, label cut, control characters dropped;
    /// `None` when either is empty.
    pub fn kept(&self) -> Option<Click> {
        let clean = |s: &str, max: usize| -> String {
            s.chars().filter(|c| !c.is_control()).take(max).collect()
        };
        let click = Click {
            path: clean(&kept_path(&self.path), PATH_MAX),
            label: clean(&kept_path(&self.label), LABEL_MAX),
        };
        (!click.path.is_empty() && !click.label.is_empty()).then_some(click)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_cut_to_their_network() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(shortened_ip(ip("203.0.113.77")), "203.0.113.0/24");
        assert_eq!(shortened_ip(ip("10.1.2.255")), "10.1.2.0/24");
        assert_eq!(
            shortened_ip(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348")),
            "2001:db8:85a3::/48"
        );
        assert_eq!(shortened_ip(ip("::ffff:198.51.100.9")), "198.51.100.0/24");
        assert_eq!(shortened_ip(ip("::1")), "::/48");
    }

    #[test]
    fn keys_in_paths_are_never_kept() {
        let token = "ab".repeat(32);
        assert_eq!(
            kept_path(&format!("/account/reset/{token}")),
            "/account/reset/:key"
        );
        assert_eq!(
            kept_path(&format!("/unsubscribe/12.{token}")),
            "/unsubscribe/:key"
        );
        assert_eq!(
            kept_path("/products/tourline-r-p3-91"),
            "/products/tourline-r-p3-91"
        );
        assert_eq!(kept_path("/orders/12?key=abc"), "/orders/12");
        assert_eq!(kept_path("/products/deadbeef"), "/products/deadbeef");
    }

    #[test]
    fn paths_and_labels_lose_queries_and_are_bounded() {
        assert_eq!(kept_path("/search?q=my+name#top"), "/search");
        assert_eq!(kept_path(&format!("/{}", "z".repeat(400))).len(), PATH_MAX);
        let click = Click {
            path: "/catalog?page=2".into(),
            label: "/products/x?\u{7}y".into(),
        };
        assert_eq!(
            click.kept(),
            Some(Click {
                path: "/catalog".into(),
                label: "/products/x".into()
            })
        );
        assert_eq!(
            Click {
                path: "".into(),
                label: "x".into()
            }
            .kept(),
            None
        );
        assert!(is_visitor_id(&"ab".repeat(16)));
        assert!(!is_visitor_id(&"AB".repeat(16)) && !is_visitor_id("abc"));
    }
}
