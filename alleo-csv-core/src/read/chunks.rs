//! The crate's one read loop: a reader read to its end in chunks.

use std::io::{ErrorKind, Read};
use std::ops::ControlFlow;

use crate::error::{Error, Result};

/// How much is read at a time.
pub(crate) const CHUNK: usize = 64 * 1024;

/// Reads `reader` to its end in chunks of up to [`CHUNK`] bytes, handing each to
/// `each`, which may stop the reading early (`ControlFlow::Break`): the crate's one
/// read loop (an interrupted read is tried again; a failed one is [`Error::Read`]).
pub(crate) fn read_chunks<R: Read>(
    mut reader: R,
    mut each: impl FnMut(&[u8]) -> ControlFlow<()>,
) -> Result<()> {
    let mut buf = vec![0u8; CHUNK];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                if each(&buf[..n]).is_break() {
                    return Ok(());
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Read(e)),
        }
    }
}

/// [`read_chunks`] for a reader that is told of the end: `feed(chunk, false)` for
/// each chunk while it returns true, then, unless it stopped, `feed(&[], true)`.
pub(crate) fn feed_chunks<R: Read>(
    reader: R,
    mut feed: impl FnMut(&[u8], bool) -> bool,
) -> Result<()> {
    let mut going = true;
    read_chunks(reader, |chunk| {
        going = feed(chunk, false);
        if going {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })?;
    if going {
        feed(&[], true);
    }
    Ok(())
}
