//! Findings: a spreadsheet's problems as data — what was found ([`Kind`], which
//! carries the typed values its message needs), its stable [`Code`] and severity,
//! and where it is. The wording lives in `messages`: one exhaustive `match` on
//! [`Kind`] per language, so a finding without wording does not compile.
//!
//! # Adding a finding
//!
//! A new code (say `W009`):
//! 1. add `W009` to the `codes!` list below, in catalogue order (the enum, `ALL`,
//!    `COUNT` and `as_str` follow; severity and level come from the code's letters);
//! 2. add a [`Kind`] variant carrying the values the message needs, and its arm
//!    in [`Kind::code`];
//! 3. add its arm in `messages/vi.rs` and `messages/en.rs` (`fn wording`);
//! 4. add its `explain` entry to `EXPLANATIONS` in both `messages/vi.rs` and
//!    `messages/en.rs` (the arrays have `Code::COUNT` entries in `Code::ALL`
//!    order, checked at compile time);
//! 5. build it where it is detected (`check/…`), document it in
//!    `shared/spec/validation.md`, and give the new code a sample in the tests of
//!    `messages.rs` (`one_of_each_kind`: a test fails until every code has one).
//!
//! A new wording of an existing code (a new E001 case, say "old BIFF format") is
//! steps 2, 3 and 5 only. In steps 1 to 4 the compiler points at the next place: a
//! non-exhaustive `match`, or an explanation array of the wrong length.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::read::legacy::Encoding;
use crate::read::table::Column;
use crate::read::FileKind;

/// Declares [`Code`] from one list: the enum (in catalogue order, which is also
/// its sort order), `ALL`, `COUNT` and `as_str`.
macro_rules! codes {
    ($($code:ident),+ $(,)?) => {
        /// Every finding code of `shared/spec/validation.md`. The codes are a public
        /// contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code),+
        }

        impl Code {
            /// All codes, in catalogue order.
            pub const ALL: [Code; Code::COUNT] = [$(Code::$code),+];

            /// How many codes there are.
            pub const COUNT: usize = [$(stringify!($code)),+].len();

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),+
                }
            }
        }
    };
}

codes! {
    E001, E002, E003, E004, E005, E006, W007, E008, W009,
    E101, E102, W103, E104, E105, E106, W107, W108, W109, W110, E111, E112, W113, W114, E115, W116,
    E201, W202, W203,
    E301, W302, E303, W304,
}

impl Code {
    /// The code's position in [`Code::ALL`] (for tables kept in catalogue order).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Parses a code as a user types it (`e104` too).
    pub fn parse(s: &str) -> Option<Code> {
        let up = s.trim().to_ascii_uppercase();
        Code::ALL.into_iter().find(|c| c.as_str() == up)
    }

    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// Where the finding applies: file, row, unit or batch.
    pub fn level(self) -> Level {
        match self.as_str().as_bytes()[1] {
            b'0' => Level::File,
            b'1' => Level::Row,
            b'2' => Level::Unit,
            _ => Level::Batch,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    File,
    Row,
    Unit,
    Batch,
}

/// A unit of the plan as a message names it: `QLKH (Phòng Quản lý Khoa học)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName {
    pub code: String,
    pub name: String,
}

/// What was found: one variant per wording, with the values that wording shows.
/// Texts are as the user wrote them (cell text already squashed); numbers,
/// dates, columns and file kinds stay typed and are spelled by `messages`.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    // File level.
    /// E001: damaged, truncated or not readable as its format; `detail` is shown
    /// only in verbose output.
    Corrupt { detail: String },
    /// E001: another kind of file under a spreadsheet's name.
    NotSpreadsheet { found: FileKind },
    /// E001: a pipe, socket or device under a spreadsheet's name (never opened).
    NotRegularFile,
    /// E001: the program is not allowed to read the file.
    NoPermission,
    /// E001: an Excel 2.x–4.0 file (BIFF2–4).
    OldExcel,
    /// E002.
    Encrypted,
    /// E003: no header row; the required columns not found.
    NoHeader { missing: Vec<Column> },
    /// E004: no unit in the title block, and the file name (`stem`) names none.
    UnitUnknown { file_stem: String },
    /// E005: the unit written in the title block is not in the plan.
    UnitNotInPlan {
        written: String,
        suggestions: Vec<UnitName>,
    },
    /// E005: the code given with `--unit` is not in the plan.
    ForcedUnitNotInPlan {
        code: String,
        suggestions: Vec<UnitName>,
    },
    /// E006: file size, bytes.
    FileTooLarge { limit: u64, found: u64 },
    /// E006: uncompressed size of the package, bytes.
    UncompressedTooLarge { limit: u64, found: u64 },
    /// E006: non-empty cells of a sheet.
    TooManyCells { limit: u64, found: u64 },
    /// E006: cells from a sheet's first to its last used cell.
    AreaTooLarge { limit: u64, found: u64 },
    /// E006: highest row used.
    TooManyRows { limit: u64, found: u64 },
    /// E006: highest column used.
    TooManyColumns { limit: u64, found: u64 },
    /// E006: characters in one cell.
    TextTooLong { limit: u64, found: u64 },
    /// W007: a header row and no data rows.
    NoDataRows,
    /// E008: a required column is missing from the header row found; `found` are
    /// the labels written in that row, `nearest` the one closest to the column's
    /// labels that names no other column (if any).
    MissingColumn {
        column: Column,
        found: Vec<String>,
        nearest: Option<String>,
    },
    /// W009: a required column recognised by its values; `header` is its header
    /// cell's text (maybe empty), `label` the label to give it.
    ColumnByValues {
        column: Column,
        header: String,
        label: String,
    },

    // Row level.
    /// E101: no task on the row nor on a group row above it.
    NoTask,
    /// E102: a task number that the plan does not have (`tasks`: the plan's).
    TaskNotInPlan {
        written: String,
        task: u32,
        tasks: Vec<u32>,
    },
    /// E102: no task number to read.
    TaskNoNumber { written: String, tasks: Vec<u32> },
    /// W103: the task is not assigned to the file's unit.
    TaskNotAssigned { task: u32, unit: String },
    /// E104: the quantity is not a number.
    QuantityNotNumber { value: String },
    /// E104: the quantity is negative.
    QuantityNegative { value: String },
    /// E104: the quantity is not a whole number.
    QuantityFractional { value: String },
    /// E104: a number with its unit in the quantity cell (`02 lớp`), and another
    /// unit in the unit-of-measure cell.
    QuantityMeasureDiffers {
        value: String,
        in_quantity: String,
        in_measure: String,
    },
    /// E105: no status.
    StatusEmpty,
    /// E105: a status that is none of the accepted ones.
    StatusUnknown { value: String },
    /// E106: no time.
    TimeEmpty,
    /// E106: a time that cannot be read.
    TimeUnreadable { value: String },
    /// E106: a date written month first; `suggestion` is it day first.
    TimeMonthFirst { value: String, suggestion: String },
    /// E106: a quarter other than I to IV.
    TimeNotAQuarter { value: String },
    /// E106: a day or month not on the calendar.
    TimeNoSuchDate { value: String },
    /// E106: a range that ends before it starts.
    TimeReversed { value: String },
    /// W107: the time is outside the plan's year.
    OutsideYear { value: String, year: i32 },
    /// W108: the time is outside the task's timeline (`timeline` as the plan
    /// writes it).
    OutsideTimeline {
        value: String,
        task: u32,
        timeline: String,
    },
    /// W109: done, but no quantity.
    DoneWithoutQuantity,
    /// W109: done, but a quantity of 0.
    DoneWithZeroQuantity,
    /// W110: the row repeats the one at 1-based `first_row`.
    DuplicateRow { first_row: u32, task: u32 },
    /// E111: a formula error in a cell of the table.
    FormulaError { column: Column, error: String },
    /// E112: no activity.
    NoActivity,
    /// W113: content areas not in plan section II (`count` items).
    ContentAreasNotInPlan { areas: Vec<u32>, count: usize },
    /// W113: a content area that cannot be read.
    ContentAreaUnreadable { item: String, count: usize },
    /// W114: a unit of measure not in the plan's list (`measures`).
    MeasureUnknown {
        value: String,
        measures: Vec<String>,
    },
    /// E115: a quantity above 0 without a unit of measure.
    NoMeasure { quantity: u64 },
    /// W116: a number with its unit in the quantity cell (`02 lớp`), read as
    /// `quantity` in `measure`.
    QuantityWithMeasure {
        value: String,
        quantity: u64,
        measure: String,
    },
    /// W116: a status word whose reading is a judgement, read as `reading` (the
    /// status's label).
    StatusJudged { value: String, reading: String },

    // Unit level.
    /// E201: a task the unit leads has no row.
    LeadTaskMissing { task: u32, title: String },
    /// W202: the report date is after the units' deadline.
    LateReport {
        date: NaiveDate,
        deadline: NaiveDate,
    },
    /// W203: `count` cells in a legacy encoding, converted.
    LegacyText { count: usize, encoding: Encoding },
    /// W203: `count` cells in decomposed Unicode, composed.
    DecomposedText { count: usize },

    // Batch level.
    /// E301: a unit that leads `tasks` sent no file.
    LeadUnitMissing { unit: UnitName, tasks: Vec<u32> },
    /// W302: a unit that leads no task sent no file.
    UnitMissing { unit: UnitName },
    /// E303: two or more files claim the unit.
    UnitClaimedTwice { unit: String, files: Vec<PathBuf> },
    /// W304: a file in the folder that is not a spreadsheet.
    StrayFile { path: PathBuf },
}

impl Kind {
    /// The finding code of this kind.
    pub fn code(&self) -> Code {
        use Kind::*;
        match self {
            Corrupt { .. } | NotSpreadsheet { .. } | NotRegularFile | NoPermission | OldExcel => {
                Code::E001
            }
            Encrypted => Code::E002,
            NoHeader { .. } => Code::E003,
            UnitUnknown { .. } => Code::E004,
            UnitNotInPlan { .. } | ForcedUnitNotInPlan { .. } => Code::E005,
            FileTooLarge { .. }
            | UncompressedTooLarge { .. }
            | TooManyCells { .. }
            | AreaTooLarge { .. }
            | TooManyRows { .. }
            | TooManyColumns { .. }
            | TextTooLong { .. } => Code::E006,
            NoDataRows => Code::W007,
            MissingColumn { .. } => Code::E008,
            ColumnByValues { .. } => Code::W009,
            NoTask => Code::E101,
            TaskNotInPlan { .. } | TaskNoNumber { .. } => Code::E102,
            TaskNotAssigned { .. } => Code::W103,
            QuantityNotNumber { .. }
            | QuantityNegative { .. }
            | QuantityFractional { .. }
            | QuantityMeasureDiffers { .. } => Code::E104,
            StatusEmpty | StatusUnknown { .. } => Code::E105,
            TimeEmpty
            | TimeUnreadable { .. }
            | TimeMonthFirst { .. }
            | TimeNotAQuarter { .. }
            | TimeNoSuchDate { .. }
            | TimeReversed { .. } => Code::E106,
            OutsideYear { .. } => Code::W107,
            OutsideTimeline { .. } => Code::W108,
            DoneWithoutQuantity | DoneWithZeroQuantity => Code::W109,
            DuplicateRow { .. } => Code::W110,
            FormulaError { .. } => Code::E111,
            NoActivity => Code::E112,
            ContentAreasNotInPlan { .. } | ContentAreaUnreadable { .. } => Code::W113,
            MeasureUnknown { .. } => Code::W114,
            NoMeasure { .. } => Code::E115,
            QuantityWithMeasure { .. } | StatusJudged { .. } => Code::W116,
            LeadTaskMissing { .. } => Code::E201,
            LateReport { .. } => Code::W202,
            LegacyText { .. } | DecomposedText { .. } => Code::W203,
            LeadUnitMissing { .. } => Code::E301,
            UnitMissing { .. } => Code::W302,
            UnitClaimedTwice { .. } => Code::E303,
            StrayFile { .. } => Code::W304,
        }
    }

    /// Technical detail for verbose output, not part of the message.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Kind::Corrupt { detail } => Some(detail),
            _ => None,
        }
    }
}

/// One problem found: what, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub sheet: Option<String>,
    /// 0-based (row, col) of the cell, shown to users as A1.
    pub cell: Option<(u32, u32)>,
    /// Unit code, for batch-level findings.
    pub unit: Option<String>,
    /// Files concerned, for batch-level findings (E303 names both).
    pub paths: Vec<PathBuf>,
}

impl Finding {
    pub fn new(kind: Kind) -> Self {
        Finding {
            kind,
            sheet: None,
            cell: None,
            unit: None,
            paths: Vec::new(),
        }
    }

    pub fn at(mut self, sheet: &str, row: u32, col: u32) -> Self {
        self.sheet = Some(sheet.to_string());
        self.cell = Some((row, col));
        self
    }

    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_string());
        self
    }

    pub fn unit(mut self, code: &str) -> Self {
        self.unit = Some(code.to_string());
        self
    }

    pub fn path(mut self, p: impl Into<PathBuf>) -> Self {
        self.paths.push(p.into());
        self
    }

    pub fn code(&self) -> Code {
        self.kind.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// The A1 address of the cell, if any.
    pub fn cell_a1(&self) -> Option<String> {
        self.cell.map(|(r, c)| crate::read::a1(r, c))
    }

    /// 1-based row number as the user sees it.
    pub fn row_number(&self) -> Option<u32> {
        self.cell.map(|(r, _)| r + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_classify() {
        assert_eq!(Code::parse("e104"), Some(Code::E104));
        assert_eq!(Code::parse("X999"), None);
        assert_eq!(Code::W203.severity(), Severity::Warning);
        assert_eq!(Code::E303.level(), Level::Batch);
        assert_eq!(Code::W007.level(), Level::File);
        assert_eq!(Code::E201.level(), Level::Unit);
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn the_code_list_is_in_catalogue_order() {
        for (i, c) in Code::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i);
        }
        assert!(Code::ALL.windows(2).all(|w| w[0] < w[1]));
        // Within a level, by number.
        let number = |c: Code| c.as_str()[1..].parse::<u32>().unwrap();
        assert!(Code::ALL.windows(2).all(|w| number(w[0]) < number(w[1])));
    }

    #[test]
    fn cell_is_shown_as_a1() {
        let f = Finding::new(Kind::QuantityFractional {
            value: "12,5".into(),
        })
        .at("Kết quả", 11, 5);
        assert_eq!(f.code(), Code::E104);
        assert_eq!(f.cell_a1().as_deref(), Some("F12"));
        assert_eq!(f.row_number(), Some(12));
    }
}
