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

#[cfg(test)]
mod tests {
    //! The check on two threads gives the report of one, whichever thread finds
    //! what.

    use proptest::prelude::*;

    use super::super::tests::{as_of, report_json};
    use super::*;
    use crate::code::Code;
    use crate::{Config, Options, sample, validate};

    proptest! {
        // Each case checks thousands of rows, so fewer cases cover plenty.
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn checking_on_a_second_thread_gives_the_same_report(
            seed in any::<u64>(),
            rows in 0usize..3000,
            roster in any::<bool>(),
            before in "[\r\n ]{0,3}",
            noise in "[a-z@,\"\r\n]{0,40}",
        ) {
            // Large enough for many 64 KiB chunks (and batches), with duplicates and
            // junk; a roster has issues in the columns whose rules run ahead.
            let mut file = before.into_bytes();
            let profile = if roster { sample::Profile::Roster } else { sample::Profile::Clean };
            profile.write(&mut file, rows, seed, as_of()).unwrap();
            file.extend_from_slice(noise.as_bytes());
            file.extend_from_slice(&file.clone()[..file.len().min(5000)]);
            let one_thread = report_json(&file, 4096);
            let threaded = validate(&file[..], &sample::config(), Options::new(as_of())).unwrap();
            prop_assert_eq!(&serde_json::to_value(threaded).unwrap(), &one_thread);
            // Whichever thread finds what the rules find: the reading one for every
            // batch it can, or for none.
            for ahead_from in [0, usize::MAX] {
                let validator = Validator::new(&sample::config(), Options::new(as_of()));
                let report = validator.check_beside(&file[..], ahead_from).unwrap();
                prop_assert_eq!(&serde_json::to_value(report).unwrap(), &one_thread);
            }
        }
    }

    /// A file large enough that most of its batches are checked after the header's
    /// rules reach the reading thread (the property test above, with up to 3,000
    /// rows, seldom gets there): the report is the one thread's whichever thread
    /// found what, with bytes that are not UTF-8 (a Latin-1 é) in dates near the end.
    #[test]
    fn findings_made_ahead_give_the_one_thread_report() {
        let mut file = Vec::new();
        sample::Profile::Roster
            .write(&mut file, 40_000, 11, as_of())
            .unwrap();
        let dashes: Vec<usize> = (file.len() / 2..file.len())
            .filter(|&i| file[i] == b'-')
            .step_by(997)
            .collect();
        for &at in dashes.iter().rev() {
            file.insert(at, 0xE9);
        }
        let one_thread = report_json(&file, 1 << 16);
        let replaced = one_thread["issues"].as_array().unwrap().iter();
        assert!(
            replaced
                .filter(|i| i["value"].as_str().is_some_and(|v| v.contains('\u{FFFD}')))
                .count()
                > 10
        );
        for ahead_from in [0, AHEAD_FROM, usize::MAX] {
            let validator = Validator::new(&sample::config(), Options::new(as_of()));
            let report = validator.check_beside(&file[..], ahead_from).unwrap();
            assert_eq!(
                serde_json::to_value(report).unwrap(),
                one_thread,
                "{ahead_from}"
            );
        }
    }

    /// The value counts of batches found ahead are added: a column of national ID
    /// numbers but for its first 3,900 values of 40,000 (90.25%) is sensitive
    /// whichever thread counted; counting only the batches checked on the checking
    /// thread would find it is not.
    #[test]
    fn values_counted_ahead_tell_a_sensitive_column() {
        let mut file = String::from("Email,First name,Last name,Nummer\n");
        let mut n = 0u32;
        for k in 0..40_000u32 {
            let value = if k < 3900 {
                "x".to_owned()
            } else {
                // The next eight digits that a ninth makes a valid BSN (the 11-test).
                loop {
                    n += 1;
                    let eight: Vec<u32> = (10_000_000 + n)
                        .to_string()
                        .bytes()
                        .map(|b| u32::from(b - b'0'))
                        .collect();
                    let ninth = eight
                        .iter()
                        .zip((2..=9).rev())
                        .map(|(d, w)| d * w)
                        .sum::<u32>()
                        % 11;
                    if ninth < 10 {
                        break eight
                            .iter()
                            .chain([&ninth])
                            .map(ToString::to_string)
                            .collect();
                    }
                }
            };
            file.push_str(&["p", &k.to_string(), "@example.nl,P,Q,", &value, "\n"].concat());
        }
        let config: Config = toml::from_str("[mapping]\n\"Nummer\" = \"custom_nummer\"").unwrap();
        let mut one = Validator::new(&config, Options::new(as_of()));
        one.feed(file.as_bytes());
        let one_thread = one.finish();
        assert!(
            one_thread
                .issues
                .iter()
                .any(|i| i.code() == Code::SensitiveData)
        );
        for ahead_from in [0, usize::MAX] {
            let validator = Validator::new(&config, Options::new(as_of()));
            let report = validator.check_beside(file.as_bytes(), ahead_from).unwrap();
            assert_eq!(report, one_thread, "{ahead_from}");
        }
    }
}
