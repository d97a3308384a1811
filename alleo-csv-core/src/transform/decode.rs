//! Bytes in the export's encoding -> UTF-8, streaming, and telling which encoding a
//! file is written in.

use std::io::Read;
use std::ops::ControlFlow;

use encoding_rs::DecoderResult;

use crate::error::Result;
use crate::input::Encoding;
use crate::read::{CHUNK, read_chunks};

/// Decodes pushed chunks to UTF-8. A byte order mark decides the encoding over the
/// one asked for, and is dropped.
#[derive(Debug)]
pub(crate) struct Decoder {
    inner: encoding_rs::Decoder,
    out: Vec<u8>,
    /// Bytes of input consumed, to place a malformed sequence.
    offset: u64,
    /// The offset of the first malformed byte sequence, if any.
    malformed: Option<u64>,
}

impl Decoder {
    pub fn new(encoding: Encoding) -> Decoder {
        Decoder {
            inner: encoding.inner().new_decoder(),
            out: Vec::new(),
            offset: 0,
            malformed: None,
        }
    }

    /// The encoding in use: the one asked for, or the one a byte order mark named
    /// (known once the first bytes have been fed).
    pub fn encoding(&self) -> Encoding {
        Encoding::from_inner(self.inner.encoding())
    }

    /// Where the first byte that is not valid in the encoding is, if one was seen.
    /// Decoding stops there: what follows would be guesswork.
    pub fn malformed(&self) -> Option<u64> {
        self.malformed
    }

    /// Decodes `chunk` (`last`: nothing follows) and returns the UTF-8 it gave.
    pub fn feed(&mut self, mut chunk: &[u8], last: bool) -> &[u8] {
        // `out` keeps its length from chunk to chunk: zeroed once when it grows,
        // not for every chunk.
        let mut len = 0;
        if self.malformed.is_some() {
            return &[];
        }
        loop {
            let room = self
                .inner
                .max_utf8_buffer_length_without_replacement(chunk.len())
                .unwrap_or(chunk.len() * 3 + 16);
            if self.out.len() < len + room {
                self.out.resize(len + room, 0);
            }
            let (result, read, written) =
                self.inner
                    .decode_to_utf8_without_replacement(chunk, &mut self.out[len..], last);
            len += written;
            chunk = &chunk[read..];
            self.offset += read as u64;
            match result {
                DecoderResult::InputEmpty => return &self.out[..len],
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, after) => {
                    let back = u64::from(bad) + u64::from(after);
                    self.malformed = Some(self.offset.saturating_sub(back));
                    return &self.out[..len];
                }
            }
        }
    }
}

/// Tells the encoding of a whole file: the one its byte order mark names, else
/// UTF-8 when every byte is valid UTF-8, else Windows-1252 (every byte has a
/// meaning there, and it is what Excel writes for "CSV" on Western European
/// Windows).
///
/// ```
/// use alleo_csv_core::input::Encoding;
/// use alleo_csv_core::transform::detect_encoding;
/// assert_eq!(detect_encoding("Müller".as_bytes()).unwrap(), Encoding::UTF_8);
/// assert_eq!(detect_encoding(&b"M\xFCller"[..]).unwrap(), Encoding::WINDOWS_1252);
/// assert_eq!(detect_encoding(&b"\xFF\xFEM\0"[..]).unwrap(), Encoding::UTF_16LE);
/// ```
///
/// # Errors
/// [`Error::Read`](crate::Error::Read) when `reader` fails.
pub fn detect_encoding<R: Read>(reader: R) -> Result<Encoding> {
    let mut head = Vec::new();
    let mut decoder = encoding_rs::UTF_8.new_decoder_without_bom_handling();
    let mut sink = vec![0u8; CHUNK];
    // Whether the bytes so far, `last` being the end, are not UTF-8.
    let mut malformed = |mut chunk: &[u8], last: bool| loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(chunk, &mut sink, last);
        chunk = &chunk[read..];
        match result {
            DecoderResult::Malformed(..) => return true,
            DecoderResult::OutputFull => {}
            DecoderResult::InputEmpty => return false,
        }
    };
    let mut found = None;
    read_chunks(reader, |chunk| {
        if head.len() < 3 {
            head.extend_from_slice(&chunk[..chunk.len().min(3)]);
            found = Encoding::from_bom(&head);
        }
        if found.is_none() && malformed(chunk, false) {
            found = Some(Encoding::WINDOWS_1252);
        }
        if found.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    Ok(found.unwrap_or_else(|| {
        if malformed(&[], true) {
            Encoding::WINDOWS_1252
        } else {
            Encoding::UTF_8
        }
    }))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn decode_in_chunks(bytes: &[u8], encoding: Encoding, size: usize) -> (Vec<u8>, Option<u64>) {
        let mut d = Decoder::new(encoding);
        let mut out = Vec::new();
        for c in bytes.chunks(size.max(1)) {
            out.extend_from_slice(d.feed(c, false));
        }
        out.extend_from_slice(d.feed(&[], true));
        (out, d.malformed())
    }

    #[test]
    fn windows_1252_and_utf16() {
        let (out, bad) = decode_in_chunks(b"J\xFCrgen;\x80 5", Encoding::WINDOWS_1252, 2);
        assert_eq!(
            (String::from_utf8(out).unwrap().as_str(), bad),
            ("Jürgen;€ 5", None)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let mut d = Decoder::new(Encoding::UTF_8);
        let out = d.feed(&utf16, true).to_vec();
        assert_eq!(String::from_utf8(out).unwrap(), "Zoë");
        assert_eq!(d.encoding(), Encoding::UTF_16LE);
    }

    #[test]
    fn utf8_bom_is_dropped_and_bad_bytes_are_placed() {
        let (out, bad) = decode_in_chunks(b"\xEF\xBB\xBFab", Encoding::WINDOWS_1252, 1);
        assert_eq!((out.as_slice(), bad), (&b"ab"[..], None));
        let (out, bad) = decode_in_chunks(b"abc\xFFdef", Encoding::UTF_8, 2);
        assert_eq!((out.as_slice(), bad), (&b"abc"[..], Some(3)));
        let (_, bad) = decode_in_chunks(b"ab\xC3", Encoding::UTF_8, 1);
        assert_eq!(bad, Some(2));
    }

    proptest! {
        #[test]
        fn chunks_do_not_change_the_text(text in "\\PC{0,40}", size in 1usize..7) {
            let (out, bad) = decode_in_chunks(text.as_bytes(), Encoding::UTF_8, size);
            prop_assert_eq!(out, text.as_bytes());
            prop_assert_eq!(bad, None);
            let utf16: Vec<u8> = [0xFE, 0xFF].into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
            let (out, _) = decode_in_chunks(&utf16, Encoding::UTF_8, size);
            prop_assert_eq!(out, text.as_bytes());
        }

        #[test]
        fn detection_matches_utf8_validity(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let expected = if Encoding::from_bom(&bytes).is_some() {
                Encoding::from_bom(&bytes).unwrap()
            } else if std::str::from_utf8(&bytes).is_ok() {
                Encoding::UTF_8
            } else {
                Encoding::WINDOWS_1252
            };
            prop_assert_eq!(detect_encoding(&bytes[..]).unwrap(), expected);
        }
    }
}
