//! A check on two threads: the calling thread reads and parses, a second one
//! checks, and the reading thread takes a share of the rules when the checking
//! thread falls behind.

use std::io::Read;
use std::ops::ControlFlow;
use std::sync::{Arc, OnceLock};

use super::found::{Ahead, Finder};
use super::{Checker, Validator};
use crate::error::Result;
use crate::read::{RecordBatch, RecordReader, read_chunks};
use crate::report::Report;

impl Validator {
    /// Reads, parses and checks `reader`, with the checks on a second thread (see
    /// [`beside`]). When the checks fall behind (`ahead_from` batches wait for
    /// them), the reading thread finds what the rules find in the next batch
    /// itself, so that both threads share the rules' work; the report does not
    /// depend on which thread found what.
    pub(super) fn check_beside<R: Read>(self, reader: R, ahead_from: usize) -> Result<Report> {
        let Validator {
            reader: records,
            checker,
        } = self;
        // The rules of the rows, once the checking thread has read the header.
        let rules: OnceLock<Arc<Finder>> = OnceLock::new();
        beside(
            reader,
            records,
            checker,
            |batch, ahead: &mut Ahead, waiting| match rules.get() {
                Some(finder) if waiting >= ahead_from => {
                    ahead.find(finder, batch);
                }
                _ => ahead.clear(),
            },
            |c, batch, ahead| {
                if ahead.is_empty() {
                    batch.for_each(&mut |r| c.record(r));
                } else {
                    c.add_values(ahead.values());
                    let mut index = 0;
                    batch.for_each(&mut |r| {
                        c.record_found(r, ahead.of(index));
                        index += 1;
                    });
                }
                if rules.get().is_none()
                    && let Some(finder) = c.finder()
                {
                    let _ = rules.set(Arc::clone(finder));
                }
            },
        )
        .map(Checker::into_report)
    }
}

/// How many batches must wait for the checking thread before the reading thread
/// finds what the rules find in the next one itself.
pub(super) const AHEAD_FROM: usize = 2;

/// Reads and parses `reader` on this thread and hands the records, a batch at a
/// time, to `sink` on a second one, so that parsing the next records overlaps
/// using the last ones. Before a batch goes, `prepare` may add to it what the
/// reading thread can work out ahead (it is told how many batches wait already).
/// Records go across in the order read, one batch per chunk, through a channel
/// that holds at most four batches (with what `prepare` added to each): what
/// `sink` sees is what one thread would see, and memory stays bounded.
pub(crate) fn beside<R: Read, S: Send, T: Default + Send>(
    reader: R,
    mut records: RecordReader,
    mut state: S,
    prepare: impl Fn(&RecordBatch, &mut T, usize),
    sink: impl Fn(&mut S, &RecordBatch, &T) + Send,
) -> Result<S> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    let (full, batches) = mpsc::sync_channel::<(RecordBatch, T)>(4);
    let (spare, emptied) = mpsc::channel::<(RecordBatch, T)>();
    let waiting = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let waiting = &waiting;
        let using = scope.spawn(move || {
            for (mut batch, extra) in batches {
                waiting.fetch_sub(1, Ordering::Relaxed);
                sink(&mut state, &batch, &extra);
                batch.clear();
                // The reader may be gone already; the batch is then dropped.
                let _ = spare.send((batch, extra));
            }
            state
        });
        let mut batch = (RecordBatch::default(), T::default());
        let send = |batch: &mut (RecordBatch, T)| {
            if !batch.0.is_empty() {
                prepare(&batch.0, &mut batch.1, waiting.load(Ordering::Relaxed));
                let next = emptied.try_recv().unwrap_or_default();
                waiting.fetch_add(1, Ordering::Relaxed);
                // Fails only if the other thread is gone; join() says why.
                let _ = full.send(std::mem::replace(batch, next));
            }
        };
        let read = read_chunks(reader, |chunk| {
            records.feed(chunk, &mut |r| batch.0.push(r));
            send(&mut batch);
            ControlFlow::Continue(())
        });
        if read.is_ok() {
            records.finish(&mut |r| batch.0.push(r));
            send(&mut batch);
        }
        drop(full);
        let state = using
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.map(|()| state)
    })
}
