//! Checks on uploaded product pictures: the bytes themselves decide the type (never the name
//! or the browser's claim), and SVG is refused because it can carry scripts.

use crate::error::Problem;

/// The largest picture accepted.
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

/// The content type of a PNG, JPEG or WebP image, judged by its first bytes.
pub fn sniff(bytes: &[u8]) -> Result<&'static str, Problem> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Problem::FileTooLarge {
            max_kib: MAX_IMAGE_BYTES / 1024,
        });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok("image/webp")
    } else {
        Err(Problem::NotAnImage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pictures_by_their_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Ok("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Ok("image/jpeg"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), Err(Problem::NotAnImage));
        assert_eq!(sniff(b"GIF89a"), Err(Problem::NotAnImage));
        assert_eq!(sniff(b""), Err(Problem::NotAnImage));
        let big = vec![0u8; MAX_IMAGE_BYTES + 1];
        assert_eq!(sniff(&big), Err(Problem::FileTooLarge { max_kib: 1024 }));
    }
}
