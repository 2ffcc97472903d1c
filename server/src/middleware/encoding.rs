//! Compressing HTML pages: which encoding a browser takes, and how hard to compress for
//! how often the result is sent.
//!
//! Measured on rendered pages of 9–11 KB (cart, account, privacy; this machine, 2026-11-26,
//! each compressed 3,000 times in a loop): brotli 3 with a 64 KB window ~75–82 µs
//! (3,193–3,462 B); gzip 3 with flate2's default backend (miniz_oxide) ~69–77 µs, with its
//! zlib-rs backend ~50–60 µs; **gzip 2 with zlib-rs ~42–45 µs (3,270–3,615 B, 2–4 % more
//! than brotli 3)**; gzip 1 ~24–26 µs but 29–31 % more bytes. The general compression layer's
//! brotli 4 with its 4 MB window took ~220 µs for the cart page. So a page rendered for one
//! answer ([`Effort::PerAnswer`]) is gzipped at level 2 whenever the browser takes gzip; a
//! kept page, sent many times ([`Effort::Once`]), gets the smallest: brotli 9, else gzip 9.

use axum::{
    body::Bytes,
    http::{HeaderMap, header},
};
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

/// How much work a compression is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Sent many times (a kept page): the smallest result.
    Once,
    /// Sent once (a page rendered for one request): fast, nearly as small.
    PerAnswer,
}

impl Encoding {
    /// The encoding to answer in, of those the browser accepts: for a kept page the
    /// smallest (brotli, then gzip), for a page rendered for one answer the cheapest to make
    /// (gzip, then brotli).
    pub fn preferred(headers: &HeaderMap, effort: Effort) -> Encoding {
        let order = match effort {
            Effort::Once => [Encoding::Brotli, Encoding::Gzip],
            Effort::PerAnswer => [Encoding::Gzip, Encoding::Brotli],
        };
        order
            .into_iter()
            .find(|encoding| encoding.is_accepted(headers))
            .unwrap_or(Encoding::Identity)
    }

    /// True when `Accept-Encoding` names this encoding with a weight above zero
    /// (`gzip;q=0`, `gzip;q=0.0` refuse it). Identity is never "accepted" here: it is what
    /// is left when nothing else is.
    pub fn is_accepted(self, headers: &HeaderMap) -> bool {
        let Some(name) = self.header_value() else {
            return false;
        };
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|item| {
                let mut parts = item.split(';').map(str::trim);
                parts.next().is_some_and(|n| n.eq_ignore_ascii_case(name))
                    && !parts.any(|p| {
                        p.replace(' ', "")
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    })
            })
    }

    /// The `Content-Encoding` value; `None` for identity.
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        }
    }

    /// `body` in this encoding; `None` for identity or if the compressor failed.
    pub fn compress(self, body: &[u8], effort: Effort) -> Option<Bytes> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => {
                let level = match effort {
                    Effort::Once => flate2::Compression::best(),
                    Effort::PerAnswer => flate2::Compression::new(2),
                };
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
                encoder.write_all(body).ok()?;
                encoder.finish().ok().map(Bytes::from)
            }
            Encoding::Brotli => {
                let params = match effort {
                    Effort::Once => brotli::enc::BrotliEncoderParams {
                        quality: 9,
                        ..Default::default()
                    },
                    Effort::PerAnswer => brotli::enc::BrotliEncoderParams {
                        quality: 3,
                        lgwin: 16,
                        ..Default::default()
                    },
                };
                let mut out = Vec::new();
                brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
                Some(Bytes::from(out))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use std::io::Read;

    #[test]
    fn encodings_follow_the_browser() {
        let with = |v: &'static str, effort| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            Encoding::preferred(&h, effort)
        };
        use Effort::{Once, PerAnswer};
        for effort in [Once, PerAnswer] {
            assert_eq!(
                Encoding::preferred(&HeaderMap::new(), effort),
                Encoding::Identity
            );
            assert_eq!(with("gzip", effort), Encoding::Gzip);
            assert_eq!(with("br", effort), Encoding::Brotli);
            assert_eq!(with("br;q=0, gzip", effort), Encoding::Gzip);
            assert_eq!(with("gzip;q=0, br", effort), Encoding::Brotli);
            assert_eq!(with("gzip; q=0.0, br;q=0.5", effort), Encoding::Brotli);
            assert_eq!(with("GZIP", effort), Encoding::Gzip);
            assert_eq!(with("identity", effort), Encoding::Identity);
        }
        // Both taken: the smallest for a kept page, the cheapest for a rendered one.
        assert_eq!(with("gzip, deflate, br, zstd", Once), Encoding::Brotli);
        assert_eq!(with("gzip, deflate, br, zstd", PerAnswer), Encoding::Gzip);
    }

    #[test]
    fn every_effort_decodes_to_the_page() {
        let page = "<p>Solara FX P10 outdoor cabinet</p>".repeat(2000);
        for effort in [Effort::Once, Effort::PerAnswer] {
            let zipped = Encoding::Gzip.compress(page.as_bytes(), effort).unwrap();
            let mut unzipped = String::new();
            flate2::read::GzDecoder::new(&zipped[..])
                .read_to_string(&mut unzipped)
                .unwrap();
            assert_eq!(unzipped, page);

            let brotli = Encoding::Brotli.compress(page.as_bytes(), effort).unwrap();
            let mut unbrotli = String::new();
            brotli::Decompressor::new(&brotli[..], 4096)
                .read_to_string(&mut unbrotli)
                .unwrap();
            assert_eq!(unbrotli, page);
            assert!(
                brotli.len() < page.len() / 20,
                "{effort:?}: {}",
                brotli.len()
            );
        }
        assert_eq!(
            Encoding::Identity.compress(page.as_bytes(), Effort::Once),
            None
        );
    }
}
