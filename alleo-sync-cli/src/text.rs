//! The readable output: the core's text report (`alleo_csv_core::text`), in colour
//! on a terminal and plain when piped or with `NO_COLOR` (the caller's `anstream`
//! stream strips the colours).

use alleo_csv_core::text::{Paint, PreviousState, Tone};
use anstyle::{AnsiColor, Style};

pub use alleo_csv_core::text::{AsOf, Context, write_plan, write_report};

use crate::previous::Origin;

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

/// A terminal's colours for the core's tones.
#[derive(Debug)]
pub struct Ansi {
    marks: [(String, String); 5],
}

impl Default for Ansi {
    fn default() -> Ansi {
        let marks = |s: Style| (s.render().to_string(), s.render_reset().to_string());
        Ansi {
            marks: [
                marks(ERROR),
                marks(WARNING),
                marks(OK),
                marks(DIM),
                marks(BOLD),
            ],
        }
    }
}

impl Paint for Ansi {
    fn marks(&self, tone: Tone) -> (&str, &str) {
        let (start, end) = &self.marks[match tone {
            Tone::Error => 0,
            Tone::Warning => 1,
            Tone::Ok => 2,
            Tone::Dim => 3,
            Tone::Bold => 4,
        }];
        (start, end)
    }
}

/// The previous state as the report describes it: `source`, and its number of
/// employees when it was read. Borrows the path's text from `shown`.
pub fn previous_state<'a>(
    source: &Origin,
    employees: Option<usize>,
    shown: &'a mut String,
) -> PreviousState<'a> {
    let n = employees.unwrap_or(0);
    match source {
        Origin::Given(path) | Origin::Delivered(path) | Origin::NotYet(path) => {
            *shown = path.display().to_string();
            match source {
                Origin::Given(_) => PreviousState::Given(shown, n),
                Origin::Delivered(_) => PreviousState::Delivered(shown, n),
                _ => PreviousState::NotYet(shown),
            }
        }
        Origin::Ignored => PreviousState::Ignored,
        Origin::NoFolder => PreviousState::NoFolder,
    }
}
