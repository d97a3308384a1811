//! One problem found in the employee file, with where it is and what it is.

use chrono::NaiveDate;

use crate::code::{Code, Severity};
use crate::field::FieldKey;
use crate::issues::Cell;
use crate::messages::{self, Lang};
use crate::rules::date::DateProblem;
use crate::rules::email::EmailProblem;
use crate::rules::sensitive::Sensitive;

/// One problem in the employee file.
///
/// Where it is: `row` is the spreadsheet row as Excel shows it (the header is row 1,
/// the first employee row 2; a record with quoted newlines is still one row), `None`
/// for file-level issues. `column` is the header as written in the file, `field` the
/// canonical key (`email`, `custom_fte`); either may be `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Spreadsheet row (1-based, header = 1), or `None` for the whole file.
    pub row: Option<u64>,
    /// The header as written in the file.
    pub column: Option<String>,
    /// The canonical field key or custom field name.
    pub field: Option<String>,
    /// The cell value as written, if the issue is about one.
    pub value: Option<String>,
    /// What exactly is wrong; decides the [`Code`] and the message.
    pub detail: Detail,
    /// 0-based column position, to order issues within a row.
    pub(crate) position: Option<usize>,
}

impl Issue {
    /// An issue with the code's default severity and no location yet.
    pub fn new(detail: Detail) -> Issue {
        Issue {
            severity: detail.code().default_severity(),
            row: None,
            column: None,
            field: None,
            value: None,
            detail,
            position: None,
        }
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        self.detail.code()
    }

    /// The column's position, counted from 0, for an issue about a cell or a
    /// column.
    pub fn position(&self) -> Option<usize> {
        self.position
    }

    /// The message in `lang`; with `show_values` false, no cell value (nor anything
    /// derived from one) appears in it.
    pub fn message(&self, lang: Lang, show_values: bool) -> String {
        self.view().message(lang, show_values)
    }

    /// The issue, borrowed, as a report hands it out.
    pub fn view(&self) -> IssueRef<'_> {
        IssueRef {
            severity: self.severity,
            row: self.row,
            column: self.column.as_deref(),
            field: self.field.as_deref(),
            value: self.value.as_deref(),
            detail: &self.detail,
            position: self.position,
        }
    }

    /// An issue about `cell`, whose value is `value`.
    pub(crate) fn at(cell: Cell<'_>, detail: Detail, value: &str) -> Issue {
        Issue::new(detail)
            .at_row(cell.row)
            .in_column(cell.position, cell.header, cell.field)
            .with_value(value)
    }

    pub(crate) fn at_row(mut self, row: u64) -> Issue {
        self.row = Some(row);
        self
    }

    pub(crate) fn in_column(mut self, position: usize, header: &str, field: Option<&str>) -> Issue {
        self.position = Some(position);
        self.column = Some(header.to_owned());
        self.field = field.map(str::to_owned);
        self
    }

    pub(crate) fn with_value(mut self, value: &str) -> Issue {
        self.value = Some(value.to_owned());
        self
    }
}

/// One issue as a [`Report`](crate::Report) holds it: borrowed from the report,
/// cheap to copy. [`IssueRef::to_issue`] makes an owned [`Issue`] of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueRef<'a> {
    /// Error or warning.
    pub severity: Severity,
    /// Spreadsheet row (1-based, header = 1), or `None` for the whole file.
    pub row: Option<u64>,
    /// The header as written in the file.
    pub column: Option<&'a str>,
    /// The canonical field key or custom field name.
    pub field: Option<&'a str>,
    /// The cell value as written, if the issue is about one.
    pub value: Option<&'a str>,
    /// What exactly is wrong; decides the [`Code`] and the message.
    pub detail: &'a Detail,
    /// 0-based column position, to order issues within a row.
    pub(crate) position: Option<usize>,
}

impl<'a> IssueRef<'a> {
    /// The stable code.
    pub fn code(&self) -> Code {
        self.detail.code()
    }

    /// The message in `lang`; with `show_values` false, no cell value (nor anything
    /// derived from one) appears in it.
    pub fn message(&self, lang: Lang, show_values: bool) -> String {
        messages::render(self, lang, show_values)
    }

    /// The column name to use in a message: the header as written, else the field.
    pub(crate) fn column_name(&self) -> &'a str {
        self.column.or(self.field).unwrap_or_default()
    }

    /// The same issue, owned.
    pub fn to_issue(&self) -> Issue {
        Issue {
            severity: self.severity,
            row: self.row,
            column: self.column.map(str::to_owned),
            field: self.field.map(str::to_owned),
            value: self.value.map(str::to_owned),
            detail: self.detail.clone(),
            position: self.position,
        }
    }
}

/// What exactly is wrong, with what the message needs. Each variant belongs to one
/// [`Code`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Detail {
    /// `empty-file`.
    EmptyFile,
    /// `encoding`: the first byte that is not UTF-8, counted from 0 from the start of
    /// the file, and the row it is on; `utf16` when the file is UTF-16.
    Encoding {
        /// Spreadsheet row of the bad byte.
        row: Option<u64>,
        /// Byte offset from the start of the file, counting from 0.
        byte: u64,
        /// The file is UTF-16 (it starts with UTF-16's byte order mark).
        utf16: bool,
    },
    /// `encoding`: the file is not text at all (it holds NUL bytes).
    NotText {
        /// It is an Excel workbook (`.xlsx` or `.xls`).
        workbook: bool,
    },
    /// `delimiter`: the separator found instead of a comma.
    Delimiter {
        /// `;`, `\t` or `|`.
        found: char,
    },
    /// `delimiter`: the file starts with Excel's own line `sep=X`, which Alleo
    /// would read as the header.
    SepLine {
        /// The delimiter the line names.
        found: char,
    },
    /// `file-name`: the name as given.
    FileName {
        /// The file name.
        name: String,
    },
    /// `missing-column`.
    MissingColumn {
        /// The required field with no column.
        field: FieldKey,
    },
    /// `duplicate-column`: the header of the earlier column for the same field.
    DuplicateColumn {
        /// Header of the first column that holds this field.
        first: String,
    },
    /// `unknown-column`: the closest Alleo field, if any.
    UnknownColumn {
        /// 1-based column position (for headers with no name).
        position: usize,
        /// A likely meant field label.
        suggestion: Option<String>,
    },
    /// `custom-field-name`.
    CustomFieldName {
        /// The valid name to use instead, if one can be made.
        suggestion: Option<String>,
        /// The header is an Alleo reporting name (`alleo_custom_...`).
        reporting: bool,
    },
    /// `row-length`.
    RowLength {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// `unclosed-quote`.
    UnclosedQuote,
    /// `blank-row`.
    BlankRow,
    /// `required`.
    Required,
    /// `excel-error`.
    ExcelError,
    /// `email-format`.
    EmailFormat(EmailProblem),
    /// `email-duplicate`: the row where the address was first used.
    EmailDuplicate {
        /// Spreadsheet row of the first use.
        first_row: u64,
    },
    /// `date-format`.
    DateFormat(DateProblem),
    /// `decimal-format`, with the value written as a dot decimal when it can be read.
    DecimalFormat {
        /// The value as a dot decimal.
        hint: Option<String>,
    },
    /// `integer-format`, with the value as a whole number when it is one.
    IntegerFormat {
        /// The value as a whole number.
        hint: Option<String>,
    },
    /// `language`, with the code most likely meant.
    Language {
        /// `en`, `nl` or `de`.
        suggestion: Option<&'static str>,
    },
    /// `company-group`, with the closest known group.
    CompanyGroup {
        /// A known group with a near-identical name.
        suggestion: Option<String>,
    },
    /// `onboarding-past`: the date is before `as_of`.
    OnboardingPast {
        /// The pickup date checked against.
        as_of: NaiveDate,
        /// Known from the previous state to be a new employee (an error then);
        /// false when there is no previous state (a warning).
        new_employee: bool,
    },
    /// `offboarding-not-future`: the date is on or before `as_of`.
    OffboardingNotFuture {
        /// The pickup date checked against.
        as_of: NaiveDate,
        /// Known from the previous state to be newly set or changed (an error
        /// then); false when there is no previous state (a warning).
        changed: bool,
    },
    /// `offboarding-short-notice`: days between `as_of` and the date (1..=29).
    OffboardingShortNotice {
        /// Days of notice.
        days: i64,
    },
    /// `offboarding-before-onboarding`.
    OffboardingBeforeOnboarding {
        /// The onboarding date of the same row.
        onboarding: NaiveDate,
    },
    /// `birthday-implausible`: in the future, or over 120 years before `as_of`.
    BirthdayImplausible {
        /// True when in the future; false when too long ago.
        future: bool,
    },
    /// `onboarding-date-locked`: the date in the previous state.
    OnboardingDateLocked {
        /// The onboarding date as the previous state has it.
        previous: String,
    },
    /// `offboarding-removed`: the date in the previous state.
    OffboardingRemoved {
        /// The offboarding date as the previous state has it.
        previous: String,
    },
    /// `reactivation-required`: the account was deactivated on this date.
    ReactivationRequired {
        /// The previous state's offboarding date.
        deactivated: NaiveDate,
    },
    /// `absent`: the employee's address (also in the issue's `value`).
    Absent,
    /// `email-change-suspected`: the absent employee's address.
    EmailChangeSuspected {
        /// The address in the previous state.
        previous_email: String,
    },
    /// `mass-deactivation`: deactivations scheduled, and the most allowed.
    MassDeactivation {
        /// Deactivations the file schedules.
        count: u64,
        /// The most `[safety] max_deactivations` allows.
        limit: u64,
        /// Employees in the previous state.
        previous: u64,
    },
    /// `sensitive-data`: why the column counts as sensitive.
    SensitiveData {
        /// Its header's name, or the values it holds.
        reason: Sensitive,
    },
}

impl Detail {
    /// The code this detail belongs to.
    pub fn code(&self) -> Code {
        match self {
            Detail::EmptyFile => Code::EmptyFile,
            Detail::Encoding { .. } | Detail::NotText { .. } => Code::Encoding,
            Detail::Delimiter { .. } | Detail::SepLine { .. } => Code::Delimiter,
            Detail::FileName { .. } => Code::FileName,
            Detail::MissingColumn { .. } => Code::MissingColumn,
            Detail::DuplicateColumn { .. } => Code::DuplicateColumn,
            Detail::UnknownColumn { .. } => Code::UnknownColumn,
            Detail::CustomFieldName { .. } => Code::CustomFieldName,
            Detail::RowLength { .. } => Code::RowLength,
            Detail::UnclosedQuote => Code::UnclosedQuote,
            Detail::BlankRow => Code::BlankRow,
            Detail::Required => Code::Required,
            Detail::ExcelError => Code::ExcelError,
            Detail::EmailFormat(_) => Code::EmailFormat,
            Detail::EmailDuplicate { .. } => Code::EmailDuplicate,
            Detail::DateFormat(_) => Code::DateFormat,
            Detail::DecimalFormat { .. } => Code::DecimalFormat,
            Detail::IntegerFormat { .. } => Code::IntegerFormat,
            Detail::Language { .. } => Code::Language,
            Detail::CompanyGroup { .. } => Code::CompanyGroup,
            Detail::OnboardingPast { .. } => Code::OnboardingPast,
            Detail::OffboardingNotFuture { .. } => Code::OffboardingNotFuture,
            Detail::OffboardingShortNotice { .. } => Code::OffboardingShortNotice,
            Detail::OffboardingBeforeOnboarding { .. } => Code::OffboardingBeforeOnboarding,
            Detail::BirthdayImplausible { .. } => Code::BirthdayImplausible,
            Detail::OnboardingDateLocked { .. } => Code::OnboardingDateLocked,
            Detail::OffboardingRemoved { .. } => Code::OffboardingRemoved,
            Detail::ReactivationRequired { .. } => Code::ReactivationRequired,
            Detail::Absent => Code::Absent,
            Detail::EmailChangeSuspected { .. } => Code::EmailChangeSuspected,
            Detail::MassDeactivation { .. } => Code::MassDeactivation,
            Detail::SensitiveData { .. } => Code::SensitiveData,
        }
    }
}
