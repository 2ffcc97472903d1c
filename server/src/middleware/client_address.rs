//! The client's address, for the sign-in limits: the TCP peer, unless the peer is one of the
//! configured reverse proxies (`site.trusted_proxies`), in which case `X-Forwarded-For` is
//! read from the right, skipping trusted proxies, and the first other address is the client.
//! A visitor cannot choose their address by sending the header to the shop directly.

use app::backend::request::context::ClientAddr;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::HeaderMap,
    middleware::Next,
    response::Response,
};
use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

#[derive(Clone, Default)]
pub struct TrustedProxies(pub Arc<Vec<IpAddr>>);

pub async fn client_address(
    State(trusted): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if let Some(peer) = peer {
        let client = client_of(peer, request.headers(), &trusted.0);
        request.extensions_mut().insert(ClientAddr(client));
    }
    next.run(request).await
}

fn client_of(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let mut hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    while let Some(hop) = hops.pop() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            // Garbage from beyond the last trusted proxy: the proxy's view stands.
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let trusted = [ip("10.0.0.1"), ip("10.0.0.2")];
        let h = headers(&["6.6.6.6, 203.0.113.9"]);
        // Straight from the internet: the header is the visitor's own word.
        assert_eq!(
            client_of(ip("198.51.100.7"), &h, &trusted),
            ip("198.51.100.7")
        );
        // Through the proxy: the address it saw (the rightmost), not what the client wrote.
        assert_eq!(client_of(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        // Through two trusted proxies.
        let h = headers(&["203.0.113.9", "10.0.0.2"]);
        assert_eq!(client_of(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        // No header, or garbage: the proxy itself.
        assert_eq!(
            client_of(ip("10.0.0.1"), &headers(&[]), &trusted),
            ip("10.0.0.1")
        );
        let h = headers(&["not-an-address"]);
        assert_eq!(client_of(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.1"));
        // Nothing trusted: the peer always.
        assert_eq!(
            client_of(ip("10.0.0.1"), &headers(&["203.0.113.9"]), &[]),
            ip("10.0.0.1")
        );
    }
}
