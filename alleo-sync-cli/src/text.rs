//! The readable output: the core's text report (`alleo_csv_core::text`), in colour
//! on a terminal and plain when piped or with `NO_COLOR` (the caller's `anstream`
//! stream strips the colours).

use alleo_csv_core::lifecycle::Previous;
use alleo_csv_core::text::{Paint, PreviousState, Tone};
use anstyle::{AnsiColor, Style};

pub use alleo_csv_core::text::{AsOf, Context, write_plan, write_report};

use crate::config_file::Loaded;
use crate::previous::{Chosen, Origin};

/// A terminal's colours for the core's tones.
#[derive(Debug)]
pub struct Ansi([(String, String); 5]);

impl Default for Ansi {
    fn default() -> Ansi {
        let toned = |colour: AnsiColor| colour.on_default().bold();
        // In `Tone`'s order, which `marks` finds them by.
        let styles = [
            toned(AnsiColor::Red),
            toned(AnsiColor::Yellow),
            toned(AnsiColor::Green),
            Style::new().dimmed(),
            Style::new().bold(),
        ];
        Ansi(styles.map(|s| (s.render().to_string(), s.render_reset().to_string())))
    }
}

impl Paint for Ansi {
    fn marks(&self, tone: Tone) -> (&str, &str) {
        let (start, end) = &self.0[tone as usize];
        (start, end)
    }
}

/// What the readable report says `file` (`-`: standard input) was checked with:
/// the date, the configuration and the previous state. Hands it to `write`.
pub fn with_context<T>(
    file: &str,
    as_of: AsOf,
    loaded: &Loaded,
    chosen: &Chosen,
    all: bool,
    write: impl FnOnce(&Context<'_>) -> T,
) -> T {
    let config = loaded.path.as_ref().map(|p| p.display().to_string());
    let shown = match &chosen.origin {
        Origin::Given(path) | Origin::Delivered(path) | Origin::NotYet(path) => {
            path.display().to_string()
        }
        Origin::Ignored | Origin::NoFolder => String::new(),
    };
    let n = chosen.previous.as_ref().map_or(0, Previous::len);
    let previous = match &chosen.origin {
        Origin::Given(_) => PreviousState::Given(&shown, n),
        Origin::Delivered(_) => PreviousState::Delivered(&shown, n),
        Origin::NotYet(_) => PreviousState::NotYet(&shown),
        Origin::Ignored => PreviousState::Ignored,
        Origin::NoFolder => PreviousState::NoFolder,
    };
    write(&Context {
        file: (file != "-").then_some(file),
        as_of,
        config: config.as_deref(),
        previous: Some(previous),
        all,
    })
}
