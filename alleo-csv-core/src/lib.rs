//! Check the Alleo employee file before it is sent.
//!
//! Alleo onboards, updates and deactivates employees from a CSV file it picks up
//! from an SFTP server twice a day. A wrong file means people who cannot log in, or
//! people deactivated by mistake. This crate holds every rule of that file, pure: no
//! clock, no network, no I/O beyond the reader it is handed.
//!
//! ```
//! use alleo_csv_core::{validate, Config, Options, Lang};
//! use chrono::NaiveDate;
//!
//! let file = "\
//! Email,First name,Last name,Birthday,Language
//! j.devries@example.nl,Jan,de Vries,17-05-1990,nl
//! a.muller@example.de,Anna,Müller,1985-02-11,NL
//! ";
//! // The pickup the file is meant for; fronts use `schedule::next_pickup`.
//! let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
//!
//! assert!(!report.valid());
//! assert_eq!(report.rows, 2);
//! let first = report.issues.get(0).unwrap();
//! assert_eq!((first.code().as_str(), first.row), ("date-format", Some(2)));
//! assert_eq!(
//!     first.message(Lang::En, true),
//!     "Birthday 17-05-1990 is not a date in the form YYYY-MM-DD; write 1990-05-17."
//! );
//! assert_eq!(report.issues.get(1).unwrap().message(Lang::En, false),
//!     "Language is not a language Alleo knows. Did you mean nl? Use en, nl or de, or leave it empty for the company's default.");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```
//!
//! The [`Report`] serialises (serde) to the JSON every front gives; problems in the
//! file are always [`Issue`]s in it, never an [`Error`], which is kept for what stops
//! a run (a read failure, a bad configuration).
//!
//! Rows are spreadsheet rows as Excel shows them: the header is row 1, the first
//! employee row 2, blank lines count, and a record whose quoted fields hold line
//! breaks is one row.

pub mod code;
pub mod config;
pub mod did_you_mean;
pub mod digest;
mod error;
pub mod field;
mod header;
pub mod input;
mod issue;
mod issues;
pub mod job;
mod json;
pub mod lifecycle;
pub mod mapping;
mod messages;
pub mod naming;
mod options;
mod read;
mod report;
pub mod rules;
pub mod sample;
pub mod schedule;
pub mod sheet;
pub mod split;
mod swar;
pub mod text;
pub mod transform;
mod unique;
mod validate;

pub use code::{Code, Scope, Severity};
pub use config::{
    Company, Config, ConfigFile, CustomFields, CustomName, CustomType, Limit, Mapping, Safety,
    Schema, SchemaField, Target,
};
pub use error::{Error, Result};
pub use field::{FieldKey, normalize_header};
pub use header::ColumnSummary;
pub use input::Input;
pub use issue::{Detail, Issue, IssueRef};
pub use issues::Issues;
pub use messages::Lang;
pub use naming::{is_custom_name, reporting_name, upload_name};
pub use options::Options;
pub use report::Report;
pub use validate::{MAX_AGE_YEARS, NOTICE_DAYS, Validator, validate};

/// The README's Rust examples, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
