//! Compressing HTML pages: which encoding a browser takes, and how hard to compress for
//! how often the result is sent.
//!
//! Measured on a rendered 11 KB cart page (this machine, one run, 2026-11-26): brotli 4 with
//! its default 4 MB window, what the general compression layer uses, took ~220 µs; the same
//! level with a 64 KB window, which gives the same bytes for any page under 64 KB, ~125 µs;
//! brotli 3 with that window ~83 µs for 7% more bytes (3,469 B against 3,232 B); gzip 3 ~75 µs
//! (3,422 B). Brotli 5 with the small window took milliseconds. A page rendered for one
//! answer is compressed at [`Effort::PerAnswer`]; a kept page, sent many times, at
//! [`Effort::Once`].

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
    /// The best encoding the browser accepts of those the shop makes (brotli, then gzip).
    pub fn preferred(headers: &HeaderMap) -> Encoding {
        let accepts = |name: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.split(';').map(str::trim);
                    parts.next() == Some(name) && !parts.any(|p| p.replace(' ', "") == "q=0")
                })
        };
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
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
                    Effort::PerAnswer => flate2::Compression::new(3),
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
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            Encoding::preferred(&h)
        };
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
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
