//! A progress bar for an upload, on a terminal only.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Draws `sent of total` on standard error, at most ten times a second.
#[derive(Debug)]
pub struct Progress {
    total: u64,
    enabled: bool,
    drawn: Option<Instant>,
}

const WIDTH: usize = 30;

impl Progress {
    /// A bar for `total` bytes, drawn only when `wanted` and standard error is a
    /// terminal.
    pub fn new(total: u64, wanted: bool) -> Progress {
        Progress {
            total,
            enabled: wanted && std::io::stderr().is_terminal(),
            drawn: None,
        }
    }

    /// Shows `sent` bytes done.
    pub fn update(&mut self, sent: u64) {
        if !self.enabled
            || self
                .drawn
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100) && sent < self.total)
        {
            return;
        }
        self.drawn = Some(Instant::now());
        let total = self.total.max(1);
        let share = |of: u64| {
            u64::try_from(u128::from(sent.min(total)) * u128::from(of) / u128::from(total))
                .unwrap_or(of)
        };
        let filled = usize::try_from(share(WIDTH as u64)).unwrap_or(WIDTH);
        let _ = write!(
            std::io::stderr(),
            "\r  sending [{}{}] {:>3}%  {} of {} MB",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            share(100),
            megabytes(sent),
            megabytes(self.total)
        );
    }

    /// Clears the bar.
    pub fn finish(&mut self) {
        if self.enabled && self.drawn.is_some() {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(WIDTH + 40));
        }
    }
}

/// `12.3` for 12,345,678 bytes.
fn megabytes(bytes: u64) -> String {
    format!("{}.{}", bytes / 1_000_000, bytes / 100_000 % 10)
}
