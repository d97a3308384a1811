//! Writing every issue of a report, JSON or CSV, a block at a time: each distinct
//! issue encoded once, and, off the browser, the blocks made on two threads.

use std::collections::HashMap;
use std::io::{self, Write};
use std::num::NonZeroU64;
use std::ops::Range;

use super::Issues;
use super::intern::Keyed;
use crate::code::Severity;
use crate::issue::IssueRef;

/// Appends one issue but its row to the buffer given and says how many of the
/// bytes appended come before the row (a front puts the row there).
pub(crate) type Encode<'a> = dyn Fn(IssueRef<'_>, &mut Vec<u8>) -> usize + Sync + 'a;

/// Appends one issue to a block of output: whether it is the first of all, its
/// row, and what [`Encode`] made of it, split where the row goes.
pub(crate) type Frame<'a> = dyn Fn(bool, Option<u64>, &[u8], &[u8], &mut Vec<u8>) + Sync + 'a;

/// Issues per block of output (about 1.7 MB of JSON).
const BLOCK: usize = 4096;

impl Issues {
    /// Writes every issue to `out`, in order, as `frame` puts what `encode`
    /// makes of it. Issues of the same severity, column, value and detail encode
    /// alike (their messages are the same), and are encoded once: a file with a
    /// warning on each of a million rows renders one message per distinct value.
    /// Off the browser a second thread makes every other block, one ahead of the
    /// writing: memory holds a few blocks, whatever the number of issues.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub(crate) fn write_encoded(
        &self,
        out: &mut impl Write,
        encode: &Encode<'_>,
        frame: &Frame<'_>,
    ) -> io::Result<()> {
        let blocks = self.entries.len().div_ceil(BLOCK);
        #[cfg(not(target_family = "wasm"))]
        if blocks > 1 {
            return self.write_beside(out, blocks, encode, frame);
        }
        let (mut encoder, mut block) = (Encoder::default(), Vec::new());
        for b in 0..blocks {
            encoder.block(self, self.block_range(b), encode, frame, &mut block);
            out.write_all(&block)?;
        }
        Ok(())
    }

    /// The issues of block `b`.
    fn block_range(&self, b: usize) -> Range<usize> {
        b * BLOCK..((b + 1) * BLOCK).min(self.entries.len())
    }

    /// [`Issues::write_encoded`] with the odd blocks made on a second thread.
    #[cfg(not(target_family = "wasm"))]
    fn write_beside(
        &self,
        out: &mut impl Write,
        blocks: usize,
        encode: &Encode<'_>,
        frame: &Frame<'_>,
    ) -> io::Result<()> {
        use std::sync::mpsc;

        std::thread::scope(|scope| {
            let (made, odd) = mpsc::sync_channel::<Vec<u8>>(1);
            let (spare, written) = mpsc::channel::<Vec<u8>>();
            scope.spawn(move || {
                let mut encoder = Encoder::default();
                for b in (1..blocks).step_by(2) {
                    let mut block = written.try_recv().unwrap_or_default();
                    encoder.block(self, self.block_range(b), encode, frame, &mut block);
                    // Fails only when the writing stopped (`out` failed).
                    if made.send(block).is_err() {
                        break;
                    }
                }
            });
            let mut encoder = Encoder::default();
            let mut block = Vec::new();
            for b in 0..blocks {
                if b % 2 == 0 {
                    encoder.block(self, self.block_range(b), encode, frame, &mut block);
                    out.write_all(&block)?;
                } else {
                    // The other thread sends every odd block; if it panicked
                    // instead, the scope passes the panic on when this returns.
                    let theirs = odd
                        .recv()
                        .map_err(|_| io::Error::other("the second thread stopped"))?;
                    out.write_all(&theirs)?;
                    let _ = spare.send(theirs);
                }
            }
            Ok(())
        })
    }
}

/// Distinct encodings kept; past this many, the others are encoded each time
/// they occur (a file whose every issue is different gains nothing from keeping
/// them).
const KEPT: usize = 16_384;

/// What an issue's encoding depends on -> where it lies in the arena (start,
/// split, end).
type Kept = HashMap<(Severity, u32, u32, u32), (usize, usize, usize), Keyed>;

/// Encodes issues, each distinct one once.
#[derive(Default)]
struct Encoder {
    kept: Kept,
    arena: Vec<u8>,
    scratch: Vec<u8>,
}

impl Encoder {
    /// Fills `block` (replacing what it held) with the issues of `range`.
    fn block(
        &mut self,
        issues: &Issues,
        range: Range<usize>,
        encode: &Encode<'_>,
        frame: &Frame<'_>,
        block: &mut Vec<u8>,
    ) {
        block.clear();
        for (index, e) in range.clone().zip(&issues.entries[range]) {
            let key = (e.severity, e.place, e.value, e.detail);
            let (bytes, split) = if let Some(&(start, split, end)) = self.kept.get(&key) {
                (&self.arena[start..end], split - start)
            } else if self.kept.len() < KEPT {
                let start = self.arena.len();
                let split = start + encode(issues.view(e), &mut self.arena);
                self.kept.insert(key, (start, split, self.arena.len()));
                (&self.arena[start..], split - start)
            } else {
                self.scratch.clear();
                let split = encode(issues.view(e), &mut self.scratch);
                (&self.scratch[..], split)
            };
            let (head, tail) = bytes.split_at(split.min(bytes.len()));
            frame(index == 0, e.row.map(NonZeroU64::get), head, tail, block);
        }
    }
}

/// Appends `n` in decimal digits.
pub(crate) fn push_number(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}
