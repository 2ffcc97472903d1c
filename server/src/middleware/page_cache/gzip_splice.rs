//! Gzip for a kept page with a visitor's values put in: the page's fixed pieces are deflated
//! once, each ending on a byte boundary (a sync flush, never a final block); an answer is the
//! gzip header, the pieces' deflated bytes with each value between them as a stored
//! (uncompressed) deflate block, an empty final block, and the CRC-32 and length of the
//! whole. No compressor runs per request: the work is a copy and a checksum.

use axum::body::Bytes;
use flate2::{Compress, Compression, FlushCompress, Status};

/// `piece` deflated on its own, ending on a byte boundary with no final block.
pub fn deflate_piece(piece: &[u8]) -> Option<Bytes> {
    let mut compressor = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(piece.len() / 3 + 64);
    loop {
        let read = usize::try_from(compressor.total_in()).ok()?;
        let status = compressor
            .compress_vec(&piece[read..], &mut out, FlushCompress::Sync)
            .ok()?;
        let done = usize::try_from(compressor.total_in()).ok()? == piece.len()
            && out.len() < out.capacity();
        if done || status == Status::StreamEnd {
            break;
        }
        out.reserve(out.capacity().max(1024));
    }
    Some(Bytes::from(out))
}

/// The gzip member of `pieces[0] values[0] pieces[1] … values[n-1] pieces[n]`, given each
/// piece's [`deflate_piece`].
pub fn gzip(pieces: &[Bytes], deflated: &[Bytes], values: &[&str]) -> Vec<u8> {
    debug_assert_eq!(pieces.len(), deflated.len());
    debug_assert_eq!(pieces.len(), values.len() + 1);
    let size = deflated.iter().map(Bytes::len).sum::<usize>()
        + values.iter().map(|v| v.len() + 5).sum::<usize>()
        + 32;
    let mut out = Vec::with_capacity(size);
    // Magic, deflate, no flags, no time, no extra flags, unknown OS.
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    let mut crc = crc32fast::Hasher::new();
    let mut len: u64 = 0;
    for (i, piece) in deflated.iter().enumerate() {
        out.extend_from_slice(piece);
        crc.update(&pieces[i]);
        len += pieces[i].len() as u64;
        if let Some(value) = values.get(i) {
            stored_blocks(&mut out, value.as_bytes());
            crc.update(value.as_bytes());
            len += value.len() as u64;
        }
    }
    // The final block: stored, empty.
    out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // ISIZE is the length modulo 2^32.
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out
}

/// `bytes` as non-final stored blocks (at most 65 535 bytes each), starting on a byte
/// boundary: a header byte (not final, stored), LEN and its complement, the bytes.
fn stored_blocks(out: &mut Vec<u8>, bytes: &[u8]) {
    for chunk in bytes.chunks(u16::MAX as usize) {
        let n = chunk.len() as u16;
        out.push(0);
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&(!n).to_le_bytes());
        out.extend_from_slice(chunk);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> String {
        let mut out = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut out)
            .expect("valid gzip");
        out
    }

    #[test]
    fn pieces_and_values_make_one_valid_gzip_stream() {
        let head = "<html><head><title>Solara</title></head><body>".repeat(40);
        let tail = "<p>Outdoor cabinet, 10 mm pitch</p>".repeat(300);
        let pieces: Vec<Bytes> = [head.as_str(), "<span>", "", &tail]
            .iter()
            .map(|p| Bytes::copy_from_slice(p.as_bytes()))
            .collect();
        let deflated: Vec<Bytes> = pieces.iter().map(|p| deflate_piece(p).unwrap()).collect();
        assert!(
            deflated[3].len() < tail.len() / 10,
            "the pieces are compressed"
        );
        let big = "x".repeat(70_000);
        for values in [
            ["Mei", "3 · €2,160.00", ""],
            ["", "", ""],
            ["李梅 & <b>", "¥", big.as_str()],
        ] {
            let zipped = gzip(&pieces, &deflated, &values);
            let expected = format!("{head}{}<span>{}{}{tail}", values[0], values[1], values[2]);
            assert_eq!(gunzip(&zipped), expected);
        }
    }
}
